/// A byte trie over folded words, matched word by word over a token stream: the key of a phrase
/// is the concatenation of its folded words (so `Abu Kamal` and `Albukamal` share one key), and
/// a match may only end at a word boundary. Edges live in one open-addressing hash table, so a
/// lookup is a multiply and a probe or two; nothing allocates while matching.
///
/// Layout for the cache: an edge is one 64-bit word (parent node and byte in the high half,
/// child in the low half), so a probe touches one cache line; and the first two levels, where
/// every word of the text starts its walk, are dense tables (256 entries for the root, 256 per
/// child of the root) that stay in L1/L2 instead of random probes into a table of megabytes.
/// A walk from the root over a word of three to eight bytes — nearly every word of a text —
/// is one probe of `shortPaths`, keyed by the word's bytes themselves, instead of one probe per
/// byte.
struct PhraseTrie: Sendable {
    /// A node at depth 3...8 by its path from the root, packed into a word (first byte lowest;
    /// folded bytes are never 0, so the packing is exact).
    private struct ShortPath: Sendable {
        var path: UInt64
        var node: Int32
    }
    /// Open-addressing table of edges: `(parent << 40) | (byte << 32) | child` (parent under 2^24); `UInt64.max` is empty.
    private var edges: [UInt64]
    private var mask: Int
    /// The root's child per byte, or -1.
    private var level1: [Int32]
    /// Per byte b0 with a root child: the grandchild per second byte at `(row(b0) << 8) | b1`, or -1.
    private var level2: [Int32]
    /// Per byte: the row of `level2` for the root's child along it, or -1.
    private var level2Row: [Int32]
    /// Per node: start of its payloads in `payloadFlat`, or -1.
    private var terminal: [Int32]
    /// Per node: how many payloads it has.
    private var terminalCount: [Int32]
    /// All payloads, node after node (one flat array: reading them retains nothing).
    private var payloadFlat: [PhrasePayload]
    /// Blocked Bloom filters over the edges and the short paths: most probes of a text ask for
    /// an edge or path that is not there (a word that continues no phrase), and a filter of a
    /// few hundred kilobytes answers most of them from the cache instead of a miss into the
    /// table of megabytes.
    private var edgeFilter: BlockedBloomFilter
    private var shortFilter: BlockedBloomFilter
    /// Open-addressing table of the nodes at depth 3...8 by path; `path == 0` is empty.
    private var shortPaths: [ShortPath]
    private var shortMask: Int

    /// Builds a trie from folded keys and their payloads.
    init(entries: [[UInt8]: [PhrasePayload]]) {
        var edges: [UInt64: Int32] = [:]
        var terminal: [Int32] = [-1]
        var lists: [[PhrasePayload]] = []
        var short: [UInt64: Int32] = [:]
        // sort for determinism of node numbering
        for key in entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !key.isEmpty {
            var node: Int32 = 0
            var path: UInt64 = 0
            for (depth, b) in key.enumerated() {
                let e = (UInt64(UInt32(node)) << 8) | UInt64(b)
                if let n = edges[e] { node = n } else {
                    let n = Int32(terminal.count)
                    terminal.append(-1)
                    edges[e] = n
                    node = n
                }
                if depth < 8 {
                    path |= UInt64(b) << (8 * depth)
                    if depth >= 2 { short[path] = node }
                }
            }
            terminal[Int(node)] = Int32(lists.count)
            lists.append(entries[key]!)
        }
        // an edge key is the parent (24 bits) and the byte: far above any dictionary (~200,000 nodes)
        precondition(terminal.count < 1 << 24, "phrase trie over 16M nodes")
        var capacity = 16
        while capacity < edges.count * 2 { capacity <<= 1 }
        var table = [UInt64](repeating: UInt64.max, count: capacity)
        let m = capacity - 1
        for (k, v) in edges {
            var slot = PhraseTrie.hash(k) & m
            while table[slot] != UInt64.max { slot = (slot + 1) & m }
            table[slot] = (k << 32) | UInt64(UInt32(v))
        }
        self.edges = table
        mask = m
        edgeFilter = BlockedBloomFilter(keys: edges.keys.map(PhraseTrie.hash))
        var l1 = [Int32](repeating: -1, count: 256)
        var rows = [Int32](repeating: -1, count: 256)
        var l2: [Int32] = []
        for b0 in 0..<256 {
            guard let c = edges[UInt64(b0)] else { continue }
            l1[b0] = c
            rows[b0] = Int32(l2.count >> 8)
            for b1 in 0..<256 {
                l2.append(edges[(UInt64(UInt32(c)) << 8) | UInt64(b1)] ?? -1)
            }
        }
        level1 = l1
        level2 = l2
        level2Row = rows
        var flat: [PhrasePayload] = []
        var counts = [Int32](repeating: 0, count: terminal.count)
        var starts = [Int32](repeating: -1, count: terminal.count)
        for node in terminal.indices where terminal[node] >= 0 {
            let list = lists[Int(terminal[node])]
            starts[node] = Int32(flat.count)
            counts[node] = Int32(list.count)
            flat.append(contentsOf: list)
        }
        self.terminal = starts
        terminalCount = counts
        payloadFlat = flat
        var shortCapacity = 16
        while shortCapacity < short.count * 2 { shortCapacity <<= 1 }
        var shortTable = [ShortPath](repeating: ShortPath(path: 0, node: -1), count: shortCapacity)
        for (path, node) in short {
            var slot = PhraseTrie.shortHash(path) & (shortCapacity - 1)
            while shortTable[slot].path != 0 { slot = (slot + 1) & (shortCapacity - 1) }
            shortTable[slot] = ShortPath(path: path, node: node)
        }
        shortPaths = shortTable
        shortMask = shortCapacity - 1
        shortFilter = BlockedBloomFilter(keys: short.keys.map(PhraseTrie.shortHash))
    }

