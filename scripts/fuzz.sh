#!/usr/bin/env bash
# Runs every libFuzzer target of BUILD_DIR (default build-sanitize, made by
# scripts/sanitize.sh) for FUZZ_SECONDS (default 20) from its seeds, as many at
# once as there are cores. Part of scripts/sanitize.sh.
#
#   bash scripts/fuzz.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-sanitize}
seconds="${FUZZ_SECONDS:-20}"
[ -x "$build/tests/fuzz/fuzz_duration" ] || {
  echo "fuzz: no fuzz targets in $build: run scripts/sanitize.sh (or configure with clang and -DAA_NATS_FUZZ=ON)" >&2; exit 2; }

# Each target with the corpus it starts from.
targets=(
  "duration tests/fuzz/seeds/duration"
  "env_file tests/fuzz/seeds/env_file"
  "context tests/fuzz/seeds/context"
  "server_text tests/fuzz/seeds/server_text"
  "api_reply tests/fixtures"
  "json_text tests/fixtures"
  "ensure_plan tests/fixtures"
  "nkey tests/fuzz/seeds/nkey"
)

work=$(mktemp -d /tmp/aa-nats-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
run() {
  local target=$1 seeds=$2
  mkdir -p "$work/$target"
  if "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -print_final_stats=0 \
       -artifact_prefix="$work/$target-" "$work/$target" "$seeds" 2>"$work/$target.log"; then
    echo "fuzz: $target ran ${seconds}s: $(grep -E "^Done [0-9]+ runs" "$work/$target.log" | tail -1)"
  else
    tail -40 "$work/$target.log"; echo "fuzz: $target FAILED"; return 1
  fi
}

jobs=$(nproc)
failed=0
pids=()
for entry in "${targets[@]}"; do
  # shellcheck disable=SC2086
  run $entry &
  pids+=($!)
  if [ "${#pids[@]}" -ge "$jobs" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" -eq 0 ] || { echo "fuzz: a target failed (its input is in the log above)"; exit 1; }
echo "fuzz: every target ran ${seconds}s without a crash"
