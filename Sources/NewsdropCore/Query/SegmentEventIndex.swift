import Foundation
import NewsdropExtraction

#if canImport(Glibc)
import Glibc
#endif

/// The event index of one journal segment: a row per event (``EventIndexRow``) with the fields
/// queries filter on, and tables of the distinct actors, places, dates, sources and articles
/// the rows point into. Stored as `<data>/index/events/<first seq>.evi`.
///
/// The index is a cache of the journal, never a second source of truth. It records how many of
/// the segment's committed units it covers and the `.idx` entry of the last one (offset, CRC,
/// seq). On load that entry must still be the segment's entry at that position; otherwise (a
/// repaired or replaced segment, a torn or foreign file) the index is rebuilt from the segment.
/// Units committed after it was written are read from the segment and added, so a query always
/// sees exactly the committed units, whatever happened to the index in a crash. Saving is
/// write-to-temp and rename, so a reader sees a whole old or a whole new file.
struct SegmentEventIndex: Sendable {
    static let magic = Array("NDEVI001".utf8)

    /// The article an event belongs to: what `--article` and `--ingested-since` test.
    struct Article: Codable, Sendable, Hashable {
        var id: String
        var ingestedAt: String
    }

    /// The part of the file before the rows.
    struct Header: Codable, Sendable {
        var segment: UInt64
        var coveredUnits: Int
        var lastOffset: Int64
        var lastCRC: UInt32
        var lastFirstSeq: UInt64
        var rowCount: Int
        var actors: [ActorMention]
        var places: [PlaceMention]
        var texts: [String]
        var articleCount: Int
        var articleBytes: Int
    }

    var segment: UInt64
    /// How many of the segment's `.idx` entries the rows cover.
    var coveredUnits = 0
    var lastEntry: UnitIndexEntry?
    var actors = InternTable<ActorMention>()
    var places = InternTable<PlaceMention>()
    /// Date values and sources.
    var texts = InternTable<String>()
    /// The articles, packed: per article a byte with the id's length, the id, a byte with the
    /// ingest time's length, the time. Parsed only by queries that test them.
    var articleBytes: [UInt8] = []
    var articleCount = 0
    /// The rows, packed (``EventIndexRow/size`` bytes each), as stored.
    var rowBytes: [UInt8] = []
    var rowCount: Int { rowBytes.count / EventIndexRow.size }

    init(segment: UInt64) {
        self.segment = segment
    }

    static func path(_ layout: JournalLayout, segment: UInt64) -> String {
        layout.indexDirectory + "/events/" + JournalLayout.padded(segment) + ".evi"
    }

    /// The index of `segment` covering all of `entries` (its committed units): loaded, extended
    /// with the units added since, or rebuilt; saved back when it changed and the folder is
    /// writable (a reader without write access keeps it in memory).
    static func current(
        reader: JournalReader, segment: UInt64, entries: [UnitIndexEntry]
    ) throws -> SegmentEventIndex {
        let path = Self.path(reader.layout, segment: segment)
        var index = load(path).flatMap { $0.isPrefix(of: entries) ? $0 : nil } ?? SegmentEventIndex(segment: segment)
        guard index.coveredUnits < entries.count else { return index }
        try index.add(entries[index.coveredUnits...], reader: reader)
        index.save(path)
        return index
    }

    /// Whether this index's coverage is still the start of the segment's committed units.
    func isPrefix(of entries: [UnitIndexEntry]) -> Bool {
        guard coveredUnits <= entries.count else { return false }
        guard let lastEntry else { return coveredUnits == 0 }
        return entries[coveredUnits - 1].isSameUnit(as: lastEntry)
    }

    /// Reads the units of `entries` from the segment and adds a row per event.
    mutating func add(_ entries: ArraySlice<UnitIndexEntry>, reader: JournalReader) throws {
        _ = try reader.readUnits(entries, segment: segment) { unit in
            if unit.entry.kind == .article && unit.entry.lines > 1 {
                try addEvents(of: unit)
            }
            return true
        }
        coveredUnits += entries.count
        lastEntry = entries.last ?? lastEntry
    }

