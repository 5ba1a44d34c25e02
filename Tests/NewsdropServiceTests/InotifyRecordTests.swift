import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsdropService

struct InotifyRecordTests {
    /// Encodes a `struct inotify_event` as the kernel does: 16-byte header, NUL-padded name.
    private func record(wd: Int32, mask: Int32, cookie: UInt32 = 0, name: String, padTo: Int = 16) -> [UInt8] {
        var nameBytes = Array(name.utf8)
        if !nameBytes.isEmpty {
            nameBytes.append(0)
            while nameBytes.count % padTo != 0 { nameBytes.append(0) }
        }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: wd.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(bitPattern: mask).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(nameBytes.count).littleEndian) { bytes += $0 }
        return bytes + nameBytes
    }

    @Test func recordsAreDecodedWithTheirPaddedNames() {
        let bytes = record(wd: 1, mask: IN_CLOSE_WRITE, name: "article.txt")
            + record(wd: 1, mask: IN_MOVED_TO, cookie: 7, name: "a-rather-long-name-over-16.txt")
            + record(wd: 1, mask: IN_DELETE_SELF, name: "")
            + record(wd: 2, mask: IN_CLOSE_WRITE, name: "cut.txt").prefix(20)  // truncated: ignored
        let records = bytes.withUnsafeBytes { InotifyRecord.decode($0) }
        #expect(records == [
            InotifyRecord(watchDescriptor: 1, mask: UInt32(IN_CLOSE_WRITE), cookie: 0, name: "article.txt"),
            InotifyRecord(watchDescriptor: 1, mask: UInt32(IN_MOVED_TO), cookie: 7, name: "a-rather-long-name-over-16.txt"),
            InotifyRecord(watchDescriptor: 1, mask: UInt32(IN_DELETE_SELF), cookie: 0, name: ""),
        ])
        #expect(records[0].has(IN_CLOSE_WRITE))
        #expect(!records[0].has(IN_MOVED_TO))
    }

    @Test func aKernelQueueOverflowAsksForARescan() async throws {
        try await withTemporaryFolder { folder in
            let watcher = try DropFolderWatcher(folder: folder)
            defer { watcher.stop() }
            let watch = try #require(watcher.reader.currentWatchDescriptor)
            watcher.reader.handle(InotifyRecord(watchDescriptor: watch, mask: UInt32(IN_CLOSE_WRITE), cookie: 0, name: "a.txt"))
            watcher.reader.handle(InotifyRecord(watchDescriptor: -1, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: ""))
            watcher.reader.handle(InotifyRecord(watchDescriptor: watch, mask: UInt32(IN_CLOSE_WRITE), cookie: 0, name: "b.txt"))
            #expect(watcher.bufferedEvents == [.rescanNeeded])
        }
    }

    @Test func staleWatchesAndTemporaryNamesAreIgnoredAndUnmountCountsAsRemoval() async throws {
        try await withTemporaryFolder { folder in
            let watcher = try DropFolderWatcher(folder: folder)
            defer { watcher.stop() }
            let watch = try #require(watcher.reader.currentWatchDescriptor)
            watcher.reader.handle(InotifyRecord(watchDescriptor: watch + 100, mask: UInt32(IN_CLOSE_WRITE), cookie: 0, name: "stale.txt"))
            watcher.reader.handle(InotifyRecord(watchDescriptor: watch, mask: UInt32(IN_MOVED_TO), cookie: 0, name: ".partial"))
            watcher.reader.handle(InotifyRecord(watchDescriptor: watch, mask: UInt32(IN_MOVED_TO | IN_ISDIR), cookie: 0, name: "a-folder"))
            watcher.reader.handle(InotifyRecord(watchDescriptor: watch, mask: UInt32(IN_UNMOUNT), cookie: 0, name: ""))
            watcher.reader.handle(InotifyRecord(watchDescriptor: watch, mask: UInt32(IN_IGNORED), cookie: 0, name: ""))
            // A folder moved in is a candidate too: the daemon logs it and leaves it.
            #expect(watcher.bufferedEvents == [.candidate("a-folder"), .folderRemoved])
            #expect(watcher.reader.currentWatchDescriptor == nil)
        }
    }
}
