/// A byte trie over folded words, matched word by word over a token stream: the key of a phrase
/// is the concatenation of its folded words (so `Abu Kamal` and `Albukamal` share one key), and
/// a match may only end at a word boundary. Edges live in one open-addressing hash table, so a
/// lookup is a multiply and a probe or two; nothing allocates while matching.
struct PhraseTrie: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    /// Per node: start of its payloads in `payloadFlat`, or -1.
    private var terminal: [Int32]
    /// Per node: how many payloads it has.
    private var terminalCount: [Int32]
    /// All payloads, node after node (one flat array: reading them retains nothing).
    private var payloadFlat: [PhrasePayload]

    /// Builds a trie from folded keys and their payloads.
    init(entries: [[UInt8]: [PhrasePayload]]) {
        var edges: [UInt64: Int32] = [:]
        var terminal: [Int32] = [-1]
        var lists: [[PhrasePayload]] = []
        // sort for determinism of node numbering
        for key in entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !key.isEmpty {
            var node: Int32 = 0
            for b in key {
                let e = (UInt64(UInt32(node)) << 8) | UInt64(b)
                if let n = edges[e] { node = n } else {
                    let n = Int32(terminal.count)
                    terminal.append(-1)
                    edges[e] = n
                    node = n
                }
            }
            terminal[Int(node)] = Int32(lists.count)
            lists.append(entries[key]!)
        }
        var capacity = 16
        while capacity < edges.count * 2 { capacity <<= 1 }
        var ks = [UInt64](repeating: UInt64.max, count: capacity)
        var vs = [Int32](repeating: -1, count: capacity)
        let m = capacity - 1
        for (k, v) in edges {
            var slot = PhraseTrie.hash(k) & m
            while ks[slot] != UInt64.max { slot = (slot + 1) & m }
            ks[slot] = k
            vs[slot] = v
        }
        keys = ks
        values = vs
        mask = m
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
    }

    @inline(__always) static func hash(_ k: UInt64) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    /// The child of `node` along `byte`, or -1.
    @inline(__always) func step(_ node: Int32, _ byte: UInt8) -> Int32 {
        let k = (UInt64(UInt32(node)) << 8) | UInt64(byte)
        var slot = PhraseTrie.hash(k) & mask
        while true {
            let s = keys[slot]
            if s == k { return values[slot] }
            if s == UInt64.max { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Walks `bytes` from `node`; -1 when the path leaves the trie.
    @inline(__always) func walk(_ node: Int32, _ bytes: ArraySlice<UInt8>) -> Int32 {
        var n = node
        for b in bytes {
            n = step(n, b)
            if n < 0 { return -1 }
        }
        return n
    }

    /// The positions (for `payload(_:)`) of the payloads of phrases ending at `node`; empty when none.
    @inline(__always) func payloadRange(at node: Int32) -> Range<Int> {
        let t = Int(terminal[Int(node)])
        return t < 0 ? 0..<0 : t..<(t + Int(terminalCount[Int(node)]))
    }

    /// One payload by position.
    @inline(__always) func payload(_ i: Int) -> PhrasePayload { payloadFlat[i] }

    var nodeCount: Int { terminal.count }
}
