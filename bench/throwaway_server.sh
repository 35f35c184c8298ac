# Sourced by the benchmark scripts: a throwaway JetStream nats-server (or a
# 3-node cluster of them) on free loopback ports and, when asked, the
# delaying proxy in front of it, all stopped and their files removed when the
# script exits or calls throwaway_stop.
#
#   start_server NAME        sets work (a scratch directory; the store is in
#                            it), port and direct (nats://127.0.0.1:PORT);
#                            NAME names the script in a failure. With
#                            SERVER_CONF set, the server runs from that
#                            configuration text instead, without JetStream
#   start_cluster NAME       the same for a 3-node JetStream cluster (nodes
#                            n1..n3, cluster "bench", each store in work):
#                            port and direct are n1's, urls all three. Its
#                            meta leader may not be elected yet: ask
#                            JetStream until it answers
#   start_proxy BUILD RTT_MS sets remote: the server (n1) through
#                            bench_delay_proxy, RTT_MS round trip
#   throwaway_stop           stops what was started, removes work
#
# server_bin names the nats-server binary (default: nats-server on PATH).
#
# shellcheck shell=bash
# shellcheck disable=SC2034  # direct, urls and remote are for the sourcing script

throwaway_pids=()
throwaway_stop() {
  # Neither the server's nor the proxy's exit status on SIGTERM may become the script's.
  if [ "${#throwaway_pids[@]}" -gt 0 ]; then
    kill "${throwaway_pids[@]}" 2>/dev/null || true
    wait "${throwaway_pids[@]}" 2>/dev/null || true
  fi
  throwaway_pids=()
  rm -rf "${work:-}"
}

# The client port a server's log (FILE) says it listens on, once it does.
throwaway_client_port() {
  local found=
  for _ in $(seq 100); do
    found=$(sed -n 's/.*Listening for client connections on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$2" 2>/dev/null || true)
    [ -n "$found" ] && break
    sleep 0.1
  done
  [ -n "$found" ] || { echo "$1: nats-server did not start (see $2)" >&2; exit 1; }
  echo "$found"
}

start_server() {
  work=$(mktemp -d /tmp/aa-nats-bench.XXXXXX)
  trap throwaway_stop EXIT
  local mode=(-js -sd "$work/store")
  if [ -n "${SERVER_CONF:-}" ]; then
    printf '%s\n' "$SERVER_CONF" >"$work/server.conf"
    mode=(-c "$work/server.conf")
  fi
  "${server_bin:-nats-server}" "${mode[@]}" -a 127.0.0.1 -p -1 -l "$work/server.log" &
  throwaway_pids+=($!)
  port=$(throwaway_client_port "$1" "$work/server.log")
  direct="nats://127.0.0.1:$port"
}

start_cluster() {
  work=$(mktemp -d /tmp/aa-nats-bench.XXXXXX)
  trap throwaway_stop EXIT
  # Every node routes to all three (its own route is ignored), so their route
  # ports are picked first.
  local route_ports routes='' node
  read -r -a route_ports < <(python3 -c 'import socket
sockets = [socket.socket() for _ in range(3)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])')
  for node in 0 1 2; do routes+="${routes:+,}nats://127.0.0.1:${route_ports[$node]}"; done
  for node in 0 1 2; do
    "${server_bin:-nats-server}" -js -sd "$work/n$((node + 1))/store" -a 127.0.0.1 -p -1 \
      --server_name "n$((node + 1))" --cluster_name bench \
      --cluster "nats://127.0.0.1:${route_ports[$node]}" --routes "$routes" -l "$work/n$((node + 1)).log" &
    throwaway_pids+=($!)
  done
  urls=
  for node in 1 2 3; do
    port=$(throwaway_client_port "$1" "$work/n$node.log")
    urls+="${urls:+,}nats://127.0.0.1:$port"
  done
  port=$(throwaway_client_port "$1" "$work/n1.log")
  direct="nats://127.0.0.1:$port"
}

start_proxy() {
  "$1/bench/bench_delay_proxy" "$port" "$(awk "BEGIN { print $2 / 2 }")" >"$work/proxy.port" &
  throwaway_pids+=($!)
  for _ in $(seq 100); do [ -s "$work/proxy.port" ] && break; sleep 0.1; done
  remote="nats://127.0.0.1:$(cat "$work/proxy.port")"
}
