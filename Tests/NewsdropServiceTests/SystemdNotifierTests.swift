import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsdropService

/// libsystemd reads `NOTIFY_SOCKET` and `WATCHDOG_*` from the real process environment, so
/// these tests set it with `setenv` and run one at a time; each restores what it changed.
@Suite(.serialized)
struct SystemdNotifierTests {
    /// Runs `body` with a bound notify socket exported as `NOTIFY_SOCKET`.
    private func withNotifySocket(_ body: (SystemdNotifier, NotifySocket) throws -> Void) async throws {
        try await withTemporaryFolder { folder in
            let socket = try NotifySocket(path: folder + "/notify.sock")
            setenv("NOTIFY_SOCKET", socket.path, 1)
            defer { unsetenv("NOTIFY_SOCKET") }
            try body(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path]), socket)
        }
    }

    @Test func withoutNotifySocketNothingIsSentAndNoErrorRaised() throws {
        let notifier = SystemdNotifier(environment: ["HOME": "/root"])
        #expect(!notifier.isActive)
        #expect(try notifier.ready(status: "x") == false)
        #expect(try notifier.watchdog() == false)
    }

    @Test func readySendsReadyAndStatusInOneDatagram() async throws {
        try await withNotifySocket { notifier, socket in
            #expect(notifier.isActive)
            let sent = try notifier.ready(status: "watching /srv/in")
            #expect(sent)
            #expect(socket.receive() == "READY=1\nSTATUS=watching /srv/in")
        }
    }

    @Test func statusIsKeptOnOneLine() async throws {
        try await withNotifySocket { notifier, socket in
            try notifier.status("3 ingested\nqueue 0")
            #expect(socket.receive() == "STATUS=3 ingested queue 0")
        }
    }

    @Test func stoppingWatchdogAndExtendTimeoutSendTheirAssignments() async throws {
        try await withNotifySocket { notifier, socket in
            try notifier.stopping()
            #expect(socket.receive() == "STOPPING=1")
            try notifier.watchdog()
            #expect(socket.receive() == "WATCHDOG=1")
            try notifier.extendTimeout(.milliseconds(2500))
            #expect(socket.receive() == "EXTEND_TIMEOUT_USEC=2500000")
        }
    }

    @Test func reloadingCarriesTheMonotonicClockInTheSameMessage() async throws {
        try await withNotifySocket { notifier, socket in
            let before = SystemdNotifier.monotonicMicroseconds()
            try notifier.reloading()
            let after = SystemdNotifier.monotonicMicroseconds()
            let message = try #require(socket.receive())
            let lines = message.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.first == "RELOADING=1")
            let value = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
            #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
            #expect(before <= value && value <= after)
        }
    }

    @Test func aMissingSocketIsReportedAsAnErrorNamingIt() async throws {
        try await withTemporaryFolder { folder in
            let missing = folder + "/nobody-listens.sock"
            setenv("NOTIFY_SOCKET", missing, 1)
            defer { unsetenv("NOTIFY_SOCKET") }
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": missing])
            let error = #expect(throws: SystemCallError.self) { try notifier.ready() }
            #expect(error?.description.contains(missing) == true)
            #expect(error?.function == "sd_notify")
        }
    }

    @Test func watchdogScheduleHonoursWatchdogUsecAndPid() throws {
        setenv("WATCHDOG_USEC", "4000000", 1)
        setenv("WATCHDOG_PID", "\(getpid())", 1)
        defer {
            unsetenv("WATCHDOG_USEC")
            unsetenv("WATCHDOG_PID")
        }
        let schedule = try #require(try WatchdogSchedule.current())
        #expect(schedule.timeout == .seconds(4))
        #expect(schedule.pingInterval == .seconds(2))
        // Not unset: a second reading (or a child process) sees the same.
        #expect(try WatchdogSchedule.current() == schedule)

        setenv("WATCHDOG_PID", "\(getpid() + 1)", 1)
        #expect(try WatchdogSchedule.current() == nil)
    }

    @Test func noWatchdogWithoutWatchdogUsec() throws {
        unsetenv("WATCHDOG_USEC")
        unsetenv("WATCHDOG_PID")
        #expect(try WatchdogSchedule.current() == nil)
    }

    @Test func aPingIsDueAfterHalfTheTimeout() {
        let schedule = WatchdogSchedule(timeout: .seconds(10))
        let start = ContinuousClock.now
        #expect(!schedule.isDue(lastPing: start, now: start + .seconds(4)))
        #expect(schedule.isDue(lastPing: start, now: start + .seconds(5)))
    }
}
