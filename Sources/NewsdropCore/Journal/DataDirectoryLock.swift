import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-writer-at-a-time lock on a data folder: an exclusive `flock` on `<data>/lock`, which
/// holds the owner's pid. The kernel drops it when the owner dies, so a lock file left by a
/// dead process never blocks anyone.
public final class DataDirectoryLock {
    public let path: String
    private let fd: Int32

    /// Takes the lock or throws ``JournalError/locked(path:pid:)`` naming the holder.
    public init(path: String) throws(JournalError) {
        self.path = path
        let fd: Int32
        do {
            fd = try Syscalls.open(path, O_RDWR | O_CREAT, mode: 0o644)
        } catch {
            throw .system(error)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let err = errno
            let holder = Self.readPID(fd)
            Syscalls.close(fd)
            if err == EWOULDBLOCK { throw .locked(path: path, pid: holder) }
            throw .system(SystemError("lock", path: path, errno: err))
        }
        self.fd = fd
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        text.withUnsafeBytes { raw in _ = pwrite(fd, raw.baseAddress, raw.count, 0) }
    }

    /// The pid written in a lock file by its holder, if readable.
    public static func holder(of path: String) -> Int32? {
        guard let fd = try? Syscalls.open(path, O_RDONLY) else { return nil }
        defer { Syscalls.close(fd) }
        return readPID(fd)
    }

    /// True when some process holds the lock now.
    public static func isHeld(_ path: String) -> Bool {
        guard let fd = try? Syscalls.open(path, O_RDONLY) else { return false }
        defer { Syscalls.close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return false
        }
        return true
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 32, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        Syscalls.close(fd)
    }
}

/// Owned by one task or thread at a time; not shared.
@available(*, unavailable)
extension DataDirectoryLock: Sendable {}
