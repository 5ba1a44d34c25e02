import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches the drop folder with inotify and reports what arrives, as an `AsyncStream`.
///
/// It watches for a file closed after writing (`IN_CLOSE_WRITE`), an entry renamed or moved in
/// (`IN_MOVED_TO`), and the folder's own removal (`IN_DELETE_SELF`, `IN_MOVE_SELF`,
/// `IN_UNMOUNT`); subfolders are not entered. Reading happens on a dedicated thread that waits
/// in `poll(2)`, never on the cooperative pool, and ``stop()`` wakes it through a socket pair.
///
/// Events pass through a bounded buffer that never loses information: when the consumer falls
/// behind, or the kernel's queue overflows (`IN_Q_OVERFLOW`), buffered candidates collapse
/// into one ``DropFolderEvent/rescanNeeded``.
///
/// Start-up order, so no file is missed:
///
/// ```swift
/// let watcher = try DropFolderWatcher(folder: dropDir)   // 1. the watch is in place
/// for name in try watcher.scan() { await enqueue(name) } // 2. what arrived before
/// for await event in watcher.events {                    // 3. what arrives from now on
///     switch event {
///     case .candidate(let name): await enqueue(name)
///     case .rescanNeeded: for name in try watcher.scan() { await enqueue(name) }
///     case .folderRemoved: /* log, recreate if allowed */ try watcher.rewatch()
///         for name in try watcher.scan() { await enqueue(name) }
///     }
/// }
/// ```
///
/// A name can be reported by both the scan and an event, or twice by events: the consumer
/// takes each file once (it is gone from the folder after its disposition).
public final class DropFolderWatcher: Sendable {
    /// The watched folder.
    public let folder: String

    /// Everything that happens in the folder, in order. Ends after ``stop()``.
    /// Iterate it from one task only.
    public let events: AsyncStream<DropFolderEvent>

    private let buffer: DropFolderEventBuffer
    private let reader: InotifyReader

