#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (swiftc -sanitize=fuzzer,address).
#   tools/reliability/fuzz/fuzz.sh build                 build both into .build-fuzz/
#   tools/reliability/fuzz/fuzz.sh run extractor|journal SECONDS   fuzz one target
#   tools/reliability/fuzz/fuzz.sh all SECONDS           build, then each target for SECONDS
#   tools/reliability/fuzz/fuzz.sh minimize extractor|journal [DIR...]
#       replaces the seed corpus by the smallest subset (libFuzzer -merge=1 into a fresh
#       folder) that keeps the coverage of the seeds and of the DIRs (e.g. .build-fuzz/corpus-journal
#       to keep what a fuzzing run found); seeds that stay keep their names. Review with git diff.
# New inputs go to .build-fuzz/corpus-<target>/ (not in git); the seed corpus is
# tools/reliability/fuzz/corpus/<target>/. Crashes land in .build-fuzz/artifacts/; the run
# exits non-zero and prints the reproducer's path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
out="$repo/.build-fuzz"
mkdir -p "$out/artifacts"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -module-cache-path "$out/module-cache")

build() {
    build_extractor
    build_journal
}

build_extractor() {
    # The extractor: its sources and the target in one module.
    swiftc "${flags[@]}" -module-name FuzzExtractor "$repo"/Sources/NewsdropExtraction/*.swift \
        "$here/ExtractorFuzz.swift" -o "$out/fuzz-extractor"
}

build_journal() {
    # The journal reader: NewsdropExtraction as a module, then NewsdropCore (SHA-256 stubbed).
    swiftc -sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -module-cache-path "$out/module-cache" \
        -emit-module -emit-library -static -module-name NewsdropExtraction \
        "$repo"/Sources/NewsdropExtraction/*.swift -emit-module-path "$out/NewsdropExtraction.swiftmodule" \
        -o "$out/libNewsdropExtraction.a"
    rm -rf "$out/core" && mkdir -p "$out/core"
    sed -e '/^import Crypto/d' -e 's/Array(SHA256.hash(data: data))/FuzzDigest.of(data)/' \
        "$repo/Sources/NewsdropCore/Intake/ContentHash.swift" > "$out/core/ContentHash.swift"
    find "$repo/Sources/NewsdropCore" -name '*.swift' ! -name ContentHash.swift > "$out/core/sources.txt"
    swiftc "${flags[@]}" -module-name FuzzJournal -I "$out" -L "$out" -lNewsdropExtraction \
        $(cat "$out/core/sources.txt") "$out/core/ContentHash.swift" "$here/FuzzDigest.swift" "$here/JournalFuzz.swift" \
        -o "$out/fuzz-journal"
}

run() {
    local target=$1 seconds=$2
    mkdir -p "$out/corpus-$target"
    NEWSDROP_FUZZ_DICTIONARIES="$repo/dictionaries" "$out/fuzz-$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -artifact_prefix="$out/artifacts/$target-" -print_final_stats=1 \
        "$out/corpus-$target" "$here/corpus/$target"
}

minimize() {
    local target=$1
    shift
    local seeds="$here/corpus/$target" fresh="$out/minimized-$target" dir
    for dir in "$@"; do
        [ -d "$dir" ] || { echo "no folder $dir to merge in (fuzz first: $0 run $target SECONDS)" >&2; return 1; }
    done
    # Coverage of the current sources, not of an older build.
    "build_$target" > "$out/build-$target.log" 2>&1 || { echo "build failed: $out/build-$target.log" >&2; return 1; }
    rm -rf "$fresh" && mkdir -p "$fresh"
    NEWSDROP_FUZZ_DICTIONARIES="$repo/dictionaries" "$out/fuzz-$target" \
        -merge=1 -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -artifact_prefix="$out/artifacts/$target-" "$fresh" "$seeds" "$@" > "$out/minimize-$target.log" 2>&1 || {
        echo "the merge failed (an input crashed or timed out?); the seed corpus is left as it was; see $out/minimize-$target.log" >&2
        return 1
    }
    grep "MERGE-OUTER" "$out/minimize-$target.log" || true
    # libFuzzer names what it keeps by the SHA-1 of its bytes: give the seeds their names back.
    declare -A names=()
    local file sum
    for file in "$seeds"/*; do names[$(sha1sum < "$file" | cut -d' ' -f1)]=$(basename "$file"); done
    local before after
    before=$(ls "$seeds" | wc -l)/$(cat "$seeds"/* | wc -c)
    [ -n "$(ls "$fresh")" ] || { echo "merge kept nothing; the seed corpus is left as it was" >&2; return 1; }
    rm -f "$seeds"/*
    for file in "$fresh"/*; do
        sum=$(basename "$file")
        cp "$file" "$seeds/${names[$sum]:-$sum}"
    done
    after=$(ls "$seeds" | wc -l)/$(cat "$seeds"/* | wc -c)
    echo "$target seed corpus: $before files/bytes before, $after after (libFuzzer -merge=1); review with git diff"
}

case "${1:-all}" in
build) build ;;
build-extractor) build_extractor ;;
build-journal) build_journal ;;
run) run "$2" "${3:-60}" ;;
minimize) shift; minimize "$@" ;;
all)
    build
    run extractor "${2:-60}"
    run journal "${2:-60}"
    ;;
*) echo "usage: $0 build | run extractor|journal SECONDS | all SECONDS | minimize extractor|journal [DIR...]" >&2; exit 2 ;;
esac
