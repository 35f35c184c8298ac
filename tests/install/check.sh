# Sourced by the tests in this folder: named checks that count failures, and
# a summary that sets the exit status.

checks_failed=0
checks_passed=0

# expect NAME EXPECTED ACTUAL
expect() {
  if [ "$2" = "$3" ]; then
    checks_passed=$((checks_passed + 1))
  else
    checks_failed=$((checks_failed + 1))
    printf 'FAILED: %s\n  expected: [%s]\n  actual:   [%s]\n' "$1" "$2" "$3"
  fi
}

# expect_true NAME COMMAND...: COMMAND must succeed.
expect_true() {
  local name=$1
  shift
  if "$@"; then
    checks_passed=$((checks_passed + 1))
  else
    checks_failed=$((checks_failed + 1))
    printf 'FAILED: %s\n  command: %s\n' "$name" "$*"
  fi
}

# Ends the test: exit 1 when a check failed.
finish() {
  echo "$(basename "$0"): $checks_passed checks passed, $checks_failed failed"
  [ "$checks_failed" -eq 0 ]
}
