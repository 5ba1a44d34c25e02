#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole (small) text file, such as the configuration file.
///
/// The corresponding C functions are `open` and `read`.
///
/// - Parameter path: The file.
/// - Returns: Its contents decoded as UTF-8, or `nil` when it does not exist (`ENOENT`).
/// - Throws: ``SystemCallError`` when it exists but cannot be read.
public func readTextFile(_ path: String) throws(SystemCallError) -> String? {
    let descriptor = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
    if descriptor < 0 {
        if errno == ENOENT { return nil }
        throw SystemCallError(
            operation: "cannot open", function: "open", path: path, errno: errno,
            advice: "check the file's permissions")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
        let count = retryingOnInterrupt { read(descriptor, &chunk, chunk.count) }
        if count < 0 {
            throw SystemCallError(
                operation: "cannot read", function: "read", path: path, errno: errno,
                advice: "check that the path names a readable file")
        }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}
