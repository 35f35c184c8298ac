#!/usr/bin/env bash
# What each command costs in round trips against a server RTT_MS away, beside
# the floor: a minimal nats.c program (bench/pipelined_requests.c) that
# connects and sends the very requests the command sent (recorded by
# bench/api_spy.c), all at once. Then, on loopback: the time of stream-info
# and migrate-verify beside that floor and beside the reference's nats.js
# scripts, and the peak RSS of every default command. One run, one server, so
# the numbers compare. Results and method: docs/performance.md ("Round trips").
#
# usage: bash bench/round_trips.sh [BUILD_DIR] [BASELINE_AA_NATS]
#   BUILD_DIR         built Release by this script (default build-bench/)
#   BASELINE_AA_NATS  another aa-nats binary measured beside this tree's (e.g. an older build)
#   RTT_MS (default 20), RUNS (default 20, through the proxy), LOOPBACK_RUNS (default 100),
#   REFERENCE_DOC (default /work/shared/seed/phase2-migration.md: the reference's scripts),
#   ACCOUNT_STREAMS (default 5000; 0 skips it): the remote table again, for the
#   commands whose reads could follow the account, after adding that many streams
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-bench}"
baseline="${2:-}"
rtt="${RTT_MS:-20}"
reference_doc="${REFERENCE_DOC:-/work/shared/seed/phase2-migration.md}"

bash scripts/install-deps.sh
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target aa-nats bench_pipelined_requests bench_api_spy bench_delay_proxy >/dev/null
aa="$(realpath "$build/aa-nats")"
floor="$(realpath "$build/bench/bench_pipelined_requests")"
spy="$build/bench/bench_api_spy"

# shellcheck source=bench/throwaway_server.sh
. bench/throwaway_server.sh
start_server round_trips
start_proxy "$build" "$rtt"

# Migration phase 1 as a CI runner finds it: the legacy stream, AA_VENDOR_HOT
# and AA_DLQ, and the services' two durables.
"$aa" ensure-streams --phase 1 -s "$direct" >/dev/null
durable() {  # STREAM NAME
  echo "\$JS.API.CONSUMER.DURABLE.CREATE.$1.$2 {\"stream_name\":\"$1\",\"config\":{\"durable_name\":\"$2\",\"ack_policy\":\"explicit\",\"max_deliver\":5,\"ack_wait\":60000000000}}"
}
"$floor" "$direct" "$(durable ATHLETE_ALLY_EVENTS normalize-hrv-durable)" "$(durable AA_VENDOR_HOT normalize-oura)" >/dev/null

# One argument of a hyperfine -N command line, quoted as a POSIX shell would read it.
quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# The floor of a command: the requests it sent, recorded on the direct link.
floor_of() {  # URL COMMAND...
  local url=$1 line args=""
  shift
  while IFS= read -r line; do args+=" $(quote "$line")"; done < <("$spy" "$direct" "$aa" "$@" -s "$direct")
  echo "$floor $url$args"
}

commands=("stream-info" "migrate-verify 1" "migrate-verify --detect" "consumer-diag"
          "ensure-streams --phase 1 --check" "stream-info --all" "consumer-diag --all")
echo "# nats-server $(nats-server --version | awk '{print $2}'), round trip ${rtt} ms through bench_delay_proxy, $(nproc) cores"
args=()
for c in "${commands[@]}"; do
  # shellcheck disable=SC2086  # a command is its words
  args+=(-n "aa-nats $c" "$aa $c -s $remote")
  [ -n "$baseline" ] && args+=(-n "baseline $c" "$(realpath "$baseline") $c -s $remote")
  # shellcheck disable=SC2086
  args+=(-n "floor $c" "$(floor_of "$remote" $c)")
done
# remote_table JSON: hyperfine's results as round trips, each command beside its floor.
remote_table() {
  python3 - "$1" "$rtt" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rtt = float(sys.argv[2]) / 1000
rt = lambda name: runs[name]["mean"] / rtt
has_baseline = any(n.startswith("baseline ") for n in runs)
print("| Command | aa-nats [ms] | round trips |" + (" baseline [ms] | round trips |" if has_baseline else "")
      + " floor [ms] | round trips | aa-nats − floor |")
print("|:---|---:|---:|" + ("---:|---:|" if has_baseline else "") + "---:|---:|---:|")
for name in runs:
    if not name.startswith("aa-nats "):
        continue
    c = name[len("aa-nats "):]
    row = f"| `{c}` | {runs[name]['mean']*1000:.1f} | {rt(name):.2f} |"
    if has_baseline:
        row += f" {runs['baseline ' + c]['mean']*1000:.1f} | {rt('baseline ' + c):.2f} |"
    row += f" {runs['floor ' + c]['mean']*1000:.1f} | {rt('floor ' + c):.2f} | {rt(name) - rt('floor ' + c):+.2f} |"
    print(row)
PY
}
hyperfine -N -i --warmup 3 --runs "${RUNS:-20}" --export-json "$work/remote.json" "${args[@]}" >/dev/null
remote_table "$work/remote.json"

