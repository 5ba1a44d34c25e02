/// One committed unit as the segment's `.idx` file records it: 32 bytes, little-endian.
///
///     offset    u64  where the unit starts in the segment's `.jsonl`
///     length    u32  its bytes, the last `\n` included
///     crc32c    u32  CRC-32C of those bytes
///     firstSeq  u64  the seq of its first line
///     lines     u32  how many lines (an article's 1 + events; 1 otherwise)
///     kind      u8   1 article, 2 duplicate, 3 rejected
///     reserved  3 bytes, zero
///
/// The entry is written only after the unit's bytes are durable, so an entry is the unit's
/// commit mark: readers see exactly the units that have one.
public struct UnitIndexEntry: Sendable, Hashable {
    public static let size = 32

    public enum Kind: UInt8, Sendable {
        case article = 1, duplicate = 2, rejected = 3
    }

    public var offset: Int64
    public var length: UInt32
    public var crc: UInt32
    public var firstSeq: UInt64
    public var lines: UInt32
    public var kind: Kind

    public var end: Int64 { offset + Int64(length) }
    public var lastSeq: UInt64 { firstSeq + UInt64(lines) - 1 }

    func append(to out: inout [UInt8]) {
        func put<T: FixedWidthInteger>(_ v: T) {
            withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
        }
        put(UInt64(offset))
        put(length)
        put(crc)
        put(firstSeq)
        put(lines)
        out.append(kind.rawValue)
        out.append(contentsOf: [0, 0, 0])
    }

    /// Reads an entry at `at`; `nil` when its kind byte is unknown (damage).
    static func read(_ raw: UnsafeRawBufferPointer, at: Int) -> UnitIndexEntry? {
        func get<T: FixedWidthInteger>(_ o: Int, _: T.Type) -> T {
            T(littleEndian: raw.loadUnaligned(fromByteOffset: at + o, as: T.self))
        }
        guard let kind = Kind(rawValue: raw[at + 28]) else { return nil }
        return UnitIndexEntry(
            offset: Int64(get(0, UInt64.self)), length: get(8, UInt32.self), crc: get(12, UInt32.self),
            firstSeq: get(16, UInt64.self), lines: get(24, UInt32.self), kind: kind)
    }
}

extension UnitIndexEntry {
    /// Whether two entries name the same committed unit (same place, same bytes by CRC, same
    /// seq).
    func isSameUnit(as other: UnitIndexEntry) -> Bool {
        offset == other.offset && crc == other.crc && firstSeq == other.firstSeq
    }
}
