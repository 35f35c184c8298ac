#!/usr/bin/env bash
# How long `ensure-streams --phase 1` leaves vendor.> captured by no stream, as
# the server saw it (the timestamps of its API audit advisories), through a
# loopback proxy adding a round trip of RTT_MS. Results and method:
# docs/performance.md ("Subject move window").
#
# usage: bash bench/move_window.sh [BUILD_DIR] [BASELINE_AA_NATS]
#   BUILD_DIR         built Release by this script (default build-bench/)
#   BASELINE_AA_NATS  another aa-nats binary measured the same way (e.g. an older build)
#   RTT_MS (default 20), ROUNDS (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-bench}"
baseline="${2:-}"
rtt="${RTT_MS:-20}"

bash scripts/install-deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target aa-nats bench_delay_proxy bench_move_window >/dev/null

# shellcheck source=bench/throwaway_server.sh
. bench/throwaway_server.sh
start_server move_window
start_proxy "$build" "$rtt"

echo "# nats-server 2.9.10 on loopback, round trip ${rtt} ms through bench_delay_proxy, $(nproc) cores"
"$build/bench/bench_move_window" "$direct" "$remote" \
  "${ROUNDS:-30}" "$build/aa-nats" ${baseline:+"$baseline"}
