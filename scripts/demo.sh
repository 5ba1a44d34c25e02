#!/usr/bin/env bash
# The main job, locally: builds newsdrop, starts newsdropd on ./newsdrop-demo/incoming, drops
# the seed articles in with `newsdrop drop`, and shows the events the daemon extracted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release --product newsdropd >/dev/null
swift build -c release --product newsdrop >/dev/null
bin=.build/release
demo=newsdrop-demo
rm -rf "$demo"
mkdir -p "$demo"
"$bin/newsdropd" --drop-dir "$demo/incoming" --data-dir "$demo/data" 2>"$demo/newsdropd.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -f "$demo/data/status.json" ] && break; sleep 0.1; done
"$bin/newsdrop" drop --drop-dir "$demo/incoming" seeds/*.txt
for _ in $(seq 100); do
  [ "$("$bin/newsdrop" articles --data-dir "$demo/data" --format json | wc -l)" -ge 5 ] && break
  sleep 0.1
done
echo
echo "== newsdropd's log ($demo/newsdropd.log)"
tail -n 8 "$demo/newsdropd.log"
echo
echo "== newsdrop articles"
"$bin/newsdrop" articles --data-dir "$demo/data" --format table
echo
echo "== newsdrop events"
"$bin/newsdrop" events --data-dir "$demo/data" --format table
echo
"$bin/newsdrop" status --data-dir "$demo/data" --format table || true
