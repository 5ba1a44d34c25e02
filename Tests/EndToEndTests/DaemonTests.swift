import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real newsdropd on temp folders.
@Suite(.serialized) struct DaemonTests {
    final class Daemon {
        let process = Process()
        let root: String
        var drop: String { root + "/in" }
        var data: String { root + "/data" }

        init(root: String, environment extra: [String: String] = [:], arguments: [String] = []) throws {
            self.root = root
            process.executableURL = URL(fileURLWithPath: Binaries.newsdropd)
            process.arguments = ["--drop-dir", drop, "--data-dir", data] + arguments
            var env = ProcessInfo.processInfo.environment
            for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID", "JOURNAL_STREAM"] { env[key] = nil }
            env["NEWSDROP_CONFIG"] = nil
            for (k, v) in extra { env[k] = v }
            process.environment = env
            let log = root + "/daemon.log"
            if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            handle.seekToEndOfFile()
            process.standardError = handle
            process.standardOutput = handle
            try process.run()
        }

        func signal(_ signo: Int32) { kill(process.processIdentifier, signo) }

        func waitForExit(within seconds: Double) -> Int32? {
            guard eventually(within: seconds, { !process.isRunning }) else { return nil }
            return process.terminationStatus
        }

        var log: String { (try? String(contentsOfFile: root + "/daemon.log", encoding: .utf8)) ?? "" }

        deinit {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
    }

    /// Kinds of the committed first lines of units, by file name.
    func dispositions(_ data: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for o in try journalObjects(data) where (o["kind"] as? String) != "event" {
            out[o["file"] as? String ?? "?", default: []].append(o["kind"] as? String ?? "?")
        }
        return out
    }

    @Test func speaksTheNotifyProtocolAndIngestsDropsWithinASecond() throws {
        let dir = TemporaryDirectory()
        let socket = NotifySocket(path: dir.path + "/notify.sock")
        let daemon = try Daemon(root: dir.path, environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "1000000"])
        #expect(socket.waitFor("READY=1", within: 10), "\(daemon.log)")
        #expect(socket.messages.joined().contains("STATUS="))
        #expect(socket.waitFor("WATCHDOG=1", within: 3))

