#!/usr/bin/env bash
# Regenerates what is made from aa-nats' command-line definition, with a
# built binary: completions/aa-nats.bash, completions/_aa-nats,
# completions/aa-nats.fish, docs/aa-nats.1, and the tables between the
# "<!-- BEGIN generated: ... -->" and "<!-- END generated: ... -->" lines of
# docs/configuration.md.
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
"$binary" generate man >"$work/aa-nats.1"
"$binary" generate configuration >"$work/tables.md"

# docs/configuration.md with each generated block replaced by the binary's.
awk -v tables="$work/tables.md" '
  function name_of(line) { sub(/^<!-- (BEGIN|END) generated: /, "", line); sub(/ -->$/, "", line); return line }
  BEGIN {
    while ((getline line < tables) > 0) {
      if (line ~ /^<!-- BEGIN generated: /) { current = name_of(line); block[current] = ""; continue }
      if (line ~ /^<!-- END generated: /) { current = ""; continue }
      if (current != "") block[current] = block[current] line "\n"
    }
  }
  /^<!-- BEGIN generated: / {
    name = name_of($0)
    if (!(name in block)) { print "generate.sh: the binary makes no block \"" name "\"" > "/dev/stderr"; failed = 1; exit 2 }
    print; printf "%s", block[name]; seen[name] = 1; skipping = 1; next
  }
  /^<!-- END generated: / { skipping = 0 }
  !skipping { print }
  END {
    if (failed) exit 2
    for (name in block) if (!(name in seen)) { print "generate.sh: docs/configuration.md has no block \"" name "\"" > "/dev/stderr"; exit 2 }
  }
' docs/configuration.md >"$work/configuration.md"

differ=0
for pair in "aa-nats.bash completions/aa-nats.bash" "_aa-nats completions/_aa-nats" \
            "aa-nats.fish completions/aa-nats.fish" "aa-nats.1 docs/aa-nats.1" \
            "configuration.md docs/configuration.md"; do
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
