/// A small fixed set of words compared by their folded bytes (see `NameFolding`), looked up
/// with a slice of the tokenizer's fold buffer: no array is built and nothing is hashed with
/// `Hasher` per lookup (these sets are consulted for many tokens of every trigger sentence).
struct FoldedWordSet: Sendable {
    /// The folded words, each with a 64-bit FNV-1a digest to skip most comparisons.
    private let words: [(digest: UInt64, bytes: [UInt8])]

    /// Folds each of `words` with `NameFolding.fold` (or only lower-cases them when `fold` is false).
    init(_ words: [String], fold: Bool = true) {
        self.words = words.map { w in
            let bytes = Array((fold ? NameFolding.fold(w) : w.lowercased()).utf8)
            return (FoldedWordSet.digest(bytes[...]), bytes)
        }
    }

    func contains(_ folded: ArraySlice<UInt8>) -> Bool {
        let d = FoldedWordSet.digest(folded)
        for w in words where w.digest == d && w.bytes.elementsEqual(folded) { return true }
        return false
    }

    @inline(__always) static func digest(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
