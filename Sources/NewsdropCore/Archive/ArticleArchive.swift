#if canImport(Glibc)
import Glibc
#endif

/// Keeps each unique article's bytes, content-addressed: the journal's article line records
/// where (``ArchiveLocation``), and the dedup index finds that line by content hash, so the text
/// can be re-extracted when the dictionaries improve.
///
/// Bytes are appended to pack files (`archive/NNNNNNNN.pack`, rolled at 256 MiB) because one
/// `fdatasync` per batch is what makes thousands of articles a second durable; a file per
/// article would cost one fsync each. An entry is `NDA1`, a u32 little-endian length, then the
/// bytes. An entry written but never committed (a crash before the journal unit) is garbage
/// that no record points at; the next append goes after it.
public final class ArticleArchive {
    public let layout: JournalLayout
    public static let packLimit: Int64 = 256 << 20
    private static let entryMagic: [UInt8] = Array("NDA1".utf8)

    private var packNumber: Int
    private var fd: Int32
    private var end: Int64
    private var pending: [UInt8] = []
    private var pendingStart: Int64

    /// Opens the newest pack for appending (creates the first).
    public init(layout: JournalLayout) throws(SystemError) {
        self.layout = layout
        try Syscalls.makeDirectories(layout.archiveDirectory)
        let number = try layout.packs().last ?? 1
        let path = layout.pack(number)
        let created = !Syscalls.exists(path)
        fd = try Syscalls.open(path, O_RDWR | O_CREAT, mode: 0o644)
        if created { try Syscalls.fsyncDirectory(layout.archiveDirectory) }
        packNumber = number
        end = try Syscalls.fileSize(fd, path: path)
        pendingStart = end
    }

    deinit { Syscalls.close(fd) }

    /// Queues `bytes` for the next ``flush()`` and says where they will be.
    public func stage(_ bytes: [UInt8]) throws(SystemError) -> ArchiveLocation {
        if end > 0 && end + Int64(bytes.count) + 8 > Self.packLimit {
            try flush()
            try rollOver()
        }
        let location = ArchiveLocation(pack: packNumber, offset: end)
        pending.append(contentsOf: Self.entryMagic)
        withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { pending.append(contentsOf: $0) }
        pending.append(contentsOf: bytes)
        end += Int64(bytes.count) + 8
        return location
    }

    /// Writes what was staged and makes it durable (`fdatasync`). On failure the staged entries
    /// are dropped and the pack is cut back, so nothing half-written stays behind.
    public func flush() throws(SystemError) {
        guard !pending.isEmpty else { return }
        let path = layout.pack(packNumber)
        do {
            try Syscalls.pwriteAll(fd, pending, at: pendingStart, path: path)
            try Syscalls.fdatasync(fd, path: path)
        } catch {
            _ = Glibc.ftruncate(fd, off_t(pendingStart))
            end = pendingStart
            pending.removeAll(keepingCapacity: true)
            throw error
        }
        pending.removeAll(keepingCapacity: true)
        pendingStart = end
    }

    /// Forgets what was staged but not flushed.
    public func discardStaged() {
        end = pendingStart
        pending.removeAll(keepingCapacity: true)
    }

    private func rollOver() throws(SystemError) {
        Syscalls.close(fd)
        packNumber += 1
        let path = layout.pack(packNumber)
        fd = try Syscalls.open(path, O_RDWR | O_CREAT, mode: 0o644)
        try Syscalls.fsyncDirectory(layout.archiveDirectory)
        end = 0
        pendingStart = 0
    }

    /// Reads an article's bytes back and checks them against `hash`.
    public static func read(_ location: ArchiveLocation, layout: JournalLayout, hash: ContentHash?) throws -> [UInt8] {
        let path = layout.pack(location.pack)
        let fd = try Syscalls.open(path, O_RDONLY)
        defer { Syscalls.close(fd) }
        let head = try Syscalls.pread(fd, count: 8, at: location.offset, path: path)
        guard head.count == 8, Array(head[0..<4]) == entryMagic else {
            throw JournalError.damaged(file: path, offset: location.offset, detail: "no archive entry here")
        }
        let length = Int(UInt32(head[4]) | UInt32(head[5]) << 8 | UInt32(head[6]) << 16 | UInt32(head[7]) << 24)
        let bytes = try Syscalls.pread(fd, count: length, at: location.offset + 8, path: path)
        guard bytes.count == length else {
            throw JournalError.damaged(file: path, offset: location.offset, detail: "archive entry cut short")
        }
        if let hash, ContentHash(of: bytes) != hash {
            throw JournalError.damaged(file: path, offset: location.offset, detail: "archive entry does not match its hash")
        }
        return bytes
    }
}

/// Owned by one task or thread at a time; not shared.
@available(*, unavailable)
extension ArticleArchive: Sendable {}
