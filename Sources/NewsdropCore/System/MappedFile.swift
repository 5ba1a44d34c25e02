#if canImport(Glibc)
import Glibc
#endif

/// A read-only mapping of a file's first `length` bytes. Committed bytes of a segment are never
/// truncated (recovery cuts only what no `.idx` entry covers), so the mapping stays valid.
final class MappedFile {
    private let base: UnsafeMutableRawPointer?
    private let length: Int

    init(path: String, length: Int) throws(SystemError) {
        self.length = length
        guard length > 0 else {
            base = nil
            return
        }
        let fd = try Syscalls.open(path, O_RDONLY)
        defer { Syscalls.close(fd) }
        let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
        if p == MAP_FAILED { throw SystemError("map", path: path, errno: errno) }
        base = p
        _ = madvise(p, length, MADV_SEQUENTIAL)
    }

    deinit {
        if let base { munmap(base, length) }
    }

    /// A copy of `count` bytes at `offset` (which must lie within the mapped length).
    func bytes(at offset: Int, count: Int) -> ArraySlice<UInt8> {
        guard let base, offset + count <= length else { return [] }
        return ArraySlice(UnsafeRawBufferPointer(start: base + offset, count: count))
    }
}
