// Stands in for swift-crypto's SHA-256 in the journal fuzz target (not a hash to trust).
enum FuzzDigest {
    static func of(_ data: [UInt8]) -> [UInt8] {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var out: [UInt8] = []
        for round in 0..<4 {
            for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h ^= UInt64(round)
            withUnsafeBytes(of: h) { out.append(contentsOf: $0) }
        }
        return out
    }
}
