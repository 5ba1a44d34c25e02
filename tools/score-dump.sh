#!/bin/sh
# Scores the extractor on a fixture folder in seconds, with the release build: the bench's
# --dump output is turned into the events/articles lines score.py reads.
# usage: tools/score-dump.sh [fixture-subfolder gold.jsonl] [score.py options…]
# e.g.   tools/score-dump.sh extra2 extra2-gold.jsonl --show-misses
# (tools/score-seeds.sh does the same through the test build and the real record encoder.)
set -e
cd "$(dirname "$0")/.."
sub=seeds; gold=seeds-gold.jsonl
if [ $# -ge 2 ] && [ "${1#-}" = "$1" ]; then sub=$1; gold=$2; shift 2; fi
fixtures=Tests/ExtractionTests/Fixtures
swift build -c release --product newsdrop-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/newsdrop-bench extract --seeds "$fixtures/$sub" --dictionaries dictionaries --dump "$work/dump.tsv"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
with open(work + "/articles.jsonl", "w") as articles, open(work + "/events.jsonl", "w") as events:
    for line in open(work + "/dump.tsv"):
        name, found, _ = line.rstrip("\n").split("\t")
        articles.write(json.dumps({"id": name, "file": name}) + "\n")
        for e in json.loads(found):
            e.update(kind="event", article=name)
            events.write(json.dumps(e) + "\n")
PY
python3 "$fixtures/score.py" --gold "$fixtures/$gold" --events "$work/events.jsonl" --articles "$work/articles.jsonl" "$@"
