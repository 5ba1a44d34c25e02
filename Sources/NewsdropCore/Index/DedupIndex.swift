#if canImport(Glibc)
import Glibc
#endif

/// Every committed content hash → the seq of its article line, in O(1).
///
/// An open-addressing table (linear probing) over one flat `[UInt64]`: three words a slot (the
/// hash's first 16 bytes as two words, then the seq; seq 0 marks an empty slot). At most 3/4
/// full, so 24 bytes an article take 32 to 64 bytes of memory. A checkpoint is that array
/// written as it is, so opening a million articles reads one file instead of re-parsing the
/// journal, and only the units after the checkpoint's seq are replayed.
public struct DedupIndex: Sendable {
    private(set) var slots: [UInt64]
    private(set) var capacity: Int
    public private(set) var count: Int
    /// Every article with seq ≤ this is in the table (what a checkpoint covers).
    public var coveredSeq: UInt64 = 0

    public init(capacity: Int = 1024) {
        var c = 16
        while c < capacity { c <<= 1 }
        self.capacity = c
        self.slots = [UInt64](repeating: 0, count: c * 3)
        self.count = 0
    }

    /// Bytes of memory the table holds.
    public var memoryBytes: Int { slots.count * 8 }

    /// The seq of the article with this hash, if committed.
    public func lookup(_ hash: ContentHash) -> UInt64? {
        let (hi, lo) = hash.indexKey
        var i = Int(truncatingIfNeeded: (hi ^ (lo &* 0x9E37_79B9_7F4A_7C15)) >> 7) & (capacity - 1)
        while true {
            let seq = slots[i * 3 + 2]
            if seq == 0 { return nil }
            if slots[i * 3] == hi && slots[i * 3 + 1] == lo { return seq }
            i = (i + 1) & (capacity - 1)
        }
    }

    /// Records `hash` at `seq`; the first seq stays when a hash is inserted again.
    public mutating func insert(_ hash: ContentHash, seq: UInt64) {
        precondition(seq != 0, "seq 0 marks an empty slot")
        if (count + 1) * 4 > capacity * 3 { grow() }
        let (hi, lo) = hash.indexKey
        insertKey(hi, lo, seq)
    }

    private mutating func insertKey(_ hi: UInt64, _ lo: UInt64, _ seq: UInt64) {
        var i = Int(truncatingIfNeeded: (hi ^ (lo &* 0x9E37_79B9_7F4A_7C15)) >> 7) & (capacity - 1)
        while slots[i * 3 + 2] != 0 {
            if slots[i * 3] == hi && slots[i * 3 + 1] == lo { return }
            i = (i + 1) & (capacity - 1)
        }
        slots[i * 3] = hi
        slots[i * 3 + 1] = lo
        slots[i * 3 + 2] = seq
        count += 1
    }

    private mutating func grow() {
        let old = slots
        capacity <<= 1
        slots = [UInt64](repeating: 0, count: capacity * 3)
        count = 0
        var i = 0
        while i < old.count {
            if old[i + 2] != 0 { insertKey(old[i], old[i + 1], old[i + 2]) }
            i += 3
        }
    }

    // MARK: Checkpoint

    private static let magic: UInt64 = 0x3150_4B43_4444_444E  // "NDDDCKP1"
    private static let headerWords = 8

    /// Writes the table to `path` atomically: a temp file, fsync, rename, fsync of the folder.
    public func writeCheckpoint(to path: String) throws(SystemError) {
        let temp = path + ".tmp"
        let fd = try Syscalls.open(temp, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
        defer { Syscalls.close(fd) }
        let bodyCRC = slots.withUnsafeBytes { CRC32C.checksum($0) }
        let header: [UInt64] = [
            Self.magic, UInt64(capacity), UInt64(count), coveredSeq, UInt64(bodyCRC), 0, 0, 0,
        ].map { $0.littleEndian }
        try Syscalls.writeAll(fd, header, path: temp)
        try Syscalls.writeAll(fd, slots, path: temp)
        try Syscalls.fsync(fd, path: temp)
        try Syscalls.rename(temp, path)
        try Syscalls.fsyncDirectory(Syscalls.parentDirectory(of: path))
    }

    /// Reads a checkpoint; `nil` when it is missing, from another version, or damaged (the
    /// caller then rebuilds from the journal).
    public static func readCheckpoint(from path: String) -> DedupIndex? {
        guard let fd = try? Syscalls.open(path, O_RDONLY) else { return nil }
        defer { Syscalls.close(fd) }
        var header = [UInt64](repeating: 0, count: headerWords)
        let got = header.withUnsafeMutableBytes { raw in (try? Syscalls.pread(fd, into: raw, at: 0, path: path)) ?? 0 }
        guard got == headerWords * 8 else { return nil }
        header = header.map { UInt64(littleEndian: $0) }
        let capacity = Int(header[1])
        guard header[0] == magic, capacity >= 16, capacity & (capacity - 1) == 0, capacity < 1 << 40 else { return nil }
        var index = DedupIndex(capacity: 16)
        index.capacity = capacity
        index.count = Int(header[2])
        index.coveredSeq = header[3]
        index.slots = [UInt64](repeating: 0, count: capacity * 3)
        let want = capacity * 3 * 8
        let read = index.slots.withUnsafeMutableBytes { raw in
            (try? Syscalls.pread(fd, into: raw, at: Int64(headerWords * 8), path: path)) ?? 0
        }
        guard read == want else { return nil }
        let crc = index.slots.withUnsafeBytes { CRC32C.checksum($0) }
        guard UInt64(crc) == header[4] else { return nil }
        // Stored little-endian; this machine is little-endian (x86_64, arm64).
        return index
    }
}
