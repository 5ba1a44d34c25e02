#if canImport(Glibc)
import Glibc
#endif

/// Waits for new commits in a data folder through inotify on its journal folder (no polling
/// loop): a commit writes a segment's `.idx` (IN_MODIFY), a rollover creates a new one
/// (IN_CREATE). For `newsdrop tail -f`.
public final class JournalChangeWaiter {
    private let fd: Int32
    public let journalDirectory: String

    public init(dataDirectory: String) throws(SystemError) {
        journalDirectory = JournalLayout(dataDirectory: dataDirectory).journalDirectory
        try Syscalls.makeDirectories(journalDirectory)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd < 0 { throw SystemError("start inotify for", path: journalDirectory, errno: errno) }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
        if inotify_add_watch(fd, journalDirectory, mask) < 0 {
            let e = errno
            close(fd)
            throw SystemError("watch", path: journalDirectory, errno: e)
        }
    }

    deinit { close(fd) }

    /// What ended a wait.
    public enum Wake: Sendable {
        /// Something changed in the journal folder.
        case changed
        /// The other end of `hangupFD` went away (a closed pipe).
        case hangup
        case timeout
    }

    /// Blocks until the journal folder changes, `hangupFD` reports an error or hang-up, or
    /// `timeoutMilliseconds` pass (-1: no limit). The corresponding C function is `poll`.
    public func wait(hangupFD: Int32? = nil, timeoutMilliseconds: Int32 = -1) -> Wake {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        if let hangupFD { fds.append(pollfd(fd: hangupFD, events: 0, revents: 0)) }
        while true {
            let n = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return .timeout }
            if fds.count > 1 && fds[1].revents & Int16(POLLERR | POLLHUP) != 0 { return .hangup }
            if fds[0].revents & Int16(POLLIN) != 0 {
                drain()
                return .changed
            }
            return .timeout
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}

@available(*, unavailable)
extension JournalChangeWaiter: Sendable {}
