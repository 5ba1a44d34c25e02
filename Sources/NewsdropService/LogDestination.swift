public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Where the daemon's log goes: the journal when systemd started it, standard error otherwise.
///
/// Decided from the environment only, never from the parent process's name: systemd sets
/// `JOURNAL_STREAM` when standard error is connected to the journal and `INVOCATION_ID` for
/// every unit it runs.
///
/// ```swift
/// let environment = ProcessInfo.processInfo.environment
/// LoggingSystem.bootstrap { label in
///     LogDestination.makeLogHandler(label: label, environment: environment, logLevel: .info)
/// }
/// ```
public enum LogDestination: String, Sendable, Equatable {
    /// Native journal entries through `sd_journal_sendv` (``SystemdJournalLogHandler``).
    case journal
    /// Readable lines on standard error (``StderrLogHandler``).
    case stderr

    /// The destination for a process with this environment.
    ///
    /// - Parameter environment: The process environment.
    /// - Returns: ``journal`` when `JOURNAL_STREAM` or `INVOCATION_ID` is set and not empty,
    ///   else ``stderr``.
    public static func detect(environment: [String: String]) -> LogDestination {
        for name in ["JOURNAL_STREAM", "INVOCATION_ID"] {
            if let value = environment[name], !value.isEmpty { return .journal }
        }
        return .stderr
    }

    /// Makes the handler for this destination.
    ///
    /// - Parameters:
    ///   - label: The logger's label (swift-log passes it to the bootstrap closure); unused in
    ///     the output, where the identifier stands for the process.
    ///   - logLevel: The lowest level written.
    ///   - identifier: `SYSLOG_IDENTIFIER` or the line prefix, `newsdropd` by default.
    public func makeLogHandler(
        label: String,
        logLevel: Logger.Level = .info,
        identifier: String = "newsdropd"
    ) -> any LogHandler {
        switch self {
        case .journal: SystemdJournalLogHandler(identifier: identifier, logLevel: logLevel)
        case .stderr: StderrLogHandler(identifier: identifier, logLevel: logLevel)
        }
    }

    /// The socket journald receives native entries on.
    public static let defaultJournalSocket = "/run/systemd/journal/socket"

    /// Makes the handler for a process with this environment: ``detect(environment:)``, then
    /// ``makeLogHandler(label:logLevel:identifier:)``; but standard error when the journal was
    /// chosen and journald's socket does not exist (libsystemd would drop every entry silently).
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - environment: The process environment.
    ///   - logLevel: The lowest level written.
    ///   - identifier: `SYSLOG_IDENTIFIER` or the line prefix, `newsdropd` by default.
    ///   - journalSocket: journald's socket, checked with `access(2)`; tests may point elsewhere.
    public static func makeLogHandler(
        label: String,
        environment: [String: String],
        logLevel: Logger.Level = .info,
        identifier: String = "newsdropd",
        journalSocket: String = LogDestination.defaultJournalSocket
    ) -> any LogHandler {
        var destination = detect(environment: environment)
        if destination == .journal, access(journalSocket, F_OK) != 0 {
            destination = .stderr
        }
        return destination.makeLogHandler(label: label, logLevel: logLevel, identifier: identifier)
    }
}
