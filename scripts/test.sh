#!/usr/bin/env bash
# Builds newsdrop and runs every test (unit, extraction scoring, end-to-end with the real
# binaries on temp folders). Exit status is non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# the shipped dictionaries: columns, ids, coordinates, no actor spelling on two rows
python3 tools/check-dictionaries.py
swift build --build-tests
swift test --skip-build --parallel 2>&1 | tee /tmp/newsdrop-test.log
