#!/usr/bin/env bash
# Regenerates what is made from aa-nats' command-line definition, with a
# built binary: completions/aa-nats.bash, completions/_aa-nats and
# completions/aa-nats.fish.
#
#   bash scripts/generate.sh [BINARY]           # rewrite the files (BINARY: build/aa-nats)
#   bash scripts/generate.sh --check [BINARY]   # change nothing; exit 1 and show the diff when one differs
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
binary=${1:-build/aa-nats}
[ -x "$binary" ] || { echo "generate.sh: no aa-nats binary at $binary (build it first)" >&2; exit 2; }

work=$(mktemp -d /tmp/aa-nats-generate.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$binary" completion bash >"$work/aa-nats.bash"
"$binary" completion zsh >"$work/_aa-nats"
"$binary" completion fish >"$work/aa-nats.fish"

differ=0
for pair in "aa-nats.bash completions/aa-nats.bash" "_aa-nats completions/_aa-nats" \
            "aa-nats.fish completions/aa-nats.fish"; do
  made=$work/${pair%% *}
  committed=${pair#* }
  if [ -f "$committed" ] && cmp -s "$made" "$committed"; then continue; fi
  if [ "$check" = 1 ]; then
    differ=1
    echo "generate.sh: $committed differs from what $binary makes:"
    diff -u "$committed" "$made" --label "$committed (committed)" --label "$committed (from $binary)" || true
  else
    mkdir -p "$(dirname "$committed")"
    cp "$made" "$committed"
    echo "generate.sh: wrote $committed"
  fi
done
if [ "$differ" = 1 ]; then
  echo "generate.sh: regenerate with: bash scripts/generate.sh $binary"
  exit 1
fi
[ "$check" = 1 ] && echo "generate.sh: every generated file matches $binary"
exit 0
