import Dispatch
import Foundation
import NewsdropCore
#if canImport(Glibc)
import Glibc
#endif

/// The inotify descriptor, a wake-up socket pair, and the thread that reads them.
///
/// Sendable without an `@unchecked` of its own: the only mutable state is in a ``PthreadMutex``
/// (which ThreadSanitizer sees, unlike `Synchronization.Mutex` on Linux). The descriptors are
/// closed by the reading thread as it ends, under the same lock that ``addWatch()`` and
/// ``stop()`` take before using them, so no one uses a closed (or reused) descriptor.
final class InotifyReader: Sendable {
    private struct State {
        var watchDescriptor: Int32?
        var removalReported = false
        var started = false
        var stopRequested = false
        var closed = false
    }

    let folder: String
    let mask: UInt32
    private let inotifyFD: Int32
    /// The end of the wake-up socket pair the thread polls.
    private let wakeFD: Int32
    /// The end ``stop()`` writes a byte to.
    private let wakeWriteFD: Int32
    private let buffer: DropFolderEventBuffer
    private let state = PthreadMutex(State())
    private let exited = DispatchSemaphore(value: 0)

    init(folder: String, mask: UInt32, buffer: DropFolderEventBuffer) throws(SystemCallError) {
        self.folder = folder
        self.mask = mask
        self.buffer = buffer
        let inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotifyFD >= 0 else {
            throw SystemCallError(
                operation: "cannot start watching drop folder", function: "inotify_init1", path: folder,
                errno: errno, advice: "raise fs.inotify.max_user_instances or stop other watchers of this user")
        }
        // A socket pair rather than pipe2/eventfd, which Glibc's module does not import: it is
        // created close-on-exec and non-blocking atomically.
        var pair: [Int32] = [-1, -1]
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        guard socketpair(AF_UNIX, socketType, 0, &pair) == 0 else {
            let error = errno
            close(inotifyFD)
            throw SystemCallError(
                operation: "cannot start watching drop folder", function: "socketpair", path: folder,
                errno: error, advice: "the process may be out of file descriptors; raise LimitNOFILE=")
        }
        self.inotifyFD = inotifyFD
        self.wakeFD = pair[0]
        self.wakeWriteFD = pair[1]
        do {
            try addWatch()
        } catch {
            close(inotifyFD)
            close(pair[0])
            close(pair[1])
            state.withLock { $0.closed = true }
            throw error
        }
    }

    /// Adds (or renews) the watch on ``folder``.
    func addWatch() throws(SystemCallError) {
        let result: Result<Void, SystemCallError> = state.withLock { state in
            if state.closed || state.stopRequested {
                return .failure(SystemCallError(
                    operation: "cannot watch drop folder", function: "inotify_add_watch", path: folder,
                    errno: EBADF, advice: "the watcher was stopped; create a new DropFolderWatcher"))
            }
            let descriptor = inotify_add_watch(inotifyFD, folder, mask)
            if descriptor < 0 {
                let error = errno
                let advice = switch error {
                case ENOENT: "create the folder (create_drop_dir = true does it) or set drop_dir to an existing one"
                case ENOTDIR: "drop_dir must name a folder, not a file"
                case ENOSPC: "raise fs.inotify.max_user_watches"
                case EACCES: "give the service user read access to the folder"
                default: "check the drop folder"
                }
                return .failure(SystemCallError(
                    operation: "cannot watch drop folder", function: "inotify_add_watch", path: folder,
                    errno: error, advice: advice))
            }
            if let old = state.watchDescriptor, old != descriptor {
                inotify_rm_watch(inotifyFD, old)
            }
            state.watchDescriptor = descriptor
            state.removalReported = false
            return .success(())
        }
        try result.get()
    }

    /// The watch descriptor of the folder, `nil` while it is not watched (for tests).
    var currentWatchDescriptor: Int32? { state.withLock { $0.watchDescriptor } }

    /// Starts the reading thread.
    func start() {
        state.withLock { $0.started = true }
        let thread = Thread { [self] in
            run()
        }
        thread.name = "newsdrop-inotify"
        thread.start()
    }

    /// Wakes the reading thread and waits until it has closed the descriptors.
    func stop() {
        let mustWait: Bool = state.withLock { state in
            if state.stopRequested || state.closed {
                state.stopRequested = true
                return false
            }
            state.stopRequested = true
            var byte: UInt8 = 1
            _ = retryingOnInterrupt { write(wakeWriteFD, &byte, 1) }
            return state.started
        }
        if mustWait { exited.wait() }
    }

