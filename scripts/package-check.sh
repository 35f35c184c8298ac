#!/usr/bin/env bash
# CI's install check, after the tests passed: builds the .deb from an existing
# build directory (no rebuild), installs it with apt as an operator would, runs
# the installed binary, a bash completion and man from the installed paths,
# and removes the package again, also when a step fails. Needs root.
#
#   bash scripts/package-check.sh [BUILD_DIR]   (default: build-test, the test build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
[ "$(id -u)" -eq 0 ] || { echo "package-check: run as root (it installs the package with apt)" >&2; exit 2; }
if dpkg-query -W -f='${Status}' aa-nats 2>/dev/null | grep -q "install ok installed"; then
  echo "package-check: aa-nats is already installed; not touching it" >&2
  exit 2
fi

out=$(mktemp -d /tmp/aa-nats-package.XXXXXX)
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/aa-nats_*.deb)
echo "package-check: built $(basename "$deb"): Depends: $(dpkg-deb -f "$deb" Depends)"

cleanup() {
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq aa-nats >/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null

echo "package-check: $(command -v aa-nats): $(aa-nats --version)"
phases=$(bash --norc --noprofile -c '
  source /usr/share/bash-completion/completions/aa-nats
  COMP_LINE="aa-nats migrate-verify "; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(aa-nats migrate-verify ""); COMP_CWORD=2
  _aa_nats; echo "${COMPREPLY[*]}"')
[ "$phases" = "0 1 2 3" ] || { echo "package-check: the installed bash completion offered [$phases], not the phases" >&2; exit 1; }
echo "package-check: the installed bash completion offers the phases: $phases"
if command -v man >/dev/null; then
  echo "package-check: man -w aa-nats: $(man -w aa-nats)"
fi
apt-get remove -y -qq aa-nats >/dev/null
trap 'rm -rf "$out"' EXIT
[ ! -e /usr/bin/aa-nats ] || { echo "package-check: /usr/bin/aa-nats is still there after apt-get remove" >&2; exit 1; }
echo "package-check: removed again"
