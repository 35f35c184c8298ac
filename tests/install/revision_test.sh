#!/usr/bin/env bash
# The git revision --version shows is the one the sources were built from:
# cmake/git_revision.cmake (run at every build) follows new commits and
# uncommitted changes, rewrites its header only when the revision changed, and
# writes an empty one outside git; the binary shows what its build wrote.
#
#   bash tests/install/revision_test.sh SOURCE_DIR BINARY
set -euo pipefail
. "$(dirname "$0")/check.sh"
source_dir=$(cd "$1" && pwd)
binary=$2
command -v git >/dev/null || { echo "revision_test: git is not installed"; exit 77; }

work=$(mktemp -d /tmp/aa-nats-revision.XXXXXX)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
header=$work/aa_nats_revision.hpp
revision_of_build() {
  cmake -DSOURCE_DIR="$repo" -DOUTPUT="$header" -P "$source_dir/cmake/git_revision.cmake"
  sed -n 's/^#define AA_NATS_GIT_REVISION "\(.*\)"$/\1/p' "$header"
}
commit() {
  echo "$1" >"$repo/file"
  git -C "$repo" add file
  git -C "$repo" -c user.name=test -c user.email=test@example.invalid commit -qm "$1"
}

mkdir "$repo"
git -C "$repo" init -q
commit one
first=$(git -C "$repo" rev-parse --short HEAD)
expect "a commit" "$first" "$(revision_of_build)"
written=$(stat -c %y "$header")
sleep 0.01
revision_of_build >/dev/null
expect "an unchanged revision leaves the header alone" "$written" "$(stat -c %y "$header")"
commit two
second=$(git -C "$repo" rev-parse --short HEAD)
expect_true "a new commit is a new revision" test "$first" != "$second"
expect "the next build shows it" "$second" "$(revision_of_build)"
echo three >"$repo/file"
expect "uncommitted changes" "$second-dirty" "$(revision_of_build)"
rm -rf "$repo/.git"
expect "not a git checkout (a tarball)" "" "$(revision_of_build)"

# The binary under test: built from this checkout, it names its commit.
if git -C "$source_dir" rev-parse --git-dir >/dev/null 2>&1 && [ -e "$source_dir/.git" ]; then
  head=$(git -C "$source_dir" describe --always)
  expect_true "--version names the commit built ($head)" grep -Eq "^aa-nats [0-9.]+ \(git $head(-dirty)?, nats\.c " \
    <<<"$("$binary" --version)"
fi
finish
