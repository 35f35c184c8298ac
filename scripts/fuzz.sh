#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 20) from its seeds. Part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-20}"

if ! command -v clang++ >/dev/null || [ ! -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DAA_NATS_FUZZ=ON -DAA_NATS_SANITIZE=ON \
  -DBUILD_TESTING=OFF -DAA_NATS_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_duration fuzz_env_file fuzz_context fuzz_server_text fuzz_api_reply fuzz_json_text \
  fuzz_ensure_plan fuzz_nkey

work=$(mktemp -d /tmp/aa-nats-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
run() {
  local target=$1; shift
  mkdir -p "$work/$target"
  echo "fuzz: $target for ${seconds}s"
  "build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -print_final_stats=0 \
    -artifact_prefix="$work/$target-" "$work/$target" "$@" 2>"$work/$target.log" || {
    tail -40 "$work/$target.log"; echo "fuzz: $target FAILED"; exit 1; }
  grep -E "^#[0-9]+ +DONE" "$work/$target.log" | tail -1 || true
}
run duration tests/fuzz/seeds/duration
run env_file tests/fuzz/seeds/env_file
run context tests/fuzz/seeds/context
run server_text tests/fuzz/seeds/server_text
run api_reply tests/fixtures
run json_text tests/fixtures
run ensure_plan tests/fixtures
run nkey tests/fuzz/seeds/nkey
echo "fuzz: every target ran ${seconds}s without a crash"
