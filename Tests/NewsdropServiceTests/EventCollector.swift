import NewsdropCore
@testable import NewsdropService

/// Consumes a watcher's events in the background and keeps them for inspection.
final class EventCollector: Sendable {
    private final class Storage: Sendable {
        let state = PthreadMutex<(events: [DropFolderEvent], finished: Bool)>(([], false))
    }

    private let storage = Storage()
    private let task: Task<Void, Never>

    /// Starts consuming `events`.
    init(_ events: AsyncStream<DropFolderEvent>) {
        let storage = self.storage
        task = Task {
            for await event in events {
                storage.state.withLock { $0.events.append(event) }
            }
            storage.state.withLock { $0.finished = true }
        }
    }

    deinit { task.cancel() }

    /// The events received so far.
    var events: [DropFolderEvent] { storage.state.withLock { $0.events } }
    /// Whether the stream ended.
    var finished: Bool { storage.state.withLock { $0.finished } }

    /// Waits until `condition` holds for the events received, or the timeout passes.
    func wait(timeout: Duration = .seconds(5), until condition: ([DropFolderEvent]) -> Bool) async -> Bool {
        await eventually(timeout: timeout) { condition(events) }
    }
}
