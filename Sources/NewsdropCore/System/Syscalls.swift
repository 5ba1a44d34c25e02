#if canImport(Glibc)
public import Glibc
#endif

/// Thin, documented wrappers over the POSIX calls the store needs. Each retries on `EINTR` and
/// throws ``SystemError`` naming the path. swift-system lacks `fsync`, `rename` and `flock` on
/// Linux, so these call Glibc directly.
public enum Syscalls: Sendable {
    /// Opens `path`. The corresponding C function is `open`.
    /// - Parameters:
    ///   - flags: `O_*` flags; `O_CLOEXEC` is always added.
    ///   - mode: permission bits for a created file.
    public static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(SystemError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw SystemError("open", path: path, errno: errno)
        }
    }

    /// Closes `fd`, ignoring errors (Linux releases the descriptor even when `close` fails, and
    /// retrying would close someone else's). The corresponding C function is `close`.
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// Writes all of `bytes` at the current offset. The corresponding C function is `write`.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            throw SystemError("write", path: path, errno: n < 0 ? errno : EIO)
        }
    }

    /// Writes all of `bytes` at `offset`. The corresponding C function is `pwrite`.
    public static func pwriteAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64, path: String) throws(SystemError) {
        var done = 0
        while done < bytes.count {
            let n = Glibc.pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            throw SystemError("write", path: path, errno: n < 0 ? errno : EIO)
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at end of file. The corresponding C
    /// function is `pread`.
    public static func pread(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(SystemError) -> Int {
        var done = 0
        while done < buffer.count {
            let n = Glibc.pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n > 0 { done += n; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw SystemError("read", path: path, errno: errno)
        }
        return done
    }

    /// Reads a regular file from the current offset until end of file or `limit` bytes. `sizeHint` (the size
    /// `fstat` gave) sizes the first read, so a file is usually read in one call. The
    /// corresponding C function is `read`.
    public static func readAll(_ fd: Int32, limit: Int, sizeHint: Int = 0, path: String) throws(SystemError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = max(4096, sizeHint + 1)
        while out.count < limit {
            let want = min(chunk, limit - out.count)
            let start = out.count
            out.reserveCapacity(start + want)
            var got = 0
            var failure: Int32 = 0
            out.append(contentsOf: repeatElement(0, count: want))
            out.withUnsafeMutableBytes { raw in
                while true {
                    let n = Glibc.read(fd, raw.baseAddress! + start, want)
                    if n >= 0 { got = n; return }
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
            }
            out.removeLast(want - got)
            if failure != 0 { throw SystemError("read", path: path, errno: failure) }
            // A short read of a regular file is its end (a file that grows meanwhile is caught
            // by the caller's size check).
            if got < want { break }
            chunk = min(chunk * 2, 4 * 1024 * 1024)
        }
        return out
    }

    /// Flushes file data and the metadata needed to read it back. The corresponding C function
    /// is `fdatasync`.
    public static func fdatasync(_ fd: Int32, path: String) throws(SystemError) {
        while Glibc.fdatasync(fd) != 0 {
            if errno == EINTR { continue }
            throw SystemError("fdatasync", path: path, errno: errno)
        }
    }

    /// Flushes file data and all metadata. The corresponding C function is `fsync`.
    public static func fsync(_ fd: Int32, path: String) throws(SystemError) {
        while Glibc.fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw SystemError("fsync", path: path, errno: errno)
        }
    }

    /// Makes a directory's entries (created, renamed, removed files) durable. The corresponding
    /// C function is `fsync` on a directory descriptor.
    public static func fsyncDirectory(_ path: String) throws(SystemError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try fsync(fd, path: path)
    }

    /// Cuts a file to `length` bytes. The corresponding C function is `ftruncate`.
    public static func ftruncate(_ fd: Int32, _ length: Int64, path: String) throws(SystemError) {
        while Glibc.ftruncate(fd, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw SystemError("truncate", path: path, errno: errno)
        }
    }

    /// The size of an open file. The corresponding C function is `fstat`.
    public static func fileSize(_ fd: Int32, path: String) throws(SystemError) -> Int64 {
        var st = stat()
        if Glibc.fstat(fd, &st) != 0 { throw SystemError("stat", path: path, errno: errno) }
        return Int64(st.st_size)
    }

    /// Atomically replaces `to` with `from`. The corresponding C function is `rename`.
    public static func rename(_ from: String, _ to: String) throws(SystemError) {
        if Glibc.rename(from, to) != 0 { throw SystemError("rename \(from) to", path: to, errno: errno) }
    }

    /// Removes a file. The corresponding C function is `unlink`.
    public static func unlink(_ path: String) throws(SystemError) {
        if Glibc.unlink(path) != 0 { throw SystemError("remove", path: path, errno: errno) }
    }

    /// Creates a directory and its missing parents (like `mkdir -p`). The corresponding C
    /// function is `mkdir`.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(SystemError) {
        var st = Glibc.stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw SystemError("create folder", path: path, errno: ENOTDIR)
        }
        let parent = parentDirectory(of: path)
        if parent != path && !parent.isEmpty { try makeDirectories(parent, mode: mode) }
        if Glibc.mkdir(path, mode) != 0 && errno != EEXIST {
            throw SystemError("create folder", path: path, errno: errno)
        }
    }

    /// True when `path` exists (without following a final symlink).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return Glibc.lstat(path, &st) == 0
    }

    /// The names in a directory, without `.` and `..`, unsorted. The corresponding C function is
    /// `readdir`.
    public static func listDirectory(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else { throw SystemError("list", path: path, errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Writes all of `bytes` at `offset`. The corresponding C function is `pwrite`.
    public static func pwriteAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int64, path: String) throws(SystemError) {
        var failure: SystemError? = nil
        bytes.withUnsafeBytes { raw in
            do throws(SystemError) { try pwriteAll(fd, raw, at: offset, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes` at the current offset. The corresponding C function is `write`.
    public static func writeAll<T: BitwiseCopyable>(_ fd: Int32, _ bytes: [T], path: String) throws(SystemError) {
        var failure: SystemError? = nil
        bytes.withUnsafeBytes { raw in
            do throws(SystemError) { try writeAll(fd, raw, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Reads `count` bytes at `offset`, fewer only at end of file. The corresponding C function
    /// is `pread`.
    public static func pread(_ fd: Int32, count: Int, at offset: Int64, path: String) throws(SystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var failure: SystemError? = nil
        var got = 0
        bytes.withUnsafeMutableBytes { raw in
            do throws(SystemError) { got = try pread(fd, into: raw, at: offset, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
        bytes.removeLast(count - got)
        return bytes
    }

    /// The folder part of a path ("/a/b" → "/a", "b" → ".").
    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