echo
echo "# loopback, $(nproc) cores"
loopback=(-n "aa-nats stream-info" "$aa stream-info -s $direct"
          -n "floor stream-info" "$(floor_of "$direct" stream-info)"
          -n "aa-nats migrate-verify 1" "$aa migrate-verify 1 -s $direct"
          -n "floor migrate-verify 1" "$(floor_of "$direct" migrate-verify 1)")
# The reference's scripts (sections A and C of its document), with the nats
# npm package installed into a throwaway directory.
extract() {  # HEADING-TEXT FILE: the first javascript block after the heading
  awk -v h="$1" 'index($0, h) && /^###/ {found=1} found && /^```javascript/ {on=1; next} on && /^```/ {exit} on' "$reference_doc" >"$2"
}
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "(node or npm missing: the reference's stream-info.js and migration-verify.js are not measured)"
elif [ ! -r "$reference_doc" ]; then
  echo "(no $reference_doc: the reference's stream-info.js and migration-verify.js are not measured)"
elif ! npm install --prefix "$work/node" --no-audit --no-fund --silent nats@2 >/dev/null 2>&1; then
  echo "(npm install nats@2 failed: the reference's stream-info.js and migration-verify.js are not measured)"
else
  extract "stream-info.js" "$work/node/stream-info.js"
  extract "migration-verify.js" "$work/node/migration-verify.js"
  export NATS_URL="$direct"  # how the reference's scripts take the server
  loopback+=(-n "node stream-info.js (reference)" "node $work/node/stream-info.js"
             -n "node migration-verify.js 1 (reference)" "node $work/node/migration-verify.js 1")
fi
hyperfine -N -i --warmup 5 --runs "${LOOPBACK_RUNS:-100}" --export-json "$work/loopback.json" "${loopback[@]}" >/dev/null
python3 - "$work/loopback.json" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
# Ratios of medians: a shared machine's outliers move a mean more than a median.
ms = lambda name: runs[name]["median"] * 1000
print("| Command | Mean [ms] | σ [ms] | Median [ms] | Min [ms] |")
print("|:---|---:|---:|---:|---:|")
for name, r in runs.items():
    print(f"| `{name}` | {r['mean']*1000:.2f} | {r['stddev']*1000:.2f} | {ms(name):.2f} | {r['min']*1000:.2f} |")
print()
print("Ratios of the medians:")
for c in ("stream-info", "migrate-verify 1"):
    print(f"aa-nats {c} / floor: {ms('aa-nats ' + c) / ms('floor ' + c):.2f}x")
for c, ref in (("stream-info", "node stream-info.js (reference)"),
               ("migrate-verify 1", "node migration-verify.js 1 (reference)")):
    if ref in runs:
        print(f"{ref} / aa-nats {c}: {ms(ref) / ms('aa-nats ' + c):.1f}x")
PY

echo
echo "# peak RSS on loopback (GNU time %M, the largest of 5 runs)"
echo "| Command | Peak RSS [MiB] |"
echo "|:---|---:|"
for c in "stream-info" "stream-info --all" "migrate-verify 1" "migrate-verify --detect" "consumer-diag" \
         "consumer-diag --all" "ensure-streams --check" "ensure-streams --phase 1 --check"; do
  peak=0
  for _ in 1 2 3 4 5; do
    # shellcheck disable=SC2086
    # (|| true: a check that fails, exit 1, still has its peak measured)
    kib=$(/usr/bin/time -f %M "$aa" $c -s "$direct" 2>&1 >/dev/null | tail -1) || true
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  echo "| \`$c\` | $(awk "BEGIN { printf \"%.1f\", $peak / 1024 }") |"
done

# The same account with ACCOUNT_STREAMS more streams, through the proxy: the
# commands whose reads could follow the account's size. The floor of
# --all sends every page request at once, which no lister can (the first
# page says how many there are): it is below any real listing's floor.
extra="${ACCOUNT_STREAMS:-5000}"
if [ "$extra" -gt 0 ]; then
  python3 bench/add_streams.py "$port" 0 "$extra"
  echo
  echo "# with $extra more streams ($((extra + 4)) in all), round trip ${rtt} ms through bench_delay_proxy"
  args=()
  for c in "ensure-streams --phase 1 --check" "stream-info" "stream-info --all --json"; do
    # shellcheck disable=SC2086
    args+=(-n "aa-nats $c" "$aa $c -s $remote")
    [ -n "$baseline" ] && args+=(-n "baseline $c" "$(realpath "$baseline") $c -s $remote")
    # shellcheck disable=SC2086
    args+=(-n "floor $c" "$(floor_of "$remote" $c)")
  done
  hyperfine -N -i --warmup 3 --runs "${RUNS:-20}" --export-json "$work/account.json" "${args[@]}" >/dev/null
  remote_table "$work/account.json"
fi
