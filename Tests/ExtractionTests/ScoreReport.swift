import Foundation
import NewsdropExtraction

/// The figures `score.py` prints for one fixture folder against its gold file.
struct ScoreReport {
    var f1: Double
    var datesRight: Int
    var datesScored: Int
    var fatalitiesRight: Int
    var fatalitiesScored: Int
    var redundant: Int
    var output: String

    /// Extracts every `.txt` in `Fixtures/<folder>` and scores the events with the project's copy of
    /// `score.py` (the rules of ../shared/eval/score.py, unchanged) run by `python3`.
    static func run(folder: String, gold: String) throws -> ScoreReport {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("newsdrop-score-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try EventJSON.dump(folder: TestSupport.fixtures.appendingPathComponent(folder), out: out, extractor: TestSupport.extractor)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", TestSupport.fixtures.appendingPathComponent("score.py").path,
            "--gold", TestSupport.fixtures.appendingPathComponent(gold).path,
            "--events", out.appendingPathComponent("events.jsonl").path,
            "--articles", out.appendingPathComponent("articles.jsonl").path, "--show-misses",
        ]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        var r = ScoreReport(f1: -1, datesRight: 0, datesScored: 0, fatalitiesRight: 0, fatalitiesScored: 0, redundant: 0, output: text)
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if line.hasPrefix("F1 "), words.count > 1, let f = Double(words[1]) { r.f1 = f }
            func fraction() -> (Int, Int)? {
                guard let last = words.last else { return nil }
                let parts = last.split(separator: "/")
                guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
                return (a, b)
            }
            if line.hasPrefix("dates right"), let (a, b) = fraction() { r.datesRight = a; r.datesScored = b }
            if line.hasPrefix("fatalities right"), let (a, b) = fraction() { r.fatalitiesRight = a; r.fatalitiesScored = b }
            if line.hasPrefix("redundant"), let i = words.firstIndex(of: "of"), i > 0, let n = Int(words[i - 1]) { r.redundant = n }
        }
        return r
    }
}
