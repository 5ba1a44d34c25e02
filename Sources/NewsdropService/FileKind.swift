#if canImport(Glibc)
import Glibc
#endif

/// What kind of directory entry a path names, as `lstat` sees it (symlinks are not followed).
public enum FileKind: String, Sendable, Hashable {
    /// A regular file: the only kind that is read.
    case regular
    /// A folder.
    case directory
    /// A symbolic link (never followed).
    case symlink
    /// A named pipe (never opened: opening it could block).
    case fifo
    /// A Unix domain socket.
    case socket
    /// A character device.
    case characterDevice = "character device"
    /// A block device.
    case blockDevice = "block device"
    /// Anything else.
    case unknown

    /// The kind encoded in a `st_mode`.
    ///
    /// - Parameter mode: The `st_mode` of a `stat` result.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .unknown
        }
    }
}
