#!/usr/bin/env bash
# What the size of the account costs, side by side in one run: time
# (hyperfine) and peak RSS (/usr/bin/time -f %M) of
#   - ensure-streams --phase 1 --check on a 4-stream account, and on the same
#     account with 5,000 more streams;
#   - stream-info --all --json at 1,000, 2,500 and 5,000 more streams, beside
#     bench_list_streams_raw (bench/list_streams_raw.c: nats.c asking for every
#     STREAM.LIST page pipelined and writing the raw replies out).
# Results and method: docs/performance.md ("Account size").
#
# usage: bash bench/account_size.sh [BUILD_DIR] [BASELINE_AA_NATS]
#   BUILD_DIR         built Release by this script (default build-bench/)
#   BASELINE_AA_NATS  another aa-nats binary measured the same way (e.g. an older build)
#   RUNS (default 20) hyperfine runs per command, RSS_RUNS (default 5) runs for the peak RSS
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-bench}"
baseline="${2:-}"
runs="${RUNS:-20}"
rss_runs="${RSS_RUNS:-5}"

bash scripts/install-deps.sh
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target aa-nats bench_list_streams_raw >/dev/null
aa="$build/aa-nats"
raw="$build/bench/bench_list_streams_raw"

# shellcheck source=bench/throwaway_server.sh
. bench/throwaway_server.sh
start_server account_size
url="$direct"

add_streams() { python3 bench/add_streams.py "$port" "$1" "$2"; }

# The peak RSS of a command in MiB: the largest of RSS_RUNS runs.
peak_rss() {
  local peak=0 kib
  for _ in $(seq "$rss_runs"); do
    kib=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  awk "BEGIN { printf \"%.1f\", $peak / 1024 }"
}

# measure TITLE (NAME COMMAND)...: hyperfine's mean and the peak RSS of each command, as a table.
measure() {
  local title=$1; shift
  local args=() names=() commands=()
  while [ $# -gt 0 ]; do names+=("$1"); commands+=("$2"); args+=(-n "$1" "$2"); shift 2; done
  # Its warnings (outliers on a shared machine) go to a log: the table shows min and max.
  hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$work/run.json" "${args[@]}" >/dev/null 2>>"$work/hyperfine.log"
  echo
  echo "$title"
  echo
  echo "| Command | Mean [ms] | Min [ms] | Max [ms] | Peak RSS [MiB] |"
  echo "|:---|---:|---:|---:|---:|"
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086  # the command is split on blanks, as hyperfine -N splits it
    local rss; rss=$(peak_rss ${commands[$i]})
    python3 - "$work/run.json" "$i" "$rss" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]
print("| `%s` | %.1f ± %.1f | %.1f | %.1f | %s |" % (r["command"], r["mean"] * 1e3, r["stddev"] * 1e3,
      r["min"] * 1e3, r["max"] * 1e3, sys.argv[3]))
PY
  done
}

# Each aa-nats command, for this tree and (when given) the baseline.
both() {
  local label=$1 command=$2
  printf '%s\0%s\0' "aa-nats $label" "$aa $command"
  [ -z "$baseline" ] || printf '%s\0%s\0' "baseline $label" "$baseline $command"
}
pairs() { local out=(); while IFS= read -r -d '' item; do out+=("$item"); done; measure "$title" "${out[@]}"; }

# The 4-stream account: migration phase 1 (the legacy stream without vendor.>,
# the vendor stream, the DLQ) and one stream outside the topology.
"$aa" ensure-streams --phase 0 -s "$url" >/dev/null
"$aa" ensure-streams --phase 1 -s "$url" >/dev/null
python3 - "$port" <<'PY'
import json, socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.recv(4096)
body = json.dumps({"name": "AUDIT", "subjects": ["audit.>"], "storage": "memory"}).encode()
s.sendall(b'CONNECT {"verbose":false}\r\nPUB $JS.API.STREAM.CREATE.AUDIT %d\r\n%s\r\nPING\r\n' % (len(body), body))
buf = b""
while b"PONG" not in buf:
    buf += s.recv(4096)
PY
echo "# nats-server $(nats-server --version | awk '{print $2}') on loopback, $(nproc) cores, $runs runs per command"
check="ensure-streams --phase 1 --check -s $url"
title="ensure-streams --phase 1 --check, 4 streams" pairs < <(both "ensure-streams --phase 1 --check (4 streams)" "$check")

have=0
for extra in 1000 2500 5000; do
  add_streams "$have" "$extra"
  have=$extra
  title="stream-info --all --json, $((extra + 4)) streams" pairs < <(
    printf '%s\0%s\0' "raw nats.c: every STREAM.LIST page, pipelined ($((extra + 4)) streams)" "$raw $url"
    both "stream-info --all --json ($((extra + 4)) streams)" "stream-info --all --json -s $url")
done
title="ensure-streams --phase 1 --check, $((have + 4)) streams" pairs < <(
  both "ensure-streams --phase 1 --check ($((have + 4)) streams)" "$check")
title="stream-info --all (the table), $((have + 4)) streams" pairs < <(
  both "stream-info --all ($((have + 4)) streams)" "stream-info --all -s $url")
