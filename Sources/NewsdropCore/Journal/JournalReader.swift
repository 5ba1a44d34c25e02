#if canImport(Glibc)
import Glibc
#endif

/// Reads committed units from a data folder without taking its lock: readers never block the
/// writer, and they see only units whose index entry exists (written after the unit's bytes
/// were durable), so never an incomplete unit.
public struct JournalReader: Sendable {
    public let layout: JournalLayout
    /// Check each unit's CRC-32C while reading (what `verify` does); off for queries.
    public var verifyChecksums: Bool

    public init(dataDirectory: String, verifyChecksums: Bool = false) {
        self.layout = JournalLayout(dataDirectory: dataDirectory)
        self.verifyChecksums = verifyChecksums
    }

    /// How far a segment's committed units go.
    public struct SegmentState: Sendable {
        public var firstSeq: UInt64
        public var entries: [UnitIndexEntry]
        public var nextSeq: UInt64 { entries.last.map { $0.lastSeq + 1 } ?? firstSeq }
    }

    /// The committed entries of one segment.
    public func segmentState(_ firstSeq: UInt64) throws(SystemError) -> SegmentState {
        let dataPath = layout.segmentData(firstSeq: firstSeq)
        var st = stat()
        let dataSize: Int64 = stat(dataPath, &st) == 0 ? Int64(st.st_size) : 0
        let chain = try SegmentIndexFile.readChain(
            path: layout.segmentIndex(firstSeq: firstSeq), firstSeq: firstSeq, dataSize: dataSize)
        return SegmentState(firstSeq: firstSeq, entries: chain.entries)
    }

    /// The committed entries of a segment after the first `count`, whose last is `last`: reads
    /// only the new part of the `.idx` file.
    public func entries(of firstSeq: UInt64, after count: Int, following last: UnitIndexEntry) throws(SystemError) -> [UnitIndexEntry] {
        let dataPath = layout.segmentData(firstSeq: firstSeq)
        var st = stat()
        let dataSize: Int64 = stat(dataPath, &st) == 0 ? Int64(st.st_size) : 0
        return try SegmentIndexFile.readChain(
            path: layout.segmentIndex(firstSeq: firstSeq), firstSeq: firstSeq, dataSize: dataSize,
            resume: (count, last)).entries
    }

    /// The seq the next committed line will get (1 for an empty journal).
    public func nextSeq() throws(SystemError) -> UInt64 {
        guard let last = try layout.segments().last else { return 1 }
        return try segmentState(last).nextSeq
    }

    /// Calls `body` for each committed unit whose lines reach `fromSeq` or later, in seq order,
    /// until it returns `false`. Reads segments in chunks of about 8 MiB, so memory stays flat
    /// whatever the journal's size.
    public func forEachUnit(
        from fromSeq: UInt64 = 1, _ body: (JournalUnit) throws -> Bool
    ) throws {
        let segments = try layout.segments()
        // Skip segments that end before fromSeq: a segment ends where the next begins.
        var startIndex = 0
        for (i, s) in segments.enumerated() where s <= fromSeq { startIndex = i }
        for segment in segments[startIndex...] {
            let state = try segmentState(segment)
            var entries = state.entries[...]
            if fromSeq > segment, let first = entries.firstIndex(where: { $0.lastSeq >= fromSeq }) {
                entries = entries[first...]
            } else if fromSeq > segment {
                continue
            }
            if try !readUnits(entries, segment: segment, body) { return }
        }
    }

    /// Reads the units of `entries` (consecutive, of one segment) in chunks.
    func readUnits(
        _ entries: ArraySlice<UnitIndexEntry>, segment: UInt64, _ body: (JournalUnit) throws -> Bool
    ) throws -> Bool {
        guard !entries.isEmpty else { return true }
        let path = layout.segmentData(firstSeq: segment)
        let fd = try Syscalls.open(path, O_RDONLY)
        defer { Syscalls.close(fd) }
        let chunkTarget: Int64 = 8 << 20
        var i = entries.startIndex
        var buffer: [UInt8] = []
        while i < entries.endIndex {
            let chunkStart = entries[i].offset
            var j = i
            while j < entries.endIndex && (j == i || entries[j].end - chunkStart <= chunkTarget) { j += 1 }
            let chunkEnd = entries[j - 1].end
            let length = Int(chunkEnd - chunkStart)
            buffer = try Syscalls.pread(fd, count: length, at: chunkStart, path: path)
            let got = buffer.count
            if got < length {
                throw JournalError.damaged(
                    file: path, offset: chunkStart + Int64(got), detail: "the segment is shorter than its index says")
            }
            for k in i..<j {
                let e = entries[k]
                let lo = Int(e.offset - chunkStart)
                let slice = buffer[lo..<(lo + Int(e.length))]
                if verifyChecksums {
                    let crc = buffer.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[lo..<(lo + Int(e.length))])) }
                    if crc != e.crc {
                        throw JournalError.damaged(
                            file: path, offset: e.offset,
                            detail: "checksum mismatch in the unit starting at seq \(e.firstSeq)")
                    }
                }
                if try !body(JournalUnit(entry: e, segment: segment, bytes: slice)) { return false }
            }
            i = j
        }
        return true
    }

    /// Calls `body` for every committed record, in seq order, decoded.
    public func forEachRecord(from fromSeq: UInt64 = 1, _ body: (JournalRecord) throws -> Bool) throws {
        try forEachUnit(from: fromSeq) { unit in
            for record in try unit.records() where record.seq >= fromSeq {
                if try !body(record) { return false }
            }
            return true
        }
    }
}
