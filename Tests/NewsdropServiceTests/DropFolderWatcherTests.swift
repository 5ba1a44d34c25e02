import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsdropService

struct DropFolderWatcherTests {
    /// Runs `body` with a drop folder inside a temporary folder and a watcher on it.
    private func withWatcher(
        bufferCapacity: Int = 4096,
        _ body: (_ folder: String, _ watcher: DropFolderWatcher) async throws -> Void
    ) async throws {
        try await withTemporaryFolder { root in
            let folder = root + "/incoming"
            try #require(mkdir(folder, 0o755) == 0)
            let watcher = try DropFolderWatcher(folder: folder, bufferCapacity: bufferCapacity)
            defer { watcher.stop() }
            try await body(folder, watcher)
        }
    }

    @Test func aFileWrittenAndClosedIsReported() async throws {
        try await withWatcher { folder, watcher in
            let events = EventCollector(watcher.events)
            try writeFile(folder + "/article.txt")
            #expect(await events.wait { $0.contains(.candidate("article.txt")) })
        }
    }

    @Test func aFileRenamedInIsReported() async throws {
        try await withWatcher { folder, watcher in
            let outside = folder + "/../outside.txt"
            try writeFile(outside)
            let events = EventCollector(watcher.events)
            try #require(rename(outside, folder + "/moved.txt") == 0)
            #expect(await events.wait { $0 == [.candidate("moved.txt")] })
        }
    }

    @Test func temporaryNamesWaitUntilRenamed() async throws {
        try await withWatcher { folder, watcher in
            let events = EventCollector(watcher.events)
            for name in [".hidden.txt", "draft.tmp", "download.part", "notes.txt~"] {
                try writeFile(folder + "/" + name)
            }
            try #require(rename(folder + "/draft.tmp", folder + "/final.txt") == 0)
            // inotify keeps order: once the rename is seen, the temp names' closes were too.
            #expect(await events.wait { $0.contains(.candidate("final.txt")) })
            #expect(events.events == [.candidate("final.txt")])
        }
    }

    @Test(arguments: [
        (".x", true), ("a.tmp", true), ("a.TMP", true), ("a.part", true), ("a~", true),
        ("a.txt", false), ("tmp", false), ("a.tmp.txt", false), ("part", false),
    ])
    func temporaryNames(name: String, isTemporary: Bool) {
        #expect(DropFolderWatcher.isTemporaryName(name) == isTemporary)
    }

    @Test func aFIFOInTheFolderIsReportedAndHangsNothing() async throws {
        try await withWatcher { folder, watcher in
            let events = EventCollector(watcher.events)
            try #require(mkfifo(folder + "/pipe", 0o644) == 0)
            try writeFile(folder + "/after.txt")
            #expect(await events.wait { $0.contains(.candidate("after.txt")) })
            // Reported on creation (no write will follow) so the daemon can reject it.
            #expect(events.events.contains(.candidate("pipe")))
            // Scanning and checking see it without opening it.
            #expect(try watcher.scan().contains("pipe"))
            #expect(try SettledFileCheck().check(path: folder + "/pipe") == .notRegular(.fifo))
        }
    }

    @Test func removingTheFolderIsReportedAndRewatchResumes() async throws {
        try await withWatcher { folder, watcher in
            let events = EventCollector(watcher.events)
            try #require(rmdir(folder) == 0)
            #expect(await events.wait { $0.contains(.folderRemoved) })
            #expect(events.events.filter { $0 == .folderRemoved }.count == 1)

            try #require(mkdir(folder, 0o755) == 0)
            try watcher.rewatch()
            try writeFile(folder + "/again.txt")
            #expect(await events.wait { $0.contains(.candidate("again.txt")) })
        }
    }

    @Test func movingTheFolderAwayIsReportedAndItsLaterEventsIgnored() async throws {
        try await withWatcher { folder, watcher in
            let events = EventCollector(watcher.events)
            let away = folder + "-away"
            try #require(rename(folder, away) == 0)
            #expect(await events.wait { $0.contains(.folderRemoved) })
            try writeFile(away + "/elsewhere.txt")
            try #require(mkdir(folder, 0o755) == 0)
            try watcher.rewatch()
            try writeFile(folder + "/here.txt")
            #expect(await events.wait { $0.contains(.candidate("here.txt")) })
            #expect(!events.events.contains(.candidate("elsewhere.txt")))
        }
    }

    @Test func rewatchOfAMissingFolderNamesItAndSaysWhatToDo() async throws {
        try await withWatcher { folder, watcher in
            try #require(rmdir(folder) == 0)
            let error = #expect(throws: SystemCallError.self) { try watcher.rewatch() }
            #expect(error?.errno == ENOENT)
            #expect(error?.description.contains(folder) == true)
            #expect(error?.description.contains("create") == true)
        }
    }

    @Test func watchingAMissingFolderFails() async throws {
        try await withTemporaryFolder { root in
            #expect(throws: SystemCallError.self) { try DropFolderWatcher(folder: root + "/nope") }
            try writeFile(root + "/file")
            let error = #expect(throws: SystemCallError.self) { try DropFolderWatcher(folder: root + "/file") }
            #expect(error?.errno == ENOTDIR)
        }
    }

    @Test func floodingMoreEventsThanTheBufferYieldsOneRescan() async throws {
        try await withWatcher(bufferCapacity: 4) { folder, watcher in
            for index in 0..<20 { try writeFile(folder + "/flood-\(index).txt") }
            // Moving the folder away queues `.folderRemoved` after every file event, in order;
            // nothing consumes meanwhile, so the buffer must coalesce.
            try #require(rename(folder, folder + "-moved") == 0)
            #expect(await eventually { watcher.bufferedEvents.last == .folderRemoved })
            #expect(watcher.bufferedEvents == [.rescanNeeded, .folderRemoved])
            #expect(try DropFolderWatcher.scan(folder: folder + "-moved").names.count == 20)
        }
    }

