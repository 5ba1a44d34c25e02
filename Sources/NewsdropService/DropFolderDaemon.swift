import Foundation
public import Logging
import NewsdropCore
public import NewsdropExtraction
#if canImport(Glibc)
import Glibc
#endif

/// The watch-folder service: every file dropped into the drop folder is ingested exactly once
/// and then leaves the folder (an article or duplicate is removed, its bytes being in the
/// archive; a rejected file moves to the rejected folder).
///
/// Threads: the inotify watcher has its own; the journal work (reading, extraction, fsync) runs
/// on one dedicated thread that owns the writer, so blocking I/O never sits on the cooperative
/// pool; ``run()`` waits on both. Stop and reload requests reach the work thread through its
/// queue, so the unit in flight always finishes.
public final class DropFolderDaemon: Sendable {
    /// Loads the extractor from dictionary folders (called at start and on reload).
    public typealias ExtractorLoader = @Sendable ([String]) throws -> any EventExtracting
    /// Reads the configuration again (on reload).
    public typealias ConfigurationLoader = @Sendable () throws -> ServiceConfiguration

    public let configuration: ServiceConfiguration
    let logger: Logger
    let notifier: SystemdNotifier
    let loadExtractor: ExtractorLoader
    let reloadConfiguration: ConfigurationLoader
    let queue = DropQueue()
    /// Files per group commit.
    public let batchSize: Int

    public init(
        configuration: ServiceConfiguration, logger: Logger, notifier: SystemdNotifier, batchSize: Int = 256,
        loadExtractor: @escaping ExtractorLoader, reloadConfiguration: @escaping ConfigurationLoader
    ) {
        self.configuration = configuration
        self.logger = logger
        self.notifier = notifier
        self.batchSize = batchSize
        self.loadExtractor = loadExtractor
        self.reloadConfiguration = reloadConfiguration
    }

    /// Asks the daemon to stop after the unit in flight (SIGTERM, SIGINT).
    public func requestStop() {
        queue.request { $0.stop = true }
    }

    /// Asks the daemon to reload its configuration and dictionaries (SIGHUP).
    public func requestReload() {
        queue.request { $0.reload = true }
    }

    /// What went wrong starting the daemon, for the operator.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Runs until ``requestStop()``. Throws when the daemon cannot start or the journal turns
    /// out damaged; the message says what to do.
    ///
    /// A stop requested during start-up ends it at the next step (after the journal is opened
    /// and recovered, before the dictionaries are loaded, before the watch and the catch-up
    /// scan) with `STOPPING=1`, and `run()` returns normally.
    public func run() async throws {
        let config = configuration
        for line in config.summary { logger.info("\(line)") }
        if queue.isStopRequested { return stoppedDuringStartup("before opening the journal") }
        try prepareFolders()
        // The work thread opens the journal (lock, recovery) and the dictionaries, then says so.
        let started = AsyncStream<Result<Bool, StartError>>.makeStream()
        let finished = AsyncStream<Result<Void, StartError>>.makeStream()
        let thread = Thread { [self] in
            let processor: DropProcessor
            do {
                processor = try DropProcessor(daemon: self)
            } catch is DropProcessor.StoppedDuringStartup {
                started.continuation.yield(.success(false))
                started.continuation.finish()
                finished.continuation.yield(.success(()))
                finished.continuation.finish()
                return
            } catch {
                started.continuation.yield(.failure(StartError(description: "\(error)")))
                started.continuation.finish()
                finished.continuation.yield(.success(()))
                finished.continuation.finish()
                return
            }
            started.continuation.yield(.success(true))
            started.continuation.finish()
            let result = processor.runLoop()
            finished.continuation.yield(result)
            finished.continuation.finish()
        }
        thread.name = "newsdrop-journal"
        thread.stackSize = 8 << 20
        thread.start()
        var running = false
        for await result in started.stream { running = try result.get() }
        guard running else { return stoppedDuringStartup("after opening the journal, before loading the dictionaries") }
        if queue.isStopRequested {
            // The work thread sees the stop on its first look at the queue and shuts down
            // (STOPPING=1, the journal closed); no watch, no catch-up scan, no READY=1.
            for await _ in finished.stream {}
            logger.notice("stopped during start-up, before watching the drop folder")
            return
        }
        // Watch first, then scan: nothing dropped in between is missed.
        let watcher: DropFolderWatcher
        do {
            watcher = try DropFolderWatcher(folder: config.dropDirectory)
        } catch {
            requestStop()
            for await _ in finished.stream {}
            throw StartError(description: "\(error)")
        }
        scan(watcher)
        _ = try? notifier.ready(status: "ready: watching \(config.dropDirectory); queue \(queue.count)")
        logger.info(
            "watching \(config.dropDirectory) (journal in \(config.dataDirectory))",
            metadata: [JournalMessageID.metadataKey: JournalMessageID.started.metadataValue])
        let events = Task { [self] in
            for await event in watcher.events {
                switch event {
                case .candidate(let name): queue.enqueue(name, scanned: false)
                case .rescanNeeded: queue.request { $0.rescan = true }
                case .folderRemoved: queue.request { $0.folderRemoved = true }
                }
            }
        }
        daemonWatcher.withLock { $0 = watcher }
        var outcome: Result<Void, StartError> = .success(())
        for await result in finished.stream { outcome = result }
        watcher.stop()
        events.cancel()
        _ = await events.value
        if case .failure(let error) = outcome { throw error }
    }

    /// Says that start-up ended early because a stop was requested.
    private func stoppedDuringStartup(_ when: String) {
        _ = try? notifier.stopping()
        logger.notice("stopped during start-up, \(when)", metadata: [JournalMessageID.metadataKey: JournalMessageID.stopping.metadataValue])
    }

    /// The watcher, for the work thread's rescans and rewatches.
    let daemonWatcher = WatcherSlot()

    /// Lists the drop folder and queues what is there, the oldest first, as many as the queue
    /// has room for (the rest wait in the folder for a refill).
    func scan(_ watcher: DropFolderWatcher) {
        do {
            let (names, truncated) = try watcher.scan(limit: queue.capacity)
            for name in names { queue.enqueue(name, scanned: true) }
            if truncated { queue.noteNamesLeftInFolder() }
        } catch {
            // Whatever waits in the folder is listed again when the queue next runs low.
            queue.noteNamesLeftInFolder()
            logger.error("cannot list the drop folder: \(error)", metadata: [JournalMessageID.metadataKey: JournalMessageID.error.metadataValue])
        }
    }

    func prepareFolders() throws {
        let config = configuration
        if !Syscalls.exists(config.dropDirectory) {
            guard config.createsDropDirectory else {
                throw StartError(description: "the drop folder \(config.dropDirectory) does not exist and create_drop_dir is off; create it or fix drop_dir")
            }
        }
        for folder in [config.dropDirectory, config.rejectedDirectory, config.dataDirectory] {
            do {
                try Syscalls.makeDirectories(folder)
            } catch {
                throw StartError(description: "\(error); create it or fix the configuration")
            }
        }
    }
}

/// Holds the watcher once it exists, for the work thread.
final class WatcherSlot: Sendable {
    private let slot = PthreadMutex<DropFolderWatcher?>(nil)
    func withLock<R>(_ body: (inout DropFolderWatcher?) -> R) -> R { slot.withLock { body(&$0) } }
}
