#!/bin/sh
# Scores the extractor on the seed articles (or another fixture folder) with the real score.py.
# usage: tools/score-seeds.sh [fixture-subfolder gold.jsonl] [score.py options…]
# e.g.   tools/score-seeds.sh                                  # seeds vs seeds-gold.jsonl
#        tools/score-seeds.sh extra extra-gold.jsonl --show-misses
set -e
cd "$(dirname "$0")/.."
sub=seeds; gold=Tests/ExtractionTests/Fixtures/seeds-gold.jsonl
if [ $# -ge 2 ] && [ "${1#-}" = "$1" ]; then sub=$1; gold=Tests/ExtractionTests/Fixtures/$2; shift 2; fi
out=$(mktemp -d)
SCORE_OUT=$out DUMP_DIR=$sub swift test --scratch-path .build-extract --filter dumpJSON >/dev/null 2>&1 || { echo "swift test failed" >&2; exit 1; }
score=${SCORE_PY:-/work/shared/eval/score.py}
python3 "$score" --gold "$gold" --events "$out/events.jsonl" --articles "$out/articles.jsonl" "$@"
rm -rf "$out"
