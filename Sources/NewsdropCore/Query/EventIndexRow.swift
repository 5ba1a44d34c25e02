/// One event in a segment's event index: where its line is, and the fields queries filter on,
/// as references into the index's tables of distinct values. 56 bytes, little-endian:
///
///     seq         u64   the event's seq
///     offset      u64   where its line starts in the segment's `.jsonl`
///     length      u32   the line's bytes, without the `\n`
///     type        u8    index in `EventType.allCases`
///     reserved    3 bytes, zero
///     confidence  f64
///     actor       i32   into `actors` (-1: none)
///     target      i32   into `actors` (-1: none)
///     place       i32   into `places` (-1: none)
///     date        i32   into `texts`: the date's value (-1: none)
///     source      i32   into `texts` (-1: none)
///     article     i32   into `articles`: the article id and ingest time
struct EventIndexRow: Sendable, Hashable {
    static let size = 56

    var seq: UInt64
    var offset: UInt64
    var length: UInt32
    var type: UInt8
    var confidence: Double
    var actor: Int32
    var target: Int32
    var place: Int32
    var date: Int32
    var source: Int32
    var article: Int32

    func append(to out: inout [UInt8]) {
        func put<T: FixedWidthInteger>(_ v: T) {
            withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
        }
        put(seq)
        put(offset)
        put(length)
        out.append(type)
        out.append(contentsOf: [0, 0, 0])
        put(confidence.bitPattern)
        put(actor)
        put(target)
        put(place)
        put(date)
        put(source)
        put(article)
    }

    static func read(_ raw: UnsafeRawBufferPointer, at: Int) -> EventIndexRow {
        func get<T: FixedWidthInteger>(_ o: Int, _: T.Type) -> T {
            T(littleEndian: raw.loadUnaligned(fromByteOffset: at + o, as: T.self))
        }
        return EventIndexRow(
            seq: get(0, UInt64.self), offset: get(8, UInt64.self), length: get(16, UInt32.self),
            type: raw[at + 20], confidence: Double(bitPattern: get(24, UInt64.self)),
            actor: get(32, Int32.self), target: get(36, Int32.self), place: get(40, Int32.self),
            date: get(44, Int32.self), source: get(48, Int32.self), article: get(52, Int32.self))
    }
}
