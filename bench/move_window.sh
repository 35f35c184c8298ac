#!/usr/bin/env bash
# How long `ensure-streams --phase 1` leaves vendor.> captured by no stream, as
# the server saw it (the timestamps of its API audit advisories), through a
# loopback proxy adding a round trip of RTT_MS, and how many of its claims the
# server refused as an overlap (err_code 10065, retried by aa-nats), on one
# server or a 3-node cluster of each nats-server given, side by side.
# Results and method: docs/performance.md ("Subject move window").
#
# usage: bash bench/move_window.sh [--cluster] [--server BIN]... [--all-servers] [BUILD_DIR] [BASELINE_AA_NATS]
#   --cluster         a 3-node cluster of each server (streams at 3 replicas,
#                     aa-nats run with NODE_ENV=production), not one server
#   --server BIN      a nats-server binary to measure on; repeat it for several
#                     (default: $NATS_SERVER_BIN, else nats-server on PATH)
#   --all-servers     the system's nats-server and every version that
#                     scripts/fetch-servers.sh fetches (fetched first when missing)
#   BUILD_DIR         built Release by this script (default build-bench/)
#   BASELINE_AA_NATS  another aa-nats binary measured the same way (e.g. an older build)
#   RTT_MS (default 20), ROUNDS: moves per server and binary (default 30; 150 with --cluster)
set -euo pipefail
cd "$(dirname "$0")/.."

cluster=
servers=()
all_servers=
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster) cluster=1; shift ;;
    --server) [ $# -ge 2 ] || { echo "move_window: --server needs a binary" >&2; exit 2; }
              servers+=("$2"); shift 2 ;;
    --all-servers) all_servers=1; shift ;;
    --*) echo "move_window: unknown option $1 (see the usage at the top of bench/move_window.sh)" >&2; exit 2 ;;
    *) break ;;
  esac
done
build="${1:-build-bench}"
baseline="${2:-}"
rtt="${RTT_MS:-20}"
rounds="${ROUNDS:-$([ -n "$cluster" ] && echo 150 || echo 30)}"

bash scripts/install-deps.sh
if [ -n "$all_servers" ]; then
  bash scripts/fetch-servers.sh
  servers+=("$(command -v nats-server)")
  while IFS=$'\t' read -r _ binary; do servers+=("$binary"); done < <(bash scripts/fetch-servers.sh --print)
fi
[ "${#servers[@]}" -gt 0 ] || servers=("${NATS_SERVER_BIN:-nats-server}")
for binary in "${servers[@]}"; do
  "$binary" --version >/dev/null 2>&1 || { echo "move_window: $binary is not a nats-server that runs" >&2; exit 2; }
done

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target aa-nats bench_delay_proxy bench_move_window >/dev/null

# shellcheck source=bench/throwaway_server.sh
. bench/throwaway_server.sh

shape="one server"
options=()
if [ -n "$cluster" ]; then
  shape="a 3-node cluster (R3 streams, NODE_ENV=production)"
  options=(--replicas 3)
  export NODE_ENV=production
fi
echo "# $shape on loopback, round trip ${rtt} ms through bench_delay_proxy, $rounds moves per row, $(nproc) cores"
status=0
header=()
for server_bin in "${servers[@]}"; do
  version=$("$server_bin" --version | sed 's/^nats-server: v//')
  if [ -n "$cluster" ]; then start_cluster move_window; else start_server move_window; fi
  start_proxy "$build" "$rtt"
  "$build/bench/bench_move_window" --label "$version" "${options[@]}" "${header[@]}" "$direct" "$remote" \
    "$rounds" "$build/aa-nats" ${baseline:+"$baseline"} || status=1
  throwaway_stop
  header=(--no-header)
done
exit "$status"
