import Foundation
import Testing
import NewsdropExtraction

@Suite struct NameFoldingTests {
    func allFoldAlike(_ names: [String]) -> Bool { Set(names.map(NameFolding.fold)).count == 1 }

    @Test func qaaniSpellingsFoldToOne() {
        #expect(allFoldAlike(["Qaani", "Ghaani", "Qa'ani", "Qa\u{2019}ani", "Qaʿani", "QAANI", "Qāʾānī"]))
        #expect(allFoldAlike(["Esmail Qaani", "Ismail Ghaani", "Esmail Qa'ani", "Ismail Qaani"]))
    }

    @Test func abuKamalSpellingsFoldToOneKeyOrAreAliases() throws {
        // the folding merges the article and spacing variants…
        #expect(allFoldAlike(["Albukamal", "Al-Bukamal", "Al Bukamal", "al-Boukamal"]))
        // …and the gazetteer's aliases carry the rest to one row
        let x = TestSupport.extractor
        let rows = ["Albukamal", "Al-Bukamal", "Abu Kamal", "Albu Kamal", "Boukamal"].map { name -> String? in
            let e = TestSupport.extract("Israeli warplanes struck targets in \(name) on Monday.").events.first
            return e?.place?.name
        }
        _ = x
        #expect(Set(rows.compactMap { $0 }).count == 1 && rows.allSatisfy { $0 != nil }, "\(rows)")
    }

    /// The dictionary tools (`tools/make-gazetteer.py`, `tools/check-dictionaries.py`) decide
    /// which spellings collide with `tools/namefold.py`, a port of this folding: it must give the
    /// same key for every spelling the gazetteer holds, or a village alias that folds like a
    /// country ("Sirya" for Syria) slips through them.
    @Test func theToolsPortFoldsEveryGazetteerSpellingAlike() throws {
        let root = URL(fileURLWithPath: TestSupport.dictionaryDirectory).deletingLastPathComponent()
        var names: [String] = []
        for file in ["places.tsv", "places-extra.tsv"] {
            let text = try String(contentsOfFile: TestSupport.dictionaryDirectory + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("id\t") {
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard cols.count >= 9 else { continue }
                names.append(String(cols[1]))
                names += cols[8].split(separator: "|").map(String.init)
            }
        }
        #expect(names.count > 40_000)
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("namefold-\(getpid()).txt")
        try (names.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root.appendingPathComponent("tools/namefold.py").path]
        p.standardInput = try FileHandle(forReadingFrom: input)
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let folds = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(folds.count == names.count)
        let differing = zip(names, folds).filter { NameFolding.fold($0.0) != $0.1 }
        #expect(differing.isEmpty, "\(differing.count) spellings fold differently in tools/namefold.py, e.g. \(differing.prefix(10).map { "\($0.0) → swift \(NameFolding.fold($0.0)), python \($0.1)" })")
    }

    @Test func foldingKeepsDistinctNamesApart() {
        #expect(NameFolding.fold("Homs") != NameFolding.fold("Hama"))
        #expect(NameFolding.fold("Iran") != NameFolding.fold("Iraq"))
        #expect(NameFolding.fold("Hezbollah") == NameFolding.fold("Hizbullah"))
        #expect(NameFolding.fold("Deir ez-Zor") != NameFolding.fold("Deraa"))
    }

    @Test func caseDiacriticsHyphensAndPrefixes() {
        #expect(allFoldAlike(["Türkiye", "Turkiye", "TURKIYE"]))
        #expect(allFoldAlike(["al-Tanf", "Al Tanf", "Tanf", "el-Tanf"]))
        #expect(allFoldAlike(["Nasrallah", "Nasrallah's"]) || NameFolding.fold("Nasrallah's").hasPrefix(NameFolding.fold("Nasrallah")))
    }
}
