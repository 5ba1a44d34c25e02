#if canImport(Glibc)
import Glibc
#endif

/// Decides whether a file found by a scan may be read now.
///
/// A file reported by `IN_CLOSE_WRITE` or a rename was finished by its writer. A file found by a
/// scan (at start-up, or after an overflow) may still be written by another process; it is
/// read only when it is a regular file whose modification time is at least ``settleTime`` in
/// the past and (optionally) no process holds it open for writing. Otherwise the caller checks
/// again later.
///
/// ```swift
/// let check = SettledFileCheck(settleTime: configuration.settleTime)
/// switch try check.check(path: dropDir + "/" + name) {
/// case .settled(let snapshot): ingest(name, snapshot)
/// case .unsettled(let retryAfter): recheck(name, after: retryAfter)
/// case .notRegular(let kind): reject(name, reason: "a \(kind.rawValue)")
/// case .vanished: break
/// }
/// ```
public struct SettledFileCheck: Sendable {
    /// The verdict on one file.
    public enum Verdict: Sendable, Hashable {
        /// A regular file, quiet for the settle time and not open for writing: read it.
        case settled(FileSnapshot)
        /// A regular file still being written, or changed too recently: check again after
        /// `retryAfter`.
        case unsettled(retryAfter: Duration)
        /// Not a regular file (a symlink, folder, FIFO…): never opened; the caller rejects or
        /// logs it.
        case notRegular(FileKind)
        /// Nothing is there any more.
        case vanished
    }

    /// How long a file must stay unmodified before it is read.
    public var settleTime: Duration
    /// Looks for other processes holding the file open for writing, once the settle time has
    /// passed; `nil` to rely on the settle time alone. When `/proc` cannot be read, the settle
    /// time alone decides.
    public var openWriterProbe: OpenWriterProbe?
    /// How long to wait before checking again a file that is held open for writing.
    public var heldOpenRetry: Duration

    /// Creates a check.
    ///
    /// - Parameters:
    ///   - settleTime: How long a file must stay unmodified; 1 second by default.
    ///   - openWriterProbe: Looks for writers in `/proc`; `nil` to skip that.
    ///   - heldOpenRetry: When to check again a file still open for writing; the settle time
    ///     by default.
    public init(
        settleTime: Duration = .seconds(1),
        openWriterProbe: OpenWriterProbe? = OpenWriterProbe(),
        heldOpenRetry: Duration? = nil
    ) {
        self.settleTime = settleTime
        self.openWriterProbe = openWriterProbe
        self.heldOpenRetry = heldOpenRetry ?? max(settleTime, .milliseconds(100))
    }

    /// Checks one file.
    ///
    /// - Parameters:
    ///   - path: The file, in the drop folder.
    ///   - now: The current wall-clock time in nanoseconds since the Unix epoch (the clock
    ///     modification times use); the real time by default.
    /// - Returns: The verdict.
    /// - Throws: ``SystemCallError`` when the file cannot be inspected (for example, the drop
    ///   folder is not searchable); the caller treats the file as unreadable.
    public func check(path: String, now: Int64 = SettledFileCheck.wallClockNanoseconds()) throws(SystemCallError) -> Verdict {
        guard let snapshot = try FileSnapshot.take(path: path) else { return .vanished }
        return verdict(for: snapshot, path: path, now: now)
    }

    /// Judges a snapshot already taken.
    ///
    /// - Parameters:
    ///   - snapshot: The file's `lstat` result.
    ///   - path: The file, for the open-writer probe.
    ///   - now: The current wall-clock time in nanoseconds since the Unix epoch.
    /// - Returns: The verdict.
    ///   - openForWriting: the files held open for writing, from one
    ///     ``OpenWriterProbe/filesOpenForWriting(onDevice:)`` pass for a whole batch; `nil` to
    ///     run the probe for this file alone.
    public func verdict(for snapshot: FileSnapshot, path: String, now: Int64, openForWriting: Set<OpenWriterProbe.FileID>? = nil) -> Verdict {
        guard snapshot.kind == .regular else { return .notRegular(snapshot.kind) }
        let settle = Self.nanoseconds(settleTime)
        let age = now - snapshot.modificationTimeNanoseconds
        if age < settle {
            return .unsettled(retryAfter: .nanoseconds(settle - max(age, 0)))
        }
        if let openWriterProbe {
            let held: Bool
            if let openForWriting {
                held = openForWriting.contains(.init(device: snapshot.device, inode: snapshot.inode))
            } else {
                held = (try? openWriterProbe.writers(of: path))?.isEmpty == false
            }
            if held { return .unsettled(retryAfter: heldOpenRetry) }
        }
        return .settled(snapshot)
    }

    /// The current wall-clock time in nanoseconds since the Unix epoch.
    ///
    /// The corresponding C function is `clock_gettime` with `CLOCK_REALTIME`.
    public static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
