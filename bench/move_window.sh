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

store=$(mktemp -d /tmp/aa-nats-bench.XXXXXX)
nats-server -js -a 127.0.0.1 -p -1 -sd "$store" -l "$store/server.log" &
server=$!
proxy=
# Neither the server's nor the proxy's exit status on SIGTERM may become the script's.
trap 'kill $server $proxy 2>/dev/null; wait $server $proxy 2>/dev/null || true; rm -rf "$store"' EXIT
port=
for _ in $(seq 100); do
  port=$(sed -n 's/.*Listening for client connections on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$store/server.log" 2>/dev/null || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "move_window: nats-server did not start" >&2; exit 1; }

"$build/bench/bench_delay_proxy" "$port" "$(awk "BEGIN { print $rtt / 2 }")" >"$store/proxy.port" &
proxy=$!
for _ in $(seq 100); do [ -s "$store/proxy.port" ] && break; sleep 0.1; done

echo "# nats-server 2.9.10 on loopback, round trip ${rtt} ms through bench_delay_proxy, $(nproc) cores"
"$build/bench/bench_move_window" "nats://127.0.0.1:$port" "nats://127.0.0.1:$(cat "$store/proxy.port")" \
  "${ROUNDS:-30}" "$build/aa-nats" ${baseline:+"$baseline"}
