#!/bin/sh
# Counts the instructions (valgrind's callgrind: exact and repeatable, whatever else the machine
# is doing) that the release build spends loading the dictionaries and extracting the seed
# articles, so that two builds can be compared without the noise of wall-clock timings.
# usage: tools/instructions.sh [newsdrop-bench binary] [articles]
#   e.g. tools/instructions.sh                          # this tree's release build, 500 articles
#        tools/instructions.sh /tmp/old/newsdrop-bench  # another build, same inputs
set -e
cd "$(dirname "$0")/.."
bench=${1:-.build/release/newsdrop-bench}
articles=${2:-500}
if [ $# -lt 1 ]; then swift build -c release --product newsdrop-bench >/dev/null; fi
command -v valgrind >/dev/null || { echo "valgrind is not installed: apt-get install -y valgrind" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the Swift toolchain's DWARF: count on a copy without debug sections
cp "$bench" "$work/bench" && strip --strip-debug "$work/bench"
# Swift seeds Hasher per process, which moves Set and Dictionary probes by a few million
# instructions from run to run; a fixed seed makes the counts repeatable
export SWIFT_DETERMINISTIC_HASHING=1
count() {  # $1: symbol to count inside, $2: label
  valgrind --tool=callgrind --toggle-collect="$1" --callgrind-out-file="$work/out" \
    "$work/bench" extract --seeds Tests/ExtractionTests/Fixtures/seeds --dictionaries dictionaries \
    --articles "$articles" --rounds 1 2>&1 >/dev/null | sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | {
      read -r n; echo "$2: $n instructions"; }
}
count '$s18NewsdropExtraction24DictionaryEventExtractorV11directories*' "load the dictionaries"
count '$s18NewsdropExtraction24DictionaryEventExtractorV7extract*' "extract $articles seed articles"
