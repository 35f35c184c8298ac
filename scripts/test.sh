#!/usr/bin/env bash
# The README's second command: install, build and run the whole test suite
# (unit and integration tests against real nats-servers the tests start
# themselves), then the same tests under AddressSanitizer and UBSan, then the
# libFuzzer targets for every parser of text that others wrote.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

BUILD_DIR=build-test BUILD_TYPE=RelWithDebInfo bash scripts/build.sh
(cd build-test && ctest --output-on-failure -j2 --timeout 600)

if [ "${AA_NATS_SKIP_SANITIZERS:-0}" != "1" ]; then
  BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DAA_NATS_SANITIZE=ON
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j2 --timeout 600)
fi

if [ "${AA_NATS_SKIP_FUZZ:-0}" != "1" ]; then
  bash scripts/fuzz.sh
fi
