#!/usr/bin/env bash
# The zsh and fish completion files: zsh parses its file (zsh -n); fish parses
# its own and completes real command lines with it (complete -C).
#
#   bash tests/install/shells_completion_test.sh SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/check.sh"
source_dir=$1
if ! command -v zsh >/dev/null || ! command -v fish >/dev/null; then
  echo "shells_completion_test: zsh or fish is not installed (scripts/install-deps.sh installs both)"
  exit 77
fi

expect_true "zsh parses _aa-nats" zsh -n "$source_dir/completions/_aa-nats"
expect_true "fish parses aa-nats.fish" fish --no-execute "$source_dir/completions/aa-nats.fish"

home=$(mktemp -d /tmp/aa-nats-fish-completion.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.config/nats/context"
touch "$home/.config/nats/context/prod.json" "$home/.config/nats/context/staging.json"

# completions LINE [NAME=VALUE...]: what fish offers for LINE, the candidates only, sorted, on one line.
completions() {
  local line=$1
  shift
  env -i HOME="$home" PATH="$PATH" "$@" fish --no-config -c \
    "source '$source_dir/completions/aa-nats.fish'; complete -C '$line'" | cut -f1 | sort | paste -sd " " -
}

expect "fish: commands" "completion consumer-diag ensure-streams migrate-verify stream-info" "$(completions "aa-nats ")"
expect "fish: PHASE" "0 1 2 3" "$(completions "aa-nats migrate-verify ")"
expect "fish: --phase" "0 1 2 3" "$(completions "aa-nats ensure-streams --phase ")"
expect "fish: contexts" "prod staging" "$(completions "aa-nats --context ")"
expect "fish: an option after a global value" "--dry-run" "$(completions "aa-nats --timeout 5s ensure-streams --dr")"
expect "fish: streams from STREAM_*_NAME" "AA_DLQ AA_VENDOR_HOT ATHLETE_ALLY_EVENTS CORE2" \
  "$(completions "aa-nats stream-info " STREAM_CORE_NAME=CORE2)"
expect "fish: durables" "normalize-hrv-durable normalize-oura" "$(completions "aa-nats consumer-diag AA_CORE_HOT ")"
finish
