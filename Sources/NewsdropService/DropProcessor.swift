import Foundation
import Logging
import NewsdropCore
import NewsdropExtraction
#if canImport(Glibc)
import Glibc
#endif

/// The work thread's state: the journal writer, the pipeline, the counts. Lives and dies on
/// that one thread (it is created there), so it needs no locks.
final class DropProcessor {
    private let daemon: DropFolderDaemon
    private let writer: JournalWriter
    private let pipeline: IngestPipeline
    private var configuration: ServiceConfiguration
    private var settledCheck: SettledFileCheck
    private var status: DaemonStatus
    private let watchdog: WatchdogSchedule?
    private var lastPing = ContinuousClock.now
    /// When the status file and `STATUS=` were last updated.
    private var lastPublished = ContinuousClock.now
    /// Files to look at again later (still being written), with when.
    private var delayed: [(name: String, due: ContinuousClock.Instant)] = []
    /// After a failed commit, the wait before the next try (doubles up to 30 s).
    private var backoff: Duration = .zero
    /// What the daemon is waiting out, for `STATUS=` (a failed commit, a file it could not read).
    private var retryNote: String?
    /// Per file that could not be read for a transient reason (EIO, EMFILE, …): the wait before
    /// its next try (doubles up to 60 s).
    private var readBackoff: [String: Duration] = [:]
    /// Committed files that could not be removed or moved yet (retried from `delayed`), with
    /// their identity then: the retry finishes the removal without reading the file again, and
    /// does not depend on the writer still remembering the drop (it keeps the last 4,096).
    private var awaitingRemoval: [String: (identity: DropIdentity, unit: CommittedUnit)] = [:]
    /// The batch being read and extracted in the background while the previous one commits.
    private var inFlight: (names: Set<String>, work: BackgroundWork<IngestPipeline.PreparedBatch>)?
    private var logger: Logger { daemon.logger }

    init(daemon: DropFolderDaemon) throws {
        self.daemon = daemon
        configuration = daemon.configuration
        let config = configuration
        writer = try JournalWriter(dataDirectory: config.dataDirectory)
        let r = writer.recovery
        if r.truncatedBytes > 0 || r.reindexedUnits > 0 {
            daemon.logger.notice("journal recovered: cut a torn tail of \(r.truncatedBytes) bytes, re-indexed \(r.reindexedUnits) complete units")
        }
        if daemon.queue.isStopRequested {
            // Asked to stop while the journal was being opened: the dictionaries (~0.5 s) are
            // not worth loading; nothing was taken from the drop folder yet.
            try? writer.close()
            throw StoppedDuringStartup()
        }
        let extractor = try daemon.loadExtractor(config.dictionaryDirectories)
        pipeline = IngestPipeline(writer: writer, extractor: extractor, fileReader: DroppedFileReader(maxBytes: config.maxFileBytes, defersTransientErrors: true))
        settledCheck = SettledFileCheck(settleTime: config.settleTime)
        watchdog = try? WatchdogSchedule.current()
        status = DaemonStatus(pid: getpid(), startedAt: Date(), state: .ready, dropDirectory: config.dropDirectory)
        publishStatus()
    }

    /// Thrown by `init` when a stop was requested before the dictionaries were loaded.
    struct StoppedDuringStartup: Error {}

