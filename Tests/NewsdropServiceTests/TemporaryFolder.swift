import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` with a fresh folder under the system's temporary folder, removed afterwards.
///
/// - Parameter body: Receives the folder's absolute path (short enough for a socket address).
func withTemporaryFolder<T>(_ body: (String) async throws -> T) async throws -> T {
    var template = Array("/tmp/newsdrop-svc-XXXXXX".utf8CString)
    guard let created = mkdtemp(&template) else {
        throw TestFailure("cannot create a temporary folder: \(String(cString: strerror(errno)))")
    }
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// A failed test precondition, with a message.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes `text` to `path`, creating or replacing it, and closes it (one `IN_CLOSE_WRITE`).
///
/// Opened close-on-exec: other tests spawn child processes meanwhile, and a child that
/// inherited this descriptor would hold the file open for writing (``OpenWriterProbe`` sees it).
func writeFile(_ path: String, _ text: String = "Some article text.\n") throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw TestFailure("cannot open \(path): \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    guard write(descriptor, bytes, bytes.count) == bytes.count else {
        throw TestFailure("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}

/// Sets a file's modification time to `secondsAgo` seconds before now.
func setModificationTime(_ path: String, secondsAgo: Double) throws {
    try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: path)
}

/// Polls `condition` every few milliseconds until it holds or `timeout` (times
/// ``testTimeScale``) passes.
///
/// - Returns: Whether the condition held before the deadline.
func eventually(timeout: Duration = .seconds(5), _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout * testTimeScale
    while true {
        if try condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
}
