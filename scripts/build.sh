#!/usr/bin/env bash
# Configures and builds aa-nats into build/ (or $BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DAA_NATS_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
