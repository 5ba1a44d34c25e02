import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsdropService

struct SettledFileCheckTests {
    @Test func aRecentlyModifiedFileIsRecheckedAfterTheRestOfTheSettleTime() async throws {
        try await withTemporaryFolder { folder in
            let path = folder + "/fresh.txt"
            try writeFile(path)
            let snapshot = try #require(try FileSnapshot.take(path: path))
            let check = SettledFileCheck(settleTime: .seconds(1), openWriterProbe: nil)
            let now = snapshot.modificationTimeNanoseconds + 300_000_000
            #expect(try check.check(path: path, now: now) == .unsettled(retryAfter: .milliseconds(700)))
        }
    }

    @Test func aFileQuietForTheSettleTimeMayBeRead() async throws {
        try await withTemporaryFolder { folder in
            let path = folder + "/old.txt"
            try writeFile(path, "twelve bytes")
            try setModificationTime(path, secondsAgo: 10)
            let verdict = try SettledFileCheck().check(path: path)
            guard case .settled(let snapshot) = verdict else {
                Issue.record("expected settled, got \(verdict)")
                return
            }
            #expect(snapshot.kind == .regular)
            #expect(snapshot.size == 12)
            #expect(snapshot.inode != 0)
        }
    }

    @Test func symlinksFoldersAndMissingFilesAreNeverOpened() async throws {
        try await withTemporaryFolder { folder in
            try #require(symlink(folder + "/target.txt", folder + "/link") == 0)
            try writeFile(folder + "/target.txt")
            try #require(mkdir(folder + "/sub", 0o755) == 0)
            let check = SettledFileCheck()
            #expect(try check.check(path: folder + "/link") == .notRegular(.symlink))
            #expect(try check.check(path: folder + "/sub") == .notRegular(.directory))
            #expect(try check.check(path: folder + "/gone") == .vanished)
        }
    }

    @Test func aFileHeldOpenForWritingWaitsUntilItsWriterCloses() async throws {
        try await withTemporaryFolder { folder in
            let path = folder + "/growing.txt"
            let writer = try startShell("exec 3>\"$1\"; exec sleep \(holderSeconds)", path)
            defer { finish(writer) }
            let probe = OpenWriterProbe()
            #expect(await eventually(timeout: .seconds(30)) { (try? probe.writers(of: path).map(\.pid)) == [writer.processIdentifier] })

            let check = SettledFileCheck(settleTime: .zero, heldOpenRetry: .milliseconds(250))
            let now = SettledFileCheck.wallClockNanoseconds() + 1_000_000_000
            #expect(try check.check(path: path, now: now) == .unsettled(retryAfter: .milliseconds(250)))

            finish(writer)
            guard case .settled = try check.check(path: path, now: now) else {
                Issue.record("the file should be settled once its writer exited")
                return
            }
        }
    }
}

extension SettledFileCheckTests {
    @Test func withoutAReadableProcTheSettleTimeAloneDecides() async throws {
        try await withTemporaryFolder { folder in
            let path = folder + "/held.txt"
            let writer = try startShell("exec 3>\"$1\"; exec sleep \(holderSeconds)", path)
            defer { finish(writer) }
            #expect(await eventually(timeout: .seconds(30)) { (try? OpenWriterProbe().isOpenForWriting(path)) == true })
            let blind = SettledFileCheck(settleTime: .zero, openWriterProbe: OpenWriterProbe(procRoot: folder + "/no-proc"))
            let now = SettledFileCheck.wallClockNanoseconds() + 1_000_000_000
            guard case .settled = try blind.check(path: path, now: now) else {
                Issue.record("without /proc, a file quiet for the settle time is settled")
                return
            }
            #expect(throws: SystemCallError.self) { try OpenWriterProbe(procRoot: folder + "/no-proc").writers(of: path) }
        }
    }
}

struct OpenWriterProbeTests {
    @Test func aReaderIsNotAWriter() async throws {
        try await withTemporaryFolder { folder in
            let path = folder + "/read.txt"
            try writeFile(path)
            let reader = try startShell("exec 3<\"$1\"; exec sleep \(holderSeconds)", path)
            defer { finish(reader) }
            // Wait until the reader holds the file, seen through its fd links.
            #expect(await eventually(timeout: .seconds(30)) {
                let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(reader.processIdentifier)/fd/3")
                return link == path
            })
            #expect(try OpenWriterProbe().writers(of: path).isEmpty)
        }
    }

    @Test func theProbeMatchesTheFileNotItsName() async throws {
        try await withTemporaryFolder { folder in
            let path = folder + "/one.txt"
            let other = folder + "/two.txt"
            try writeFile(other)
            let writer = try startShell("exec 3>>\"$1\"; exec sleep \(holderSeconds)", path)
            defer { finish(writer) }
            let probe = OpenWriterProbe()
            #expect(await eventually(timeout: .seconds(30)) { (try? probe.isOpenForWriting(path)) == true })
            #expect(try !probe.isOpenForWriting(other))
            // Renamed while open: still the same inode, still found.
            let renamed = folder + "/renamed.txt"
            try #require(rename(path, renamed) == 0)
            #expect(try probe.isOpenForWriting(renamed))
        }
    }

    @Test func thisProcessIsLeftOutByDefault() async throws {
        try await withTemporaryFolder { folder in
            let path = folder + "/mine.txt"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            #expect(try OpenWriterProbe().writers(of: path).isEmpty)
            let writers = try OpenWriterProbe(excludedPIDs: []).writers(of: path)
            #expect(writers.contains(OpenWriterProbe.Writer(pid: getpid(), fileDescriptor: descriptor)))
        }
    }

    @Test func accessModesThatWrite() {
        #expect(!OpenWriterProbe.writesFlags(O_RDONLY))
        #expect(!OpenWriterProbe.writesFlags(O_RDONLY | O_CLOEXEC | O_NONBLOCK))
        #expect(OpenWriterProbe.writesFlags(O_WRONLY))
        #expect(OpenWriterProbe.writesFlags(O_RDWR | O_APPEND))
    }
}
