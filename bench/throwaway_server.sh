# Sourced by the benchmark scripts: a throwaway JetStream nats-server on a
# free loopback port and, when asked, the delaying proxy in front of it, both
# stopped and their files removed when the script exits.
#
#   start_server NAME        sets work (a scratch directory; the store is in
#                            it), port and direct (nats://127.0.0.1:PORT);
#                            NAME names the script in a failure. With
#                            SERVER_CONF set, the server runs from that
#                            configuration text instead, without JetStream
#   start_proxy BUILD RTT_MS sets remote: the server through bench_delay_proxy,
#                            RTT_MS round trip

throwaway_pids=()
throwaway_stop() {
  # Neither the server's nor the proxy's exit status on SIGTERM may become the script's.
  if [ "${#throwaway_pids[@]}" -gt 0 ]; then
    kill "${throwaway_pids[@]}" 2>/dev/null || true
    wait "${throwaway_pids[@]}" 2>/dev/null || true
  fi
  rm -rf "$work"
}

start_server() {
  work=$(mktemp -d /tmp/aa-nats-bench.XXXXXX)
  trap throwaway_stop EXIT
  local mode=(-js -sd "$work/store")
  if [ -n "${SERVER_CONF:-}" ]; then
    printf '%s\n' "$SERVER_CONF" >"$work/server.conf"
    mode=(-c "$work/server.conf")
  fi
  nats-server "${mode[@]}" -a 127.0.0.1 -p -1 -l "$work/server.log" &
  throwaway_pids+=($!)
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's/.*Listening for client connections on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" 2>/dev/null || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "$1: nats-server did not start" >&2; exit 1; }
  direct="nats://127.0.0.1:$port"
}

start_proxy() {
  "$1/bench/bench_delay_proxy" "$port" "$(awk "BEGIN { print $2 / 2 }")" >"$work/proxy.port" &
  throwaway_pids+=($!)
  for _ in $(seq 100); do [ -s "$work/proxy.port" ] && break; sleep 0.1; done
  remote="nats://127.0.0.1:$(cat "$work/proxy.port")"
}
