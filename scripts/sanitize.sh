#!/usr/bin/env bash
# CI's second half, after scripts/test.sh: the same unit and integration tests
# again under AddressSanitizer and UBSan (against the system's nats-server: the
# sanitizers check aa-nats' code, which the newer servers' runs share), then
# every libFuzzer target for FUZZ_SECONDS each. One clang build, build-sanitize,
# serves both: its code carries libFuzzer's coverage instrumentation as well
# as the sanitizers, so the fuzz targets link the core library it built for
# the tests instead of compiling it again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
if ! command -v clang++ >/dev/null || [ ! -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "sanitize: installing clang and libclang-rt-14-dev"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi

# -O1 with line tables: the sanitizers' reports name file and line, and the
# tests run about twice as fast as at -O0.
CC=clang CXX=clang++ BUILD_DIR=build-sanitize BUILD_TYPE=Debug bash scripts/build.sh \
  -DAA_NATS_SANITIZE=ON -DAA_NATS_FUZZ=ON -DAA_NATS_NEWER_SERVERS=OFF -DAA_NATS_BENCH=OFF \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" "-DCMAKE_C_FLAGS_DEBUG=-O1 -gline-tables-only"
(cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j2 --timeout 600)

bash scripts/fuzz.sh build-sanitize