    @inline(__always) static func hash(_ k: UInt64) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    /// The hash of a packed root path (`shortPaths`, `shortFilter`). `hash` takes its slot from
    /// bits 29 and up of a product, which depend on the key's low bits only: for a path, on its
    /// first four or five bytes, so that "attack", "attacks", "attacked" and "attacking" shared a
    /// slot and the table's probes ran on for ~2.4 slots per lookup. The high half is folded into
    /// the low one first (a bijection: distinct paths keep distinct keys).
    @inline(__always) static func shortHash(_ path: UInt64) -> Int {
        hash(path ^ (path &>> 32))
    }

    /// The child of `node` along `byte`, or -1.
    @inline(__always) func step(_ node: Int32, _ byte: UInt8) -> Int32 {
        let k = (UInt64(UInt32(node)) << 8) | UInt64(byte)
        let h = PhraseTrie.hash(k)
        if !edgeFilter.mayContain(h) { return -1 }
        var slot = h & mask
        return edges.withUnsafeBufferPointer { table in
            while true {
                let s = table[slot]
                if s >> 32 == k { return Int32(truncatingIfNeeded: s) }
                if s == UInt64.max { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The node at the end of a packed root path of three to eight bytes, or -1.
    @inline(__always) private func shortPath(_ path: UInt64) -> Int32 {
        let h = PhraseTrie.shortHash(path)
        if !shortFilter.mayContain(h) { return -1 }
        var slot = h & shortMask
        return shortPaths.withUnsafeBufferPointer { table in
            while true {
                let s = table[slot]
                if s.path == path { return s.node }
                if s.path == 0 { return -1 }
                slot = (slot + 1) & shortMask
            }
        }
    }

    /// Walks `bytes` from `node`; -1 when the path leaves the trie.
    @inline(__always) func walk(_ node: Int32, _ bytes: ArraySlice<UInt8>) -> Int32 {
        bytes.withUnsafeBufferPointer { walk(node, $0) }
    }

    /// Walks `bytes` from `node`; -1 when the path leaves the trie.
    @inline(__always) func walk(_ node: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var n = node
        var k = 0
        let count = bytes.count
        // from the root, the first three to eight bytes in one probe by their packed path
        if n == 0 && count >= 3 {
            let d = min(count, 8)
            n = shortPath(PhraseTrie.packPath(bytes, d))
            if n < 0 { return -1 }
            k = d
        }
        // from the root, the first two bytes come from the dense tables
        if n == 0 && k < count {
            let b0 = bytes[k]
            n = level1[Int(b0)]
            if n < 0 { return -1 }
            k += 1
            if k < count {
                n = level2[Int(level2Row[Int(b0)]) << 8 | Int(bytes[k])]
                if n < 0 { return -1 }
                k += 1
            }
        }
        while k < count {
            n = step(n, bytes[k])
            if n < 0 { return -1 }
            k += 1
        }
        return n
    }

    /// The first `d` (3...8) bytes of `bytes` packed into a word, the first lowest: by loads of
    /// the buffer's own bytes (two that overlap when `d` is not 8), not a loop over them.
    @inline(__always) static func packPath(_ bytes: UnsafeBufferPointer<UInt8>, _ d: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        if d == 8 { return raw.loadUnaligned(as: UInt64.self) }
        if d >= 4 {
            let a = UInt64(raw.loadUnaligned(as: UInt32.self))
            let b = UInt64(raw.loadUnaligned(fromByteOffset: d &- 4, as: UInt32.self))
            return a | (b &<< UInt64(8 &* (d &- 4)))
        }
        return UInt64(raw.loadUnaligned(as: UInt16.self)) | UInt64(bytes[2]) &<< 16
    }

    /// The positions (for `payload(_:)`) of the payloads of phrases ending at `node`; empty when none.
    @inline(__always) func payloadRange(at node: Int32) -> Range<Int> {
        let t = Int(terminal[Int(node)])
        return t < 0 ? 0..<0 : t..<(t + Int(terminalCount[Int(node)]))
    }

    /// Whether phrases end at `node` (it has payloads).
    @inline(__always) func endsPhrases(_ node: Int32) -> Bool { terminal[Int(node)] >= 0 }

    /// One payload by position.
    @inline(__always) func payload(_ i: Int) -> PhrasePayload { payloadFlat[i] }

    var nodeCount: Int { terminal.count }
}
