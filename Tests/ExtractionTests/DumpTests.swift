import Foundation
import Testing
@testable import NewsdropExtraction

@Suite struct DumpTests {
    @Test func dumpSeeds() throws {
        guard ProcessInfo.processInfo.environment["DUMP"] != nil else { return }
        let dir = TestSupport.fixtures.appendingPathComponent(ProcessInfo.processInfo.environment["DUMP_DIR"] ?? "seeds")
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where f.hasSuffix(".txt") {
            let x = TestSupport.extractor.extract(TestSupport.article(dir.appendingPathComponent(f)))
            print("=== \(f) published=\(x.published ?? "-")")
            for e in x.events {
                print("  \(e.type.rawValue) actor=\(e.actor.map { "\($0.name)[\($0.text)]" } ?? "-") target=\(e.target.map { "\($0.name)[\($0.text)]" } ?? "-") place=\(e.place.map { "\($0.name)[\($0.text)]" } ?? "-") date=\(e.date?.value ?? "-") dead=\(e.fatalities.map(String.init) ?? "-") src=\(e.source ?? "-") mod=\(e.modality.rawValue)\n      | \(e.sentence.prefix(150))")
            }
        }
    }
}

extension DumpTests {
    /// `SCORE_OUT=/tmp/x swift test --filter dumpJSON` writes events/articles JSONL for score.py.
    @Test func dumpJSON() throws {
        guard let out = ProcessInfo.processInfo.environment["SCORE_OUT"] else { return }
        let sub = ProcessInfo.processInfo.environment["DUMP_DIR"] ?? "seeds"
        try EventJSON.dump(folder: TestSupport.fixtures.appendingPathComponent(sub), out: URL(fileURLWithPath: out), extractor: TestSupport.extractor)
    }
}

extension DumpTests {
    /// `DEBUG_TEXT='…' swift test --filter debugText` prints the mentions before merging and the events
    /// (a development aid, like `dumpSeeds`; it asserts nothing and does nothing without the variable).
    @Test func debugText() throws {
        guard let text = ProcessInfo.processInfo.environment["DEBUG_TEXT"] else { return }
        for m in TestSupport.extractor.mentions(text) { print("  m: \(m)") }
        for e in TestSupport.extract(text).events {
            print("  E: \(e.type.rawValue) actor=\(e.actor.map { "\($0.name)[\($0.text)]" } ?? "-") target=\(e.target.map { "\($0.name)[\($0.text)]" } ?? "-") place=\(e.place.map { "\($0.name)[\($0.text)]" } ?? "-") date=\(e.date?.value ?? "-") dead=\(e.fatalities.map(String.init) ?? "-") src=\(e.source ?? "-") mod=\(e.modality.rawValue)")
        }
    }
}

extension DumpTests {
    /// `DEBUG_DATES='…'` prints the tokens and dates the reader finds in the text.
    @Test func debugDates() throws {
        guard let text = ProcessInfo.processInfo.environment["DEBUG_DATES"] else { return }
        let bytes = Array(text.utf8)
        var t = Tokenizer()
        var toks: [Token] = []
        t.tokenize(bytes, 0..<bytes.count, into: &toks)
        _ = TestSupport.extractor.lexicon.annotate(&toks, 0..<toks.count, tokenizer: t, bytes: bytes)
        print("  T: " + toks.map { "\(String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self))/\($0.flags.rawValue)/\($0.function)" }.joined(separator: " "))
        for h in DateReader(published: ProcessInfo.processInfo.environment["DEBUG_PUB"]).read(toks, 0..<toks.count, bytes: bytes, tokenizer: t) { print("  D: \(h.date)") }
    }
}
