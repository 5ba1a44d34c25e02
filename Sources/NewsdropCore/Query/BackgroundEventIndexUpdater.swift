import Dispatch
import Synchronization

/// Runs an ``EventIndexMaintainer`` on its own serial queue, so keeping the event index
/// current overlaps the next batch's reading and extraction instead of lengthening every commit.
///
/// Requests coalesce: while an update is queued and not yet started, more commits add nothing,
/// because an update reads every unit committed up to the moment it runs. The index stays a
/// cache: an update that lags or fails only leaves queries a few more units to read themselves.
final class BackgroundEventIndexUpdater: Sendable {
    private let queue = DispatchQueue(label: "newsdrop.event-index")
    /// An update is queued and has not started yet.
    private let queued = Atomic<Bool>(false)
    // Safe without a lock: the maintainer is used only inside blocks run on `queue`, which is
    // serial, so no two threads ever touch it at once.
    nonisolated(unsafe) private let maintainer: EventIndexMaintainer

    init(dataDirectory: String) {
        maintainer = EventIndexMaintainer(dataDirectory: dataDirectory)
    }

    /// Notes that units were committed; the index catches up in the background.
    func committed() {
        guard !queued.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async { [self] in
            // cleared before reading, so a commit made during this update queues another
            queued.store(false, ordering: .releasing)
            _ = maintainer.update()
        }
    }

    /// Waits for queued work, brings the index up to the last commit and writes it out.
    func finish() {
        queue.sync {
            _ = maintainer.update()
            maintainer.flush()
        }
    }
}
