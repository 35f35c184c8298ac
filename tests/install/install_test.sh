#!/usr/bin/env bash
# The install rules and the .deb, into temporary directories only (nothing
# is installed on the system): `cmake --install` puts every file where bash,
# zsh, fish and man look, the installed binary and completion work, and
# `cpack -G DEB` makes a package with the right files and Depends.
#
#   bash tests/install/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/check.sh"
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)

work=$(mktemp -d /tmp/aa-nats-install.XXXXXX)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/usr" >/dev/null
prefix=$work/usr
expect_true "binary" test -x "$prefix/bin/aa-nats"
expect_true "bash completion" cmp -s "$prefix/share/bash-completion/completions/aa-nats" "$source_dir/completions/aa-nats.bash"
expect_true "zsh completion" cmp -s "$prefix/share/zsh/vendor-completions/_aa-nats" "$source_dir/completions/_aa-nats"
expect_true "fish completion" cmp -s "$prefix/share/fish/vendor_completions.d/aa-nats.fish" "$source_dir/completions/aa-nats.fish"
expect "man page" "$(cat "$source_dir/docs/aa-nats.1")" "$(gzip -dc "$prefix/share/man/man1/aa-nats.1.gz")"
expect_true "the installed binary runs" "$prefix/bin/aa-nats" --version >/dev/null
expect "the installed bash completion completes" "0 1 2 3" "$(bash --norc --noprofile -c '
  source "$1"; COMP_LINE="aa-nats migrate-verify "; COMP_POINT=${#COMP_LINE}
  COMP_WORDS=(aa-nats migrate-verify ""); COMP_CWORD=2; _aa_nats; echo "${COMPREPLY[*]}"' _ \
  "$prefix/share/bash-completion/completions/aa-nats")"

(cd "$build" && cpack -G DEB -B "$work/package" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work/package"/aa-nats_*.deb)
version=$(sed -n 's/^project(aa-nats VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
expect "package file name" "aa-nats_${version}_$(dpkg --print-architecture).deb" "$(basename "$deb")"
expect "Package" "aa-nats" "$(dpkg-deb -f "$deb" Package)"
expect "Version" "$version" "$(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
for library in libnats3.4 libssl3 libfmt9 libstdc++6 libgcc-s1 libc6; do
  expect_true "Depends names $library ($depends)" grep -q "\\b$library\\b" <<<"$depends"
done
expect_true "Maintainer" test -n "$(dpkg-deb -f "$deb" Maintainer)"
expect_true "Description" test -n "$(dpkg-deb -f "$deb" Description)"
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in ./usr/bin/aa-nats ./usr/share/bash-completion/completions/aa-nats ./usr/share/zsh/vendor-completions/_aa-nats \
            ./usr/share/fish/vendor_completions.d/aa-nats.fish ./usr/share/man/man1/aa-nats.1.gz; do
  expect_true "the package holds $path" grep -qx -- "$path" <<<"$contents"
done
finish
