import Foundation
import Testing
import NewsdropExtraction

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
