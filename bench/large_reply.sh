#!/usr/bin/env bash
# How long each command takes to read and judge a stream info whose config
# lists 200,000 subjects (8 MB): the legacy stream's, the only stream, asked
# for and listed (bench/large_reply_responder.cpp, a fake: no real server here
# holds such a stream). The seven forms of issue #18, and phase 1's plan (which
# releases the 200,000 subjects), each run REPEAT times; the target is under
# 2 s each on a 2-core machine. Results: docs/performance.md.
#
# usage: bash bench/large_reply.sh [BUILD_DIR]   (default build-bench/, configured Release by this script)
#        AA_NATS=... RESPONDER=... bash bench/large_reply.sh   (binaries built already: an older aa-nats, say)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-bench}"
if [ -z "${AA_NATS:-}" ] || [ -z "${RESPONDER:-}" ]; then
  bash scripts/install-deps.sh
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$build" -j "$(nproc)" --target aa-nats bench_large_reply_responder >/dev/null
fi
aa="${AA_NATS:-$build/aa-nats}"
responder="${RESPONDER:-$build/bench/bench_large_reply_responder}"
subjects="${SUBJECTS:-200000}"
repeat="${REPEAT:-3}"

work=$(mktemp -d /tmp/aa-nats-large-reply.XXXXXX)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
# No JetStream: the responder answers the API, with room for 8 MB replies.
echo "max_payload: 16777216" >"$work/server.conf"
nats-server -c "$work/server.conf" -a 127.0.0.1 -p -1 -l "$work/server.log" &
pids+=($!)
port=
for _ in $(seq 100); do
  port=$(sed -n 's/.*Listening for client connections on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" 2>/dev/null || true)
  [ -n "$port" ] && break
  sleep 0.1
done
url="nats://127.0.0.1:$port"
"$responder" "$url" "$subjects" &
pids+=($!)
sleep 1

printf '%-36s %8s %8s %6s\n' "form ($subjects subjects)" "best s" "worst s" "exit"
for form in "stream-info" "stream-info --all" "migrate-verify --detect" "consumer-diag" "consumer-diag --all" \
            "ensure-streams --dry-run" "ensure-streams" "ensure-streams --phase 1 --dry-run"; do
  times=()
  for _ in $(seq "$repeat"); do
    start=$EPOCHREALTIME
    # shellcheck disable=SC2086
    timeout 300 "$aa" $form -s "$url" --timeout 30s >/dev/null 2>&1 && code=0 || code=$?
    times+=("$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')")
  done
  printf '%-36s %8.2f %8.2f %6s\n' "$form" "$(printf '%s\n' "${times[@]}" | sort -g | head -1)" \
    "$(printf '%s\n' "${times[@]}" | sort -g | tail -1)" "$code"
done
