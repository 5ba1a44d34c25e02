/// One committed unit as a reader sees it: an article with its events, a duplicate, or a
/// rejection, as the raw bytes of its lines.
public struct JournalUnit: Sendable {
    public var entry: UnitIndexEntry
    /// The first seq of the segment it is in.
    public var segment: UInt64
    /// The unit's bytes, every line ending in `\n`.
    public var bytes: ArraySlice<UInt8>

    /// The lines, each without its `\n`.
    public var lines: [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        out.reserveCapacity(Int(entry.lines))
        var start = bytes.startIndex
        for i in bytes.indices where bytes[i] == 0x0A {
            out.append(bytes[start..<i])
            start = i + 1
        }
        if start < bytes.endIndex { out.append(bytes[start...]) }
        return out
    }

    /// The records, decoded.
    public func records() throws -> [JournalRecord] {
        try lines.map { try JournalRecordCoding.decode($0) }
    }
}
