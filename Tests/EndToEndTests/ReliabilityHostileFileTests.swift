import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile entries in the drop folder against the real newsdropd (issue 7, item 3); the
/// FIFO/symlink/hard-link cases are in DaemonTests.
@Suite(.serialized) struct ReliabilityHostileFileTests {
    typealias Daemon = DaemonTests.Daemon

    /// The first lines of units (article/duplicate/rejected), by file name.
    func dispositions(_ data: String) -> [String: [[String: Any]]] {
        var out: [String: [[String: Any]]] = [:]
        for o in (try? journalObjects(data)) ?? [] where (o["kind"] as? String) != "event" {
            out[o["file"] as? String ?? "?", default: []].append(o)
        }
        return out
    }

    func started(_ dir: TemporaryDirectory, _ env: [String: String] = [:]) throws -> Daemon {
        let daemon = try Daemon(root: dir.path, environment: ["NEWSDROP_SETTLE_SECONDS": "0.2"].merging(env) { $1 })
        #expect(eventually(within: 60) { FileManager.default.fileExists(atPath: daemon.data + "/status.json") }, "\(daemon.log)")
        return daemon
    }

    func stop(_ daemon: Daemon) {
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 30) == 0, "\(daemon.log)")
    }

    @Test func aSparseFileOfTwoGiBIsRejectedAsTooLargeWithoutBeingRead() throws {
        let dir = TemporaryDirectory()
        let daemon = try started(dir)
        let staged = dir.path + "/sparse.txt"
        let fd = open(staged, O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(fd, 2 << 30) == 0)
        close(fd)
        let start = Date()
        #expect(rename(staged, daemon.drop + "/sparse.txt") == 0)
        #expect(eventually(within: 30) { dispositions(daemon.data)["sparse.txt"] != nil }, "\(daemon.log)")
        #expect(Date().timeIntervalSince(start) < 30 * testTimeScale)
        let record = dispositions(daemon.data)["sparse.txt"]?.first
        #expect(record?["kind"] as? String == "rejected")
        #expect(record?["reason"] as? String == "too-large")
        #expect(record?["bytes"] as? Int == 2 << 30)
        // Moved only after its record is durable: the record can be read a moment before.
        #expect(eventually(within: 10) { FileManager.default.fileExists(atPath: dir.path + "/rejected/sparse.txt") })
        stop(daemon)
    }

    @Test func oddNamesAreIngestedAndEscapedInJSON() throws {
        let dir = TemporaryDirectory()
        let daemon = try started(dir)
        let long = String(repeating: "n", count: 251) + ".txt"  // 255 bytes, the longest name
        let names = ["new\nline.txt", "quote\"s.txt", "back\\slash.txt", "tab\there.txt", "ünïcödé ✓.txt", long, "ctrl\u{01}\u{1F}.txt"]
        for (n, name) in names.enumerated() {
            let staged = dir.file("stage-\(n)", "Report \(n)\n\nA convoy was attacked.\n")
            #expect(rename(staged, daemon.drop + "/" + name) == 0, "\(name)")
        }
        // A name that is not UTF-8: Latin-1 "café.txt".
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let staged = dir.file("stage-latin1", "Report latin1\n\nBody.\n")
        let path = Array((daemon.drop + "/").utf8) + latin1 + [0]
        #expect(path.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { rename(staged, $0) }
        } == 0)
        #expect(eventually(within: 30) { dispositions(daemon.data).count == names.count + 1 }, "\(daemon.log)")
        let d = dispositions(daemon.data)
        for name in names { #expect(d[name]?.first?["kind"] as? String == "article", "\(name): \(d.keys)") }
        #expect(d["caf%E9.txt"]?.first?["kind"] as? String == "article", "\(d.keys)")
        // Every record is one physical line: the newline in a name is escaped as \n.
        let segment = try String(contentsOfFile: daemon.data + "/journal/0000000000000001.jsonl", encoding: .utf8)
        #expect(segment.contains(#""file":"new\nline.txt""#))
        #expect(segment.contains(#""file":"quote\"s.txt""#))
        let controlEscaped = segment.lowercased().contains(#""file":"ctrl\u0001\u001f.txt""#)
        #expect(controlEscaped)
        #expect(eventually(within: 10) { (try? FileManager.default.contentsOfDirectory(atPath: daemon.drop))?.isEmpty == true })
        stop(daemon)
    }

    @Test func aFileIsTakenOnlyOnceItsWriterClosesIt() throws {
        let dir = TemporaryDirectory()
        let daemon = try started(dir)
        let fd = open(daemon.drop + "/open.txt", O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        var total = 0
        for n in 0..<10 {
            let line = "Line \(n) of an article still being written.\n"
            total += line.utf8.count
            _ = line.withCString { write(fd, $0, strlen($0)) }
            usleep(100_000)
        }
        #expect(dispositions(daemon.data)["open.txt"] == nil, "taken while its writer still had it open")
        close(fd)
        #expect(eventually(within: 30) { dispositions(daemon.data)["open.txt"] != nil }, "\(daemon.log)")
        #expect(dispositions(daemon.data)["open.txt"]?.first?["bytes"] as? Int == total)
        stop(daemon)
    }

    @Test func aFileHeldOpenAcrossARestartWaitsForItsWriter() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/in", withIntermediateDirectories: true)
        let fd = open(dir.path + "/in/held.txt", O_WRONLY | O_CREAT, 0o644)
        _ = "Held open\n\nfirst half. ".withCString { write(fd, $0, strlen($0)) }
        let daemon = try started(dir)
        usleep(1_500_000)  // well past settle_seconds: only the open writer keeps it back
        #expect(dispositions(daemon.data)["held.txt"] == nil, "a file open for writing was taken: \(daemon.log)")
        _ = "Second half.\n".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        #expect(eventually(within: 30) { dispositions(daemon.data)["held.txt"] != nil }, "\(daemon.log)")
        #expect(dispositions(daemon.data)["held.txt"]?.first?["bytes"] as? Int == 36)
        stop(daemon)
    }

    @Test func filesDeletedBeforeTheyAreReadLeaveNoRecordAndDoNotStopTheDaemon() throws {
        let dir = TemporaryDirectory()
        let daemon = try started(dir)
        for n in 0..<50 {
            let path = daemon.drop + "/gone-\(n).txt"
            _ = FileManager.default.createFile(atPath: path, contents: Data("Gone \(n)\n".utf8))
            unlink(path)
        }
        let staged = dir.file("stay", "Stays\n\nBody.\n")
        #expect(rename(staged, daemon.drop + "/stay.txt") == 0)
        #expect(eventually(within: 30) { dispositions(daemon.data)["stay.txt"] != nil }, "\(daemon.log)")
        let d = dispositions(daemon.data)
        #expect(d["stay.txt"]?.count == 1)
        // A file may be read just before its dropper deletes it: then it has its one record.
        for (name, records) in d where name != "stay.txt" {
            #expect(name.hasPrefix("gone-") && records.count == 1, "\(name): \(records.count)")
        }
        #expect(daemon.process.isRunning)
        stop(daemon)
    }

    @Test func aFolderInTheDropFolderIsLeftAloneAndLogged() throws {
        let dir = TemporaryDirectory()
        let daemon = try started(dir)
        #expect(mkdir(daemon.drop + "/sub", 0o755) == 0)
        _ = FileManager.default.createFile(atPath: daemon.drop + "/sub/inner.txt", contents: Data("Inner\n".utf8))
        let staged = dir.file("after", "After\n\nBody.\n")
        #expect(rename(staged, daemon.drop + "/after.txt") == 0)
        #expect(eventually(within: 30) { dispositions(daemon.data)["after.txt"] != nil }, "\(daemon.log)")
        #expect(dispositions(daemon.data)["sub"] == nil)
        #expect(dispositions(daemon.data)["inner.txt"] == nil)
        #expect(FileManager.default.fileExists(atPath: daemon.drop + "/sub/inner.txt"))
        stop(daemon)
        #expect(daemon.log.contains("is a folder"))
    }

    @Test func aFiftyMegabyteLineOverTheLimitIsRejectedQuickly() throws {
        let dir = TemporaryDirectory()
        let daemon = try started(dir)
        let staged = dir.path + "/line.txt"
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: 50_000_000)
        for i in stride(from: 7, to: line.count, by: 8) { line[i] = UInt8(ascii: " ") }
        _ = FileManager.default.createFile(atPath: staged, contents: Data(line))
        #expect(rename(staged, daemon.drop + "/line.txt") == 0)
        #expect(eventually(within: 30) { dispositions(daemon.data)["line.txt"] != nil }, "\(daemon.log)")
        #expect(dispositions(daemon.data)["line.txt"]?.first?["reason"] as? String == "too-large")
        stop(daemon)
    }

    @Test func aFileTheServiceUserMayNotReadIsRejectedAsUnreadable() throws {
        // As root every file is readable: run the daemon as nobody (needs root to switch).
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let dir = TemporaryDirectory()
        #expect(chmod(dir.path, 0o777) == 0)
        for sub in ["in", "data", "rejected"] {
            #expect(mkdir(dir.path + "/" + sub, 0o777) == 0)
            #expect(chown(dir.path + "/" + sub, 65534, 65534) == 0)
        }
        let secret = dir.path + "/secret.txt"
        _ = FileManager.default.createFile(atPath: secret, contents: Data("Secret\n".utf8))
        #expect(chmod(secret, 0o600) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Binaries.newsdropd,
                             "--drop-dir", dir.path + "/in", "--data-dir", dir.path + "/data"]
        var env = ProcessInfo.processInfo.environment
        env["NEWSDROP_SETTLE_SECONDS"] = "0.2"
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "INVOCATION_ID", "JOURNAL_STREAM"] { env[key] = nil }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
        #expect(eventually(within: 60) { FileManager.default.fileExists(atPath: dir.path + "/data/status.json") })
        #expect(rename(secret, dir.path + "/in/secret.txt") == 0)
        #expect(eventually(within: 30) { dispositions(dir.path + "/data")["secret.txt"] != nil })
        let record = dispositions(dir.path + "/data")["secret.txt"]?.first
        #expect(record?["reason"] as? String == "unreadable")
        let message = record?["message"] as? String ?? ""
        #expect(message.contains("Permission denied"))
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