    /// What a row needs from an event line.
    struct EventFields {
        var seq: UInt64
        var type: EventType
        var confidence: Double
        var actor: ActorMention?
        var target: ActorMention?
        var place: PlaceMention?
        var date: String?
        var source: String?
    }

    private mutating func addEvents(of unit: JournalUnit) throws {
        let lines = unit.lines
        let (articleID, ingestedAt) = try Self.articleFields(lines[0])
        let article = addArticle(id: articleID, ingestedAt: ingestedAt)
        for line in lines.dropFirst() {
            guard let e = try Self.eventFields(line) else { continue }
            addRow(e, offset: UInt64(unit.entry.offset) + UInt64(line.startIndex - unit.bytes.startIndex), length: UInt32(line.count), article: article)
        }
    }

    /// Adds the units of a commit this index's coverage ends just before, from the events the
    /// writer encoded rather than from their lines: the rows are the ones reading the lines back
    /// would give (fields as the lines hold them: the confidence rounded to two places, a
    /// coordinate JSON cannot hold as `nil`). `false`, with nothing added, when the commit is
    /// not the continuation of this index's coverage.
    mutating func add(_ commit: JournalCommit) -> Bool {
        guard commit.segment == segment, let first = commit.entries.first else { return false }
        if let lastEntry {
            // A loaded index knows its last entry's CRC and seq, not its length: read instead.
            guard lastEntry.length > 0, lastEntry.end == first.offset, lastEntry.lastSeq + 1 == first.firstSeq else { return false }
        } else {
            guard coveredUnits == 0, first.offset == 0, first.firstSeq == segment else { return false }
        }
        // A confidence JSON cannot hold is written as null, which no row is read from: read the
        // lines and let that decide.
        guard commit.articles.allSatisfy({ $0.events.allSatisfy { Self.storedConfidence($0) != nil } }) else { return false }
        for a in commit.articles {
            let article = addArticle(id: a.id, ingestedAt: commit.ingestedAt)
            let seq = commit.entries[a.unit].firstSeq
            for (n, event) in a.events.enumerated() {
                let place = event.place.map { p in
                    PlaceMention(
                        name: p.name, country: p.country, latitude: Self.asStored(p.latitude),
                        longitude: Self.asStored(p.longitude), geonamesID: p.geonamesID, text: p.text)
                }
                let fields = EventFields(
                    seq: seq + UInt64(n) + 1, type: event.type, confidence: Self.storedConfidence(event)!,
                    actor: event.actor, target: event.target, place: place, date: event.date?.value, source: event.source)
                addRow(fields, offset: UInt64(a.lineOffsets[n]), length: a.lineLengths[n], article: article)
            }
        }
        coveredUnits += commit.entries.count
        lastEntry = commit.entries.last
        return true
    }

    /// A number as reading its journal line back gives it: `nil` for NaN and infinities (written
    /// as `null`), and zero without its sign (written as `0`).
    private static func asStored(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }

    private static func storedConfidence(_ event: ExtractedEvent) -> Double? {
        asStored((event.confidence * 100).rounded() / 100)
    }

    /// Adds an article to the packed table; returns its reference.
    private mutating func addArticle(id: String, ingestedAt: String) -> Int32 {
        let article = Int32(articleCount)
        for field in [id, ingestedAt] {
            let utf8 = Array(field.utf8.prefix(255))
            articleBytes.append(UInt8(utf8.count))
            articleBytes.append(contentsOf: utf8)
        }
        articleCount += 1
        return article
    }

    private mutating func addRow(_ e: EventFields, offset: UInt64, length: UInt32, article: Int32) {
        EventIndexRow(
            seq: e.seq, offset: offset, length: length,
            type: UInt8(EventType.allCases.firstIndex(of: e.type)!),
            confidence: e.confidence,
            actor: actors.ref(e.actor), target: actors.ref(e.target), place: places.ref(e.place),
            date: texts.ref(e.date), source: texts.ref(e.source), article: article
        ).append(to: &rowBytes)
    }

