#!/usr/bin/env bash
# The README's test command: install, build and run the whole test suite:
# unit and integration tests against real nats-servers the tests start
# themselves, each integration test once on the system's nats-server 2.9.10
# and once on each newer server of scripts/fetch-servers.sh. CI (.ci/run) runs
# this, then scripts/sanitize.sh (the same tests under ASan and UBSan, and the
# fuzz targets) and the package check.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# A server version that cannot be fetched ends the run here, saying which.
bash scripts/fetch-servers.sh

BUILD_DIR=build-test BUILD_TYPE=RelWithDebInfo bash scripts/build.sh
(cd build-test && ctest --output-on-failure -j2 --timeout 600)
