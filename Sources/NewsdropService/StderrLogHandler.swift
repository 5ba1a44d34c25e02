public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes readable lines to standard error, for a daemon run by hand:
///
///     newsdropd: info: ingested 000_7e37.txt (article_id=3f0c2a events=6 seq=17)
///
/// Metadata follows the message as `key=value`, keys sorted; values with spaces, quotes or `=`
/// are quoted. The `message_id` key (``JournalMessageID``) is left out: it is meant for the
/// journal. Each line is one unbuffered `write(2)`, so lines from several threads never
/// interleave and nothing is lost when the process dies.
public struct StderrLogHandler: LogHandler {
    /// The name in front of every line.
    public var identifier: String
    /// The file descriptor written to; standard error unless a test redirects it.
    public var fileDescriptor: Int32
    /// The lowest level written (`Logger` filters before calling ``log(event:)``).
    public var logLevel: Logger.Level
    /// Metadata added to every message of this handler's logger.
    public var metadata: Logger.Metadata = [:]
    /// Adds contextual metadata (for example task-local values) to every message.
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - identifier: The name in front of every line, `newsdropd` by default.
    ///   - logLevel: The lowest level written.
    ///   - fileDescriptor: Where to write; standard error (2) by default.
    ///   - metadataProvider: Adds contextual metadata to every line, if given.
    public init(
        identifier: String = "newsdropd",
        logLevel: Logger.Level = .info,
        fileDescriptor: Int32 = 2,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.identifier = identifier
        self.logLevel = logLevel
        self.fileDescriptor = fileDescriptor
        self.metadataProvider = metadataProvider
    }

    /// One entry of ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one line (see ``format(identifier:level:message:metadata:)``).
    public func log(event: LogEvent) {
        var merged = effectiveMetadata(handlerMetadata: metadata, provider: metadataProvider, event: event.metadata)
        if let error = event.error { merged["error"] = "\(error)" }
        let line = Self.format(identifier: identifier, level: event.level, message: "\(event.message)", metadata: merged)
        Self.writeLine(line, to: fileDescriptor)
    }

    /// Formats one line, with its trailing newline.
    ///
    /// - Parameters:
    ///   - identifier: The name in front of the line.
    ///   - level: The level, written as swift-log names it (`info`, `warning`…).
    ///   - message: The message; line breaks are written as `\n` so a record stays one line.
    ///   - metadata: Written as `key=value` pairs in key order; `message_id` is left out.
    /// - Returns: `"<identifier>: <level>: <message> (key=value …)\n"`.
    public static func format(
        identifier: String,
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata
    ) -> String {
        var line = "\(identifier): \(level.rawValue): \(escapeLineBreaks(message))"
        let keys = metadata.keys.filter { $0 != JournalMessageID.metadataKey }.sorted()
        if !keys.isEmpty {
            let pairs = keys.map { key in "\(key)=\(quoteIfNeeded("\(metadata[key]!)"))" }
            line += " (" + pairs.joined(separator: " ") + ")"
        }
        return line + "\n"
    }

    /// Writes a whole line with one `write(2)` when possible, finishing partial writes and
    /// retrying on `EINTR`. Errors are ignored: there is nowhere left to report them.
    ///
    /// The corresponding C function is `write`.
    static func writeLine(_ line: String, to fileDescriptor: Int32) {
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = retryingOnInterrupt {
                    write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private static func escapeLineBreaks(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\r\n": result += "\\r\\n"
            default: result.append(character.isNewline ? " " : character)
            }
        }
        return result
    }

    private static func quoteIfNeeded(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { character in
            character == " " || character == "\"" || character == "=" || character == "\\"
                || character.isNewline || character == "\t" || character == "(" || character == ")"
        }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