    /// The id and ingest time of an article line: through ``JSONScanner``, or `JSONDecoder`
    /// when the fast reader does not accept the line.
    static func articleFields(_ line: ArraySlice<UInt8>) throws -> (String, String) {
        if let v = try? JSONScanner.parse(line), v["kind"]?.string == "article",
           let id = v["id"]?.string, let at = v["ingested_at"]?.string {
            return (id, at)
        }
        guard case .article(let a) = try JournalRecordCoding.decode(line) else {
            throw JournalError.damaged(file: "article line", offset: 0, detail: "an article unit does not start with an article line")
        }
        return (a.id, a.ingestedAt)
    }

    /// The fields of an event line (`nil` for a line of another kind), read as
    /// ``articleFields(_:)`` reads.
    static func eventFields(_ line: ArraySlice<UInt8>) throws -> EventFields? {
        if let v = try? JSONScanner.parse(line), let fields = eventFields(v) { return fields }
        guard case .event(let r) = try JournalRecordCoding.decode(line) else { return nil }
        let e = r.event
        return EventFields(
            seq: r.seq, type: e.type, confidence: e.confidence, actor: e.actor, target: e.target, place: e.place,
            date: e.date?.value, source: e.source)
    }

    private static func eventFields(_ v: JSONScanner.Value) -> EventFields? {
        guard v["kind"]?.string == "event", let seqNumber = v["seq"]?.number, let seq = UInt64(exactly: seqNumber),
              let type = v["type"]?.string.flatMap(EventType.init(rawValue:)),
              let confidence = v["confidence"]?.number
        else { return nil }
        func optionalString(_ value: JSONScanner.Value?) -> String?? {
            guard let value, !value.isNull else { return .some(nil) }
            return value.string.map { .some($0) } ?? nil
        }
        func optionalNumber(_ value: JSONScanner.Value?) -> Double?? {
            guard let value, !value.isNull else { return .some(nil) }
            return value.number.map { .some($0) } ?? nil
        }
        func actor(_ value: JSONScanner.Value?) -> ActorMention?? {
            guard let value, !value.isNull else { return .some(nil) }
            guard let name = value["name"]?.string, let text = value["text"]?.string, let id = optionalString(value["id"]) else { return nil }
            return .some(ActorMention(name: name, id: id, text: text))
        }
        guard let a = actor(v["actor"]), let t = actor(v["target"]) else { return nil }
        var place: PlaceMention?
        if let p = v["place"], !p.isNull {
            guard let name = p["name"]?.string, let text = p["text"]?.string, let country = optionalString(p["country"]),
                  let lat = optionalNumber(p["lat"]), let lon = optionalNumber(p["lon"]), let geonames = optionalNumber(p["geonames"])
            else { return nil }
            var geonamesID: Int?
            if let g = geonames {
                guard let exact = Int(exactly: g) else { return nil }
                geonamesID = exact
            }
            place = PlaceMention(name: name, country: country, latitude: lat, longitude: lon, geonamesID: geonamesID, text: text)
        }
        var date: String?
        if let d = v["date"], !d.isNull {
            guard let value = optionalString(d["value"]) else { return nil }
            date = value
        }
        guard let source = optionalString(v["source"]) else { return nil }
        return EventFields(seq: seq, type: type, confidence: confidence, actor: a, target: t, place: place, date: date, source: source)
    }

    /// The articles, unpacked.
    func articles() -> [Article] {
        var out: [Article] = []
        out.reserveCapacity(articleCount)
        var i = 0
        func field() -> String {
            let n = Int(articleBytes[i])
            defer { i += 1 + n }
            return String(decoding: articleBytes[(i + 1)..<(i + 1 + n)], as: UTF8.self)
        }
        while i < articleBytes.count {
            let id = field()
            out.append(Article(id: id, ingestedAt: field()))
        }
        return out
    }

    // MARK: File

