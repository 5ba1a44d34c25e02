#if canImport(Glibc)
import Glibc
#endif

/// Watches the drop folder with inotify and reports what arrives, as an `AsyncStream`.
///
/// It watches for a file closed after writing (`IN_CLOSE_WRITE`), an entry renamed or moved in
/// (`IN_MOVED_TO`), an entry created complete (`IN_CREATE` of a symlink, FIFO, socket, device or
/// hard link), and the folder's own removal (`IN_DELETE_SELF`, `IN_MOVE_SELF`,
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

    /// Everything that happens in the folder, in order. Iterate it from one task only.
    ///
    /// It ends after ``stop()``, when the iterating task is cancelled, or if inotify itself
    /// fails (after a last ``DropFolderEvent/rescanNeeded``); an end the daemon did not ask
    /// for is an error to log before watching again with a new watcher.
    public let events: AsyncStream<DropFolderEvent>

    private let buffer: DropFolderEventBuffer
    let reader: InotifyReader

    /// The events the watch asks for.
    static let watchMask: UInt32 = UInt32(bitPattern:
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

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
    /// time, then name). An entry whose name is not UTF-8 is first renamed to its escaped name
    /// (``DropFolderNameRepair``) and listed under it.
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
        try Self.scan(folder: folder, limit: .max).names
    }

    /// Lists the folder as ``scan()`` does, keeping only the `limit` oldest entries.
    ///
    /// - Parameter limit: The most names returned; memory stays proportional to it, whatever
    ///   the folder holds.
    /// - Returns: The oldest names, and whether more entries were left out.
    /// - Throws: ``SystemCallError`` when the folder cannot be read.
    public func scan(limit: Int) throws(SystemCallError) -> (names: [String], truncated: Bool) {
        try Self.scan(folder: folder, limit: limit)
    }

    /// Lists a folder as ``scan()`` does.
    ///
    /// - Parameters:
    ///   - folder: The folder to list.
    ///   - limit: The most names returned (the oldest); more are counted as left out.
    /// - Returns: Entry names that are not temporary names, oldest first, then by name, and
    ///   whether some were left out.
    /// - Throws: ``SystemCallError`` when the folder cannot be read.
    public static func scan(folder: String, limit: Int = .max) throws(SystemCallError) -> (names: [String], truncated: Bool) {
        guard let directory = opendir(folder) else {
            throw SystemCallError(
                operation: "cannot list drop folder", function: "opendir", path: folder, errno: errno,
                advice: "check that the folder exists and that the service user may read it")
        }
        defer { closedir(directory) }
        let directoryFD = dirfd(directory)
        var entries: [(seconds: Int, nanoseconds: Int, name: String)] = []
        let limit = max(1, limit)
        var truncated = false
        func byAge(_ a: (seconds: Int, nanoseconds: Int, name: String), _ b: (seconds: Int, nanoseconds: Int, name: String)) -> Bool {
            (a.seconds, a.nanoseconds, a.name) < (b.seconds, b.nanoseconds, b.name)
        }
        /// Keeps the `limit` oldest once twice that many are held (memory O(limit)).
        func trim() {
            guard limit < Int.max / 2, entries.count >= 2 * limit else { return }
            entries.sort(by: byAge)
            entries.removeLast(entries.count - limit)
            truncated = true
        }
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
            let rawName = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { p in
                    Array(UnsafeBufferPointer(start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))))
                }
            }
            var name = String(decoding: rawName, as: UTF8.self)
            // A temporary name is left alone even when it is not UTF-8: its writer renames it.
            if name == "." || name == ".." || isTemporaryName(name) { continue }
            var failure: Int32 = 0
            if let repaired = DropFolderNameRepair.repair(folderFD: directoryFD, rawName: rawName, failure: &failure) {
                name = repaired
            } else if failure != 0 {
                // Left as it is: the caller logs it as vanished; the next rescan tries again.
                continue
            }
            if name == "." || name == ".." || isTemporaryName(name) { continue }
            var status = Glibc.stat()
            if retryingOnInterrupt({ fstatat(directoryFD, name, &status, AT_SYMLINK_NOFOLLOW) }) != 0 {
                if errno == ENOENT { continue }
                // Listed but not inspectable: report it anyway, the caller rejects it as unreadable.
                entries.append((0, 0, name))
                trim()
                continue
            }
            entries.append((status.st_mtim.tv_sec, status.st_mtim.tv_nsec, name))
            trim()
        }
        entries.sort(by: byAge)
        if entries.count > limit {
            entries.removeLast(entries.count - limit)
            truncated = true
        }
        return (entries.map(\.name), truncated)
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
