import NewsdropCore
/// The bounded buffer between the inotify reader thread and the consumer of
/// ``DropFolderWatcher/events``, which never loses information.
///
/// It holds at most `capacity` candidates, one ``DropFolderEvent/rescanNeeded`` and one
/// ``DropFolderEvent/folderRemoved``. When one more candidate would not fit, all buffered
/// candidates are replaced by a single `rescanNeeded`: the scan the consumer runs on receiving
/// it happens after every dropped event, so it sees their files. While a `rescanNeeded` waits,
/// new candidates are covered by it and not stored; a name already waiting is not stored twice.
final class DropFolderEventBuffer: Sendable {
    private struct State {
        var queue: [DropFolderEvent] = []
        var head = 0
        var waitingNames: Set<String> = []
        var rescanWaiting = false
        var removalWaiting = false
        var finished = false
        var consumers: [CheckedContinuation<DropFolderEvent?, Never>] = []

        var count: Int { queue.count - head }

        mutating func popFirst() -> DropFolderEvent? {
            guard head < queue.count else { return nil }
            let event = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024 && head * 2 >= queue.count {
                queue.removeFirst(head)
                head = 0
            }
            switch event {
            case .candidate(let name): waitingNames.remove(name)
            case .rescanNeeded: rescanWaiting = false
            case .folderRemoved: removalWaiting = false
            }
            return event
        }

        /// Replaces every waiting candidate by one `rescanNeeded`.
        mutating func coalesceIntoRescan() {
            var kept: [DropFolderEvent] = []
            for event in queue[head...] {
                if case .candidate = event { continue }
                kept.append(event)
            }
            queue = kept
            head = 0
            waitingNames.removeAll()
            if !rescanWaiting {
                queue.append(.rescanNeeded)
                rescanWaiting = true
            }
        }
    }

    /// The most candidates held at once.
    let capacity: Int
    /// A `PthreadMutex`, not `Synchronization.Mutex`, so ThreadSanitizer sees the locking.
    private let state = PthreadMutex(State())

    /// Creates an empty buffer.
    ///
    /// - Parameter capacity: The most candidates held at once; at least 1.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The number of events waiting to be consumed.
    var count: Int { state.withLock { $0.count } }

    /// Whether a consumer waits for the next event (for tests).
    var hasWaitingConsumer: Bool { state.withLock { !$0.consumers.isEmpty } }

    /// The events waiting to be consumed, oldest first (for tests).
    var waitingEvents: [DropFolderEvent] { state.withLock { Array($0.queue[$0.head...]) } }

    /// Adds an event, coalescing as described above; ignored after ``finish()``.
    func push(_ event: DropFolderEvent) {
        let consumer: CheckedContinuation<DropFolderEvent?, Never>? = state.withLock { state in
            if state.finished { return nil }
            switch event {
            case .candidate(let name):
                if state.rescanWaiting || state.waitingNames.contains(name) { return nil }
                if state.count == 0, !state.consumers.isEmpty { return state.consumers.removeFirst() }
                if state.waitingNames.count >= capacity {
                    state.coalesceIntoRescan()
                    return nil
                }
                state.waitingNames.insert(name)
            case .rescanNeeded:
                if state.rescanWaiting { return nil }
                if state.count == 0, !state.consumers.isEmpty { return state.consumers.removeFirst() }
                state.coalesceIntoRescan()
                return nil
            case .folderRemoved:
                if state.removalWaiting { return nil }
                if state.count == 0, !state.consumers.isEmpty { return state.consumers.removeFirst() }
                state.removalWaiting = true
            }
            state.queue.append(event)
            return nil
        }
        consumer?.resume(returning: event)
    }

    /// Ends the stream: consumers get the events still waiting, then `nil`.
    func finish() {
        let consumers = state.withLock { state in
            state.finished = true
            defer { state.consumers.removeAll() }
            return state.consumers
        }
        for consumer in consumers { consumer.resume(returning: nil) }
    }

    /// The next event, waiting for one if none is buffered; `nil` once finished and drained,
    /// or when the calling task is cancelled.
    func next() async -> DropFolderEvent? {
        if let event = state.withLock({ $0.popFirst() }) { return event }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<DropFolderEvent?, Never>) in
                let immediate: DropFolderEvent?? = state.withLock { state in
                    if let event = state.popFirst() { return .some(event) }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    state.consumers.append(continuation)
                    return .none
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let consumers = state.withLock { state in
                defer { state.consumers.removeAll() }
                return state.consumers
            }
            for consumer in consumers { consumer.resume(returning: nil) }
        }
    }
}
