import Foundation
@testable import NewsdropCore
import NewsdropExtraction
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The event index is a cache: whatever state its files are in, a query through it returns
/// exactly what a filter over every decoded record returns.
@Suite struct EventIndexTests {
    /// Varied events: types, actors, places, dates, sources and confidences spread by `n`.
    static func event(_ n: Int) -> ExtractedEvent {
        let types: [EventType] = [.airstrike, .visit, .kill, .withdraw]
        let actors = [
            ActorMention(name: "Israel", id: "israel", text: "Israeli"),
            ActorMention(name: "Esmail Qaani", id: "esmail-qaani", text: "Ghaani"),
            ActorMention(name: "Unknown Brigade", id: nil, text: "the Unknown Brigade"),
        ]
        let places = [
            PlaceMention(name: "Abu Kamal", country: "SY", latitude: 34.45, longitude: 40.91, geonamesID: 170794, text: "Albukamal"),
            PlaceMention(name: "Damascus", country: "SY", latitude: 33.5, longitude: 36.3, geonamesID: 170654, text: "Damascus"),
            PlaceMention(name: "Baghdad", country: "IQ", latitude: 33.3, longitude: 44.4, geonamesID: 98182, text: "Baghdad"),
        ]
        let dates: [EventDate?] = [
            EventDate(value: "2023-0\(1 + n % 9)-1\(n % 10)", precision: .day, text: "x"),
            EventDate(value: "--09-18", precision: .day, text: "September 18"),
            nil,
        ]
        return ExtractedEvent(
            type: types[n % types.count], cameo: nil, actor: n % 5 == 4 ? nil : actors[n % actors.count],
            target: n % 7 == 0 ? actors[(n + 1) % actors.count] : nil, place: n % 6 == 5 ? nil : places[n % places.count],
            date: dates[n % dates.count], fatalities: n % 4, source: ["SOHR", "Tasnim", nil][n % 3],
            modality: .reported, sentence: "Sentence \(n) with \"quotes\" and ünïcödé.", sentenceOffset: n,
            confidence: Double(n % 10) / 10)
    }

    static func append(_ writer: JournalWriter, articles range: Range<Int>) throws {
        let units = range.map { k -> PendingUnit in
            let bytes = Array("article \(k)\n".utf8)
            return .article(PendingArticle(
                hash: ContentHash(of: bytes), file: "\(k).txt", title: "article \(k)", content: bytes, published: nil,
                events: (0..<(k % 4)).map { event(k * 3 + $0) }, drop: nil))
        } + [Fixture.rejection("bad-\(range.lowerBound).txt")]
        _ = try writer.append(units)
    }

    /// A writer rolling segments at 16 KiB, so a few dozen articles span several segments.
    static func smallSegmentWriter(_ data: String) throws -> JournalWriter {
        var options = JournalWriter.Options()
        options.segmentBytes = 16 << 10
        return try JournalWriter(dataDirectory: data, options: options)
    }

    static func filters() -> [(String, EventFilter)] {
        var byType = EventFilter(); byType.types = [.airstrike, .kill]
        var byActor = EventFilter(); byActor.actorMatches = { $0.id == "esmail-qaani" }
        var byPlace = EventFilter(); byPlace.placeMatches = { $0.country == "SY" }
        var byDate = EventFilter(); byDate.since = "2023-03"; byDate.until = "2023-06-15"
        var bySource = EventFilter(); bySource.sources = ["sohr"]
        var byConfidence = EventFilter(); byConfidence.minimumConfidence = 0.7
        var byArticle = EventFilter(); byArticle.articlePrefixes = ["0", "a"]
        var combined = EventFilter(); combined.types = [.airstrike]; combined.placeMatches = { $0.name == "Abu Kamal" }
        combined.minimumConfidence = 0.2
        return [("all", EventFilter()), ("type", byType), ("actor", byActor), ("place", byPlace), ("date", byDate),
                ("source", bySource), ("confidence", byConfidence), ("article", byArticle), ("combined", combined)]
    }

    /// Seqs and lines a brute-force decode of every record gives.
    static func expected(_ data: String, _ filter: EventFilter, from: UInt64 = 1) throws -> [(UInt64, [UInt8])] {
        var out: [(UInt64, [UInt8])] = []
        try JournalReader(dataDirectory: data).forEachRecord(from: from) { record in
            if case .event(let e) = record, filter.matches(e) {
                out.append((e.seq, Array(JournalRecordCoding.line(record).dropLast())))
            }
            return true
        }
        return out
    }

    static func indexed(_ data: String, _ filter: EventFilter, from: UInt64 = 1) throws -> [(UInt64, [UInt8])] {
        var out: [(UInt64, [UInt8])] = []
        try EventIndexQuery(dataDirectory: data, filter: filter).run(from: from) { found in
            out.append((found.seq, Array(found.line)))
            return true
        }
        return out
    }

