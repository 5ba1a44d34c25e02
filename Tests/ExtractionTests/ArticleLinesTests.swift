import Testing
@testable import NewsdropExtraction

/// `ArticleBody.lines` (line feeds found eight bytes at a time) against a byte-by-byte split.
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
}
