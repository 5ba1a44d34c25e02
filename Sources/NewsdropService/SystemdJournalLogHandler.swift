import CSystemd
public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes native journal entries through libsystemd's
/// `sd_journal_sendv`, for the daemon run by systemd.
///
/// Each entry carries `MESSAGE`, `PRIORITY` (the level's syslog priority),
/// `SYSLOG_IDENTIFIER`, `CODE_FILE`/`CODE_LINE`/`CODE_FUNC`, and every metadata key as its own
/// field, uppercased and made valid by ``JournalFieldName/sanitize(_:)``: the daemon passes
/// `message_id` (a ``JournalMessageID``), `article_id`, `file`, `events` and `seq`, so
/// `journalctl ARTICLE_ID=3f0c2a…` and `journalctl -o json` work.
///
/// libsystemd drops entries silently (and returns 0) when journald's socket does not exist;
/// ``LogDestination/makeLogHandler(label:environment:logLevel:identifier:journalSocket:)``
/// therefore picks this handler only when the socket is there. When sending fails for another
/// reason, the line goes to standard error instead (which systemd usually routes to the
/// journal too), so no message is lost.
public struct SystemdJournalLogHandler: LogHandler {
    /// The `SYSLOG_IDENTIFIER` of every entry.
    public var identifier: String
    /// The lowest level written (`Logger` filters before calling ``log(event:)``).
    public var logLevel: Logger.Level
    /// Metadata added to every message of this handler's logger.
    public var metadata: Logger.Metadata = [:]
    /// Adds contextual metadata (for example task-local values) to every message.
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - identifier: The `SYSLOG_IDENTIFIER`, `newsdropd` by default.
    ///   - logLevel: The lowest level written.
    ///   - metadataProvider: Adds contextual metadata to every entry, if given.
    public init(
        identifier: String = "newsdropd",
        logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.identifier = identifier
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    /// One entry of ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Sends the event as one journal entry (see ``fields(identifier:level:message:metadata:file:line:function:)``),
    /// or writes it to standard error if journald refuses it.
    public func log(event: LogEvent) {
        var merged = effectiveMetadata(handlerMetadata: metadata, provider: metadataProvider, event: event.metadata)
        if let error = event.error { merged["error"] = "\(error)" }
        let message = "\(event.message)"
        let fields = Self.fields(
            identifier: identifier, level: event.level, message: message, metadata: merged,
            file: event.file, line: event.line, function: event.function)
        if Self.send(fields) != 0 {
            StderrLogHandler.writeLine(
                StderrLogHandler.format(identifier: identifier, level: event.level, message: message, metadata: merged),
                to: STDERR_FILENO)
        }
    }

    /// The fields of one entry, in the order they are sent.
    ///
    /// - Parameters:
    ///   - identifier: The `SYSLOG_IDENTIFIER`.
    ///   - level: Gives `PRIORITY`.
    ///   - message: The `MESSAGE`.
    ///   - metadata: One field per key, named by ``JournalFieldName/sanitize(_:)``, sorted.
    ///   - file: `CODE_FILE`.
    ///   - line: `CODE_LINE`.
    ///   - function: `CODE_FUNC`.
    /// - Returns: `(name, value)` pairs; every name is a valid journal field name.
    public static func fields(
        identifier: String,
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        file: String = #fileID,
        line: UInt = #line,
        function: String = #function
    ) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("MESSAGE", message),
            ("PRIORITY", String(level.syslogPriority)),
            ("SYSLOG_IDENTIFIER", identifier),
            ("CODE_FILE", file),
            ("CODE_LINE", String(line)),
            ("CODE_FUNC", function),
        ]
        for key in metadata.keys.sorted() {
            fields.append((JournalFieldName.sanitize(key), "\(metadata[key]!)"))
        }
        return fields
    }

    /// Sends one entry to journald, one `iovec` per `NAME=value` (values may hold newlines
    /// and any bytes).
    ///
    /// The corresponding C function is `sd_journal_sendv`.
    ///
    /// - Parameter fields: `(name, value)` pairs; names must be valid journal field names.
    /// - Returns: 0 on success, and also when journald's socket `/run/systemd/journal/socket`
    ///   does not exist (libsystemd then drops the entry silently); a negative `errno`
    ///   otherwise, for example `-EINVAL` for a field without a name.
    public static func send(_ fields: [(name: String, value: String)]) -> Int32 {
        var storage: [UInt8] = []
        storage.reserveCapacity(fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 1 })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(fields.count)
        for field in fields {
            let start = storage.count
            storage.append(contentsOf: field.name.utf8)
            storage.append(UInt8(ascii: "="))
            storage.append(contentsOf: field.value.utf8)
            ranges.append(start..<storage.count)
        }
        return storage.withUnsafeMutableBytes { buffer -> Int32 in
            let vectors = ranges.map { range in
                iovec(iov_base: buffer.baseAddress! + range.lowerBound, iov_len: range.count)
            }
            return vectors.withUnsafeBufferPointer { vectorBuffer in
                sd_journal_sendv(vectorBuffer.baseAddress, Int32(vectorBuffer.count))
            }
        }
    }
}
