/// A set of token indices within one sentence's token range, as a bit per token: the per-sentence
/// sets of the reader (tokens in parentheses, tokens covered by a match) without hashing.
struct TokenMask: Sendable {
    private var bits: [Bool]
    private let lower: Int

    /// An empty mask over `range`; indices outside it are never members.
    init(_ range: Range<Int>) {
        lower = range.lowerBound
        bits = [Bool](repeating: false, count: range.count)
    }

    @inline(__always) func contains(_ i: Int) -> Bool {
        let k = i - lower
        return k >= 0 && k < bits.count && bits[k]
    }

    @inline(__always) mutating func insert(_ i: Int) {
        let k = i - lower
        if k >= 0 && k < bits.count { bits[k] = true }
    }
}
