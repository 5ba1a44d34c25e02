/// The closed-class words of `FunctionWord.table` by their lower-case spelling, packed into two
/// 64-bit words (first byte lowest, zero-padded: folded and lower-cased bytes are never 0, so the
/// packing is exact), in an open-addressing table; and with them the common words of the
/// dictionaries' phrases, each with its fold.
///
/// The tokenizer finds a word's class with one probe on the bytes it has just gathered, instead
/// of a trie walked byte by byte over the text a second time. A word has the class of its first
/// row in `FunctionWord.table` (as the function trie had).
///
/// The same probe gives the fold of a word of lower-case ASCII letters that the table holds
/// (`Entry.fold`): function words are about half the words of a text and the dictionaries' words
/// (triggers, cues, titles) many more, and the tokenizer copies their fold instead of folding
/// them letter by letter (`NameFolding.foldLowerCaseWord`, ~150 instructions a word). Words that
/// are no function word have `FunctionWord.none`.
struct FunctionWordTable: Sendable {
    /// One word: its packed spelling, class and value (for numbers, months and weekdays), and
    /// its fold.
    struct Entry: Sendable {
        var low: UInt64
        var high: UInt64
        /// The fold (`NameFolding.foldLowerCaseWord` of the spelling), packed as the spelling is.
        var foldLow: UInt64 = 0
        var foldHigh: UInt64 = 0
        var value: Int32
        var function: FunctionWord
        /// The length of the fold; 0 when the spelling is not all lower-case ASCII letters (the
        /// tokenizer folds such words itself).
        var foldCount: UInt8 = 0
        /// For a row with a fold, where the walk over it from the root of the lexicon's any-case
        /// trie ends, as `Token.anyCaseRoot` (0: unknown).
        var anyCaseRoot: UInt16 = 0
    }

    /// Words longer than this are never function words (the longest has 14 bytes).
    static let maxLength = 16

    /// `low == 0` is an empty slot.
    private let entries: [Entry]
    private let mask: Int

    /// The words of `table` with their classes, then `commonWords` (lower-case; those that are
    /// not all letters, or longer than `maxLength`, are left out) as words of no class.
    ///
    /// With `anyCaseTrie`, each row with a fold notes where the fold's walk from the trie's root
    /// ends (when the trie has fewer than 65,534 nodes, so that every answer fits `UInt16`).
    init(_ table: [(String, FunctionWord, Int32)] = FunctionWord.table, commonWords: [[UInt8]] = [], anyCaseTrie: PhraseTrie? = nil) {
        var rows: [Entry] = []
        var seen = Set<[UInt8]>()
        for (word, function, value) in table {
            let bytes = Array(word.utf8)
            precondition(!bytes.isEmpty && bytes.count <= FunctionWordTable.maxLength && !bytes.contains(0), "function word \(word)")
            // only the first class of a word counts
            if !seen.insert(bytes).inserted { continue }
            rows.append(FunctionWordTable.row(bytes, function, value))
        }
        for bytes in commonWords {
            guard !bytes.isEmpty && bytes.count <= FunctionWordTable.maxLength && bytes.allSatisfy({ $0 &- 0x61 < 26 }) else { continue }
            if !seen.insert(bytes).inserted { continue }
            rows.append(FunctionWordTable.row(bytes, .none, 0))
        }
        if let trie = anyCaseTrie, trie.nodeCount < Int(UInt16.max) - 1 {
            for k in rows.indices where rows[k].foldCount > 0 {
                let fold = FunctionWordTable.unpack(rows[k].foldLow, rows[k].foldHigh, Int(rows[k].foldCount))
                let node = fold.withUnsafeBufferPointer { trie.walk(0, $0) }
                rows[k].anyCaseRoot = UInt16(node + 2)
            }
        }
        // at most a third full: a probe for a word the table lacks (most of the rest of a text)
        // ends at an empty slot after ~1.5 slots
        var size = 16
        while size < rows.count * 3 { size <<= 1 }
        var slots = [Entry](repeating: Entry(low: 0, high: 0, value: 0, function: .none), count: size)
        for row in rows {
            var s = FunctionWordTable.slot(row.low, row.high, size - 1)
            while slots[s].low != 0 { s = (s + 1) & (size - 1) }
            slots[s] = row
        }
        entries = slots
        mask = size - 1
    }

    /// The row of `bytes`, with its fold when they are all lower-case ASCII letters.
    private static func row(_ bytes: [UInt8], _ function: FunctionWord, _ value: Int32) -> Entry {
        let (low, high) = pack(bytes)
        var row = Entry(low: low, high: high, value: value, function: function)
        if bytes.allSatisfy({ $0 &- 0x61 < 26 }) {
            // the tokenizer's own fold, on the spelling the tokenizer looks the word up by
            var fold = bytes + [UInt8](repeating: 0, count: 16)
            let n = fold.withUnsafeMutableBufferPointer { NameFolding.foldLowerCaseWord($0.baseAddress!, bytes.count) }
            (row.foldLow, row.foldHigh) = pack(Array(fold[..<n]))
            row.foldCount = UInt8(n)
        }
        return row
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
    /// it is no function word (a common word without a class included).
    func entry<Bytes: Collection<UInt8>>(_ word: Bytes) -> Entry? {
        if word.isEmpty || word.count > FunctionWordTable.maxLength || word.contains(0) { return nil }
        let (low, high) = FunctionWordTable.pack(word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        guard let row = entry(low: low, high: high), row.function != .none else { return nil }
        return row
    }

    /// The bytes (at most 16) packed into two words, the first byte lowest.
    static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for (k, b) in bytes.enumerated() {
            if k < 8 { low |= UInt64(b) << (8 * UInt64(k)) } else { high |= UInt64(b) << (8 * UInt64(k - 8)) }
        }
        return (low, high)
    }

    /// The first `count` bytes of a word packed by `pack`.
    static func unpack(_ low: UInt64, _ high: UInt64, _ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for k in 0..<count {
            let word = k < 8 ? low : high
            let shift = UInt64(8 * (k % 8))
            bytes.append(UInt8(truncatingIfNeeded: word >> shift))
        }
        return bytes
    }

    @inline(__always) private static func slot(_ low: UInt64, _ high: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
