#if canImport(Glibc)
import Glibc
#endif

/// What `lstat` said about a file at one moment: enough to recognise the same drop again
/// (device, inode, size, modification time), for example after a crash between commit and
/// removal.
public struct FileSnapshot: Sendable, Hashable {
    /// The entry's kind; symlinks are not followed.
    public var kind: FileKind
    /// The size in bytes.
    public var size: Int64
    /// The device holding the file (`st_dev`).
    public var device: UInt64
    /// The inode number (`st_ino`).
    public var inode: UInt64
    /// The last modification time, in nanoseconds since the Unix epoch.
    public var modificationTimeNanoseconds: Int64

    /// Creates a snapshot from its parts.
    public init(kind: FileKind, size: Int64, device: UInt64, inode: UInt64, modificationTimeNanoseconds: Int64) {
        self.kind = kind
        self.size = size
        self.device = device
        self.inode = inode
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
    }

    /// Creates a snapshot from a `stat` result.
    ///
    /// - Parameter status: What `stat`/`lstat`/`fstat` filled in.
    init(_ status: stat) {
        self.init(
            kind: FileKind(mode: status.st_mode),
            size: Int64(status.st_size),
            device: UInt64(status.st_dev),
            inode: UInt64(status.st_ino),
            modificationTimeNanoseconds: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }

    /// Takes a snapshot of `path` without following a symlink.
    ///
    /// The corresponding C function is `lstat`.
    ///
    /// - Parameter path: The file.
    /// - Returns: The snapshot, or `nil` if nothing exists at `path` (`ENOENT`).
    /// - Throws: ``SystemCallError`` for any other failure.
    public static func take(path: String) throws(SystemCallError) -> FileSnapshot? {
        var status = stat()
        if retryingOnInterrupt({ lstat(path, &status) }) != 0 {
            if errno == ENOENT { return nil }
            throw SystemCallError(
                operation: "cannot inspect dropped file", function: "lstat", path: path, errno: errno,
                advice: "check the permissions of the drop folder; the file is treated as unreadable")
        }
        return FileSnapshot(status)
    }
}
