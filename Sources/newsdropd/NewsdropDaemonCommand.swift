import ArgumentParser
import Dispatch
import Foundation
import Logging
import NewsdropCore
import NewsdropExtraction
import NewsdropService
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
            configuration: configuration, logger: logger, notifier: SystemdNotifier(environment: environment),
            loadExtractor: { directories in try ExtractorFactory.make(configured: directories) },
            reloadConfiguration: { try ServiceConfiguration.resolveForCurrentProcess(flags: flags, configFile: configFile) })
        let signals = SignalHandlers(daemon: daemon)
        defer { withExtendedLifetime(signals) {} }
        do {
            try await daemon.run()
        } catch {
            logger.critical("\(error)", metadata: [JournalMessageID.metadataKey: JournalMessageID.error.metadataValue])
            throw ExitCode.failure
        }
    }
}

/// SIGTERM and SIGINT stop the daemon, SIGHUP reloads it; delivered through dispatch sources so
/// no work happens in a signal handler.
final class SignalHandlers {
    private let sources: [any DispatchSourceSignal]

    init(daemon: DropFolderDaemon) {
        let queue = DispatchQueue(label: "newsdropd.signals")
        var sources: [any DispatchSourceSignal] = []
        for (signo, action) in [(SIGTERM, 0), (SIGINT, 0), (SIGHUP, 1)] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
            source.setEventHandler {
                if action == 0 { daemon.requestStop() } else { daemon.requestReload() }
            }
            source.resume()
            sources.append(source)
        }
        signal(SIGPIPE, SIG_IGN)
        self.sources = sources
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
