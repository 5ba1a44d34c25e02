/// A set of token indices of one sentence, as a bit per token in words of a `SlotArena<UInt64>`:
/// a plain value (a pointer and two integers), so that copying the `SentenceSlots` that holds it
/// retains and releases nothing — `TokenMask` keeps the bits past the 128th in an array.
///
/// Not `Sendable`: its words live as long as the arena they were allocated in.
struct PackedTokenMask {
    private let words: UnsafePointer<UInt64>?
    private let lower: Int
    private let count: Int

    /// The tokens of `range` for which `isMember` holds, in words allocated from `arena`.
    init(_ range: Range<Int>, in arena: SlotArena<UInt64>, where isMember: (Int) -> Bool) {
        lower = range.lowerBound
        count = range.count
        let n = (count + 63) >> 6
        if n == 0 {
            words = nil
            return
        }
        let w = arena.allocate(n)
        w.initialize(repeating: 0, count: n)
        for i in range where isMember(i) {
            let k = i - range.lowerBound
            w[k >> 6] |= 1 << UInt64(k & 63)
        }
        words = UnsafePointer(w)
    }

    /// The tokens whose bits are set in `words` (bit `i - range.lowerBound` of word
    /// `(i - range.lowerBound) / 64`; `(range.count + 63) / 64` words, `nil` for an empty range),
    /// which the caller's arena keeps alive; no bit past the range's last token may be set.
    init(_ range: Range<Int>, words: UnsafePointer<UInt64>?) {
        lower = range.lowerBound
        count = range.count
        self.words = words
    }

    /// Whether token `i` is a member; indices outside the range never are.
    @inline(__always) func contains(_ i: Int) -> Bool {
        let k = i - lower
        if k < 0 || k >= count { return false }
        return words.unsafelyUnwrapped[k >> 6] & (1 << UInt64(k & 63)) != 0
    }
}
