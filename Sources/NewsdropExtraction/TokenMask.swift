/// A set of token indices within one sentence's token range, as a bit per token: the per-sentence
/// sets of the reader (tokens in parentheses, tokens covered by a match) without hashing.
///
/// The first 128 tokens' bits are stored inline, so a mask over a sentence of ordinary length
/// allocates nothing; longer ranges (a whole article's tokens) keep the rest in an array.
struct TokenMask: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var rest: [UInt64]
    private let lower: Int
    private let count: Int

    /// An empty mask over `range`; indices outside it are never members.
    init(_ range: Range<Int>) {
        lower = range.lowerBound
        count = range.count
        rest = count > 128 ? [UInt64](repeating: 0, count: (count - 128 + 63) / 64) : []
    }

    @inline(__always) func contains(_ i: Int) -> Bool {
        let k = i - lower
        if k < 0 || k >= count { return false }
        if k < 64 { return low & (1 << UInt64(k)) != 0 }
        if k < 128 { return high & (1 << UInt64(k - 64)) != 0 }
        return rest[(k - 128) >> 6] & (1 << UInt64((k - 128) & 63)) != 0
    }

    @inline(__always) mutating func insert(_ i: Int) {
        let k = i - lower
        if k < 0 || k >= count { return }
        if k < 64 { low |= 1 << UInt64(k) } else if k < 128 { high |= 1 << UInt64(k - 64) } else { rest[(k - 128) >> 6] |= 1 << UInt64((k - 128) & 63) }
    }

    @inline(__always) mutating func remove(_ i: Int) {
        let k = i - lower
        if k < 0 || k >= count { return }
        if k < 64 { low &= ~(1 << UInt64(k)) } else if k < 128 { high &= ~(1 << UInt64(k - 64)) } else { rest[(k - 128) >> 6] &= ~(1 << UInt64((k - 128) & 63)) }
    }
}