    static func expectSame(_ data: String, from: UInt64 = 1, _ context: String) throws {
        for (name, filter) in filters() {
            let want = try expected(data, filter, from: from)
            let got = try indexed(data, filter, from: from)
            #expect(got.map(\.0) == want.map(\.0), "\(context): filter \(name)")
            #expect(got.map(\.1) == want.map(\.1), "\(context): lines of filter \(name)")
        }
    }

    static func indexFiles(_ data: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: data + "/index/events")) ?? []).filter { $0.hasSuffix(".evi") }.sorted()
    }

    /// The fast line reader the index builder uses reads what JSONDecoder reads, escapes,
    /// surrogate pairs, nulls and numbers included.
    @Test func theFastReaderAgreesWithTheDecoder() throws {
        var events = (0..<40).map(Self.event)
        events[3].actor = ActorMention(name: "Tab\there \"quoted\" back\\slash /", id: nil, text: "emoji 🚀 and ʿayn Qaʾani")
        events[4].place = PlaceMention(name: "Ḥimṣ\u{0001}", country: nil, latitude: -0.000001, longitude: 1e-7, geonamesID: nil, text: "\u{7F}\n\r")
        events[5].source = "line\u{2028}separator"
        events[6].confidence = 0.333333
        for (n, event) in events.enumerated() {
            let record = EventRecord(seq: UInt64(100 + n), id: "abc-\(n)", article: "abc", event: event)
            let line = JournalRecordCoding.line(.event(record)).dropLast()
            let fields = try #require(try SegmentEventIndex.eventFields(line[...]))
            guard case .event(let decoded) = try JournalRecordCoding.decode(line) else { Issue.record("not an event"); continue }
            let e = decoded.event
            #expect(fields.seq == decoded.seq)
            #expect(fields.type == e.type)
            #expect(fields.confidence == e.confidence)
            #expect(fields.actor == e.actor)
            #expect(fields.target == e.target)
            #expect(fields.place == e.place)
            #expect(fields.date == e.date?.value)
            #expect(fields.source == e.source)
        }
        #expect(throws: (any Error).self) { try JSONScanner.parse(Array("{\"a\":\"\\ud800\"}".utf8)[...]) }
        #expect(throws: (any Error).self) { try JSONScanner.parse(Array("{\"a\":1,}".utf8)[...]) }
        #expect(throws: (any Error).self) { try JSONScanner.parse(Array("{\"a\":01.}".utf8)[...]) }
    }

    @Test func queriesThroughTheIndexMatchAFullDecodeAcrossSegmentsAndNewCommits() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let writer = try Self.smallSegmentWriter(data)
        for start in stride(from: 0, to: 120, by: 10) { try Self.append(writer, articles: start..<(start + 10)) }
        #expect(try JournalLayout(dataDirectory: data).segments().count > 2)
        try Self.expectSame(data, "first query (builds the indexes)")
        #expect(Self.indexFiles(data).count == (try JournalLayout(dataDirectory: data).segments().count))
        try Self.expectSame(data, "second query (loads them)")
        try Self.expectSame(data, from: 200, "from a seq inside the journal")
        // Commits after the index was written are found too (the index is extended).
        for start in stride(from: 120, to: 200, by: 10) { try Self.append(writer, articles: start..<(start + 10)) }
        try Self.expectSame(data, "after more commits")
        try writer.close()
    }

    @Test func aDamagedOrForeignIndexIsRebuiltNotTrusted() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let writer = try JournalWriter(dataDirectory: data)
        try Self.append(writer, articles: 0..<60)
        try Self.expectSame(data, "fresh")
        let file = data + "/index/events/" + Self.indexFiles(data)[0]
        // Torn file: cut in the middle of the rows.
        let size = try #require(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(truncate(file, off_t(size - 30)) == 0)
        try Self.expectSame(data, "torn index")
        // Garbage.
        _ = FileManager.default.createFile(atPath: file, contents: Data(repeating: 0x41, count: 4096))
        try Self.expectSame(data, "garbage index")
        // An index of another journal with the same segment name: its last entry does not match.
        let other = dir.path + "/other"
        let otherWriter = try JournalWriter(dataDirectory: other)
        try Self.append(otherWriter, articles: 500..<520)
        try otherWriter.close()
        try Self.expectSame(other, "other journal")
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: other + "/index/events/" + Self.indexFiles(other)[0], toPath: file)
        try Self.expectSame(data, "foreign index")
        try writer.close()
    }

    @Test func aReaderThatCannotWriteTheIndexStillGetsTheRightAnswer() throws {
        guard getuid() != 0 else { return }  // root writes anywhere; the e2e run as root covers the rest
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let writer = try JournalWriter(dataDirectory: data)
        try Self.append(writer, articles: 0..<40)
        try writer.close()
        try FileManager.default.createDirectory(atPath: data + "/index", withIntermediateDirectories: true)
        #expect(chmod(data + "/index", 0o555) == 0)
        defer { chmod(data + "/index", 0o755) }
        try Self.expectSame(data, "read-only index folder")
        #expect(Self.indexFiles(data).isEmpty)
    }

    @Test func theWritersMaintainerKeepsTheIndexCurrent() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let writer = try Self.smallSegmentWriter(data)
        let maintainer = EventIndexMaintainer(dataDirectory: data, saveInterval: 0)
        for start in stride(from: 0, to: 100, by: 10) {
            try Self.append(writer, articles: start..<(start + 10))
            #expect(maintainer.update() == nil)
        }
        maintainer.flush()
        // Every segment has an index covering all its units: a query reads no segment to build.
        let segments = try JournalLayout(dataDirectory: data).segments()
        #expect(segments.count > 2)
        #expect(Self.indexFiles(data).count == segments.count)
        func modificationDates() -> [Date?] {
            Self.indexFiles(data).map { try? FileManager.default.attributesOfItem(atPath: data + "/index/events/" + $0)[.modificationDate] as? Date }
        }
        let modified = modificationDates()
        try Self.expectSame(data, "maintained")
        let after = modificationDates()
        #expect(modified == after, "a query had to rewrite an index the writer should have kept current")
        try writer.close()
    }

    /// Fed with what the writer wrote, the maintainer builds, byte for byte, the index that
    /// reading the segments back builds, across rollovers and numbers JSON writes differently
    /// (an infinite coordinate is `null`, a negative zero is `0`, confidences are rounded).
    @Test func anIndexFedFromCommitsIsTheIndexReadFromTheJournal() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let writer = try Self.smallSegmentWriter(data)
        writer.recordsCommits = true
        let maintainer = EventIndexMaintainer(dataDirectory: data, saveInterval: 0)
        var commits = 0
        for start in stride(from: 0, to: 120, by: 6) {
            let units = (start..<(start + 6)).map { k -> PendingUnit in
                let bytes = Array("fed article \(k)\n".utf8)
                var events = (0..<(k % 4)).map { Self.event(k * 3 + $0) }
                if k % 5 == 1, !events.isEmpty {
                    events[0].place?.latitude = .infinity
                    events[0].place?.longitude = -0.0
                    events[0].confidence = 0.123456
                }
                return .article(PendingArticle(
                    hash: ContentHash(of: bytes), file: "\(k).txt", title: "t", content: bytes, published: nil, events: events, drop: nil))
            } + [Fixture.rejection("bad-\(start).txt")]
            _ = try writer.append(units)
            let commit = try #require(writer.takeLastCommit())
            #expect(writer.takeLastCommit() == nil, "a commit is handed over once")
            #expect(maintainer.update(with: commit) == nil)
            commits += 1
        }
        maintainer.flush()
        #expect(maintainer.unitsAddedFromCommits > 0, "every commit went through the journal: the fed path was not tested")
        let reader = JournalReader(dataDirectory: data)
        let segments = try reader.layout.segments()
        #expect(segments.count > 2)
        for segment in segments {
            let stored = try #require(SegmentEventIndex.load(SegmentEventIndex.path(reader.layout, segment: segment)))
            var read = SegmentEventIndex(segment: segment)
            let entries = try reader.segmentState(segment).entries
            try read.add(entries[...], reader: reader)
            #expect(stored.coveredUnits == read.coveredUnits)
            #expect(stored.lastEntry?.crc == read.lastEntry?.crc && stored.lastEntry?.offset == read.lastEntry?.offset)
            let rowsDiffer = stored.rowBytes != read.rowBytes
            let firstDifferentRow = zip(stored.rowBytes, read.rowBytes).enumerated().first { $0.element.0 != $0.element.1 }
                .map { $0.offset / EventIndexRow.size }
            #expect(!rowsDiffer, "segment \(segment): \(stored.rowCount) rows fed, \(read.rowCount) read, first different row \(firstDifferentRow.map(String.init) ?? "none")")
            #expect(stored.articleBytes.count == read.articleBytes.count && stored.articleBytes.elementsEqual(read.articleBytes))
            #expect(stored.actors.values == read.actors.values)
            #expect(stored.places.values == read.places.values)
            #expect(stored.texts.values == read.texts.values)
        }
        try Self.expectSame(data, "fed from commits")
        try writer.close()
    }
}