    /// The reading loop: wait in `poll(2)` on inotify and the wake-up descriptor, decode,
    /// deliver; on wake-up close both descriptors and finish the buffer.
    private func run() {
        let capacity = 64 * 1024
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        defer {
            bytes.deallocate()
            state.withLock { state in
                close(inotifyFD)
                close(wakeFD)
                close(wakeWriteFD)
                state.closed = true
            }
            buffer.finish()
            exited.signal()
        }
        var descriptors = [
            pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
        ]
        var readFailed = false
        while true {
            let ready = retryingOnInterrupt { poll(&descriptors, nfds_t(descriptors.count), -1) }
            if ready < 0 { return }
            if descriptors[1].revents != 0 || state.withLock({ $0.stopRequested }) { return }
            if descriptors[0].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 {
                buffer.push(.rescanNeeded)
                return
            }
            if descriptors[0].revents & Int16(POLLIN) != 0 {
                if drain(into: bytes) {
                    if readFailed {
                        // Events may have been lost while reading failed: look at the folder.
                        readFailed = false
                        buffer.push(.rescanNeeded)
                    }
                } else {
                    // read(2) failed (EIO, ENOMEM, …) and poll stays ready: do not spin. A scan
                    // finds what the events would have said meanwhile.
                    if !readFailed { buffer.push(.rescanNeeded) }
                    readFailed = true
                    usleep(200_000)
                }
            }
        }
    }

    /// Reads inotify until it would block and delivers what it read.
    ///
    /// - Returns: `false` when `read(2)` failed with something other than `EAGAIN`.
    private func drain(into bytes: UnsafeMutableRawBufferPointer) -> Bool {
        while true {
            let count = retryingOnInterrupt { read(inotifyFD, bytes.baseAddress, bytes.count) }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK }
            if count == 0 { return true }
            for record in InotifyRecord.decode(UnsafeRawBufferPointer(rebasing: bytes[0..<count])) {
                handle(record)
            }
        }
    }

    /// Turns one record into an event for the buffer, if it is one.
    func handle(_ record: InotifyRecord) {
        if record.has(IN_Q_OVERFLOW) {
            buffer.push(.rescanNeeded)
            return
        }
        let (isCurrent, reportRemoval): (Bool, Bool) = state.withLock { state in
            guard record.watchDescriptor == state.watchDescriptor else { return (false, false) }
            let gone = record.has(IN_DELETE_SELF) || record.has(IN_MOVE_SELF)
                || record.has(IN_UNMOUNT) || record.has(IN_IGNORED)
            guard gone else { return (true, false) }
            if record.has(IN_MOVE_SELF), let descriptor = state.watchDescriptor {
                // The watch follows the moved folder; stop listening to it.
                inotify_rm_watch(inotifyFD, descriptor)
            }
            if record.has(IN_IGNORED) || record.has(IN_MOVE_SELF) { state.watchDescriptor = nil }
            let report = !state.removalReported
            state.removalReported = true
            return (true, report)
        }
        guard isCurrent else { return }
        if reportRemoval {
            buffer.push(.folderRemoved)
            return
        }
        if !record.nameIsValid, record.has(IN_CLOSE_WRITE) || record.has(IN_MOVED_TO) || record.has(IN_CREATE) {
            // Not UTF-8: the scan renames it to its escaped name (DropFolderNameRepair), and
            // that rename is reported again as a candidate.
            buffer.push(.rescanNeeded)
        } else if record.has(IN_CLOSE_WRITE) || record.has(IN_MOVED_TO), !record.name.isEmpty,
            !DropFolderWatcher.isTemporaryName(record.name)
        {
            buffer.push(.candidate(record.name))
        } else if record.has(IN_CREATE), !record.name.isEmpty, !DropFolderWatcher.isTemporaryName(record.name),
            Self.isCompleteOnCreation(folder + "/" + record.name)
        {
            buffer.push(.candidate(record.name))
        }
    }

    /// Entries that no close-after-write will follow: symlinks, FIFOs, sockets, devices (to be
    /// rejected), folders (to be logged and left alone) and hard links to an existing file
    /// (complete already). A new regular file is not: it is taken when its writer closes it.
    static func isCompleteOnCreation(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return st.st_nlink > 1
        default: return true
        }
    }
}
