import Foundation
import NewsdropCore
import NewsdropExtraction
import Testing

@Suite struct IntakeTests {
    @Test func articleIDIsTheFirst16HexDigitsOfSha256sum() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("a.txt", "Israeli jets struck near Abu Kamal on Tuesday.\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(ContentHash(of: bytes).articleID == String(out.prefix(16)))
        #expect(ContentHash(of: bytes).hex == String(out.prefix(64)))
    }

    @Test func eachBadInputBecomesOneRejectedLine() throws {
        let dir = TemporaryDirectory()
        let files = [
            dir.file("empty.txt", ""),
            dir.file("binary.bin", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x10]),
            dir.file("big.txt", String(repeating: "a", count: 5000)),
            dir.file("invalid.txt", bytes: [0x61, 0x81, 0x8D, 0x62]),
            dir.file("good.txt", "A fine article.\n"),
        ]
        let writer = try JournalWriter(dataDirectory: dir.path + "/data")
        let pipeline = IngestPipeline(writer: writer, extractor: NoEventExtractor(), fileReader: DroppedFileReader(maxBytes: 4096))
        let outcomes = try pipeline.ingest(files.map { IngestSource(path: $0) })
        let codes = outcomes.map { outcome -> String in
            guard case .committed(let unit) = outcome else { return "?" }
            return unit.reason?.code ?? unit.disposition.rawValue
        }
        #expect(codes == ["empty", "binary", "too-large", "invalid-encoding", "article"])
        let records = try Fixture.records(dir.path + "/data")
        #expect(records.filter { $0.kind == "rejected" }.count == 4)
        #expect(records.count == 5)
    }

    @Test func symlinksAndFIFOsAreRejectedWithoutBlocking() throws {
        let dir = TemporaryDirectory()
        let target = dir.file("real.txt", "text\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.txt", withDestinationPath: target)
        #expect(mkfifo(dir.path + "/fifo", 0o644) == 0)
        let reader = DroppedFileReader()
        guard case .rejected(let r1, _) = try reader.read(dir.path + "/link.txt") else { Issue.record("symlink read"); return }
        #expect(r1.code == "symlink")
        guard case .rejected(let r2, _) = try reader.read(dir.path + "/fifo") else { Issue.record("fifo read"); return }
        #expect(r2.code == "special-file")
    }

    @Test func windows1252IsDecodedAndTitleIsTheFirstNonEmptyLine() {
        guard case .success(let text) = ArticleTextDecoder.decode([0x0A, 0x20, 0x0A] + Array("Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94, 0x0A]) else {
            Issue.record("not decoded"); return
        }
        #expect(text.contains("Café “q”"))
        #expect(IngestPipeline.title(of: text) == "Café “q”")
        if case .success = ArticleTextDecoder.decode([0x61, 0x00, 0x62]) { Issue.record("NUL accepted") }
        if case .success = ArticleTextDecoder.decode(Array("  \n\t ".utf8)) { Issue.record("blank accepted") }
    }

    @Test func recordsRoundTripThroughTheirJSONLines() throws {
        let event = EventRecord(seq: 7, id: "abc-1", article: "abc", event: Fixture.event(3))
        let line = JournalRecordCoding.line(.event(event))
        #expect(line.last == 0x0A)
        #expect(line.dropLast().contains(0x0A) == false)
        #expect(try JournalRecordCoding.decode(line) == .event(event))
        // And it is plain JSON for any tool.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        let kind = object["kind"] as? String
        #expect(kind == "event")
        let place = object["place"] as? [String: Any]
        let geonames = place?["geonames"] as? Int
        #expect(geonames == 170794)
        let keys = ["seq", "kind", "id", "article", "type", "cameo", "actor", "target", "place", "date", "fatalities", "source", "modality", "sentence", "confidence"]
        for key in keys { #expect(object[key] != nil, "missing \(key)") }
    }
}
