/// A small fixed set of words compared by their folded bytes (see `NameFolding`), looked up
/// with a slice of the tokenizer's fold buffer: no array is built and nothing is hashed with
/// `Hasher` per lookup (these sets are consulted for many tokens of every trigger sentence).
struct FoldedWordSet: Sendable {
    /// A word of 1 to 16 bytes packed into two integers: bytes 0..<8 in `low`, 8..<16 in `high`,
    /// the first byte lowest, zero-padded (folded bytes are never 0, so the packing is exact).
    struct PackedWord: Sendable, Equatable {
        var low: UInt64
        var high: UInt64
    }

    /// The words of 1 to 16 bytes in an open-addressing table (`low == 0`: empty) of a
    /// power-of-two size: a lookup is one or two probes instead of a pass over every word.
    private let table: [PackedWord]
    private let mask: Int
    /// The other words, each with a 64-bit FNV-1a digest to skip most comparisons.
    private let long: [(digest: UInt64, bytes: [UInt8])]
    /// One bit per length of a word of the set (`min(length, 63)`), and one per first byte
    /// (`byte & 63`): a word that matches neither bit is no member, known in a few instructions
    /// without packing or probing (most lookups ask for a word the set does not have).
    private let lengths: UInt64
    private let firstBytes: UInt64
    /// One bit per member's last byte (`byte & 63`), tested after the first.
    private let lastBytes: UInt64

    /// Folds each of `words` with `NameFolding.fold` (or only lower-cases them when `fold` is false).
    init(_ words: [String], fold: Bool = true) {
        let folded = words.map { w in Array((fold ? NameFolding.fold(w) : w.lowercased()).utf8) }
        let packed = folded.compactMap { FoldedWordSet.pack($0[...]) }
        var size = 4
        while size < packed.count * 2 { size *= 2 }
        var table = [PackedWord](repeating: PackedWord(low: 0, high: 0), count: size)
        for p in packed {
            var i = FoldedWordSet.slot(p, size - 1)
            while table[i].low != 0 && table[i] != p { i = (i + 1) & (size - 1) }
            table[i] = p
        }
        self.table = table
        mask = size - 1
        long = folded.filter { FoldedWordSet.pack($0[...]) == nil }.map { (FoldedWordSet.digest($0[...]), $0) }
        lengths = folded.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
        firstBytes = folded.reduce(0) { $0 | ($1.isEmpty ? 0 : 1 << UInt64($1[0] & 63)) }
        lastBytes = folded.reduce(0) { $0 | ($1.isEmpty ? 0 : 1 << UInt64($1[$1.count - 1] & 63)) }
    }

    func contains(_ folded: ArraySlice<UInt8>) -> Bool {
        let n = folded.count
        if lengths & (1 &<< UInt64(min(n, 63))) == 0 { return false }
        if n > 0 {
            if firstBytes & (1 &<< UInt64(folded[folded.startIndex] & 63)) == 0 { return false }
            if lastBytes & (1 &<< UInt64(folded[folded.endIndex &- 1] & 63)) == 0 { return false }
        }
        if n >= 1 && n <= 16 {
            let found = folded.withUnsafeBufferPointer { buf -> Bool? in
                guard let p = FoldedWordSet.packFast(buf) else { return nil }
                var i = FoldedWordSet.slot(p, mask)
                return table.withUnsafeBufferPointer { t -> Bool in
                    while true {
                        let e = t[i]
                        if e.low == p.low && e.high == p.high { return true }
                        if e.low == 0 { return false }
                        i = (i &+ 1) & mask
                    }
                }
            }
            if let found { return found }
        }
        let d = FoldedWordSet.digest(folded)
        for w in long where w.digest == d && w.bytes.elementsEqual(folded) { return true }
        return false
    }

    /// The bytes packed into two integers (see `PackedWord`); `nil` unless there are 1 to 16 of
    /// them, none 0 (so that the length is implied).
    static func pack(_ bytes: ArraySlice<UInt8>) -> PackedWord? {
        guard !bytes.isEmpty && bytes.count <= 16 && !bytes.contains(0) else { return nil }
        var p = PackedWord(low: 0, high: 0)
        for (k, b) in bytes.enumerated() {
            if k < 8 { p.low |= UInt64(b) << UInt64(8 * k) } else { p.high |= UInt64(b) << UInt64(8 * (k - 8)) }
        }
        return p
    }

    /// `pack` over a buffer of 1 to 16 bytes, by loads of the buffer's own bytes (two that
    /// overlap when the length is not a power of two) instead of a loop over its bytes: ~470,000
    /// lookups per 500 articles.
    @inline(__always) static func packFast(_ buf: UnsafeBufferPointer<UInt8>) -> PackedWord? {
        let n = buf.count
        let raw = UnsafeRawPointer(buf.baseAddress!)
        var low: UInt64
        var high: UInt64 = 0
        if n >= 8 {
            low = raw.loadUnaligned(as: UInt64.self)
            // bytes n-8..<n, shifted down to drop the ones `low` holds
            if n > 8 { high = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) &>> UInt64(8 &* (16 &- n)) }
        } else if n >= 4 {
            let a = UInt64(raw.loadUnaligned(as: UInt32.self))
            let b = UInt64(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self))
            low = a | (b &<< UInt64(8 &* (n &- 4)))
        } else if n >= 2 {
            let a = UInt64(raw.loadUnaligned(as: UInt16.self))
            let b = UInt64(raw.loadUnaligned(fromByteOffset: n &- 2, as: UInt16.self))
            low = a | (b &<< UInt64(8 &* (n &- 2)))
        } else {
            low = UInt64(raw.load(as: UInt8.self))
        }
        if hasZeroByte(low, min(n, 8)) || (n > 8 && hasZeroByte(high, n &- 8)) { return nil }
        return PackedWord(low: low, high: high)
    }

    /// Whether one of the first `count` (1...8) bytes of `v` is 0.
    @inline(__always) private static func hasZeroByte(_ v: UInt64, _ count: Int) -> Bool {
        // the bytes past `count` set, so that only the first `count` can be 0
        let x = count >= 8 ? v : v | (~0 &<< UInt64(8 &* count))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The table slot a packed word is looked up from.
    @inline(__always) static func slot(_ p: PackedWord, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((p.low ^ (p.high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always) static func digest(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
