import Testing
@testable import NewsdropExtraction

/// `ArticleBody.lines` (line feeds found eight bytes at a time) against a byte-by-byte split, and
/// the key of a line's folds by which repeated lines are read once.
@Suite struct ArticleLinesTests {
    func byteByByte(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var s = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(s..<i)
            s = i + 1
        }
        if s < bytes.count { lines.append(s..<bytes.count) }
        return lines
    }

    @Test func linesAreSplitAsByteByByte() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x0A], [0x0A, 0x0A], [0x61], Array("a line of text".utf8), [0x0D, 0x0A], Array("é—".utf8), [0x0B], [0x8A]]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            #expect(ArticleBody.lines(bytes) == byteByByte(bytes), "\(bytes)")
        }
    }

    /// The furniture kinds' detail bytes as the body reader maps them (a `switch`) are their
    /// positions in `allCases`, as the lexicon stores them in the payloads.
    @Test func furnitureDetailIsTheKindsPosition() {
        for (i, kind) in FurnitureEntry.Kind.allCases.enumerated() {
            #expect(ArticleBody.detail(of: kind) == UInt8(i))
        }
    }

    @Test func lineKeysTellLinesApart() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abikmnrstu".utf8)
        var seen: [UInt64: [UInt8]] = [:]
        for _ in 0..<100_000 {
            let line = (0..<Int.random(in: 0...40, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
            // the same bytes at another offset of a buffer give the same key
            let padded = [0x7A] + line
            let key = ArticleBody.normalizedKey(line[...])
            #expect(ArticleBody.normalizedKey(padded[1...]) == key)
            if let other = seen[key] { #expect(other == line, "\(other) and \(line) share a key") }
            seen[key] = line
        }
    }
}
