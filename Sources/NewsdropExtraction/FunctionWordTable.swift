/// The closed-class words of `FunctionWord.table` by their lower-case spelling, packed into two
/// 64-bit words (first byte lowest, zero-padded: folded and lower-cased bytes are never 0, so the
/// packing is exact), in an open-addressing table.
///
/// The tokenizer finds a word's class with one probe on the bytes it has just gathered, instead
/// of a trie walked byte by byte over the text a second time. A word has the class of its first
/// row in `FunctionWord.table` (as the function trie had).
struct FunctionWordTable: Sendable {
    /// One word: its packed spelling, class and value (for numbers, months and weekdays).
    struct Entry: Sendable {
        var low: UInt64
        var high: UInt64
        var function: FunctionWord
        var value: Int32
    }

    /// Words longer than this are never function words (the longest has 14 bytes).
    static let maxLength = 16

    /// `low == 0` is an empty slot.
    private let entries: [Entry]
    private let mask: Int

    init(_ table: [(String, FunctionWord, Int32)] = FunctionWord.table) {
        var rows: [Entry] = []
        var seen = Set<[UInt8]>()
        for (word, function, value) in table {
            let bytes = Array(word.utf8)
            precondition(!bytes.isEmpty && bytes.count <= FunctionWordTable.maxLength && !bytes.contains(0), "function word \(word)")
            // only the first class of a word counts
            if !seen.insert(bytes).inserted { continue }
            let (low, high) = FunctionWordTable.pack(bytes)
            rows.append(Entry(low: low, high: high, function: function, value: value))
        }
        var size = 16
        while size < rows.count * 4 { size <<= 1 }
        var slots = [Entry](repeating: Entry(low: 0, high: 0, function: .none, value: 0), count: size)
        for row in rows {
            var s = FunctionWordTable.slot(row.low, row.high, size - 1)
            while slots[s].low != 0 { s = (s + 1) & (size - 1) }
            slots[s] = row
        }
        entries = slots
        mask = size - 1
    }

    /// The row of the word packed as `low` (bytes 0..<8) and `high` (bytes 8..<16), zero-padded;
    /// nil when it is no function word (or empty).
    @inline(__always) func entry(low: UInt64, high: UInt64) -> Entry? {
        if low == 0 { return nil }
        var s = FunctionWordTable.slot(low, high, mask)
        return entries.withUnsafeBufferPointer { table -> Entry? in
            while true {
                let e = table[s]
                if e.low == low && e.high == high { return e }
                if e.low == 0 { return nil }
                s = (s + 1) & mask
            }
        }
    }

    /// The row of a word given by its bytes (any case: ASCII letters are lower-cased); nil when
    /// it is no function word.
    func entry<Bytes: Collection<UInt8>>(_ word: Bytes) -> Entry? {
        if word.isEmpty || word.count > FunctionWordTable.maxLength || word.contains(0) { return nil }
        let (low, high) = FunctionWordTable.pack(word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        return entry(low: low, high: high)
    }

    /// The bytes (at most 16) packed into two words, the first byte lowest.
    static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for (k, b) in bytes.enumerated() {
            if k < 8 { low |= UInt64(b) << (8 * UInt64(k)) } else { high |= UInt64(b) << (8 * UInt64(k - 8)) }
        }
        return (low, high)
    }

    @inline(__always) private static func slot(_ low: UInt64, _ high: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
