#!/usr/bin/env bash
# Renders docs/aa-nats.1 with man, as `man aa-nats` does once installed: no
# warning from groff, every section there, options readable as typed.
#
#   bash tests/install/man_page_test.sh SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/check.sh"
page=$1/docs/aa-nats.1
command -v man >/dev/null || { echo "man_page_test: man is not installed (scripts/install-deps.sh installs man-db)"; exit 77; }

out=$(mktemp /tmp/aa-nats-man.XXXXXX)
trap 'rm -f "$out" "$out.err"' EXIT
status=0
MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$page" >"$out" 2>"$out.err" || status=$?
expect "man exits 0" "0" "$status"
expect "no warnings" "" "$(cat "$out.err")"

for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
  expect_true "section $section" grep -qx "$section" "$out"
done
expect_true "title" grep -q '^AA-NATS(1)' "$out"
# Options and commands with ASCII hyphen-minus, so they can be copied into a shell.
expect_true "--server as typed" grep -q -- '-s, --server URL\[,URL...\]' "$out"
expect_true "ensure-streams --phase as typed" grep -q -- '--phase 0|1|2|3' "$out"
expect_true "a command's section" grep -q '^   consumer-diag$' "$out"
expect_true "an environment variable" grep -q '^       AA_STREAM_CANDIDATES$' "$out"
expect_true "the contexts" grep -q '~/.config/nats/context/NAME.json' "$out"
expect_true "exit status 4" grep -q '^       4      internal error' "$out"
finish
