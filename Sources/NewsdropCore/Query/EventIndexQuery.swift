import Foundation
import NewsdropExtraction

#if canImport(Glibc)
import Glibc
#endif

/// One event a query found: its seq and line, decoded only when asked.
public struct FoundEvent: Sendable {
    public var seq: UInt64
    /// The journal line, without its `\n`.
    public var line: ArraySlice<UInt8>

    /// The record, decoded from the line.
    public func record() throws -> EventRecord {
        guard case .event(let record) = try JournalRecordCoding.decode(line) else {
            throw JournalError.damaged(file: "event \(seq)", offset: 0, detail: "the indexed line is not an event")
        }
        return record
    }
}

/// Runs an ``EventFilter`` over the journal through the segments' event indexes
/// (``SegmentEventIndex``): each field test runs once per distinct value of a segment (its
/// actors, places, dates…), rows are tested with table lookups, and only the lines of matching
/// events are read. Memory stays flat in journal size: one segment's index at a time.
public struct EventIndexQuery: Sendable {
    public let reader: JournalReader
    public var filter: EventFilter
    /// Keep only events of articles ingested at or after this ISO time.
    public var ingestedSince: String?

    public init(dataDirectory: String, filter: EventFilter, ingestedSince: String? = nil) {
        self.reader = JournalReader(dataDirectory: dataDirectory)
        self.filter = filter
        self.ingestedSince = ingestedSince
    }

    /// Calls `body` for each matching event with seq ≥ `fromSeq`, in seq order, until it returns
    /// false. Returns the seq after the last committed unit the query covered.
    @discardableResult
    public func run(from fromSeq: UInt64 = 1, _ body: (FoundEvent) throws -> Bool) throws -> UInt64 {
        let segments = try reader.layout.segments()
        var next = fromSeq
        var startIndex = 0
        for (i, s) in segments.enumerated() where s <= fromSeq { startIndex = i }
        for segment in segments[startIndex...] {
            let state = try reader.segmentState(segment)
            guard let last = state.entries.last else { continue }
            next = max(next, last.lastSeq + 1)
            if last.lastSeq < fromSeq { continue }
            let index = try SegmentEventIndex.current(reader: reader, segment: segment, entries: state.entries)
            if try !scan(index, upTo: last.end, from: fromSeq, body) { break }
        }
        return next
    }

    /// Tests the rows of one segment's index; reads matching lines from the mapped segment.
    private func scan(
        _ index: SegmentEventIndex, upTo length: Int64, from fromSeq: UInt64, _ body: (FoundEvent) throws -> Bool
    ) throws -> Bool {
        let typeOK = EventType.allCases.map(filter.admitsType)
        let testsArticles = !filter.articlePrefixes.isEmpty || ingestedSince != nil
        let articleOK = testsArticles ? index.articles().map { a in
            filter.admitsArticle(a.id) && ingestedSince.map { a.ingestedAt >= $0 } ?? true
        } : []
        let actorOK: [Bool]? = filter.actorMatches.map { m in index.actors.values.map(m) }
        let placeOK: [Bool]? = filter.placeMatches.map { m in index.places.values.map(m) }
        let dated = filter.since != nil || filter.until != nil
        let dateOK = dated ? index.texts.values.map { filter.admitsDate($0) } : []
        let sourceOK = filter.sources.isEmpty ? [] : index.texts.values.map { filter.admitsSource($0) }
        func pass(_ r: EventIndexRow) -> Bool {
            guard r.seq >= fromSeq, typeOK[Int(r.type)], !testsArticles || articleOK[Int(r.article)] else { return false }
            if let actorOK, !((r.actor >= 0 && actorOK[Int(r.actor)]) || (r.target >= 0 && actorOK[Int(r.target)])) { return false }
            if let placeOK, !(r.place >= 0 && placeOK[Int(r.place)]) { return false }
            if dated, !(r.date >= 0 ? dateOK[Int(r.date)] : filter.admitsDate(nil)) { return false }
            if !sourceOK.isEmpty, !(r.source >= 0 ? sourceOK[Int(r.source)] : filter.admitsSource(nil)) { return false }
            return filter.admitsConfidence(r.confidence)
        }
        var segment: MappedFile?
        return try index.rowBytes.withUnsafeBytes { raw in
            for k in 0..<index.rowCount {
                let r = EventIndexRow.read(raw, at: k * EventIndexRow.size)
                guard pass(r) else { continue }
                if segment == nil {
                    segment = try MappedFile(path: reader.layout.segmentData(firstSeq: index.segment), length: Int(length))
                }
                let line = segment!.bytes(at: Int(r.offset), count: Int(r.length))
                if try !body(FoundEvent(seq: r.seq, line: line)) { return false }
            }
            return true
        }
    }
}
