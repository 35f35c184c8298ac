#!/usr/bin/env bash
# Measures aa-nats side by side with a minimal nats.c program sending the same
# JetStream API requests, against a throwaway local server, in one run.
# Results and method: docs/performance.md.
#
# usage: bash bench/run.sh [BUILD_DIR]   (default build-bench/, configured Release by this script)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-bench}"

bash scripts/install-deps.sh
command -v hyperfine >/dev/null || { apt-get install -y -qq hyperfine >/dev/null; }
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target aa-nats bench_raw_requests >/dev/null
aa="$build/aa-nats"
raw="$build/bench/bench_raw_requests"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
store=$(mktemp -d /tmp/aa-nats-bench.XXXXXX)
nats-server -js -a 127.0.0.1 -p "$port" -sd "$store" >"$store/server.log" 2>&1 &
server=$!
# The server's exit status on SIGTERM must not become the script's.
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$store"' EXIT
url="nats://127.0.0.1:$port"
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done

# The four topology streams, then STREAMS more to list.
streams="${STREAMS:-1000}"
"$raw" "$url" '$JS.API.INFO' >/dev/null
python3 - "$url" "$streams" <<'PY'
import socket, json, sys
host, port = sys.argv[1].split("//")[1].split(":")
s = socket.create_connection((host, int(port)))
s.recv(4096)
s.sendall(b'CONNECT {"verbose":false}\r\n')
def create(name, subjects):
    body = json.dumps({"name": name, "subjects": subjects, "storage": "memory"}).encode()
    s.sendall(b"PUB $JS.API.STREAM.CREATE.%s %d\r\n%s\r\n" % (name.encode(), len(body), body))
create("AA_CORE_HOT", ["athlete-ally.>", "sleep.*"])
create("AA_VENDOR_HOT", ["vendor.>"])
create("AA_DLQ", ["dlq.>"])
for i in range(int(sys.argv[2])):
    create("BENCH_%05d" % i, ["bench.%d" % i])
durable = json.dumps({"stream_name": "AA_CORE_HOT", "config": {"durable_name": "normalize-hrv-durable",
                      "ack_policy": "explicit", "max_deliver": 5, "ack_wait": 60000000000}}).encode()
s.sendall(b"PUB $JS.API.CONSUMER.DURABLE.CREATE.AA_CORE_HOT.normalize-hrv-durable %d\r\n%s\r\n" % (len(durable), durable))
s.sendall(b"PING\r\n")
buf = b""
while b"PONG" not in buf:
    buf += s.recv(65536)
PY

info_subjects=('$JS.API.STREAM.INFO.AA_CORE_HOT' '$JS.API.STREAM.INFO.AA_VENDOR_HOT' '$JS.API.STREAM.INFO.AA_DLQ' '$JS.API.STREAM.INFO.ATHLETE_ALLY_EVENTS')
list_pages=()
for ((offset = 0; offset < streams + 3; offset += 256)); do list_pages+=('$JS.API.STREAM.LIST'); done

verify_subjects=("${info_subjects[@]}" '$JS.API.CONSUMER.INFO.AA_CORE_HOT.normalize-hrv-durable'
  '$JS.API.CONSUMER.INFO.AA_VENDOR_HOT.normalize-oura' '$JS.API.CONSUMER.LIST.ATHLETE_ALLY_EVENTS')
diag_subjects=('$JS.API.CONSUMER.INFO.AA_CORE_HOT.normalize-hrv-durable' '$JS.API.CONSUMER.INFO.ATHLETE_ALLY_EVENTS.normalize-hrv-durable')

echo "# server $url, $((streams + 3)) streams, $(nproc) cores"
hyperfine --warmup 5 --runs "${RUNS:-50}" -N --export-markdown "$store/info.md" \
  -n 'raw nats.c: 4 x STREAM.INFO, sequential' "$raw $url ${info_subjects[*]}" \
  -n 'aa-nats stream-info --json (4 infos, batched)' "$aa stream-info --json -s $url" \
  -n 'aa-nats stream-info (human)' "$aa stream-info -s $url" \
  -n 'aa-nats --help (no connection)' "$aa --help"
cat "$store/info.md"
hyperfine --warmup 2 --runs "${RUNS_ALL:-20}" -N --export-markdown "$store/all.md" \
  -n "raw nats.c: ${#list_pages[@]} x STREAM.LIST (first pages only, no paging)" "$raw $url ${list_pages[*]}" \
  -n "aa-nats stream-info --all --json ($((streams + 3)) streams)" "$aa stream-info --all --json -s $url" \
  -n "aa-nats stream-info --all (table)" "$aa stream-info --all -s $url"
cat "$store/all.md"
hyperfine --warmup 5 --runs "${RUNS:-50}" -N -i --export-markdown "$store/checks.md" \
  -n "raw nats.c: ${#verify_subjects[@]} requests of migrate-verify, sequential" "$raw $url ${verify_subjects[*]}" \
  -n 'aa-nats migrate-verify 0 --json (batched)' "$aa migrate-verify 0 --json -s $url" \
  -n "raw nats.c: ${#diag_subjects[@]} CONSUMER.INFO of consumer-diag, sequential" "$raw $url ${diag_subjects[*]}" \
  -n 'aa-nats consumer-diag --json (candidates batched)' "$aa consumer-diag --json -s $url"
cat "$store/checks.md"
