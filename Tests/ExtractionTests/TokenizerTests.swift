import Foundation
import Testing
@testable import NewsdropExtraction

/// The tokenizer, its fold and its function-word table against the code they replaced
/// (`ReferenceTokenizer`, `ReferenceFold`, a trie walk over the text's letters): the same tokens,
/// folds and function words on every fixture article, every dictionary name and random text.
@Suite struct TokenizerTests {
    /// Every function word of `FunctionWord.table` with the class and value of its first row.
    static let functionWords: [[UInt8]: (FunctionWord, Int32)] = {
        var d: [[UInt8]: (FunctionWord, Int32)] = [:]
        for (w, f, v) in FunctionWord.table where d[Array(w.utf8)] == nil { d[Array(w.utf8)] = (f, v) }
        return d
    }()

    /// The tokens and folds of `text` line by line (as the body reader reads it), from the
    /// tokenizer with function words set; and the same from the reference, with function words set
    /// as `Lexicon.markFunctionWords` set them with its trie: the token's leading ASCII letters
    /// and digits, lower-cased.
    func bothTokenizations(_ text: String) -> (new: [Token], newFolds: [UInt8], old: [Token], oldFolds: [UInt8]) {
        let bytes = Array(text.utf8)
        var new = Tokenizer()
        var old = ReferenceTokenizer()
        var newTokens: [Token] = []
        var oldTokens: [Token] = []
        // the lexicon's table: its common words' folds are copied, not folded, by the tokenizer
        let table = TestSupport.extractor.lexicon.functionWords
        var start = 0
        for end in bytes.indices.filter({ bytes[$0] == 0x0A }) + [bytes.count] {
            new.tokenize(bytes, start..<end, functionWords: table, into: &newTokens)
            let first = oldTokens.count
            old.tokenize(bytes, start..<end, into: &oldTokens)
            for i in first..<oldTokens.count where oldTokens[i].isWord {
                var k = Int(oldTokens[i].start)
                var spelling: [UInt8] = []
                while k < Int(oldTokens[i].end) && NameFolding.isAlnum(bytes[k]) {
                    spelling.append(bytes[k] | (NameFolding.isUpper(bytes[k]) ? 0x20 : 0))
                    k += 1
                }
                if let (f, v) = TokenizerTests.functionWords[spelling] {
                    oldTokens[i].function = f
                    if f == .number || f == .month || f == .weekday { oldTokens[i].value = v }
                }
            }
            start = end + 1
        }
        return (newTokens, new.folds, oldTokens, old.folds)
    }

    func same(_ a: Token, _ b: Token) -> Bool {
        a.start == b.start && a.end == b.end && a.foldStart == b.foldStart && a.foldEnd == b.foldEnd && a.flags == b.flags && a.mark == b.mark
            && a.value == b.value && a.function == b.function
    }

    /// The first token where the two tokenizations differ, described; nil when they agree.
    func difference(_ text: String) -> String? {
        let r = bothTokenizations(text)
        if r.newFolds != r.oldFolds { return "folds differ in \(text.debugDescription)" }
        if r.new.count != r.old.count { return "\(r.new.count) tokens, reference \(r.old.count), in \(text.debugDescription)" }
        for (a, b) in zip(r.new, r.old) where !same(a, b) { return "\(a) != reference \(b) in \(text.debugDescription)" }
        return nil
    }

