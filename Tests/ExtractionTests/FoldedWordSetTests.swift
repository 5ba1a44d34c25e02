import Testing
@testable import NewsdropExtraction

/// `FoldedWordSet` answers as a `Set` of the same folded words, for words of every length around
/// its packing's bounds (1, 8, 9, 16, 17 bytes), with and without 0 bytes, and the empty word.
@Suite struct FoldedWordSetTests {
    @Test func answersAsASetOfTheFoldedWords() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abdikmnrstuz".utf8)
        func word(_ n: Int) -> [UInt8] { (0..<n).map { _ in letters.randomElement(using: &rng)! } }
        for _ in 0..<200 {
            // members of every length from 1 to 20 bytes
            let members = (0..<12).map { _ in String(decoding: word(Int.random(in: 1...20, using: &rng)), as: UTF8.self) }
            let set = FoldedWordSet(members, fold: false)
            let reference = Set(members.map { Array($0.utf8) })
            var queries: [[UInt8]] = [[], [0], [0x61, 0], [0, 0x61]]
            for m in reference {
                queries.append(m)
                queries.append(m + [0x61])
                queries.append(Array(m.dropLast()))
                queries.append(Array(m.dropFirst()))
                var zero = m
                zero[zero.count / 2] = 0
                queries.append(zero)
            }
            for n in [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24] { queries.append(word(n)) }
            for q in queries {
                // queries as slices in the middle of a larger buffer, as the fold buffer gives them
                let buffer = [0x78, 0x79] + q + [0x7A]
                #expect(set.contains(buffer[2..<(2 + q.count)]) == reference.contains(q), "\(q)")
            }
        }
    }

    /// The length, first-byte and last-byte bits that turn most lookups away: words of 63 bytes
    /// and more share one length bit, bytes 64 apart one byte bit, and the empty word has its own.
    @Test func itsLengthAndFirstByteBitsTurnAwayNoMember() {
        let long = [UInt8](repeating: 0x61, count: 62)
        let members: [[UInt8]] = [long, long + [0x62], long + [0x62, 0x63], long + Array("abcdefghijklmnop".utf8), [0x41], Array("bz".utf8), []]
        let set = FoldedWordSet(members.map { String(decoding: $0, as: UTF8.self) }, fold: false)
        let reference = Set(members.map { String(decoding: $0, as: UTF8.self).lowercased() }.map { Array($0.utf8) })
        var queries: [[UInt8]] = [[0x61], [0x21], [0x81], Array("b".utf8), Array("bzz".utf8), Array("\"z".utf8)]
        for m in members {
            queries += [m, m + [0x61], Array(m.dropLast()), [0x21] + Array(m.dropFirst()), Array(m.dropLast()) + [(m.last ?? 0x21) ^ 0x40]]
        }
        for q in queries {
            #expect(set.contains(q[...]) == reference.contains(q), "\(q)")
        }
        #expect(FoldedWordSet([], fold: false).contains([][...]) == false)
    }

    @Test func foldsItsWordsAsTheTokenizerDoes() {
        let set = FoldedWordSet(["Hezbollah", "hostilities", "simultaneously", "al-Qaeda"])
        for w in ["Hizbullah", "HOSTILITIES", "simultaneously", "Qaida"] {
            let folded = Array(NameFolding.fold(w).utf8)
            #expect(set.contains(folded[...]), "\(w)")
        }
        #expect(!set.contains(Array(NameFolding.fold("hostility").utf8)[...]))
    }
}
