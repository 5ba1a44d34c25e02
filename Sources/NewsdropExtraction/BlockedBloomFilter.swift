/// A Bloom filter whose two bits per key lie in one 64-bit word, so a lookup reads one word:
/// "certainly absent" or "maybe present". Sized at 16 bits per key (a false positive rate of
/// about 1.5%), it answers the probes that would miss in a large hash table from a structure
/// small enough to stay in the cache.
struct BlockedBloomFilter: Sendable {
    private var words: [UInt64]
    private var mask: Int

    /// Builds a filter over `keys`, which must be well-mixed hashes (the same function used to
    /// look them up).
    init(keys: [Int]) {
        var count = 1
        while count * 64 < keys.count * 16 { count <<= 1 }
        var words = [UInt64](repeating: 0, count: count)
        for h in keys { words[BlockedBloomFilter.word(h, count - 1)] |= BlockedBloomFilter.bits(h) }
        self.words = words
        mask = count - 1
    }

    /// False when no key with hash `h` was added; true when one may have been.
    @inline(__always) func mayContain(_ h: Int) -> Bool {
        let b = BlockedBloomFilter.bits(h)
        return words.withUnsafeBufferPointer { $0[BlockedBloomFilter.word(h, mask)] & b == b }
    }

    /// The word, from the hash's high bits (the tables' slots use its low bits).
    @inline(__always) private static func word(_ h: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: h) >> 12) & mask
    }

    @inline(__always) private static func bits(_ h: Int) -> UInt64 {
        let u = UInt64(truncatingIfNeeded: h)
        return (1 << (u & 63)) | (1 << ((u >> 6) & 63))
    }
}
