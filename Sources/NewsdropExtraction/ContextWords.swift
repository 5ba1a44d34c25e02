/// A list of folded words (a trigger row's `next:`, `prev:` or `not-next:` words) compared with a
/// token's folded bytes: each word of 1 to 8 bytes, none 0, packed into one integer (first byte
/// lowest, so the length is implied), the others kept as bytes. A token's fold is packed once and
/// compared as an integer, instead of with each word's `String.utf8` (`contextMatches` compares
/// ~100,000 tokens per 500 articles). Same answers as comparing the bytes.
struct ContextWords: Sendable {
    private let packed: [UInt64]
    private let other: [[UInt8]]

    /// `words` as they are (already folded: their UTF-8 bytes are compared).
    init(_ words: [String]) {
        var packed: [UInt64] = []
        var other: [[UInt8]] = []
        for w in words {
            let bytes = Array(w.utf8)
            if let p = ContextWords.pack(bytes[...]) { packed.append(p) } else { other.append(bytes) }
        }
        self.packed = packed
        self.other = other
    }

    var isEmpty: Bool { packed.isEmpty && other.isEmpty }

    /// Whether one of the words is `folded`, byte for byte.
    func contains(_ folded: ArraySlice<UInt8>) -> Bool {
        // packed by two overlapping loads of the slice's own bytes (`FoldedWordSet.packFast`),
        // not a loop over its bytes
        let n = folded.count
        if n >= 1 && n <= 8, let p = folded.withUnsafeBufferPointer({ FoldedWordSet.packFast($0)?.low }) {
            // (an unpacked word is empty, longer than 8 bytes or holds a 0: never equal to it)
            for w in packed where w == p { return true }
            return false
        }
        for w in other where w.count == folded.count && w.elementsEqual(folded) { return true }
        return false
    }

    /// The bytes packed into an integer, the first in the lowest byte; `nil` unless there are 1 to
    /// 8 of them, none 0.
    @inline(__always) static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        let n = bytes.count
        guard n >= 1 && n <= 8 else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> UInt64? in
            var v: UInt64 = 0
            var k = 0
            while k < n {
                let b = buf[k]
                if b == 0 { return nil }
                v |= UInt64(b) &<< UInt64(k &* 8)
                k &+= 1
            }
            return v
        }
    }
}

/// A trigger row's context words as `ContextWords`, made once per extractor (row for row with
/// `Dictionaries.triggers`).
struct TriggerContextWords: Sendable {
    let next: ContextWords
    let previous: ContextWords
    let notNext: ContextWords

    init(_ entry: TriggerEntry) {
        next = ContextWords(entry.next)
        previous = ContextWords(entry.previous)
        notNext = ContextWords(entry.notNext)
    }
}
