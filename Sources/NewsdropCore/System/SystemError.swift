#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, with the operation and the path it was about, so a message can tell the
/// user what happened and where.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done, as a verb phrase: "open", "write", "fsync", "rename".
    public var operation: String
    /// The file or folder involved.
    public var path: String
    /// The `errno` value.
    public var errno: Int32

    public init(_ operation: String, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    /// `strerror(errno)`.
    public var reason: String { String(cString: strerror(errno)) }

    /// True when the disk is full or over quota: the caller should retry when space frees.
    public var isNoSpace: Bool { errno == ENOSPC || errno == EDQUOT }

    public var description: String {
        "cannot \(operation) \(path): \(reason) (errno \(errno))"
    }
}
