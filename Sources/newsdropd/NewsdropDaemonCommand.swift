import ArgumentParser
import Dispatch
import Foundation
import Logging
import NewsdropCore
import NewsdropExtraction
import NewsdropService
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `newsdropd`: the watch-folder daemon. Parses flags, wires configuration, logging, signals
/// and systemd to the service library, and maps failures to exit codes.
@main
struct NewsdropDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdropd",
        abstract: "Watch a drop folder and ingest every article dropped into it into the event journal.",
        discussion: """
            Runs in the foreground (systemd Type=notify). Precedence: flags > environment \
            (NEWSDROP_DROP_DIR, NEWSDROP_DATA_DIR, …) > config file > defaults. SIGTERM/SIGINT stop \
            after the file in flight; SIGHUP reloads the configuration and dictionaries.
            """)

    @Option(help: ArgumentHelp("The config file (default /etc/newsdrop/newsdrop.conf).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The folder to watch.", valueName: "dir"))
    var dropDir: String?

    @Option(help: ArgumentHelp("The data folder (journal, archive, index).", valueName: "dir"))
    var dataDir: String?

    @Option(help: ArgumentHelp("Where rejected files go (default: rejected/ beside the drop folder).", valueName: "dir"))
    var rejectedDir: String?

    @Option(help: ArgumentHelp("Largest file accepted (16MiB, 512k, bytes).", valueName: "size"))
    var maxFileBytes: String?

    @Option(help: ArgumentHelp("Dictionary folders, ':'-separated (default: the installed ones).", valueName: "dirs"))
    var dictionariesDirs: String?

    private var flags: [ConfigurationKey: String] {
        var flags: [ConfigurationKey: String] = [:]
        flags[.dropDir] = dropDir
        flags[.dataDir] = dataDir
        flags[.rejectedDir] = rejectedDir
        flags[.maxFileBytes] = maxFileBytes
        flags[.dictionariesDirs] = dictionariesDirs
        return flags
    }

    /// Bad usage exits 2 (ArgumentParser's own code for it is 64).
    static func main() async {
        // First of all, before any other thread exists: from here on SIGTERM, SIGINT and SIGHUP
        // are taken by one thread with sigwait, so a stop during start-up is a clean exit 0.
        DaemonSignals.shared.start()
        MallocArenas.limitToCores()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let notifier = SystemdNotifier(environment: environment)
        let signals = DaemonSignals.shared
        signals.notifier = notifier
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.resolveForCurrentProcess(flags: flags, configFile: config)
        } catch {
            FileHandle.standardError.write(Data("newsdropd: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            LogDestination.makeLogHandler(label: label, environment: environment, logLevel: level)
        }
        let logger = Logger(label: "newsdropd")
        let flags = self.flags
        let configFile = config
        let daemon = DropFolderDaemon(
            configuration: configuration, logger: logger, notifier: notifier,
            loadExtractor: { directories in try ExtractorFactory.make(configured: directories) },
            reloadConfiguration: { try ServiceConfiguration.resolveForCurrentProcess(flags: flags, configFile: configFile) })
        // Until now a stop signal exits at once (nothing is open); from here it goes to the
        // daemon, which checks for it between its start-up steps (journal, dictionaries, scan).
        signals.attach(daemon)
        do {
            try await daemon.run()
        } catch {
            logger.critical("\(error)", metadata: [JournalMessageID.metadataKey: JournalMessageID.error.metadataValue])
            throw ExitCode.failure
        }
    }
}

/// glibc gives each thread that meets a locked arena a new one, up to 8 per core; memory freed
/// in an arena stays with it. The extraction threads of a burst spread the daemon over many
/// arenas: with one per core, a 100,000-file burst peaked at 69,816 kB instead of 77,100 kB
/// (20,000 files: see docs/performance.md), and no more threads allocate at once than there
/// are cores to run them, so they rarely wait for a lock.
enum MallocArenas {
    /// `M_ARENA_MAX` in glibc's `<malloc.h>`, which Swift's Glibc module does not import.
    static let arenaMaxParameter: Int32 = -8

