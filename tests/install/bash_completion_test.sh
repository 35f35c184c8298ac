#!/usr/bin/env bash
# Drives completions/aa-nats.bash in a real bash, as bash does on Tab: the
# script is sourced, COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT are set
# for a command line, the completion function runs, and COMPREPLY is read.
#
#   bash tests/install/bash_completion_test.sh SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/check.sh"
script=$1/completions/aa-nats.bash

home=$(mktemp -d /tmp/aa-nats-bash-completion.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.config/nats/context" "$home/xdg/nats/context" "$home/work/certs"
touch "$home/.config/nats/context/prod.json" "$home/.config/nats/context/staging.json" \
      "$home/.config/nats/context/notes.txt" "$home/xdg/nats/context/edge.json" \
      "$home/work/ops.creds" "$home/work/app.env"

# completions LINE [NAME=VALUE...]: COMPREPLY for LINE with the cursor at its
# end, sorted, on one line. Runs in $home/work with HOME=$home and the given
# variables only. COMP_WORDS is split as bash splits it: at white space and at
# the word-break characters ':' and '='.
completions() {
  local line=$1
  shift
  (cd "$home/work" && env -i HOME="$home" PATH="$PATH" "$@" bash --norc --noprofile -c '
    source "$1"
    line=$2
    read -ra COMP_WORDS <<<"$(sed -E "s/([:=])/ \1 /g" <<<"$line")"
    [[ $line == *" " || $line == *[:=] ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    _aa_nats aa-nats "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    [[ ${#COMPREPLY[@]} -gt 0 ]] && printf "%s\n" "${COMPREPLY[@]}" | sort | paste -sd " " -
    true
  ' completion-test "$script" "$line")
}

# Commands, and the hidden one is not offered.
expect "commands" "completion consumer-diag ensure-streams migrate-verify stream-info" "$(completions "aa-nats ")"
expect "a command by its start" "stream-info" "$(completions "aa-nats st")"
expect "root options" "--js-api-prefix --js-domain --json --help" "$(completions "aa-nats --j") $(completions "aa-nats --he")"

# Options of a command, after global options that take values (a URL with ':' too).
expect "a command's option" "--dry-run" "$(completions "aa-nats ensure-streams --dr")"
expect "after a global value" "--watch" "$(completions "aa-nats --timeout 5s consumer-diag --wa")"
expect "after a URL" "--all" "$(completions "aa-nats -s nats://127.0.0.1:4222 stream-info --al")"
expect "global options after the command" "--tlsca --tlscert --tlskey" "$(completions "aa-nats migrate-verify --tls")"

# Phases, as --phase's value and as migrate-verify's argument; nothing after it.
expect "--phase" "0 1 2 3" "$(completions "aa-nats ensure-streams --phase ")"
expect "--phase=" "0 1 2 3" "$(completions "aa-nats ensure-streams --phase=")"
expect "PHASE" "0 1 2 3" "$(completions "aa-nats migrate-verify ")"
expect "no second PHASE" "" "$(completions "aa-nats migrate-verify 2 ")"
expect "completion's shells" "bash fish zsh" "$(completions "aa-nats completion ")"

# natscli contexts from ~/.config/nats/context, or $XDG_CONFIG_HOME/nats/context.
expect "contexts" "prod staging" "$(completions "aa-nats --context ")"
expect "a context by its start" "prod" "$(completions "aa-nats stream-info --context pr")"
expect "--context=" "prod" "$(completions "aa-nats --context=pr")"
expect "contexts under XDG_CONFIG_HOME" "edge" "$(completions "aa-nats --context " XDG_CONFIG_HOME="$home/xdg")"

# Files where a file is expected; nothing where free text is.
expect "--creds" "ops.creds" "$(completions "aa-nats --creds o")"
expect "--env-file" "app.env certs ops.creds" "$(completions "aa-nats stream-info --env-file ")"
expect "--tlsca" "certs" "$(completions "aa-nats --tlsca ce")"
expect "--server is free text" "" "$(completions "aa-nats --server ")"

# Stream and durable names: the topology's variables when set, else their defaults.
expect "streams" "AA_CORE_HOT AA_DLQ AA_VENDOR_HOT ATHLETE_ALLY_EVENTS" "$(completions "aa-nats stream-info ")"
expect "more streams" "AA_DLQ" "$(completions "aa-nats stream-info AA_CORE_HOT AA_D")"
expect "streams from STREAM_*_NAME" "CORE2" "$(completions "aa-nats consumer-diag C" STREAM_CORE_NAME=CORE2)"
expect "durables" "normalize-hrv-durable normalize-oura" "$(completions "aa-nats consumer-diag AA_CORE_HOT ")"
expect "no third argument" "" "$(completions "aa-nats consumer-diag AA_CORE_HOT normalize-oura ")"

finish
