#!/usr/bin/env bash
# Fetches the newer nats-servers the suite runs against, from Debian's own
# archive, into a cache this checkout owns (.cache/nats-server/<version>/,
# or $AA_NATS_SERVER_CACHE). The system's apt sources, lists and installed
# packages are left as they are: apt runs with a private sources list and
# private state, and the package is unpacked with dpkg-deb, not installed.
#
#   bash scripts/fetch-servers.sh            # every version in the list below
#   bash scripts/fetch-servers.sh --print    # version<TAB>binary, one a line
#
# A version that cannot be fetched ends the script with exit 1 and a line
# that says which and why; the suite never runs without it silently.
set -euo pipefail
cd "$(dirname "$0")/.."

# suite  Debian version  upstream version
versions=(
  "trixie 2.10.27-1+b2 2.10.27"
  "sid 2.15.1-1 2.15.1"
)
cache="${AA_NATS_SERVER_CACHE:-$PWD/.cache/nats-server}"

if [ "${1:-}" = "--print" ]; then
  for row in "${versions[@]}"; do
    read -r _ _ upstream <<<"$row"
    printf '%s\t%s\n' "$upstream" "$cache/$upstream/nats-server"
  done
  exit 0
fi

missing=()
for row in "${versions[@]}"; do
  read -r _ _ upstream <<<"$row"
  [ -x "$cache/$upstream/nats-server" ] || missing+=("$row")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

apt_dir="$cache/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/cache"
: >"$apt_dir/sources.list"
for row in "${missing[@]}"; do
  read -r suite _ _ <<<"$row"
  grep -q " $suite main" "$apt_dir/sources.list" ||
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" >>"$apt_dir/sources.list"
done
apt_options=(-o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
             -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache" -o Debug::NoLocking=1
             -o APT::Sandbox::User=root -qq)

if ! apt-get "${apt_options[@]}" update >"$apt_dir/update.log" 2>&1; then
  echo "fetch-servers: cannot read Debian's package lists (apt-get update failed; see $apt_dir/update.log):" >&2
  tail -3 "$apt_dir/update.log" >&2
  exit 1
fi
for row in "${missing[@]}"; do
  read -r suite debian upstream <<<"$row"
  if ! (cd "$apt_dir/archives" && apt-get "${apt_options[@]}" download "nats-server=$debian") >"$apt_dir/download.log" 2>&1; then
    echo "fetch-servers: nats-server $debian is not in Debian $suite any more, or cannot be downloaded:" >&2
    tail -3 "$apt_dir/download.log" >&2
    echo "fetch-servers: pick the version $suite has now (apt-cache madison with this script's sources) and update scripts/fetch-servers.sh" >&2
    exit 1
  fi
  deb=$(ls "$apt_dir/archives"/nats-server_"${debian/:/%3a}"_*.deb)
  unpacked=$(mktemp -d "$cache/unpack.XXXXXX")
  dpkg-deb -x "$deb" "$unpacked"
  mkdir -p "$cache/$upstream"
  install -m 0755 "$unpacked/usr/sbin/nats-server" "$cache/$upstream/nats-server"
  rm -rf "$unpacked" "$deb"
  reported=$("$cache/$upstream/nats-server" --version)
  if [ "$reported" != "nats-server: v$upstream" ]; then
    echo "fetch-servers: Debian's nats-server $debian reports '$reported', not v$upstream" >&2
    rm -f "$cache/$upstream/nats-server"
    exit 1
  fi
  echo "fetch-servers: nats-server $upstream from Debian $suite ($debian) in $cache/$upstream"
done
