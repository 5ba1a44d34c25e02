import Testing
@testable import NewsdropExtraction

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.split(bytes, 0..<bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// `mayEnd` (the three ASCII marks' zero-byte tests sharing one mask) against a byte loop,
    /// on random words of bytes near the marks and of every byte value.
    @Test func mayEndFindsTheMarksAsAByteLoop() {
        var rng = SystemRandomNumberGenerator()
        let near: [UInt8] = [0x2E, 0x21, 0x3F, 0xE2, 0x2D, 0x2F, 0x20, 0x22, 0x3E, 0x40, 0xE1, 0xE3, 0x00, 0x01, 0x80, 0xFF, 0xAE, 0xA1, 0xBF, 0x62]
        for round in 0..<200_000 {
            var v: UInt64 = 0
            var expected = false
            for k in 0..<8 {
                let b = round % 2 == 0 ? near.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
                if b == 0x2E || b == 0x21 || b == 0x3F || b == 0xE2 { expected = true }
                v |= UInt64(b) << (8 * UInt64(k))
            }
            #expect(SentenceSplitter.mayEnd(v) == expected, "\(String(v, radix: 16))")
            if SentenceSplitter.mayEnd(v) != expected { return }
        }
    }

    /// The abbreviations' table answers as their `Set`, for every abbreviation, each with a
    /// letter more or less, and random short words.
    @Test func abbreviationTableAnswersAsTheSet() {
        func pack(_ w: [UInt8]) -> UInt64 { w.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
        var words: [[UInt8]] = []
        for a in SentenceSplitter.abbreviations {
            let w = Array(a.utf8)
            words += [w, w + [0x73], Array(w.dropLast()), Array(w.dropFirst()), [0x78] + w]
        }
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abcdegijlmnoprstuv.".utf8)
        for _ in 0..<50_000 { words.append((0..<Int.random(in: 1...8, using: &rng)).map { _ in letters.randomElement(using: &rng)! }) }
        for w in words where !w.isEmpty && w.count <= 8 {
            let p = pack(w)
            #expect(SentenceSplitter.isPackedAbbreviation(p) == SentenceSplitter.packedAbbreviations.contains(p), "\(String(decoding: w, as: UTF8.self))")
        }
    }

    /// `isAbbreviation` as it was before it read through a buffer and skipped the initials' pass
    /// for words without a period.
    static func referenceIsAbbreviation(_ bytes: [UInt8], before dot: Int, lowerBound: Int) -> Bool {
        var k = dot - 1
        while k >= lowerBound && (NameFolding.isAlnum(bytes[k]) || bytes[k] == 0x2E) { k -= 1 }
        let n = dot - (k + 1)
        if n == 0 { return false }
        if n <= 8 {
            var packed: UInt64 = 0
            for j in 0..<n {
                let b = bytes[k + 1 + j]
                packed |= UInt64(NameFolding.isUpper(b) ? b | 0x20 : b) << (8 * UInt64(j))
            }
            if SentenceSplitter.packedAbbreviations.contains(packed) { return true }
        }
        if n == 1 && bytes[dot - 1] >= 0x41 && bytes[dot - 1] <= 0x5A { return true }
        var hasPeriod = false, run = 0, longestRun = 0
        for j in (k + 1)..<dot {
            if bytes[j] == 0x2E { hasPeriod = true; run = 0 } else { run += 1; longestRun = max(longestRun, run) }
        }
        return hasPeriod && longestRun <= 1
    }

    /// `isAbbreviation` answers as the reference at every period of random text of letters,
    /// capitals, digits, periods, spaces and abbreviations, from random lower bounds.
    @Test func isAbbreviationAnswersAsBefore() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "U", "S", "J", "1", ".", ".", " ", "-", "Gen", "gen", "Lt", "U.S", "e.g", "Sept", "é", "st", "No", "co"]
        for _ in 0..<20_000 {
            let bytes = Array((0..<Int.random(in: 1...16, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            for dot in bytes.indices where bytes[dot] == 0x2E {
                let lower = Int.random(in: 0...dot, using: &rng)
                #expect(SentenceSplitter.isAbbreviation(bytes, before: dot, lowerBound: lower)
                    == SentenceSplitterTests.referenceIsAbbreviation(bytes, before: dot, lowerBound: lower), "\(String(decoding: bytes, as: UTF8.self)) at \(dot) from \(lower)")
            }
        }
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        let s = sentences("The U.S. military said Gen. Michael Kurilla visited the base. Maj.-Gen. Qassem Soleimani was killed by a U.S. drone. Lt. Col. A. B. Smith confirmed it.")
        #expect(s == [
            "The U.S. military said Gen. Michael Kurilla visited the base.",
            "Maj.-Gen. Qassem Soleimani was killed by a U.S. drone.",
            "Lt. Col. A. B. Smith confirmed it.",
        ])
    }

    @Test func brigadierAndInitialsInNames() {
        let s = sentences("Brig. Gen. Mohammad Reza Zahedi was killed. J. R. Smith wrote it. He left.")
        #expect(s.count == 3)
        #expect(s[0] == "Brig. Gen. Mohammad Reza Zahedi was killed.")
    }

    @Test func decimalsStayInsideTheSentence() {
        let s = sentences("The strike hit 2.5 km from the border. It killed 3.")
        #expect(s == ["The strike hit 2.5 km from the border.", "It killed 3."])
    }

    @Test func quotesCloseWithTheSentence() {
        let s = sentences("\u{201C}We will respond,\u{201D} he said. \u{201C}The attack failed.\u{201D} Iran denied it. \"It is over.\" Then silence.")
        #expect(s == ["\u{201C}We will respond,\u{201D} he said.", "\u{201C}The attack failed.\u{201D}", "Iran denied it.", "\"It is over.\"", "Then silence."])
    }

    @Test func lowerCaseAfterAPeriodDoesNotSplit() {
        #expect(sentences("It hit approx. ten sites. Next.").count == 2)
        #expect(sentences("Reuters said 10 a.m. local time. Nothing else.").count == 2)
    }

    @Test func textWithNoSentenceEndsIsCutIntoBoundedPiecesAtSpaces() {
        let words = (0..<20_000).map { "word\($0)" }
        let text = words.joined(separator: " ")
        let pieces = sentences(text)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.utf8.count <= SentenceSplitter.maximumSentenceBytes })
        // Nothing lost, nothing cut inside a word.
        #expect(pieces.joined(separator: " ") == text)
        // No space at all: cut anyway, never inside a UTF-8 character.
        let dense = String(repeating: "é", count: 3_000)
        let parts = sentences(dense)
        #expect(parts.allSatisfy { $0.utf8.count <= SentenceSplitter.maximumSentenceBytes })
        #expect(parts.joined() == dense)
    }
}
