#if canImport(Glibc)
import Glibc
#endif

/// What kind of directory entry a path names, as `lstat` sees it (symlinks are not followed).
public enum FileKind: String, Sendable, Hashable {
    case regular
    case directory
    case symlink
    case fifo
    case socket
    case characterDevice = "character device"
    case blockDevice = "block device"
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
