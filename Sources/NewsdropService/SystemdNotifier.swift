import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the service is doing, through libsystemd's `sd_notify` (the
/// `Type=notify` protocol).
///
/// Create one at start-up from the process environment and share it freely: it is a value
/// holding only whether `NOTIFY_SOCKET` was set. When it was not (run by hand), every method
/// does nothing and returns `false`, so callers need no `if` of their own.
///
/// libsystemd reads `NOTIFY_SOCKET` from the process's real environment, not from the
/// dictionary given to ``init(environment:)``; pass `ProcessInfo.processInfo.environment`
/// in the daemon. The environment is never unset (`unset_environment` is 0), so child
/// processes and later calls keep working.
///
/// ```swift
/// let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
/// try notifier.ready(status: "watching /var/spool/newsdrop/incoming")
/// ```
public struct SystemdNotifier: Sendable {
    /// The notification socket's address from the environment (`NOTIFY_SOCKET`), if any.
    public let socketAddress: String?

    /// Creates a notifier for the given environment.
    ///
    /// - Parameter environment: The process environment; only `NOTIFY_SOCKET` is read.
    public init(environment: [String: String]) {
        if let address = environment["NOTIFY_SOCKET"], !address.isEmpty {
            socketAddress = address
        } else {
            socketAddress = nil
        }
    }

    /// Whether a service manager listens: `NOTIFY_SOCKET` was set.
    public var isActive: Bool { socketAddress != nil }

    /// Reports that start-up finished (`READY=1`), with a status line.
    ///
    /// Send it after journal recovery, the watch and the catch-up scan; and again after a
    /// reload finished.
    ///
    /// - Parameter status: A one-line status for `systemctl status`, or `nil` for none.
    /// - Returns: `true` if the message was sent, `false` if no service manager listens.
    /// - Throws: ``SystemCallError`` when the socket exists but the message could not be sent.
    @discardableResult
    public func ready(status: String? = nil) throws(SystemCallError) -> Bool {
        var lines = ["READY=1"]
        if let status { lines.append("STATUS=\(Self.oneLine(status))") }
        return try send(lines)
    }

    /// Updates the status line `systemctl status` shows (`STATUS=`).
    ///
    /// - Parameter text: Counts, queue depth and the like, on one line.
    /// - Returns: `true` if the message was sent, `false` if no service manager listens.
    /// - Throws: ``SystemCallError`` when the message could not be sent.
    @discardableResult
    public func status(_ text: String) throws(SystemCallError) -> Bool {
        try send(["STATUS=\(Self.oneLine(text))"])
    }

    /// Reports that the service begins to shut down (`STOPPING=1`).
    ///
    /// - Returns: `true` if the message was sent, `false` if no service manager listens.
    /// - Throws: ``SystemCallError`` when the message could not be sent.
    @discardableResult
    public func stopping() throws(SystemCallError) -> Bool {
        try send(["STOPPING=1"])
    }

    /// Reports that the service reloads its configuration: `RELOADING=1` together with
    /// `MONOTONIC_USEC=` (the current `CLOCK_MONOTONIC` time in microseconds), in one message,
    /// as systemd 253+ requires and 252 accepts. Send ``ready(status:)`` when done.
    ///
    /// - Returns: `true` if the message was sent, `false` if no service manager listens.
    /// - Throws: ``SystemCallError`` when the message could not be sent.
    @discardableResult
    public func reloading() throws(SystemCallError) -> Bool {
        try send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// Asks for more time to start, reload or stop (`EXTEND_TIMEOUT_USEC=`).
    ///
    /// The extension counts from now; send it again before it runs out while a long catch-up
    /// scan runs.
    ///
    /// - Parameter duration: How much longer from now the service needs.
    /// - Returns: `true` if the message was sent, `false` if no service manager listens.
    /// - Throws: ``SystemCallError`` when the message could not be sent.
    @discardableResult
    public func extendTimeout(_ duration: Duration) throws(SystemCallError) -> Bool {
        try send(["EXTEND_TIMEOUT_USEC=\(Self.microseconds(duration))"])
    }

    /// Tells the watchdog the service is alive (`WATCHDOG=1`).
    ///
    /// Call it from the processing path, at ``WatchdogSchedule/pingInterval``, so a hung
    /// pipeline stops the pings and systemd restarts the service.
    ///
    /// - Returns: `true` if the message was sent, `false` if no service manager listens.
    /// - Throws: ``SystemCallError`` when the message could not be sent.
    @discardableResult
    public func watchdog() throws(SystemCallError) -> Bool {
        try send(["WATCHDOG=1"])
    }

    /// Sends a notification made of `FIELD=value` lines as one datagram.
    ///
    /// The corresponding C function is `sd_notify`.
    ///
    /// - Parameter lines: The assignments, without newlines inside.
    /// - Returns: `true` if the message was sent, `false` if no service manager listens.
    /// - Throws: ``SystemCallError`` when libsystemd reports an error.
    @discardableResult
    public func send(_ lines: [String]) throws(SystemCallError) -> Bool {
        guard isActive else { return false }
        let message = lines.joined(separator: "\n")
        let result = sd_notify(0, message)
        if result < 0 {
            throw SystemCallError(
                operation: "cannot notify the service manager at",
                function: "sd_notify",
                path: socketAddress,
                errno: -result,
                advice: "systemd may not see this service's state; check NOTIFY_SOCKET and NotifyAccess= in the unit")
        }
        return result > 0
    }

    /// The current `CLOCK_MONOTONIC` time in microseconds, as `MONOTONIC_USEC=` wants it.
    public static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    /// A duration in whole microseconds, never negative.
    static func microseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 { return 0 }
        return UInt64(seconds) * 1_000_000 + UInt64(attoseconds / 1_000_000_000_000)
    }

    /// Status text must stay on one line: a newline would start a new assignment.
    static func oneLine(_ text: String) -> String {
        text.replacingNewlines()
    }
}