    /// Takes batches until asked to stop. The result says whether it ended cleanly.
    func runLoop() -> Result<Void, DropFolderDaemon.StartError> {
        defer { shutDown() }
        while true {
            let now = ContinuousClock.now
            var wake = now + .seconds(5)
            if let watchdog { wake = min(wake, lastPing + watchdog.pingInterval) }
            if let first = delayed.map(\.due).min() { wake = min(wake, first) }
            if backoff > .zero { wake = now + backoff }
            // With a batch in flight, only collect what is queued: that batch commits below.
            let deadline = inFlight != nil ? Date() : Date(timeIntervalSinceNow: Self.seconds(max(.zero, wake - now)))
            // While backing off, wait out the deadline even if names arrive (requests still wake).
            var (names, requests) = daemon.queue.take(
                limit: daemon.batchSize, waitingUntil: deadline, ignoringNames: backoff > .zero)
            if backoff > .zero && Date() >= deadline && !requests.stop {
                names = daemon.queue.take(limit: daemon.batchSize, waitingUntil: Date(), ignoringNames: false).names
            }
            pingWatchdog()
            if requests.stop {
                daemon.queue.requeue(names)
                // finish the batch in flight: its files are read and extracted already
                if case .damaged(let failure) = completeInFlight() { return .failure(failure) }
                return .success(())
            }
            if requests.reload {
                // the batch in flight was extracted with the old dictionaries: commit it first
                if case .damaged(let failure) = completeInFlight() { return .failure(failure) }
                reload()
            }
            if requests.folderRemoved { recreateDropFolder() }
            if requests.rescan {
                logger.notice("rescanning the drop folder: the inotify queue overflowed, events came faster than they were taken, or a name was not UTF-8; if this shows often, raise fs.inotify.max_queued_events (now \(Self.kernelLimit("/proc/sys/fs/inotify/max_queued_events")))")
            }
            if requests.rescan || requests.folderRemoved || requests.refill {
                if let watcher = daemon.daemonWatcher.withLock({ $0 }) { daemon.scan(watcher) }
            }
            releaseDueDelayed()
            // Two stages: start reading and extracting this batch in the background, then commit
            // the batch in flight while it runs, so extraction overlaps the syncs and removals.
            var next: (names: Set<String>, work: BackgroundWork<IngestPipeline.PreparedBatch>)?
            if !names.isEmpty {
                let sources = self.sources(for: names, excluding: inFlight?.names ?? [])
                if !sources.isEmpty {
                    // Texts already in the journal are only read and hashed, not extracted.
                    next = (Set(sources.map(\.name)), pipeline.startPreparing(sources))
                }
            }
            let committed = completeInFlight()
            if case .damaged(let failure) = committed { return .failure(failure) }
            if case .failed = committed, let abandoned = next {
                // the commit failed: the next batch waits out the backoff in the queue too
                _ = abandoned.work.wait()
                daemon.queue.requeue(abandoned.names.map { ($0, true) })
                next = nil
            }
            inFlight = next
            // Nothing else is waiting: commit this batch now rather than one round later (an idle
            // daemon's drop→committed latency); in a burst the queue is never empty here.
            if inFlight != nil && daemon.queue.count == 0 {
                if case .damaged(let failure) = completeInFlight() { return .failure(failure) }
            }
            // In a burst, the status file and STATUS= follow at most four times a second (each
            // write is a new file renamed over the old); once the queue is empty, at once.
            if daemon.queue.count == 0 || ContinuousClock.now - lastPublished >= Self.statusInterval {
                publishStatus()
            }
        }
    }

    /// The least time between two status updates while files keep coming.
    static let statusInterval: Duration = .milliseconds(250)

    /// How committing the batch in flight went.
    private enum CommitResult {
        case nothingInFlight, committed
        /// The commit failed; its files are back in the queue and the backoff is set.
        case failed
        /// The journal is damaged: the daemon stops.
        case damaged(DropFolderDaemon.StartError)
    }

    /// Commits the batch in flight, if any, and gives its files their dispositions. A failed
    /// commit puts its files back in the queue and sets the backoff.
    private func completeInFlight() -> CommitResult {
        guard let flight = inFlight else { return .nothingInFlight }
        inFlight = nil
        let batch = flight.work.wait()
        do {
            try commit(batch)
            return .committed
        } catch let error as JournalError {
            if case .damaged = error {
                logError("stopping: \(error)")
                return .damaged(.init(description: error.description))
            }
            backoff = backoff == .zero ? .milliseconds(250) : min(backoff * 2, .seconds(30))
            retryNote = "cannot commit: \(error); retrying in \(backoff)"
            logError("cannot commit \(batch.sources.count) files: \(error); they stay in the drop folder and are retried in \(backoff)")
            daemon.queue.requeue(batch.sources.map { ($0.name, true) })
        } catch {
            logError("unexpected failure: \(error)")
            daemon.queue.requeue(batch.sources.map { ($0.name, true) })
        }
        return .failed
    }

