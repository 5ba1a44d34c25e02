import Foundation
import Testing
@testable import NewsdropExtraction

/// `Lexicon.phrases` against a plain walk from every start word (`reference`, the matcher as it
/// was before its start words were filtered): the same matches, in the same order, on every
/// line of every fixture article and on random word sequences of dictionary words. It fails if
/// the filter in front of `phrases(from:)` (`Lexicon.mayGoOn`) skips a start word that begins a
/// phrase, or if the any-case trie's node the tokenizer noted for a common word
/// (`Token.anyCaseRoot`) is not where the reference's walk from the root ends.
@Suite struct PhraseMatchTests {
    typealias Found = (start: Int, end: Int, payload: PhrasePayload, aligned: Bool)

    /// Every phrase of `lexicon` from every word token of `tokens[range]`: each start word is
    /// walked on word after word until the walk leaves the trie, with no test in front.
    func reference(_ lexicon: Lexicon, _ tokens: [Token], _ range: Range<Int>, _ folds: [UInt8]) -> [Found] {
        var out: [Found] = []
        let nameStart: Token.Flags = [.capitalized, .allUpper, .number]
        for i in range {
            let t = tokens[i]
            if !t.isWord || t.flags.contains(.particle) { continue }
            let first = out.count
            walk(from: i, in: lexicon.anyCaseTrie, tokens, range, folds, into: &out)
            if !t.flags.isDisjoint(with: nameStart) {
                let mid = out.count
                walk(from: i, in: lexicon.nameTrie, tokens, range, folds, into: &out)
                if mid > first && out.count > mid {
                    let sorted = out[first...].sorted { ($0.end, $0.payload.rank) < ($1.end, $1.payload.rank) }
                    out.replaceSubrange(first..., with: sorted)
                }
            }
        }
        return out
    }

    func walk(from i: Int, in trie: PhraseTrie, _ tokens: [Token], _ range: Range<Int>, _ folds: [UInt8], into out: inout [Found]) {
        let t = tokens[i]
        var node: Int32 = 0
        var j = i
        var allUpper = true
        var consumed = 0
        var crossedPossessive = false
        while j < range.upperBound {
            let tj = tokens[j]
            if tj.isPunct { break }
            if tj.flags.contains(.particle) && j > i { j += 1; continue }
            node = trie.walk(node, folds[Int(tj.foldStart)..<Int(tj.foldEnd)])
            if node < 0 { break }
            consumed += 1
            if !tj.flags.contains(.allUpper) { allUpper = false }
            for pi in trie.payloadRange(at: node) {
                let p = trie.payload(pi)
                if p.kind == .function { continue }
                if crossedPossessive && !p.possessiveInside { continue }
                switch p.caseRule {
                case .any: break
                case .capitalized: if !t.flags.contains(.capitalized) && !t.flags.contains(.number) { continue }
                case .upper: if !allUpper { continue }
                }
                if consumed == 1 && p.caseRule == .capitalized && t.function != .none && t.function != .month && t.function != .weekday { continue }
                out.append((i, j + 1, p, Int(p.words) == consumed))
            }
            if tj.flags.contains(.possessive) { crossedPossessive = true }
            j += 1
        }
    }

    /// The first line of `text` where the matcher and the reference differ, described; nil when
    /// they agree on every line.
    func difference(_ text: String) -> String? {
        let lexicon = TestSupport.extractor.lexicon
        let bytes = Array(text.utf8)
        var tokenizer = Tokenizer()
        var start = 0
        var matches: [Lexicon.Match] = []
        for end in bytes.indices.filter({ bytes[$0] == 0x0A }) + [bytes.count] {
            var tokens: [Token] = []
            tokenizer.tokenize(bytes, start..<end, functionWords: lexicon.functionWords, into: &tokens)
            lexicon.phrases(tokens, 0..<tokens.count, tokenizer: tokenizer, into: &matches)
            let expected = reference(lexicon, tokens, 0..<tokens.count, tokenizer.folds)
            let same = matches.count == expected.count && zip(matches, expected).allSatisfy { m, e in
                m.start == e.start && m.end == e.end && m.payload == e.payload && m.aligned == e.aligned
            }
            if !same {
                return "\(matches.count) matches, reference \(expected.count), in \(String(decoding: bytes[start..<end], as: UTF8.self).debugDescription)"
            }
            start = end + 1
        }
        return nil
    }

    /// The tokenizer notes a common word's walk over the any-case trie in two bytes the token's
    /// layout had as padding: the token stays 28 bytes.
    @Test func tokenStaysTwentyEightBytes() {
        #expect(MemoryLayout<Token>.stride == 28)
    }

    @Test func fixtureArticlesMatchAsAPlainWalk() throws {
        let files = FileManager.default.enumerator(at: TestSupport.fixtures, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        #expect(files.count >= 50)
        var matched = 0
        for f in files {
            let d = difference(TestSupport.article(f).text)
            #expect(d == nil, "\(f.lastPathComponent): \(d ?? "")")
            matched += 1
        }
        #expect(matched == files.count)
    }

    /// Lines of words drawn from the dictionaries' phrases (so that most start words begin a
    /// phrase and many go on over the next word), with particles, possessives, capitals and
    /// punctuation between them.
    @Test func dictionaryWordSequencesMatchAsAPlainWalk() {
        let d = TestSupport.extractor.lexicon.dictionaries
        var words: [String] = ["al-", "Al ", "the", "of", "'s", "’s", ",", ".", "(", "-", "US", "IS"]
        for t in d.triggers { for (phrase, _) in t.forms() { words += phrase.split(separator: " ").map(String.init) } }
        for a in d.actors.entries.prefix(120) { for n in [a.name] + a.aliases { words += n.split(separator: " ").map(String.init) } }
        for p in d.gazetteer.entries.prefix(400) { words += p.name.split(separator: " ").map(String.init) }
        var rng = SystemRandomNumberGenerator()
        var lines: [String] = []
        for _ in 0..<4_000 {
            lines.append((0..<Int.random(in: 1...10, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " "))
        }
        let diff = difference(lines.joined(separator: "\n"))
        #expect(diff == nil, "\(diff ?? "")")
    }
}
