#if canImport(Glibc)
import Glibc
#endif

/// Buffered standard output that ends the program quietly when the reader goes away
/// (`| head -1`): EPIPE exits 0, like `cat` under `head`.
final class Output {
    // Safe: the CLI runs its command synchronously on the main thread; nothing else touches
    // standard output.
    nonisolated(unsafe) static let standard = Output(fd: 1)
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write<C: Collection>(bytes: C) where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EPIPE { Glibc.exit(0) }
            break
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// One line on stderr, unbuffered.
    static func error(_ line: String) {
        let text = Array((line + "\n").utf8)
        _ = text.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
