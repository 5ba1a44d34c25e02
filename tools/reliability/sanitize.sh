#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer or ThreadSanitizer, each in its own scratch path
# (so the normal .build is untouched).
#   tools/reliability/sanitize.sh address [FILTER]
#   tools/reliability/sanitize.sh thread  [FILTER]
# FILTER is passed to `swift test --filter` (default: every test). The end-to-end tests run
# the instrumented newsdropd/newsdrop too: a sanitizer report there fails the test that ran it
# (the binary exits non-zero) and is printed in the test's log.
set -euo pipefail
kind=${1:?usage: sanitize.sh address|thread [FILTER]}
filter=${2:-}
repo=$(cd "$(dirname "$0")/../.." && pwd)
scratch="$repo/.build-$kind"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
# The sanitized suite runs about 3 times as long as a normal one, its tests competing for the
# cores (with 1, five tests miss their times under ASan): the tests multiply every wait and time
# limit by this (Tests/*/TestTimeScale.swift). A normal `swift test` leaves it unset, i.e. 1.
export NEWSDROP_TEST_TIME_SCALE=${NEWSDROP_TEST_TIME_SCALE:-20}
cd "$repo"
swift build --build-tests --scratch-path "$scratch" -Xswiftc -sanitize="$kind" -Xswiftc -g
args=(--skip-build --scratch-path "$scratch" -Xswiftc -sanitize="$kind")
[ -n "$filter" ] && args+=(--filter "$filter")
swift test "${args[@]}"
