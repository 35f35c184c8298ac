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

# shellcheck source=bench/throwaway_server.sh
source bench/throwaway_server.sh
# No JetStream: the responder answers the API, with room for 8 MB replies.
SERVER_CONF="max_payload: 16777216" start_server large_reply
url=$direct
"$responder" "$url" "$subjects" &
throwaway_pids+=($!)
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