    /// Sets `M_ARENA_MAX` to the number of cores unless `MALLOC_ARENA_MAX` is set in the
    /// environment (the operator's choice wins); does nothing without glibc's `mallopt`. The
    /// corresponding C function is `mallopt` (looked up with `dlsym`: `<malloc.h>` is not in
    /// Swift's Glibc module).
    static func limitToCores() {
        guard getenv("MALLOC_ARENA_MAX") == nil, let symbol = dlsym(nil, "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let cores = max(1, Int32(clamping: sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        _ = mallopt(arenaMaxParameter, cores)
    }
}

/// Where ``DaemonSignals``' handler leaves its news: a bit per signal number, then a post of
/// ``signalArrived``. Both are async-signal-safe (a lock-free atomic, `sem_post`) and neither
/// goes through a function an `LD_PRELOAD` library may wrap (libfiu's fault injection wraps
/// `read`, `write` and `sigaction`; a wrapper that takes a lock or resolves its symbol inside
/// a handler, or in a thread racing the loader at start-up, can deadlock).
private let pendingSignals = Atomic<UInt32>(0)

/// Posted by the handler after setting a bit in ``pendingSignals``; a global because a C
/// signal handler captures nothing. Initialised before the handler is installed.
nonisolated(unsafe) private let signalArrived: UnsafeMutablePointer<sem_t> = {
    let semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    sem_init(semaphore, 0, 0)
    return semaphore
}()

/// SIGTERM and SIGINT stop the daemon, SIGHUP reloads it. Installed first thing in `main`, so
/// no stop signal is ever left to its default action (which kills the process without
/// `STOPPING=1` and with no exit status).
///
/// The handler (process-wide) only records the signal and posts a semaphore; a thread of its
/// own waits on it and acts: no work happens in the handler, and it does not matter which
/// thread the kernel picks (with an async `main`, libdispatch parks the main thread in
/// `sigsuspend` with every signal unblocked, so blocking the signals and taking them with
/// `sigwait` would not work).
///
/// What a stop does depends on how far start-up is:
/// - before the daemon exists (arguments, configuration; nothing is open yet): `STOPPING=1`
///   and exit 0 at once, even if reading the configuration blocks;
/// - afterwards: `STOPPING=1` at once, and the daemon stops at its next step (see
///   ``DropFolderDaemon/run()``), finishing the batch in flight.
///
/// What is left is the few milliseconds between `exec` and `main` (dynamic loading), when the
/// default action still applies.
final class DaemonSignals: Sendable {
    static let shared = DaemonSignals()

    private struct State {
        var stopRequested = false
        var daemon: DropFolderDaemon?
        var notifier: SystemdNotifier?
        var started = false
    }
    private let state = PthreadMutex(State())

    /// The signals taken here.
    static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// Whether SIGTERM or SIGINT has arrived.
    var stopRequested: Bool { state.withLock { $0.stopRequested } }

    /// Where `STOPPING=1` goes the moment a stop signal arrives (set as soon as the environment
    /// is read).
    var notifier: SystemdNotifier? {
        get { state.withLock { $0.notifier } }
        set { state.withLock { $0.notifier = newValue } }
    }

    /// Installs the handler and starts the thread that acts on the signals. Call it once, first
    /// thing in `main`.
    func start() {
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        // Both globals exist before the handler can touch them.
        _ = pendingSignals.load(ordering: .relaxed)
        _ = signalArrived
        let waiter = Thread { [self] in
            while true {
                // sem_wait fails only with EINTR (a signal handled on this thread): wait again.
                guard sem_wait(signalArrived) == 0 else { continue }
                let bits = pendingSignals.exchange(0, ordering: .acquiringAndReleasing)
                for signo in Self.handled where bits & (1 << UInt32(signo)) != 0 { received(signo) }
            }
        }
        waiter.name = "newsdropd-signals"
        waiter.stackSize = 256 << 10
        waiter.start()
        // `signal` (BSD semantics in glibc: the handler stays, interrupted calls restart) rather
        // than `sigaction`, which fault-injection preloads wrap.
        for signo in Self.handled {
            _ = signal(signo) { signo in
                pendingSignals.bitwiseOr(1 << UInt32(truncatingIfNeeded: signo), ordering: .releasing)
                sem_post(signalArrived)
            }
        }
        // Writing to a closed pipe (a log reader gone) must not kill the daemon either.
        signal(SIGPIPE, SIG_IGN)
    }

    /// From now on, stop and reload requests go to `daemon`; a stop that arrived before is
    /// passed on at once.
    func attach(_ daemon: DropFolderDaemon) {
        let stop = state.withLock { state in
            state.daemon = daemon
            return state.stopRequested
        }
        if stop { daemon.requestStop() }
    }

    private func received(_ signo: Int32) {
        if signo == SIGHUP {
            // Before the daemon runs there is nothing to reload: the configuration and the
            // dictionaries being loaded are the current ones.
            state.withLock { $0.daemon }?.requestReload()
            return
        }
        // Under the lock, so the daemon cannot be attached between the look and the exit.
        state.withLock { state in
            let first = !state.stopRequested
            state.stopRequested = true
            // STOPPING=1 at once, whatever start-up step is running; the daemon says it again
            // when it has finished the batch in flight.
            if first { _ = try? state.notifier?.stopping() }
            if state.daemon == nil {
                // Nothing is open yet (no journal, no lock, no file taken): leave now, even if
                // reading the configuration is stuck (a FIFO, a hung network file system).
                if state.notifier == nil {
                    _ = try? SystemdNotifier(environment: ProcessInfo.processInfo.environment).stopping()
                }
                Foundation.exit(0)
            }
        }
        state.withLock { $0.daemon }?.requestStop()
    }
}