    /// The events the watch asks for.
    static let watchMask: UInt32 = UInt32(bitPattern:
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Starts watching `folder`.
    ///
    /// The watch is in place when this returns; call ``scan()`` next to pick up what is
    /// already there.
    ///
    /// - Parameters:
    ///   - folder: The drop folder; it must exist and be a folder.
    ///   - bufferCapacity: The most candidates held for a slow consumer before they collapse
    ///     into one ``DropFolderEvent/rescanNeeded``.
    /// - Throws: ``SystemCallError`` when inotify cannot be set up or the folder not watched.
    public init(folder: String, bufferCapacity: Int = 4096) throws(SystemCallError) {
        self.folder = folder
        let buffer = DropFolderEventBuffer(capacity: bufferCapacity)
        self.buffer = buffer
        self.reader = try InotifyReader(folder: folder, mask: Self.watchMask, buffer: buffer)
        self.events = AsyncStream(unfolding: { await buffer.next() })
        reader.start()
    }

    deinit {
        reader.stop()
    }

    /// The number of events waiting for the consumer, for the status line's queue depth.
    public var bufferedEventCount: Int { buffer.count }

    /// The events waiting for the consumer, oldest first (for tests).
    var bufferedEvents: [DropFolderEvent] { buffer.waitingEvents }

    /// Watches the folder again after ``DropFolderEvent/folderRemoved``, once it exists again.
    ///
    /// Call ``scan()`` afterwards: files may have arrived while nothing watched.
    ///
    /// The corresponding C function is `inotify_add_watch`.
    ///
    /// - Throws: ``SystemCallError`` when the folder is missing or not a folder, or the
    ///   watcher was stopped.
    public func rewatch() throws(SystemCallError) {
        try reader.addWatch()
    }

    /// Stops watching: the reading thread ends, its file descriptors are closed and
    /// ``events`` finishes after the events still buffered. Returns once the thread is gone
    /// (within milliseconds). Calling it again does nothing.
    public func stop() {
        reader.stop()
    }

    /// Lists the folder's entries that are not temporary names, oldest first (by modification
    /// time, then name).
    ///
    /// Symlinks, folders, FIFOs and other special files are listed too, without following or
    /// opening them (`lstat`), so the caller can reject or log them. An entry that vanishes
    /// while the list is made is left out.
    ///
    /// The corresponding C functions are `opendir`, `readdir` and `fstatat`.
    ///
    /// - Returns: Entry names, relative to ``folder``.
    /// - Throws: ``SystemCallError`` when the folder cannot be read.
    public func scan() throws(SystemCallError) -> [String] {
        try Self.scan(folder: folder)
    }

    /// Lists a folder as ``scan()`` does.
    ///
    /// - Parameter folder: The folder to list.
    /// - Returns: Entry names that are not temporary names, oldest first, then by name.
    /// - Throws: ``SystemCallError`` when the folder cannot be read.
    public static func scan(folder: String) throws(SystemCallError) -> [String] {
        guard let directory = opendir(folder) else {
            throw SystemCallError(
                operation: "cannot list drop folder", function: "opendir", path: folder, errno: errno,
                advice: "check that the folder exists and that the service user may read it")
        }
        defer { closedir(directory) }
        let directoryFD = dirfd(directory)
        var entries: [(seconds: Int, nanoseconds: Int, name: String)] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 {
                    throw SystemCallError(
                        operation: "cannot list drop folder", function: "readdir", path: folder, errno: errno,
                        advice: "the listing is retried on the next rescan")
                }
                break
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || isTemporaryName(name) { continue }
            var status = Glibc.stat()
            if retryingOnInterrupt({ fstatat(directoryFD, name, &status, AT_SYMLINK_NOFOLLOW) }) != 0 {
                if errno == ENOENT { continue }
                // Listed but not inspectable: report it anyway, the caller rejects it as unreadable.
                entries.append((0, 0, name))
                continue
            }
            entries.append((status.st_mtim.tv_sec, status.st_mtim.tv_nsec, name))
        }
        entries.sort { ($0.seconds, $0.nanoseconds, $0.name) < ($1.seconds, $1.nanoseconds, $1.name) }
        return entries.map(\.name)
    }

    /// Whether a name is a temporary name that waits until it is renamed: hidden names
    /// (`.*`), and names ending in `.tmp`, `.part` (either case) or `~`.
    ///
    /// - Parameter name: An entry name, without folder.
    public static func isTemporaryName(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") { return true }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".tmp") || lowered.hasSuffix(".part")
    }
}

/// The inotify descriptor, a wake-up socket pair, and the thread that reads them.
///
/// Sendable without `@unchecked`: the only mutable state is in a `Mutex`. The descriptors are
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
    private let state = Mutex(State())
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
        while true {
            let ready = retryingOnInterrupt { poll(&descriptors, nfds_t(descriptors.count), -1) }
            if ready < 0 { return }
            if descriptors[1].revents != 0 || state.withLock({ $0.stopRequested }) { return }
            if descriptors[0].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 {
                buffer.push(.rescanNeeded)
                return
            }
            if descriptors[0].revents & Int16(POLLIN) != 0 {
                drain(into: bytes)
            }
        }
    }

    /// Reads inotify until it would block and delivers what it read.
    private func drain(into bytes: UnsafeMutableRawBufferPointer) {
        while true {
            let count = retryingOnInterrupt { read(inotifyFD, bytes.baseAddress, bytes.count) }
            if count <= 0 { return }  // EAGAIN: drained
            for record in InotifyRecord.decode(UnsafeRawBufferPointer(rebasing: bytes[0..<count])) {
                handle(record)
            }
        }
    }

    private func handle(_ record: InotifyRecord) {
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
        if record.has(IN_CLOSE_WRITE) || record.has(IN_MOVED_TO), !record.name.isEmpty,
            !DropFolderWatcher.isTemporaryName(record.name)
        {
            buffer.push(.candidate(record.name))
        }
    }
}
