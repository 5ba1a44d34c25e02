import Foundation
import Testing
@testable import NewsdropExtraction

@Suite struct DebugTests {
    /// `DEBUG_TEXT=… swift test --filter debugSentence` prints the mentions before merging and the events.
    @Test func debugSentence() throws {
        var text = ProcessInfo.processInfo.environment["DEBUG_TEXT"]
        if let f = ProcessInfo.processInfo.environment["DEBUG_FILE"] { text = try String(contentsOfFile: f, encoding: .utf8) }
        guard let text else { return }
        for m in TestSupport.extractor.mentions(text) { print("  m: \(m)") }
        for e in TestSupport.extract(text).events {
            print("  E: \(e.type.rawValue) actor=\(e.actor.map { "\($0.name)[\($0.text)]" } ?? "-") target=\(e.target.map { "\($0.name)[\($0.text)]" } ?? "-") place=\(e.place.map { "\($0.name)[\($0.text)]" } ?? "-") date=\(e.date?.value ?? "-") dead=\(e.fatalities.map(String.init) ?? "-") src=\(e.source ?? "-") mod=\(e.modality.rawValue)")
        }
    }
}

extension DebugTests {
    @Test func debugCandidates() throws {
        guard let text = ProcessInfo.processInfo.environment["DEBUG_CANDS"] else { return }
        var r = ArticleReader(lexicon: TestSupport.extractor.lexicon, text: text)
        _ = r.read()
        for s in r.sentences {
            let toks = s.tokenRange.map { k in "\(r.text(k, k + 1))/\(r.tokens[k].function)\(r.tokens[k].flags.contains(.allUpper) ? "^" : "")" }
            print("  T: \(toks.joined(separator: " "))")
            print("  S: \(s.slots.map { "\(r.text($0.start, $0.end)){a\($0.actors.count) j\($0.adjectives.count) t\($0.titles.count) p\($0.places.count) g\($0.triggers.count)\($0.unknown ? " u" : "")}" }.joined(separator: " "))")
            print("  Q: \(s.cues.map { "\(r.text($0.start, $0.end))=\($0.kind)" }.joined(separator: " "))")
            print("  C: \(r.candidates(s, dateHint: nil).map { "\($0.actor.name)@\($0.start)\($0.preposition.map { "/\($0)" } ?? "")" }.joined(separator: " "))")
        }
    }
}