    @Test func fixtureArticlesTokenizeAsBefore() throws {
        let files = FileManager.default.enumerator(at: TestSupport.fixtures, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        #expect(files.count >= 50)
        for f in files {
            let d = difference(TestSupport.article(f).text)
            #expect(d == nil, "\(f.lastPathComponent): \(d ?? "")")
        }
    }

    @Test func dictionaryNamesTokenizeAsBefore() {
        let d = TestSupport.extractor.lexicon.dictionaries
        var lines: [String] = []
        for p in d.gazetteer.entries { lines.append(([p.name] + p.aliases).joined(separator: "\n")) }
        for a in d.actors.entries { lines.append(([a.name] + a.aliases + a.adjectives).joined(separator: "\n")) }
        // in chunks, so that a difference names a few hundred names rather than all
        for k in stride(from: 0, to: lines.count, by: 200) {
            let text = lines[k..<min(lines.count, k + 200)].joined(separator: "\n")
            let diff = difference(text)
            #expect(diff == nil, "\(diff ?? "")")
            if diff != nil { return }
        }
    }

    /// Random lines of the bytes the tokenizer treats apart: letters of both cases, digits,
    /// dots, commas, apostrophes, hyphens, spaces, non-ASCII letters and marks.
    @Test func randomTextTokenizesAsBefore() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "e", "o", "u", "i", "l", "s", "h", "k", "q", "g", "d", "y", "A", "E", "L", "S", "U", "N", "1", "9", "0",
            ".", ",", "'", "`", "-", " ", " ", " ", "\t", "\"", "(", ")", ":", ";", "!", "?", "[", "]", "/", "é", "Ā", "ḥ", "ʿ",
            "’", "‘", "“", "”", "—", "…", "\u{00A0}", "ش", "al-", "Al ", "U.S.", "1,000", "2.5", "'s", "’s", "s' ", "Abu", "ou", "ph",
            "ai", "ck", "Qa'ani", "the ", "In ", "MARCH ", "twenty ", "don't ", "north-east", "\u{0000}", "ß", "İ", "ﬁ", "\r"]
        for _ in 0..<8_000 {
            var s = ""
            for _ in 0..<Int.random(in: 1...24, using: &rng) { s += pieces.randomElement(using: &rng)! }
            let d = difference(s)
            #expect(d == nil, "\(d ?? "")")
            if d != nil { return }
        }
    }

    /// `foldLowerCaseWord` against the routine it replaced, on random lower-case words (the
    /// letters its rules name most often) and on the folds of every dictionary name.
    @Test func foldLowerCaseWordFoldsAsBefore() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("aaeiouuybcdghkpqlmnrstfwxzz019".utf8)
        var words: [[UInt8]] = []
        for _ in 0..<300_000 { words.append((0..<Int.random(in: 0...12, using: &rng)).map { _ in letters.randomElement(using: &rng)! }) }
        for p in TestSupport.extractor.lexicon.dictionaries.gazetteer.entries {
            for n in [p.name] + p.aliases { words.append(Array(n.lowercased().utf8).filter { $0 != 0x20 && $0 != 0x2D }) }
        }
        var differences = 0
        for w in words {
            var a = w + [0], b = w + [0]
            let n = a.withUnsafeMutableBufferPointer { NameFolding.foldLowerCaseWord($0.baseAddress!, w.count) }
            let m = b.withUnsafeMutableBufferPointer { ReferenceFold.foldLowerCaseWord($0.baseAddress!, w.count) }
            if a[..<n] != b[..<m] { differences += 1 }
        }
        #expect(differences == 0)
    }

    /// The lexicon's table holds the words of the phrases in any case, without a class, each
    /// with the fold `foldLowerCaseWord` gives it; the tokenizer copies that fold (the fixture
    /// articles above compare the copies with the reference's folds).
    @Test func commonWordsComeWithTheirFolds() {
        let table = TestSupport.extractor.lexicon.functionWords
        for word in ["killed", "attack", "said", "the", "airstrike", "through", "against"] {
            let bytes = Array(word.utf8)
            let (low, high) = FunctionWordTable.pack(bytes)
            let row = table.entry(low: low, high: high)
            var fold = bytes
            let n = fold.withUnsafeMutableBufferPointer { NameFolding.foldLowerCaseWord($0.baseAddress!, bytes.count) }
            #expect(row != nil && Int(row!.foldCount) == n, "\(word)")
            if let row { #expect(FunctionWordTable.pack(Array(fold[..<n])) == (row.foldLow, row.foldHigh), "\(word)") }
        }
        // a common word has no class: `entry(_:)`, which asks for function words, does not find it
        #expect(table.entry(Array("killed".utf8)) == nil)
    }

    /// `FunctionWordTable` answers as the table it is built from, on its words in any case and
    /// on words it does not hold (each word with a letter more or less, other words of the text).
    @Test func functionWordTableAnswersAsTheTable() {
        let table = FunctionWordTable()
        for (word, (f, v)) in TokenizerTests.functionWords {
            for spelling in [word, Array(String(decoding: word, as: UTF8.self).uppercased().utf8)] {
                let row = table.entry(spelling)
                #expect(row?.function == f && row?.value == v, "\(String(decoding: spelling, as: UTF8.self))")
            }
            for other in [word + [0x73], Array(word.dropLast()), Array(word.dropFirst()), [0x78] + word] where TokenizerTests.functionWords[other] == nil {
                #expect(table.entry(other) == nil, "\(String(decoding: other, as: UTF8.self))")
            }
        }
        for absent in ["", "attack", "hezbollah", "simultaneouslyy", "aaaaaaaaaaaaaaaaaaaaa", "x"] {
            #expect(table.entry(Array(absent.utf8)) == nil, "\(absent)")
        }
    }
}
