#!/usr/bin/env bash
# Installs what aa-nats needs to build and test, from Debian 12 packages only.
set -euo pipefail

# Build and test: the compiler, the libraries (libssl-dev: ed25519 for NKeys),
# a real nats-server, openssl for the TLS tests. Packaging: dpkg-dev and file
# (cpack's dpkg-shlibdeps reads Depends from the binary). The generated files'
# tests: man-db renders the man page, zsh and fish read their completion files.
packages=(build-essential cmake pkg-config libnats-dev libssl-dev libcli11-dev libfmt-dev nlohmann-json3-dev doctest-dev nats-server openssl
          dpkg-dev file man-db zsh fish)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 2; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
