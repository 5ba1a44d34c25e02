import CSystemd

/// When to send `WATCHDOG=1`: half of the interval systemd's `WatchdogSec=` asks for.
///
/// Read it once at start-up with ``current()``. `nil` means no watchdog is configured for this
/// process (`WATCHDOG_USEC` unset, or `WATCHDOG_PID` names another process).
///
/// ```swift
/// let schedule = try WatchdogSchedule.current()
/// var lastPing = ContinuousClock.now
/// // in the processing loop:
/// if let schedule, schedule.isDue(lastPing: lastPing, now: .now) {
///     try? notifier.watchdog(); lastPing = .now
/// }
/// ```
public struct WatchdogSchedule: Sendable, Equatable {
    /// The watchdog timeout systemd enforces.
    public let timeout: Duration

    /// How often to ping: half of ``timeout``, as `sd_watchdog_enabled(3)` recommends.
    public var pingInterval: Duration { timeout / 2 }

    /// Creates a schedule for a known timeout.
    ///
    /// - Parameter timeout: The watchdog timeout; must be positive.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// The schedule systemd configured for this process, or `nil` when there is none.
    ///
    /// Honours `WATCHDOG_USEC` and `WATCHDOG_PID` and leaves them in the environment.
    /// The corresponding C function is `sd_watchdog_enabled`.
    ///
    /// - Throws: ``SystemCallError`` when the variables are set but malformed.
    public static func current() throws(SystemCallError) -> WatchdogSchedule? {
        var usec: UInt64 = 0
        let result = sd_watchdog_enabled(0, &usec)
        if result < 0 {
            throw SystemCallError(
                operation: "cannot read the watchdog settings from WATCHDOG_USEC/WATCHDOG_PID",
                function: "sd_watchdog_enabled",
                errno: -result,
                advice: "check WatchdogSec= in the unit; the service runs without watchdog pings")
        }
        guard result > 0, usec > 0 else { return nil }
        return WatchdogSchedule(timeout: .microseconds(Int64(clamping: usec)))
    }

    /// Whether a ping is due.
    ///
    /// - Parameters:
    ///   - lastPing: When the last `WATCHDOG=1` was sent (or the service started).
    ///   - now: The current time.
    /// - Returns: `true` once ``pingInterval`` has passed since `lastPing`.
    public func isDue(lastPing: ContinuousClock.Instant, now: ContinuousClock.Instant) -> Bool {
        now - lastPing >= pingInterval
    }
}
