import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsdropService

/// The queue between the watcher and the work thread holds a bounded number of names; the rest
/// wait in the drop folder and come back through a refill listing, oldest first.
struct DropQueueTests {
    @Test func namesBeyondTheCapacityWaitInTheFolderAndARefillIsAskedWhenTheQueueRunsLow() {
        let queue = DropQueue(capacity: 4)
        for name in ["a", "b", "c", "d", "e", "f"] { queue.enqueue(name, scanned: true) }
        #expect(queue.count == 4)
        #expect(queue.hasNamesLeftInFolder)
        // A name already waiting is not turned away (nor stored twice).
        queue.enqueue("a", scanned: false)
        #expect(queue.count == 4)
        let first = queue.take(limit: 2, waitingUntil: Date())
        #expect(first.names.map(\.0) == ["a", "b"])
        #expect(first.names.map(\.1) == [false, true], "a was reported by an event after the scan")
        #expect(!first.requests.refill, "two names are still queued, a whole batch")
        let second = queue.take(limit: 2, waitingUntil: Date())
        #expect(second.names.map(\.0) == ["c", "d"])
        #expect(second.requests.refill)
        #expect(!queue.hasNamesLeftInFolder)
        // Asked once: the refill lists the folder, which notes again whatever does not fit.
        #expect(!queue.take(limit: 2, waitingUntil: Date()).requests.refill)
        for name in ["e", "f"] { queue.enqueue(name, scanned: true) }
        #expect(queue.take(limit: 8, waitingUntil: Date()).names.map(\.0) == ["e", "f"])
    }

    @Test func aBoundedScanKeepsTheOldestNamesAndSaysSomeWereLeftOut() async throws {
        try await withTemporaryFolder { folder in
            // Twelve files, the highest number the oldest; listed in no particular order.
            for i in 0..<12 {
                try writeFile(folder + "/f\(i).txt")
                var times = [timespec(tv_sec: 1_600_000_000 - i * 60, tv_nsec: 0), timespec(tv_sec: 1_600_000_000 - i * 60, tv_nsec: 0)]
                #expect(utimensat(AT_FDCWD, folder + "/f\(i).txt", &times, 0) == 0)
            }
            let bounded = try DropFolderWatcher.scan(folder: folder, limit: 3)
            #expect(bounded.names == ["f11.txt", "f10.txt", "f9.txt"])
            #expect(bounded.truncated)
            let whole = try DropFolderWatcher.scan(folder: folder, limit: 12)
            #expect(whole.names.count == 12)
            #expect(whole.names.first == "f11.txt")
            #expect(!whole.truncated)
        }
    }
}