    @Test func stopReturnsPromptlyAndEndsTheStream() async throws {
        try await withWatcher { folder, watcher in
            let events = EventCollector(watcher.events)
            try writeFile(folder + "/a.txt")
            #expect(await events.wait { !$0.isEmpty })
            let start = ContinuousClock.now
            watcher.stop()
            #expect(ContinuousClock.now - start < .milliseconds(500))
            #expect(await events.wait { _ in events.finished })
            watcher.stop()  // a second stop does nothing
            #expect(throws: SystemCallError.self) { try watcher.rewatch() }
        }
    }

    @Test func scanListsOldestFirstWithSymlinksAndFoldersButNoTemporaryNames() async throws {
        try await withWatcher { folder, watcher in
            try writeFile(folder + "/b.txt")
            try writeFile(folder + "/a.txt")
            try writeFile(folder + "/c.txt")
            try writeFile(folder + "/skip.part")
            try setModificationTime(folder + "/c.txt", secondsAgo: 300)
            try setModificationTime(folder + "/a.txt", secondsAgo: 100)
            try setModificationTime(folder + "/b.txt", secondsAgo: 100)
            try #require(symlink("/etc/passwd", folder + "/link") == 0)
            try #require(mkdir(folder + "/sub", 0o755) == 0)
            try setModificationTime(folder + "/link", secondsAgo: 0)
            let names = try watcher.scan()
            #expect(Array(names.prefix(3)) == ["c.txt", "a.txt", "b.txt"])
            #expect(Set(names) == ["a.txt", "b.txt", "c.txt", "link", "sub"])
        }
    }

    /// Not in write order necessarily: `IN_CLOSE_WRITE` comes when the last reference to the
    /// open file goes, and a child forked by another test meanwhile holds one until its `exec`.
    @Test func everyFileWrittenIsReportedOnce() async throws {
        try await withWatcher { folder, watcher in
            let events = EventCollector(watcher.events)
            for index in 0..<50 { try writeFile(folder + "/f\(index).txt") }
            #expect(await events.wait { $0.count >= 50 || $0.contains(.rescanNeeded) })
            #expect(events.events.count == 50)
            #expect(Set(events.events) == Set((0..<50).map { .candidate("f\($0).txt") }))
        }
    }
}

struct DropFolderEventBufferTests {
    @Test func overflowReplacesCandidatesWithOneRescanAndCoversLaterOnes() async {
        let buffer = DropFolderEventBuffer(capacity: 3)
        for name in ["a", "b", "c", "d", "e"] { buffer.push(.candidate(name)) }
        buffer.push(.folderRemoved)
        buffer.push(.rescanNeeded)
        #expect(buffer.waitingEvents == [.rescanNeeded, .folderRemoved])
        #expect(await buffer.next() == .rescanNeeded)
        buffer.push(.candidate("f"))
        #expect(await buffer.next() == .folderRemoved)
        #expect(await buffer.next() == .candidate("f"))
    }

    @Test func aNameAlreadyWaitingIsNotStoredTwice() async {
        let buffer = DropFolderEventBuffer(capacity: 10)
        buffer.push(.candidate("a"))
        buffer.push(.candidate("a"))
        buffer.push(.candidate("b"))
        #expect(buffer.waitingEvents == [.candidate("a"), .candidate("b")])
        #expect(await buffer.next() == .candidate("a"))
        buffer.push(.candidate("a"))
        #expect(buffer.waitingEvents == [.candidate("b"), .candidate("a")])
    }

    @Test func aWaitingConsumerIsWokenAndFinishEndsTheStream() async {
        let buffer = DropFolderEventBuffer(capacity: 2)
        async let first = buffer.next()
        #expect(await eventually { buffer.hasWaitingConsumer })
        buffer.push(.candidate("x"))
        #expect(await first == .candidate("x"))
        buffer.push(.candidate("y"))
        buffer.finish()
        #expect(await buffer.next() == .candidate("y"))
        #expect(await buffer.next() == nil)
    }

    @Test func eventsLeaveInTheOrderTheyCameFromAnotherThread() async {
        let buffer = DropFolderEventBuffer(capacity: 100_000)
        let thread = Thread {
            for index in 0..<5_000 { buffer.push(.candidate("\(index)")) }
            buffer.finish()
        }
        thread.start()
        var received: [Int] = []
        while let event = await buffer.next() {
            if case .candidate(let name) = event, let index = Int(name) { received.append(index) }
        }
        #expect(received == Array(0..<5_000))
    }

    @Test func cancellingAWaitingConsumerReturnsNil() async {
        let buffer = DropFolderEventBuffer(capacity: 2)
        let task = Task { await buffer.next() }
        #expect(await eventually { buffer.hasWaitingConsumer })
        task.cancel()
        #expect(await task.value == nil)
    }
}

@Suite struct CreatedEntriesTests {
    @Test func onlyEntriesCompleteOnCreationAreReportedAtCreate() throws {
        let folder = NSTemporaryDirectory() + "created-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/new.txt", contents: Data("x".utf8))
        #expect(!InotifyReader.isCompleteOnCreation(folder + "/new.txt"))
        #expect(link(folder + "/new.txt", folder + "/hard.txt") == 0)
        #expect(InotifyReader.isCompleteOnCreation(folder + "/hard.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/sym", withDestinationPath: "/etc/shadow")
        #expect(InotifyReader.isCompleteOnCreation(folder + "/sym"))
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        #expect(InotifyReader.isCompleteOnCreation(folder + "/sub"), "a folder is reported at once, to be logged and left")
    }
}
