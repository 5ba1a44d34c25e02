#!/usr/bin/env bash
# Shows that ThreadSanitizer reports a race on state guarded by Swift's Synchronization.Mutex
# on Linux (its contended hand-over is a futex call TSan does not see) and none with the
# PthreadMutex newsdrop uses instead (docs/reliability.md, "ThreadSanitizer").
#   tools/reliability/tsan-mutex.sh [RUNS]     (default 5 runs of each)
# Prints, per lock, how many runs printed a ThreadSanitizer report and whether the count was
# exact; exits non-zero if PthreadMutex got a report or a count was wrong.
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/.build-tsan-mutex"
mkdir -p "$out"
swiftc -sanitize=thread -g -Onone -swift-version 6 -module-cache-path "$out/module-cache" \
    "$here/tsan-mutex/main.swift" "$repo/Sources/NewsdropCore/System/PthreadMutex.swift" -o "$out/tsan-mutex"
status=0
for lock in mutex pthread; do
    reports=0 wrong=0
    for ((i = 1; i <= runs; i++)); do
        log="$out/$lock-$i.log"
        # halt_on_error=0: let the run finish so the count is checked too.
        if ! TSAN_OPTIONS=halt_on_error=0:exitcode=0 "$out/tsan-mutex" "$lock" > "$log" 2>&1; then wrong=$((wrong + 1)); fi
        grep -q "WARNING: ThreadSanitizer:" "$log" && reports=$((reports + 1))
    done
    echo "$lock: $reports of $runs runs with a ThreadSanitizer report, $wrong with a wrong count (logs: $out/$lock-*.log)"
    [ "$wrong" -eq 0 ] || status=1
    [ "$lock" = pthread ] && [ "$reports" -ne 0 ] && status=1
done
exit $status
