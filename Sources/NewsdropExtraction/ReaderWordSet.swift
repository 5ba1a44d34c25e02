/// One of the event reader's word lists: a `FoldedWordSet` and the lengths of its folded words,
/// so that `ArticleReader.word(_:in:)` answers most tokens by the length of their fold alone,
/// without making a slice of the fold buffer (a retain and a release) or probing the set
/// (~470,000 lookups per 500 articles, most of them for words of other lengths).
struct ReaderWordSet: Sendable {
    let words: FoldedWordSet
    /// Bit n set: a word of n folded bytes (n < 63); bit 63: a word of 63 bytes or more.
    let lengths: UInt64

    /// The words as `FoldedWordSet` folds them (`NameFolding.fold`, or only lower-cased when
    /// `fold` is false).
    init(_ words: [String], fold: Bool = true) {
        self.words = FoldedWordSet(words, fold: fold)
        var lengths: UInt64 = 0
        for w in words {
            let n = (fold ? NameFolding.fold(w) : w.lowercased()).utf8.count
            lengths |= 1 << UInt64(min(n, 63))
        }
        self.lengths = lengths
    }

    /// Whether a word of `count` folded bytes may be in the set (false: it is not).
    @inline(__always) func mayHold(count: Int) -> Bool {
        lengths & (1 &<< UInt64(truncatingIfNeeded: min(count, 63))) != 0
    }

    func contains(_ folded: ArraySlice<UInt8>) -> Bool {
        mayHold(count: folded.count) && words.contains(folded)
    }
}