    /// The stored index, or `nil` when there is none or it is not a whole, well-formed file.
    static func load(_ path: String) -> SegmentEventIndex? {
        guard let fd = try? Syscalls.open(path, O_RDONLY) else { return nil }
        defer { Syscalls.close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0,
              let bytes = try? Syscalls.readAll(fd, limit: Int(st.st_size) + 1, sizeHint: Int(st.st_size), path: path),
              bytes.count >= 12
        else { return nil }
        guard Array(bytes[0..<8]) == magic else { return nil }
        let headerLength = Int(bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) })
        guard 12 + headerLength <= bytes.count,
              let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[12..<(12 + headerLength)])),
              bytes.count == 12 + headerLength + header.articleBytes + header.rowCount * EventIndexRow.size
        else { return nil }
        var index = SegmentEventIndex(segment: header.segment)
        index.coveredUnits = header.coveredUnits
        if header.coveredUnits > 0 {
            // Only the fields compared with the `.idx` entry matter; lines and kind are checked
            // through the CRC of the unit's bytes.
            index.lastEntry = UnitIndexEntry(
                offset: header.lastOffset, length: 0, crc: header.lastCRC, firstSeq: header.lastFirstSeq,
                lines: 0, kind: .article)
        }
        index.actors = InternTable(header.actors)
        index.places = InternTable(header.places)
        index.texts = InternTable(header.texts)
        index.articleCount = header.articleCount
        index.articleBytes = Array(bytes[(12 + headerLength)..<(12 + headerLength + header.articleBytes)])
        index.rowBytes = Array(bytes[(12 + headerLength + header.articleBytes)...])
        // Repeated table values or refs out of range mean the file is not ours to trust.
        guard index.actors.count == header.actors.count, index.places.count == header.places.count,
              index.texts.count == header.texts.count
        else { return nil }
        let valid = index.rowBytes.withUnsafeBytes { raw in
            (0..<header.rowCount).allSatisfy { k in
                let r = EventIndexRow.read(raw, at: k * EventIndexRow.size)
                return r.actor < index.actors.count && r.target < index.actors.count && r.place < index.places.count
                    && r.date < index.texts.count && r.source < index.texts.count && r.article >= 0
                    && r.article < index.articleCount && Int(r.type) < EventType.allCases.count
            }
        }
        return valid ? index : nil
    }

    /// Writes the index (temp file, then rename). Failures are ignored: the index is a cache.
    func save(_ path: String) {
        let header = Header(
            segment: segment, coveredUnits: coveredUnits, lastOffset: lastEntry?.offset ?? 0,
            lastCRC: lastEntry?.crc ?? 0, lastFirstSeq: lastEntry?.firstSeq ?? 0, rowCount: rowCount,
            actors: actors.values, places: places.values, texts: texts.values, articleCount: articleCount, articleBytes: articleBytes.count)
        guard let json = try? JSONEncoder().encode(header) else { return }
        var head = Self.magic
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { head.append(contentsOf: $0) }
        head.append(contentsOf: json)
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? Syscalls.makeDirectories(folder)) != nil else { return }
        let temp = path + ".tmp.\(getpid())"
        // Written piece by piece from the index's own buffers: joining them first cost two
        // copies of the whole index (8 MB and more for a full segment) every save.
        guard let fd = try? Syscalls.open(temp, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644) else { return }
        var written = true
        for piece in [head, articleBytes, rowBytes] where written {
            written = (try? Syscalls.writeAll(fd, piece, path: temp)) != nil
        }
        Syscalls.close(fd)
        guard written else { unlink(temp); return }
        if (try? Syscalls.rename(temp, path)) == nil { unlink(temp) }
    }
}

/// Distinct values in the order first seen, each with its position (its reference).
struct InternTable<Value: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var positions: [Value: Int32] = [:]

    init(_ values: [Value] = []) {
        for v in values { _ = ref(v) }
    }

    var count: Int { values.count }

    /// The reference of `value`, added if new; -1 for `nil`.
    mutating func ref(_ value: Value?) -> Int32 {
        guard let value else { return -1 }
        if let r = positions[value] { return r }
        let r = Int32(values.count)
        values.append(value)
        positions[value] = r
        return r
    }
}
