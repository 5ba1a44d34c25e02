import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An `AF_UNIX` datagram socket standing in for systemd's notify socket: what `sd_notify` sends
/// arrives here as it would at PID 1.
final class NotifySocket {
    let path: String
    private let fd: Int32
    private(set) var messages: [String] = []

    init(path: String) {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        precondition(fd >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        precondition(bound == 0, "bind \(path): \(errno)")
        var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads what has arrived (waiting up to 50 ms).
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 4096, 0) }
            if n <= 0 { return }
            messages.append(String(decoding: buffer[0..<n], as: UTF8.self))
        }
    }

    /// Waits until a message has a line starting with `prefix`, up to `seconds`.
    func waitFor(_ prefix: String, after index: Int = 0, within seconds: Double) -> Bool {
        eventually(within: seconds) {
            drain()
            return messages.dropFirst(index).contains { $0.split(separator: "\n").contains { $0.hasPrefix(prefix) } }
        }
    }

    deinit {
        close(fd)
        unlink(path)
    }
}
