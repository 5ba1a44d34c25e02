#if canImport(Glibc)
import Glibc
#endif

/// Finds processes that hold a file open for writing, by looking through `/proc/*/fd`.
///
/// For every process it may inspect, it reads each descriptor's link (`readlink`), skips
/// sockets, pipes and anonymous inodes, matches the file by device and inode (`stat` through
/// the link, so renames and bind mounts do not fool it), then reads `/proc/PID/fdinfo/FD` for
/// the access mode (`O_WRONLY` or `O_RDWR`).
///
/// It costs a few system calls per open descriptor on the machine: run it only for files found
/// by a scan, not for files reported by `IN_CLOSE_WRITE`. It sees only processes the service
/// user may inspect (the same user, unless it has `CAP_SYS_PTRACE`, and none when `/proc` is
/// mounted with `hidepid=`); the settle time covers the rest.
public struct OpenWriterProbe: Sendable {
    /// A process holding the file open for writing.
    public struct Writer: Sendable, Hashable {
        /// The process id.
        public var pid: Int32
        /// The descriptor number in that process.
        public var fileDescriptor: Int32
    }

    /// The `/proc` to look through; a test may point elsewhere.
    public var procRoot: String
    /// Processes to leave out: this process by default (it only ever reads dropped files).
    public var excludedPIDs: Set<Int32>

    /// Creates a probe.
    ///
    /// - Parameters:
    ///   - procRoot: The proc file system's mount point.
    ///   - excludedPIDs: Processes to leave out; `nil` for this process.
    public init(procRoot: String = "/proc", excludedPIDs: Set<Int32>? = nil) {
        self.procRoot = procRoot
        self.excludedPIDs = excludedPIDs ?? [getpid()]
    }

    /// The processes holding `path` open for writing.
    ///
    /// - Parameter path: The file; symlinks are not followed.
    /// - Returns: The writers found; empty when none (or the file is gone).
    /// - Throws: ``SystemCallError`` when `/proc` cannot be listed.
    public func writers(of path: String) throws(SystemCallError) -> [Writer] {
        var target = stat()
        guard retryingOnInterrupt({ lstat(path, &target) }) == 0 else { return [] }
        guard let processes = opendir(procRoot) else {
            throw SystemCallError(
                operation: "cannot look for writers of a dropped file in", function: "opendir", path: procRoot,
                errno: errno, advice: "mount /proc, or rely on the settle time alone")
        }
        defer { closedir(processes) }
        var found: [Writer] = []
        while let entry = readdir(processes) {
            guard let pid = Int32(Self.name(of: entry)), !excludedPIDs.contains(pid) else { continue }
            found += writers(in: pid, device: target.st_dev, inode: target.st_ino)
        }
        return found
    }

    /// A file, by device and inode.
    public struct FileID: Sendable, Hashable {
        public var device: UInt64
        public var inode: UInt64

        public init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }
    }

    /// Every file on `device` that another process holds open for writing, from one pass over
    /// `/proc`. A batch of files found by a scan costs one pass this way, not one per file
    /// (each pass reads every descriptor of every process on the machine).
    ///
    /// - Throws: ``SystemCallError`` when `/proc` cannot be listed.
    public func filesOpenForWriting(onDevice device: UInt64) throws(SystemCallError) -> Set<FileID> {
        guard let processes = opendir(procRoot) else {
            throw SystemCallError(
                operation: "cannot look for writers of dropped files in", function: "opendir", path: procRoot,
                errno: errno, advice: "mount /proc, or rely on the settle time alone")
        }
        defer { closedir(processes) }
        var found = Set<FileID>()
        while let entry = readdir(processes) {
            guard let pid = Int32(Self.name(of: entry)), !excludedPIDs.contains(pid) else { continue }
            forEachWriter(in: pid, device: dev_t(device), wanting: { _ in true }) { inode, _ in
                found.insert(FileID(device: device, inode: UInt64(inode)))
            }
        }
        return found
    }

    /// Whether any other process holds `path` open for writing.
    ///
    /// - Parameter path: The file.
    /// - Throws: ``SystemCallError`` when `/proc` cannot be listed.
    public func isOpenForWriting(_ path: String) throws(SystemCallError) -> Bool {
        try !writers(of: path).isEmpty
    }

    private func writers(in pid: Int32, device: dev_t, inode: ino_t) -> [Writer] {
        var found: [Writer] = []
        forEachWriter(in: pid, device: device, wanting: { $0 == inode }) { _, descriptor in
            found.append(Writer(pid: pid, fileDescriptor: descriptor))
        }
        return found
    }

    /// Calls `body` with the inode and descriptor of each file on `device` that `pid` holds
    /// open for writing, among the inodes `wanting` accepts (checked before reading `fdinfo`).
    private func forEachWriter(in pid: Int32, device: dev_t, wanting: (ino_t) -> Bool, _ body: (ino_t, Int32) -> Void) {
        let descriptorFolder = "\(procRoot)/\(pid)/fd"
        // Processes we may not inspect, or that exited meanwhile, are skipped.
        guard let descriptors = opendir(descriptorFolder) else { return }
        defer { closedir(descriptors) }
        var link = [CChar](repeating: 0, count: 4096)
        while let entry = readdir(descriptors) {
            let name = Self.name(of: entry)
            guard let descriptor = Int32(name) else { continue }
            let linkPath = "\(descriptorFolder)/\(name)"
            let length = readlink(linkPath, &link, link.count - 1)
            guard length > 0 else { continue }
            // "socket:[…]", "pipe:[…]", "anon_inode:…" are not files; real paths start with '/'.
            guard link[0] == CChar(UInt8(ascii: "/")) else { continue }
            var status = stat()
            guard stat(linkPath, &status) == 0, status.st_dev == device, wanting(status.st_ino) else { continue }
            if Self.isOpenForWriting(fdinfo: "\(procRoot)/\(pid)/fdinfo/\(name)") {
                body(status.st_ino, descriptor)
            }
        }
    }

    /// Whether an `fdinfo` file's `flags:` line (octal) has `O_WRONLY` or `O_RDWR`.
    static func isOpenForWriting(fdinfo path: String) -> Bool {
        guard let text = readSmallFile(path) else { return false }
        for line in text.split(separator: "\n") where line.hasPrefix("flags:") {
            let digits = line.dropFirst("flags:".count).trimmingCharacters(in: " \t")
            guard let flags = Int32(digits, radix: 8) else { return false }
            return Self.writesFlags(flags)
        }
        return false
    }

    /// Whether open flags grant writing: the access mode is `O_WRONLY` or `O_RDWR`.
    static func writesFlags(_ flags: Int32) -> Bool {
        let mode = flags & O_ACCMODE
        return mode == O_WRONLY || mode == O_RDWR
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
    }

    private static func readSmallFile(_ path: String) -> String? {
        let descriptor = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = retryingOnInterrupt { read(descriptor, &bytes, bytes.count) }
        guard count > 0 else { return nil }
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> Substring {
        var result = self
        while let first = result.first, characters.contains(first) { result.removeFirst() }
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return result
    }
}
