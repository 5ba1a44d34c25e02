/// A small fixed set of words compared by their folded bytes (see `NameFolding`), looked up
/// with a slice of the tokenizer's fold buffer: no array is built and nothing is hashed with
/// `Hasher` per lookup (these sets are consulted for many tokens of every trigger sentence).
struct FoldedWordSet: Sendable {
    /// The words of 1 to 8 bytes, each packed into an integer (first byte lowest), in an
    /// open-addressing table (0: empty) of a power-of-two size: a lookup is one or two probes
    /// instead of a pass over every word.
    private let table: [UInt64]
    private let mask: Int
    /// The other words, each with a 64-bit FNV-1a digest to skip most comparisons.
    private let long: [(digest: UInt64, bytes: [UInt8])]

    /// Folds each of `words` with `NameFolding.fold` (or only lower-cases them when `fold` is false).
    init(_ words: [String], fold: Bool = true) {
        let folded = words.map { w in Array((fold ? NameFolding.fold(w) : w.lowercased()).utf8) }
        let packed = folded.compactMap { FoldedWordSet.pack($0[...]) }
        var size = 4
        while size < packed.count * 2 { size *= 2 }
        var table = [UInt64](repeating: 0, count: size)
        for p in packed {
            var i = FoldedWordSet.slot(p, size - 1)
            while table[i] != 0 && table[i] != p { i = (i + 1) & (size - 1) }
            table[i] = p
        }
        self.table = table
        mask = size - 1
        long = folded.filter { FoldedWordSet.pack($0[...]) == nil }.map { (FoldedWordSet.digest($0[...]), $0) }
    }

    func contains(_ folded: ArraySlice<UInt8>) -> Bool {
        if let p = FoldedWordSet.packFast(folded) {
            var i = FoldedWordSet.slot(p, mask)
            while true {
                let t = table[i]
                if t == p { return true }
                if t == 0 { return false }
                i = (i + 1) & mask
            }
        }
        let d = FoldedWordSet.digest(folded)
        for w in long where w.digest == d && w.bytes.elementsEqual(folded) { return true }
        return false
    }

    /// The bytes packed into an integer, the first in the lowest byte; `nil` unless there are 1 to
    /// 8 of them, none 0 (so that the length is implied).
    @inline(__always) static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty && bytes.count <= 8 else { return nil }
        var v: UInt64 = 0
        var shift: UInt64 = 0
        for b in bytes {
            if b == 0 { return nil }
            v |= UInt64(b) << shift
            shift += 8
        }
        return v
    }

    /// `pack` over the slice's buffer: no index checks per byte (`contains` runs for ~600,000
    /// words per 500 articles).
    @inline(__always) static func packFast(_ bytes: ArraySlice<UInt8>) -> UInt64? {
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

    /// The table slot a packed word is looked up from.
    @inline(__always) static func slot(_ p: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always) static func digest(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