    /// A number from /proc/sys, or "unknown".
    static func kernelLimit(_ path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "unknown" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The soft limit on open files (`RLIMIT_NOFILE`).
    static func openFileLimit() -> String {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return "unknown" }
        return "\(limit.rlim_cur)"
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func pingWatchdog() {
        guard let watchdog, watchdog.isDue(lastPing: lastPing, now: .now) else { return }
        _ = try? daemon.notifier.watchdog()
        lastPing = .now
    }

    private func releaseDueDelayed() {
        let now = ContinuousClock.now
        let due = delayed.filter { $0.due <= now }
        guard !due.isEmpty else { return }
        delayed.removeAll { $0.due <= now }
        for d in due { daemon.queue.enqueue(d.name, scanned: true) }
    }

    /// The files to ingest among `names`: temporary names, folders, files still being written
    /// and names of the batch in flight are left out (the last come back with a rescan if they
    /// are still there after that batch).
    ///
    /// A batch also stops at ``batchByteBudget`` (the names after it go back to the queue), so
    /// a flood of multi-megabyte files cannot make one batch outlast the watchdog.
    private func sources(for names: [(String, Bool)], excluding inFlight: Set<String>) -> [IngestSource] {
        let drop = configuration.dropDirectory
        var sources: [IngestSource] = []
        var openForWriting: [UInt64: Set<OpenWriterProbe.FileID>] = [:]
        var bytes: Int64 = 0
        for (k, (name, scanned)) in names.enumerated() {
            if bytes >= Self.batchByteBudget {
                daemon.queue.requeue(Array(names[k...]))
                break
            }
            if DropFolderWatcher.isTemporaryName(name) || inFlight.contains(name) { continue }
            let path = drop + "/" + name
            if let pending = awaitingRemoval.removeValue(forKey: name) {
                if DroppedFileReader.currentIdentity(of: path) == pending.identity {
                    // Committed earlier, its removal failed: try it again (re-noted on failure).
                    dispose(IngestSource(path: path, name: name), pending.unit, recovered: true)
                    continue
                }
                // Gone, or another file under that name now: taken like any file.
            }
            guard let snapshot = try? FileSnapshot.take(path: path) else { continue }
            if snapshot.kind == .directory {
                logger.warning("\(path) is a folder; folders in the drop folder are left alone")
                continue
            }
            if scanned && snapshot.kind == .regular {
                // Found by listing, not by a close-after-write: make sure no one still writes it.
                // Old files skip the /proc probe (a catch-up of thousands stays fast).
                var check = settledCheck
                let age = SettledFileCheck.wallClockNanoseconds() - snapshot.modificationTimeNanoseconds
                if age > 60_000_000_000 { check.openWriterProbe = nil }
                // One pass over /proc for the whole batch, not one per file (a rescan after an
                // overflow brings thousands).
                if let probe = check.openWriterProbe, openForWriting[snapshot.device] == nil {
                    openForWriting[snapshot.device] = (try? probe.filesOpenForWriting(onDevice: snapshot.device)) ?? []
                }
                switch check.verdict(for: snapshot, path: path, now: SettledFileCheck.wallClockNanoseconds(), openForWriting: openForWriting[snapshot.device]) {
                case .unsettled(let retryAfter):
                    delayed.append((name, .now + retryAfter))
                    continue
                case .vanished: continue
                case .settled, .notRegular: break
                }
            }
            sources.append(IngestSource(path: path, name: name))
            bytes += snapshot.size
        }
        return sources
    }

    /// The bytes a batch takes before the rest waits for the next one: 8 MiB. Articles are a few
    /// KB (256 of them are ~1.5 MB); text crafted to be slow extracts at ~0.6 MB/s a core, so a
    /// batch stays well inside `WatchdogSec=30s` (the daemon pings between batches).
    static let batchByteBudget: Int64 = 8 << 20

    /// Threads removing a batch's files (see `commit`): 8 and 32 gave the same 15,000–17,000
    /// unlinks/s on this machine's discard-mounted ext4, where 2 gave 1,000–2,500.
    static let unlinkThreads = 16

    /// Commits a prepared batch and gives each file its disposition.
    private func commit(_ batch: IngestPipeline.PreparedBatch) throws {
        let sources = batch.sources
        let outcomes = try pipeline.commit(batch, recogniseCommittedDrops: true)
        if backoff > .zero { logger.notice("committing works again; the retried files are in the journal") }
        backoff = .zero
        retryNote = nil
        if let failure = writer.lastDeferredFailure {
            logError("committed, but \(failure); readers see the new units once this is written (retried with the next batch and at stop; a restart re-indexes them)")
        }
        for (source, error) in pipeline.deferred {
            let wait = readBackoff[source.name].map { min($0 * 2, .seconds(60)) } ?? .seconds(1)
            readBackoff[source.name] = wait
            delayed.append((source.name, .now + wait))
            retryNote = "cannot read \(source.name): \(error); retrying in \(wait)"
            let advice = error.errno == EMFILE || error.errno == ENFILE
                ? " (out of file descriptors: raise LimitNOFILE= in the unit, now \(Self.openFileLimit()), or fs.file-max)" : ""
            logError("\(error); it stays in the drop folder and is read again in \(wait)\(advice)")
        }
        let deferredNames = Set(pipeline.deferred.map(\.source.name))
        // Removing the committed files is the largest serial step after a commit: the file
        // system frees each inode's blocks inside unlink, and on a file system mounted with
        // `discard` waits for the device to trim them. Done first, on more threads than cores
        // (the calls wait rather than compute), then the per-file bookkeeping below uses the
        // results.
        let removable: [String] = zip(sources, outcomes).compactMap { source, outcome in
            switch outcome {
            case .committed(let unit), .alreadyCommitted(let unit):
                return unit.disposition == .rejected ? nil : source.path
            case .vanished: return nil
            }
        }
        let unlinkErrors = removable.blockingParallelMap(width: Self.unlinkThreads) { path -> Int32 in
            unlink(path) == 0 ? 0 : errno
        }
        var unlinkError: [String: Int32] = [:]
        unlinkError.reserveCapacity(removable.count)
        for (path, error) in zip(removable, unlinkErrors) { unlinkError[path] = error }
        for (source, outcome) in zip(sources, outcomes) {
            if !deferredNames.contains(source.name) { readBackoff[source.name] = nil }
            switch outcome {
            case .committed(let unit): dispose(source, unit, recovered: false, unlinkError: unlinkError[source.path])
            case .alreadyCommitted(let unit): dispose(source, unit, recovered: true, unlinkError: unlinkError[source.path])
            case .vanished where deferredNames.contains(source.name): break
            case .vanished: logger.warning("\(source.path) vanished before it could be read; nothing recorded")
            }
        }
    }

    /// Removes an ingested or duplicate file; moves a rejected one to the rejected folder.
    /// - Parameter unlinkError: for an ingested or duplicate file already unlinked by the
    ///   caller, the `errno` of that `unlink` (0 when it succeeded); `nil` to unlink here.
    private func dispose(_ source: IngestSource, _ unit: CommittedUnit, recovered: Bool, unlinkError: Int32? = nil) {
        let fields: Logger.Metadata = [
            "file": "\(source.name)", "seq": "\(unit.seq)", "article_id": "\(unit.articleID ?? "")",
            "events": "\(unit.events)",
        ]
        let note = recovered ? " (committed earlier; finishing its removal)" : ""
        switch unit.disposition {
        case .article, .duplicate:
            let error = unlinkError ?? (unlink(source.path) == 0 ? 0 : errno)
            if error != 0 && error != ENOENT {
                logError("committed \(source.name) (seq \(unit.seq)) but cannot remove it from the drop folder: \(String(cString: strerror(error))); it is recognised by its identity and removed on the next try (in 5 s) or restart")
                awaitRemoval(source, unit)
            }
            if unit.disposition == .article {
                if !recovered { status.counts.ingested += 1 }
                status.lastIngest = .init(time: Date(), file: source.name, articleID: unit.articleID ?? "")
                logger.info("ingested \(source.name): article \(unit.articleID ?? ""), \(unit.events) events, seq \(unit.seq)\(note)",
                            metadata: fields.merging([JournalMessageID.metadataKey: JournalMessageID.ingested.metadataValue]) { $1 })
            } else {
                if !recovered { status.counts.duplicates += 1 }
                logger.info("duplicate \(source.name): same bytes as article \(unit.articleID ?? "") (seq \(unit.firstSeq ?? 0)), seq \(unit.seq)\(note)",
                            metadata: fields.merging([JournalMessageID.metadataKey: JournalMessageID.duplicate.metadataValue]) { $1 })
            }
        case .rejected:
            if !recovered { status.counts.rejected += 1 }
            let target = moveToRejected(source)
            if target == nil && DroppedFileReader.currentIdentity(of: source.path) != nil {
                // Committed, but still in the drop folder: recognised and moved on the next try.
                awaitRemoval(source, unit)
            }
            logger.warning("rejected \(source.name): \(unit.reason?.description ?? "?"); moved to \(target ?? "(could not move)")\(note)",
                           metadata: fields.merging([JournalMessageID.metadataKey: JournalMessageID.rejected.metadataValue]) { $1 })
        }
    }

    /// Notes a committed file still in the drop folder, to finish its removal in 5 s.
    private func awaitRemoval(_ source: IngestSource, _ unit: CommittedUnit) {
        if let identity = DroppedFileReader.currentIdentity(of: source.path) {
            awaitingRemoval[source.name] = (identity, unit)
        }
        delayed.append((source.name, .now + .seconds(5)))
    }

    /// Renames into the rejected folder without overwriting (`name`, `name.1`, …); copies when
    /// the folders are on different file systems.
    private func moveToRejected(_ source: IngestSource) -> String? {
        let folder = configuration.rejectedDirectory
        var target = folder + "/" + source.name
        var n = 0
        while Syscalls.exists(target) {
            n += 1
            target = folder + "/" + source.name + ".\(n)"
        }
        if rename(source.path, target) == 0 { return target }
        if errno == EXDEV, (try? FileManager.default.copyItem(atPath: source.path, toPath: target)) != nil {
            unlink(source.path)
            return target
        }
        if errno == ENOENT { return nil }
        logError("cannot move rejected \(source.path) to \(folder): \(String(cString: strerror(errno)))")
        return nil
    }

    private func recreateDropFolder() {
        let folder = configuration.dropDirectory
        logError("the drop folder \(folder) was removed or moved away")
        guard configuration.createsDropDirectory else {
            logError("create_drop_dir is off: recreate \(folder) and restart newsdropd")
            return
        }
        do {
            try Syscalls.makeDirectories(folder)
            try daemon.daemonWatcher.withLock({ $0 })?.rewatch()
            logger.notice("recreated and watching \(folder) again")
        } catch {
            logError("cannot recreate the drop folder \(folder): \(error)")
        }
    }

    private func reload() {
        _ = try? daemon.notifier.reloading()
        do {
            let fresh = try daemon.reloadConfiguration()
            if fresh.dropDirectory != configuration.dropDirectory || fresh.dataDirectory != configuration.dataDirectory
                || fresh.rejectedDirectory != configuration.rejectedDirectory
            {
                logger.warning("drop_dir, data_dir and rejected_dir take effect only after a restart")
            }
            let extractor = try daemon.loadExtractor(fresh.dictionaryDirectories)
            pipeline.extractor = extractor
            pipeline.fileReader = DroppedFileReader(maxBytes: fresh.maxFileBytes, defersTransientErrors: true)
            settledCheck = SettledFileCheck(settleTime: fresh.settleTime)
            configuration.maxFileBytes = fresh.maxFileBytes
            configuration.settleTime = fresh.settleTime
            configuration.dictionaryDirectories = fresh.dictionaryDirectories
            logger.notice("reloaded configuration and dictionaries",
                          metadata: [JournalMessageID.metadataKey: JournalMessageID.reloaded.metadataValue])
        } catch {
            logError("reload failed, keeping the previous configuration and dictionaries: \(error)")
        }
        _ = try? daemon.notifier.ready(status: status.summaryLine)
    }

    private func logError(_ message: String) {
        status.counts.errors += 1
        status.lastError = .init(time: Date(), message: message)
        logger.error("\(message)", metadata: [JournalMessageID.metadataKey: JournalMessageID.error.metadataValue])
    }

    private func publishStatus() {
        lastPublished = .now
        status.queueDepth = daemon.queue.count + delayed.count
        status.updatedAt = Date()
        try? StatusFile.write(status, dataDirectory: configuration.dataDirectory)
        _ = try? daemon.notifier.status(status.summaryLine + (retryNote.map { "; " + $0 } ?? ""))
    }

    private func shutDown() {
        _ = try? daemon.notifier.stopping()
        logger.info("stopping", metadata: [JournalMessageID.metadataKey: JournalMessageID.stopping.metadataValue])
        status.state = .stopping
        publishStatus()
        // the event index of the last commits is written before exit, not left to queries
        pipeline.finishEventIndex()
        do {
            try writer.close()
        } catch {
            logError("closing the journal: \(error)")
        }
    }
}