        // By copy (close-after-write) and by rename-in.
        let seeds = Binaries.repository + "/seeds"
        try FileManager.default.copyItem(atPath: seeds + "/000_7e37a96c67a979a1.txt", toPath: daemon.drop + "/copied.txt")
        try FileManager.default.copyItem(atPath: seeds + "/001_05f6425159b5880d.txt", toPath: dir.path + "/staged.txt")
        #expect(rename(dir.path + "/staged.txt", daemon.drop + "/renamed.txt") == 0)
        // A temp name waits until renamed.
        try FileManager.default.copyItem(atPath: seeds + "/002_698c18c661dd443e.txt", toPath: daemon.drop + "/.partial.tmp")
        #expect(eventually(within: 1.5) { ((try? dispositions(daemon.data)) ?? [:]).count == 2 }, "\(daemon.log)")
        #expect(try dispositions(daemon.data)[".partial.tmp"] == nil)
        #expect(rename(daemon.drop + "/.partial.tmp", daemon.drop + "/final.txt") == 0)
        // A duplicate and a binary file.
        try FileManager.default.copyItem(atPath: seeds + "/000_7e37a96c67a979a1.txt", toPath: daemon.drop + "/again.txt")
        _ = FileManager.default.createFile(atPath: daemon.drop + "/image.bin", contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13]))
        #expect(eventually(within: 2) { ((try? dispositions(daemon.data)) ?? [:]).count == 5 }, "\(daemon.log)")
        let d = try dispositions(daemon.data)
        #expect(d["copied.txt"] == ["article"])
        #expect(d["renamed.txt"] == ["article"])
        #expect(d["final.txt"] == ["article"])
        #expect(d["again.txt"] == ["duplicate"])
        #expect(d["image.bin"] == ["rejected"])
        #expect(eventually(within: 1) { (try? FileManager.default.contentsOfDirectory(atPath: daemon.drop))?.isEmpty == true })
        #expect(FileManager.default.fileExists(atPath: dir.path + "/rejected/image.bin"))

        // SIGHUP: RELOADING=1 with MONOTONIC_USEC, then READY=1 again.
        let before = socket.messages.count
        daemon.signal(SIGHUP)
        #expect(socket.waitFor("RELOADING=1", after: before, within: 3))
        #expect(socket.messages.dropFirst(before).joined().contains("MONOTONIC_USEC="))
        #expect(socket.waitFor("READY=1", after: before + 1, within: 30))

        // SIGTERM: STOPPING=1 and exit 0.
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 5) == 0)
        #expect(socket.waitFor("STOPPING=1", within: 1))
        #expect(try run(Binaries.newsdrop, ["verify", "--data-dir", daemon.data]).status == 0)
    }

    /// Whether process `pid` has a handler for `signo` (`SigCgt:` in /proc/PID/status).
    static func catches(_ pid: Int32, _ signo: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
            let mask = UInt64(line.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signo - 1)) != 0
    }

    @Test func aStopWhileTheConfigurationIsReadEndsWithStoppingAndExitZero() throws {
        let dir = TemporaryDirectory()
        // A config file that is a FIFO nobody writes: reading the configuration blocks for good,
        // so the stop is sure to land before the daemon has opened anything.
        let config = dir.path + "/newsdrop.conf"
        #expect(mkfifo(config, 0o644) == 0)
        let socket = NotifySocket(path: dir.path + "/notify.sock")
        let daemon = try Daemon(root: dir.path, environment: ["NOTIFY_SOCKET": socket.path], arguments: ["--config", config])
        let pid = daemon.process.processIdentifier
        // Before main installs its handler only dynamic loading runs; wait for the handler.
        #expect(eventually(within: 10) { Self.catches(pid, SIGTERM) || !daemon.process.isRunning },
                "newsdropd never took over SIGTERM during start-up: a stop now would kill it. \(daemon.log)")
        usleep(50_000)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 5) == 0, "\(daemon.log)")
        #expect(daemon.process.terminationReason == .exit, "killed by the signal instead of exiting")
        #expect(socket.waitFor("STOPPING=1", within: 1))
        socket.drain()
        #expect(!socket.messages.joined(separator: "\n").contains("READY=1"))
        #expect(!FileManager.default.fileExists(atPath: daemon.data), "the data folder was made before the stop")
    }

    @Test func aStopWhileTheJournalAndDictionariesLoadEndsWithoutReady() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/in", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir.path + "/in/waiting.txt", contents: Data("Report\nText.\n".utf8))
        let socket = NotifySocket(path: dir.path + "/notify.sock")
        // The real dictionaries: loading them takes ~0.5 s (more in a debug build).
        let daemon = try Daemon(root: dir.path, environment: ["NOTIFY_SOCKET": socket.path],
                                arguments: ["--dictionaries-dirs", Binaries.repository + "/dictionaries"])
        // The configuration summary is logged as start-up begins, before the journal is opened.
        #expect(eventually(within: 10) { daemon.log.contains("drop_dir = ") || !daemon.process.isRunning }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        let started = Date()
        #expect(daemon.waitForExit(within: 5) == 0, "\(daemon.log)")
        #expect(Date().timeIntervalSince(started) < 3 * testTimeScale, "the stop waited for more than the step in progress")
        #expect(socket.waitFor("STOPPING=1", within: 1))
        socket.drain()
        #expect(!socket.messages.joined(separator: "\n").contains("READY=1"), "\(socket.messages)")
        #expect(daemon.log.contains("stopped during start-up"), "\(daemon.log)")
        // Nothing was taken: the file waits for the next start, and the journal is sound.
        #expect(FileManager.default.fileExists(atPath: dir.path + "/in/waiting.txt"))
        #expect(try run(Binaries.newsdrop, ["verify", "--data-dir", daemon.data]).status == 0)
    }

    @Test func symlinksFIFOsAndHardLinksEndAsDocumented() throws {
        let dir = TemporaryDirectory()
        let daemon = try Daemon(root: dir.path)
        #expect(eventually(within: 30) { FileManager.default.fileExists(atPath: daemon.data + "/status.json") })
        let outside = dir.file("outside.txt", "An article kept outside the drop folder.\n")
        try FileManager.default.createSymbolicLink(atPath: daemon.drop + "/shadow", withDestinationPath: "/etc/shadow")
        try FileManager.default.createSymbolicLink(atPath: daemon.drop + "/link.txt", withDestinationPath: outside)
        #expect(mkfifo(daemon.drop + "/pipe", 0o644) == 0)
        #expect(link(outside, daemon.drop + "/hardlink.txt") == 0)
        _ = FileManager.default.createFile(atPath: daemon.drop + "/quote\"and\nnewline.txt", contents: Data("Odd name\n".utf8))
        #expect(eventually(within: 3) { ((try? dispositions(daemon.data)) ?? [:]).count == 5 }, "\(daemon.log)")
        let d = try dispositions(daemon.data)
        #expect(d["shadow"] == ["rejected"])
        #expect(d["link.txt"] == ["rejected"])
        #expect(d["pipe"] == ["rejected"])
        #expect(d["hardlink.txt"] == ["article"])
        #expect(d["quote\"and\nnewline.txt"] == ["article"])
        // The symlinks were moved, not followed: their targets are untouched.
        #expect(FileManager.default.fileExists(atPath: outside))
        // The move to rejected/ follows the commit of the record.
        #expect(eventually(within: 10) { (try? FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/rejected/shadow")) != nil })
        let moved = try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/rejected/shadow")
        #expect(moved == "/etc/shadow")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 5) == 0)
    }

    @Test func filesDroppedWhileStoppedAreTakenAtStart() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/in", withIntermediateDirectories: true)
        for i in 0..<20 {
            _ = FileManager.default.createFile(atPath: dir.path + "/in/\(i).txt", contents: Data("Report \(i)\nText.\n".utf8))
        }
        // Old enough to be settled.
        var times = [timespec(tv_sec: 1_600_000_000, tv_nsec: 0), timespec(tv_sec: 1_600_000_000, tv_nsec: 0)]
        for i in 0..<20 { _ = utimensat(AT_FDCWD, dir.path + "/in/\(i).txt", &times, 0) }
        let daemon = try Daemon(root: dir.path)
        #expect(eventually(within: 5) { ((try? dispositions(daemon.data)) ?? [:]).count == 20 }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 5) == 0)
    }

    @Test func killedAtRandomWhileFilesArriveEveryFileEndsExactlyOnce() throws {
        let dir = TemporaryDirectory()
        let incoming = dir.path + "/in"
        try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)
        var dropped: [String: String] = [:]  // name → kind expected family
        var n = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let daemon = try Daemon(root: dir.path)
            // Files arrive while it runs: new articles, duplicates of earlier ones, empties.
            for _ in 0..<15 {
                n += 1
                let name = "r\(round)-\(n).txt"
                let staged = dir.path + "/" + name
                switch n % 5 {
                case 0: _ = FileManager.default.createFile(atPath: staged, contents: Data())
                case 1 where n > 5: _ = FileManager.default.createFile(atPath: staged, contents: Data("Report \(n - 5)\nBody.\n".utf8))
                default: _ = FileManager.default.createFile(atPath: staged, contents: Data("Report \(n)\nBody.\n".utf8))
                }
                rename(staged, incoming + "/" + name)
                dropped[name] = name
                if Int.random(in: 0..<4, using: &generator) == 0 { usleep(UInt32.random(in: 0..<20_000, using: &generator)) }
            }
            usleep(UInt32.random(in: 0..<150_000, using: &generator))
            daemon.signal(SIGKILL)
            _ = daemon.waitForExit(within: 5)
        }
        // A clean run finishes whatever is left.
        let daemon = try Daemon(root: dir.path)
        #expect(eventually(within: 15) { (try? FileManager.default.contentsOfDirectory(atPath: incoming))?.isEmpty == true }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 5) == 0)
        let d = try dispositions(dir.path + "/data")
        for name in dropped.keys {
            #expect(d[name]?.count == 1, "\(name): \(d[name] ?? [])")
        }
        #expect(d.count == dropped.count)
        let verify = try run(Binaries.newsdrop, ["verify", "--data-dir", dir.path + "/data"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
