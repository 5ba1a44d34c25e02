import Dispatch
import Synchronization

/// Runs an ``EventIndexMaintainer`` on its own serial queue, so keeping the event index
/// current overlaps the next batch's reading and extraction instead of lengthening every commit.
///
/// Each commit hands over what the writer wrote (``JournalCommit``), and the index adds its
/// rows from that instead of reading back and parsing the lines. Commits queue up to
/// ``maximumQueuedCommits``; past that (the index falls behind a burst) they are dropped and
/// one read of the journal catches up, so memory does not grow with the lag. The index stays
/// a cache: an update that lags or fails only leaves queries a few more units to read themselves.
final class BackgroundEventIndexUpdater: Sendable {
    private let queue = DispatchQueue(label: "newsdrop.event-index")
    /// Commits handed over and not yet added. `nil` in the list: one without a record (read the
    /// journal for it).
    private let pending = Mutex<(commits: [JournalCommit?], scheduled: Bool)>(([], false))
    // Safe without a lock: the maintainer is used only inside blocks run on `queue`, which is
    // serial, so no two threads ever touch it at once.
    nonisolated(unsafe) private let maintainer: EventIndexMaintainer

    /// Commits kept waiting before they are replaced by one read of the journal.
    static let maximumQueuedCommits = 8

    init(dataDirectory: String) {
        maintainer = EventIndexMaintainer(dataDirectory: dataDirectory)
    }

    /// Notes that units were committed (`commit`: what the writer wrote, `nil` when it recorded
    /// nothing); the index catches up in the background.
    func committed(_ commit: JournalCommit?) {
        let schedule = pending.withLock { state -> Bool in
            if state.commits.count >= Self.maximumQueuedCommits {
                // Falling behind: one read of the journal covers them all.
                state.commits = [nil]
            } else {
                state.commits.append(commit)
            }
            defer { state.scheduled = true }
            return !state.scheduled
        }
        guard schedule else { return }
        queue.async { [self] in drain() }
    }

    /// Adds the queued commits, in order, until none are left.
    private func drain() {
        while true {
            let commits = pending.withLock { state -> [JournalCommit?] in
                defer { state.commits = [] }
                if state.commits.isEmpty { state.scheduled = false }
                return state.commits
            }
            if commits.isEmpty { return }
            if commits.contains(where: { $0 == nil }) {
                _ = maintainer.update()
            } else {
                for commit in commits { _ = maintainer.update(with: commit) }
            }
        }
    }

    /// Waits for queued work, brings the index up to the last commit and writes it out.
    func finish() {
        queue.sync {
            drain()
            _ = maintainer.update()
            maintainer.flush()
        }
    }
}
