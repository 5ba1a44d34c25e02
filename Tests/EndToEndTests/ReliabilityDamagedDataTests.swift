import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A damaged data folder (issue 7, item 4): the daemon repairs only a provable torn tail and
/// otherwise refuses with a message; `newsdrop verify` pinpoints the damage.
@Suite(.serialized) struct ReliabilityDamagedDataTests {
    typealias Daemon = DaemonTests.Daemon

    /// A data folder with `count` committed units (one article each), made by `newsdrop ingest`.
    func journal(_ dir: TemporaryDirectory, count: Int = 6) throws -> String {
        var files: [String] = []
        for n in 0..<count {
            files.append(dir.file("a\(n).txt", "Report \(n)\n\nA convoy was attacked near Abu Kamal, Tasnim reported.\n"))
        }
        let data = dir.path + "/data"
        let r = try run(Binaries.newsdrop, ["ingest", "--data-dir", data, "--quiet"] + files)
        #expect(r.status == 0, "\(r.stderr)")
        return data
    }

    var segment: String { "/journal/0000000000000001.jsonl" }
    var index: String { "/journal/0000000000000001.idx" }

    /// The byte offsets where each line of the segment starts.
    func lineStarts(_ path: String) throws -> [Int] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A && i + 1 < bytes.count { starts.append(i + 1) }
        return starts
    }

    func flipByte(_ path: String, at offset: Int) {
        let fd = open(path, O_RDWR)
        var byte: UInt8 = 0
        _ = pread(fd, &byte, 1, off_t(offset))
        byte ^= 0x01
        _ = pwrite(fd, &byte, 1, off_t(offset))
        close(fd)
    }

    func verify(_ data: String) throws -> RunResult {
        try run(Binaries.newsdrop, ["verify", "--data-dir", data])
    }

    /// Starts the daemon and waits for it to be ready or to exit; returns its exit status if it exited.
    func startDaemon(_ dir: TemporaryDirectory) throws -> (Daemon, Int32?) {
        let daemon = try Daemon(root: dir.path, environment: ["NEWSDROP_SETTLE_SECONDS": "0.2"])
        _ = eventually(within: 60) { daemon.log.contains("watching ") || !daemon.process.isRunning }
        return (daemon, daemon.process.isRunning ? nil : daemon.process.terminationStatus)
    }

    @Test func aFlippedByteInsideACommittedUnitIsPinpointedByVerify() throws {
        let dir = TemporaryDirectory()
        let data = try journal(dir)
        let starts = try lineStarts(data + segment)
        #expect(try verify(data).status == 0)
        // A byte in the middle of the second unit's first line (a title character).
        let unitStarts = try journalObjects(data).enumerated().filter { ($0.element["kind"] as? String) != "event" }.map { starts[$0.offset] }
        let target = unitStarts[1] + 40
        flipByte(data + segment, at: target)
        let r = try verify(data)
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains("0000000000000001.jsonl"), "\(r.stdout)\(r.stderr)")
        #expect((r.stdout + r.stderr).contains("at byte \(unitStarts[1])"), "\(r.stdout)\(r.stderr)")
    }

    @Test func aFlippedByteInTheLastCommittedUnitStopsTheDaemonWithWhereAndWhatToRun() throws {
        let dir = TemporaryDirectory()
        let data = try journal(dir)
        let size = try FileManager.default.attributesOfItem(atPath: data + segment)[.size] as? Int ?? 0
        flipByte(data + segment, at: size - 10)
        let (daemon, status) = try startDaemon(dir)
        #expect(status != nil && status != 0, "the daemon started on a damaged journal: \(daemon.log)")
        #expect(daemon.log.contains("damaged"), "\(daemon.log)")
        #expect(daemon.log.contains("0000000000000001.jsonl"), "\(daemon.log)")
        #expect(daemon.log.contains("newsdrop verify"), "\(daemon.log)")
        // Nothing was cut: the damaged bytes are still there for the operator.
        #expect((try FileManager.default.attributesOfItem(atPath: data + segment)[.size] as? Int) == size)
    }

    @Test func aSegmentCutInsideCommittedUnitsIsRefusedNotSilentlyShortened() throws {
        let dir = TemporaryDirectory()
        let data = try journal(dir)
        let size = try FileManager.default.attributesOfItem(atPath: data + segment)[.size] as? Int ?? 0
        #expect(truncate(data + segment, off_t(size / 2)) == 0)
        let r = try verify(data)
        #expect(r.status == 1, "\(r.stdout)")
        let (daemon, status) = try startDaemon(dir)
        #expect(status != nil && status != 0, "the daemon cut committed units: \(daemon.log)")
        #expect(daemon.log.contains("damaged"), "\(daemon.log)")
        #expect((try FileManager.default.attributesOfItem(atPath: data + segment)[.size] as? Int) == size / 2)
    }

    @Test func aTornTailIsCutAndItsFileIngestedAgain() throws {
        let dir = TemporaryDirectory()
        let data = try journal(dir)
        // Half a line after the last unit: a batch that never committed.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + segment))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"seq":999,"kind":"article","id":"00"#.utf8))
        try handle.close()
        let v = try verify(data)
        #expect(v.status == 0, "a torn tail is a note, not damage: \(v.stdout)")
        #expect(v.stdout.contains("torn tail"))
        let (daemon, status) = try startDaemon(dir)
        #expect(status == nil, "\(daemon.log)")
        #expect(daemon.log.contains("cut a torn tail"), "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 30) == 0)
        #expect(try verify(data).status == 0)
    }

    @Test func aMissingIndexIsRebuiltFromTheLinesAndAMissingCheckpointFromTheJournal() throws {
        let dir = TemporaryDirectory()
        let data = try journal(dir)
        let before = try journalObjects(data).count
        #expect(unlink(data + index) == 0)
        #expect(try verify(data).status == 1, "verify must report the missing index")
        try? FileManager.default.removeItem(atPath: data + "/index/dedup.checkpoint")
        let (daemon, status) = try startDaemon(dir)
        #expect(status == nil, "\(daemon.log)")
        #expect(daemon.log.contains("re-indexed 6 complete units"), "\(daemon.log)")
        // The dedup index came back from the journal: the same bytes again are a duplicate.
        let again = dir.file("again.txt", "Report 3\n\nA convoy was attacked near Abu Kamal, Tasnim reported.\n")
        #expect(rename(again, daemon.drop + "/again.txt") == 0)
        #expect(eventually(within: 30) { ((try? journalObjects(data)) ?? []).count > before }, "\(daemon.log)")
        let last = try journalObjects(data).last
        #expect(last?["kind"] as? String == "duplicate")
        #expect(last?["file"] as? String == "again.txt")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 30) == 0)
        #expect(try verify(data).status == 0)
        #expect(FileManager.default.fileExists(atPath: data + "/index/dedup.checkpoint"))
    }

    @Test func aLockFileLeftByADeadProcessDoesNotBlockAStart() throws {
        let dir = TemporaryDirectory()
        let data = try journal(dir)
        // A pid that is surely not running, written as a crashed holder would leave it.
        _ = FileManager.default.createFile(atPath: data + "/lock", contents: Data("4194303\n".utf8))
        let (daemon, status) = try startDaemon(dir)
        #expect(status == nil, "\(daemon.log)")
        #expect(eventually(within: 10) { (try? String(contentsOfFile: data + "/lock", encoding: .utf8)) == "\(daemon.process.processIdentifier)\n" })
        // While it runs, a second writer is refused with the holder's pid.
        let r = try run(Binaries.newsdrop, ["ingest", "--data-dir", data, dir.file("x.txt", "X\n")])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(daemon.process.processIdentifier)"), "\(r.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(within: 30) == 0)
    }

    @Test func aReadOnlyDataFolderStopsTheDaemonWithAMessage() throws {
        guard getuid() == 0 else { return }  // mounting a read-only tmpfs needs root
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        #expect(mkdir(data, 0o755) == 0)
        let mount = try run("/bin/mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", data])
        guard mount.status == 0 else { return }  // no mount permission in this sandbox
        defer { _ = try? run("/bin/umount", [data]) }
        let (daemon, status) = try startDaemon(dir)
        #expect(status != nil && status != 0, "\(daemon.log)")
        #expect(daemon.log.contains("Read-only file system"), "\(daemon.log)")
        #expect(daemon.log.contains(data), "\(daemon.log)")
    }
}
