#!/usr/bin/env bash
# The README's second command: install, build and run the whole test suite
# (unit and integration tests against real nats-servers the tests start
# themselves: each integration test once on the system's nats-server 2.9.10
# and once on each newer server of scripts/fetch-servers.sh), then the same
# tests under AddressSanitizer and UBSan (on the system's server: the
# sanitizers check aa-nats' code, which the newer servers' runs share), then
# the libFuzzer targets for every parser of text that others wrote.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# A server version that cannot be fetched ends the run here, saying which.
bash scripts/fetch-servers.sh

BUILD_DIR=build-test BUILD_TYPE=RelWithDebInfo bash scripts/build.sh
(cd build-test && ctest --output-on-failure -j2 --timeout 600)

if [ "${AA_NATS_SKIP_SANITIZERS:-0}" != "1" ]; then
  BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DAA_NATS_SANITIZE=ON -DAA_NATS_NEWER_SERVERS=OFF
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j2 --timeout 600)
fi

if [ "${AA_NATS_SKIP_FUZZ:-0}" != "1" ]; then
  bash scripts/fuzz.sh
fi
