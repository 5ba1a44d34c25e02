#if canImport(Glibc)
public import Glibc
#endif

/// The bytes of one dropped file, read once, with its on-disk identity.
public struct DroppedFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var identity: DropIdentity
}

/// What reading a dropped file gave: its bytes, or the reason it cannot be an article.
public enum DroppedFileReadResult: Sendable {
    case file(DroppedFile)
    /// The file cannot be read as an article; `identity` is known when `fstat`/`lstat` worked.
    case rejected(RejectionReason, identity: DropIdentity?)
}

/// Reads a dropped file safely: never follows a symlink, never blocks on a FIFO, never reads
/// more than the size limit.
public struct DroppedFileReader: Sendable {
    /// Files larger than this are rejected without being read.
    public var maxBytes: Int
    /// Whether a failure that says nothing about the file itself (``isTransient(_:)``: an I/O
    /// error, no memory, too many open files) is thrown, so the file can stay where it is and
    /// be read again later, instead of becoming an `unreadable` rejection. The daemon sets it;
    /// `newsdrop ingest` reports such files as unreadable.
    public var defersTransientErrors: Bool

    public init(maxBytes: Int = 16 * 1024 * 1024, defersTransientErrors: Bool = false) {
        self.maxBytes = maxBytes
        self.defersTransientErrors = defersTransientErrors
    }

    /// Whether `errno` is a failure of the system rather than of the file: `EIO`, `ENOMEM`,
    /// `EMFILE`, `ENFILE`, `EAGAIN`, `ENOBUFS`, `ESTALE`, `ETIMEDOUT`, `EINTR`.
    public static func isTransient(_ errno: Int32) -> Bool {
        [EIO, ENOMEM, EMFILE, ENFILE, EAGAIN, ENOBUFS, ESTALE, ETIMEDOUT, EINTR].contains(errno)
    }

    /// Reads `path`. Throws when the file has vanished (`ENOENT`): a file that is gone has
    /// nothing to record; and, with ``defersTransientErrors``, on a transient failure. Every
    /// other problem is a rejection.
    public func read(_ path: String) throws(SystemError) -> DroppedFileReadResult {
        var lst = stat()
        if lstat(path, &lst) != 0 {
            let error = SystemError("stat", path: path, errno: errno)
            if error.errno == ENOENT || deferred(error.errno) { throw error }
            return .rejected(.unreadable(error), identity: nil)
        }
        let before = Self.identity(lst)
        switch lst.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return .rejected(.symlink, identity: before)
        case S_IFDIR: return .rejected(.directory, identity: before)
        case S_IFIFO: return .rejected(.specialFile("FIFO (named pipe)"), identity: before)
        case S_IFSOCK: return .rejected(.specialFile("socket"), identity: before)
        case S_IFCHR: return .rejected(.specialFile("character device"), identity: before)
        case S_IFBLK: return .rejected(.specialFile("block device"), identity: before)
        default: return .rejected(.specialFile("special file"), identity: before)
        }
        let fd: Int32
        do {
            fd = try Syscalls.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        } catch {
            if error.errno == ENOENT || deferred(error.errno) { throw error }
            if error.errno == ELOOP { return .rejected(.symlink, identity: before) }
            return .rejected(.unreadable(error), identity: before)
        }
        defer { Syscalls.close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 {
            let error = SystemError("stat", path: path, errno: errno)
            if deferred(error.errno) { throw error }
            return .rejected(.unreadable(error), identity: before)
        }
        let identity = Self.identity(st)
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            // Swapped for something else between lstat and open.
            return .rejected(.specialFile("special file"), identity: identity)
        }
        if Int64(st.st_size) > Int64(maxBytes) {
            return .rejected(.tooLarge(bytes: Int64(st.st_size), limit: maxBytes), identity: identity)
        }
        let bytes: [UInt8]
        do {
            bytes = try Syscalls.readAll(fd, limit: maxBytes + 1, sizeHint: Int(st.st_size), path: path)
        } catch {
            if deferred(error.errno) { throw error }
            return .rejected(.unreadable(error), identity: identity)
        }
        if bytes.count > maxBytes {
            // It grew while being read.
            return .rejected(.tooLarge(bytes: Int64(bytes.count), limit: maxBytes), identity: identity)
        }
        return .file(DroppedFile(path: path, bytes: bytes, identity: identity))
    }

    private func deferred(_ errno: Int32) -> Bool {
        defersTransientErrors && Self.isTransient(errno)
    }

    /// The identity of a file as `stat` describes it.
    public static func identity(_ st: stat) -> DropIdentity {
        DropIdentity(
            device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
            modifiedNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// The identity of the file at `path` now (without following a symlink), or `nil` if it is
    /// gone.
    public static func currentIdentity(of path: String) -> DropIdentity? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return identity(st)
    }
}
