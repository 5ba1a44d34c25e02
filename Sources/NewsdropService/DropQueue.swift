import Foundation

/// The files waiting to be ingested, and the requests the processing thread must act on.
///
/// Names are kept once each (a file reported by both the start-up scan and an event, or by two
/// events, is taken once) in arrival order, and at most ``capacity`` of them: a name that does
/// not fit is not stored — its file waits in the drop folder, which is the real queue — and
/// once the queue runs low, ``take(limit:waitingUntil:ignoringNames:)`` asks for a refill (a
/// listing of the folder, oldest first). So memory does not grow with a burst's size: 100,000
/// files dropped at once cost what 32,768 names cost (about 2 MB), not 6 MB and more, and a
/// backlog of 100,000 is listed about four times.
final class DropQueue: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked
    // (each method below locks it first), which makes the class safe to share across threads.
    private let condition = NSCondition()
    private var order: [String] = []
    private var head = 0
    private var queued: Set<String> = []
    private var fromScan: Set<String> = []
    private var flags = Requests()
    /// A name was turned away because the queue was full: its file is still in the folder.
    private var namesLeftInFolder = false
    /// The most names held.
    let capacity: Int

    /// Creates an empty queue.
    ///
    /// - Parameter capacity: The most names held at once (at least 1); more wait in the folder.
    init(capacity: Int = 32_768) {
        self.capacity = max(1, capacity)
    }
    /// A stop was requested at some point (``take(limit:waitingUntil:ignoringNames:)`` clears
    /// `flags`, this stays).
    private var stopRequested = false

    /// What the processing thread is asked to do besides ingesting.
    struct Requests: Equatable {
        var stop = false
        var reload = false
        var rescan = false
        /// Names were left in the folder because the queue was full; list it again (not a
        /// sign of trouble, unlike `rescan`).
        var refill = false
        var folderRemoved = false
        var isEmpty: Bool { self == Requests() }
    }

    /// Adds a name unless it is waiting already. `scanned`: found by listing the folder rather
    /// than by a close-after-write or rename event, so it must be checked for a writer still at
    /// work before it is read.
    func enqueue(_ name: String, scanned: Bool) {
        condition.lock()
        defer { condition.unlock() }
        if !queued.contains(name) && order.count - head >= capacity {
            namesLeftInFolder = true
            return
        }
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

    /// Notes that a listing of the folder found more names than it returned: the rest are
    /// taken by a refill once the queue runs low.
    func noteNamesLeftInFolder() {
        condition.lock()
        namesLeftInFolder = true
        condition.unlock()
    }

    /// Whether names wait in the folder beyond the queue (for the status line).
    var hasNamesLeftInFolder: Bool {
        condition.lock()
        defer { condition.unlock() }
        return namesLeftInFolder
    }

    /// Waits until there is work or a request, or `deadline` passes; then takes up to `limit`
    /// names (with whether each came from a scan) and the pending requests. When fewer than
    /// `limit` names are left and some were turned away, the requests include `refill`.
    /// With `ignoringNames`, only a request (or the deadline) ends the wait and no names are
    /// taken: the caller is backing off after a failure.
    func take(limit: Int, waitingUntil deadline: Date, ignoringNames: Bool = false) -> (names: [(String, Bool)], requests: Requests) {
        condition.lock()
        defer { condition.unlock() }
        while (ignoringNames || head == order.count) && flags.isEmpty {
            if !condition.wait(until: deadline) { break }
        }
        var requests = flags
        flags = Requests()
        var names: [(String, Bool)] = []
        while !ignoringNames && head < order.count && names.count < limit {
            let name = order[head]
            head += 1
            queued.remove(name)
            names.append((name, fromScan.remove(name) != nil))
        }
        if !ignoringNames && namesLeftInFolder && order.count - head < limit {
            namesLeftInFolder = false
            requests.refill = true
        }
        if head == order.count {
            order.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 4096 && head * 2 > order.count {
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
