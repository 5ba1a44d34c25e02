import Foundation

/// The files waiting to be ingested, and the requests the processing thread must act on.
///
/// Names are kept once each (a file reported by both the start-up scan and an event, or by two
/// events, is taken once) in arrival order. The queue holds names only, a few dozen bytes each,
/// so even 100,000 dropped files cost a few MB; the files' bytes are read a batch at a time.
final class DropQueue: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked
    // (each method below locks it first), which makes the class safe to share across threads.
    private let condition = NSCondition()
    private var order: [String] = []
    private var head = 0
    private var queued: Set<String> = []
    private var fromScan: Set<String> = []
    private var flags = Requests()
    /// A stop was requested at some point (``take(limit:waitingUntil:ignoringNames:)`` clears
    /// `flags`, this stays).
    private var stopRequested = false

    /// What the processing thread is asked to do besides ingesting.
    struct Requests: Equatable {
        var stop = false
        var reload = false
        var rescan = false
        var folderRemoved = false
        var isEmpty: Bool { self == Requests() }
    }

    /// Adds a name unless it is waiting already. `scanned`: found by listing the folder rather
    /// than by a close-after-write or rename event, so it must be checked for a writer still at
    /// work before it is read.
    func enqueue(_ name: String, scanned: Bool) {
        condition.lock()
        defer { condition.unlock() }
        if queued.insert(name).inserted {
            order.append(name)
            if scanned { fromScan.insert(name) }
            condition.signal()
        } else if !scanned {
            // An event after a scan found it: the writer has closed it now.
            fromScan.remove(name)
        }
    }

    func request(_ change: (inout Requests) -> Void) {
        condition.lock()
        change(&flags)
        if flags.stop { stopRequested = true }
        condition.signal()
        condition.unlock()
    }

    /// Whether a stop was ever requested, taken or not (start-up checks it between its steps).
    var isStopRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopRequested
    }

    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return order.count - head
    }

    /// Waits until there is work or a request, or `deadline` passes; then takes up to `limit`
    /// names (with whether each came from a scan) and the pending requests.
    /// With `ignoringNames`, only a request (or the deadline) ends the wait and no names are
    /// taken: the caller is backing off after a failure.
    func take(limit: Int, waitingUntil deadline: Date, ignoringNames: Bool = false) -> (names: [(String, Bool)], requests: Requests) {
        condition.lock()
        defer { condition.unlock() }
        while (ignoringNames || head == order.count) && flags.isEmpty {
            if !condition.wait(until: deadline) { break }
        }
        let requests = flags
        flags = Requests()
        var names: [(String, Bool)] = []
        while !ignoringNames && head < order.count && names.count < limit {
            let name = order[head]
            head += 1
            queued.remove(name)
            names.append((name, fromScan.remove(name) != nil))
        }
        if head > 4096 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        return (names, requests)
    }

    /// Puts back names that could not be handled yet (a failed commit, a file still being
    /// written), ahead of nothing: they go to the end.
    func requeue(_ names: [(String, Bool)]) {
        for (name, scanned) in names { enqueue(name, scanned: scanned) }
    }
}
