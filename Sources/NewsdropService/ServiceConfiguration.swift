public import Logging
import Foundation

/// The daemon's settings, resolved from flags, environment, configuration file and defaults.
///
/// Precedence, per setting (SPEC "Paths and configuration"): command-line flag > environment
/// (`NEWSDROP_DROP_DIR`, … see ``ConfigurationKey/environmentVariable``) > configuration file
/// (`/etc/newsdrop/newsdrop.conf`, or the one named by `--config`) > defaults.
///
/// Defaults:
/// - under systemd (`STATE_DIRECTORY`, `RUNTIME_DIRECTORY` or `INVOCATION_ID` set): drop folder
///   `/var/spool/newsdrop/incoming`, data `$STATE_DIRECTORY` (its first entry) or
///   `/var/lib/newsdrop`;
/// - by hand: the XDG data folder, so the daemon and the CLI find the same data from any
///   working directory: `$XDG_DATA_HOME/newsdrop` (`~/.local/share/newsdrop`) with
///   `incoming/` and `data/` inside; without `HOME` either, `./newsdrop-data/`;
/// - `rejected_dir`: `rejected` beside the drop folder; `max_file_bytes` 16 MiB;
///   `settle_seconds` 1; `dictionaries_dirs` none; `create_drop_dir` true; `log_level` info.
///
/// The file format is `key = value` lines; `#` starts a comment line; blank lines are
/// ignored; a value may be wrapped in double quotes. Relative paths in the file are relative to
/// the file's folder; relative paths in flags and the environment to the working directory.
/// Unknown keys, repeated keys and bad values are errors that name the file and line.
///
/// Resolution is pure: the environment, the flags and a file reader are parameters.
public struct ServiceConfiguration: Sendable, Equatable {
    /// The configuration file read when `--config` is not given; it may be missing.
    public static let defaultConfigFile = "/etc/newsdrop/newsdrop.conf"
    /// The default for ``maxFileBytes``: 16 MiB.
    public static let defaultMaxFileBytes = 16 * 1024 * 1024

    /// The drop folder (`drop_dir`).
    public var dropDirectory: String
    /// The folder of the journal and the status file (`data_dir`).
    public var dataDirectory: String
    /// Where rejected files go (`rejected_dir`).
    public var rejectedDirectory: String
    /// The largest file ingested, in bytes (`max_file_bytes`).
    public var maxFileBytes: Int
    /// How long a file found by a scan must stay unmodified (`settle_seconds`).
    public var settleTime: Duration
    /// Extra dictionary folders, searched in order (`dictionaries_dirs`).
    public var dictionaryDirectories: [String]
    /// Whether to create the drop folder when it is missing (`create_drop_dir`).
    public var createsDropDirectory: Bool
    /// The lowest level logged (`log_level`).
    public var logLevel: Logger.Level
    /// The configuration file that was read, or `nil` when none was.
    public var configFile: String?
    /// Whether the defaults were systemd's.
    public var usesSystemdDefaults: Bool
    /// Where each setting came from.
    public var sources: [ConfigurationKey: ConfigurationSource]

    /// Resolves the configuration.
    ///
    /// - Parameters:
    ///   - flags: Values given on the command line, by key (the executable maps `--drop-dir`
    ///     to ``ConfigurationKey/dropDir``), unparsed.
    ///   - configFile: The `--config` path, or `nil` for ``defaultConfigFile``. A missing
    ///     default file is fine; a missing `--config` file is an error.
    ///   - environment: The process environment.
    ///   - currentDirectory: The working directory, for relative paths and the last-resort
    ///     default.
    ///   - readFile: Returns a file's text, `nil` when it does not exist, and throws when it
    ///     exists but cannot be read. ``readTextFile(_:)`` reads the real file system.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigurationError`` naming the key and where it was set.
    public static func resolve(
        flags: [ConfigurationKey: String] = [:],
        configFile: String? = nil,
        environment: [String: String],
        currentDirectory: String,
        readFile: (String) throws -> String? = { try readTextFile($0) }
    ) throws(ConfigurationError) -> ServiceConfiguration {
        // Gather the raw values, lowest precedence first, so later ones replace them.
        var raw: [ConfigurationKey: (value: String, source: ConfigurationSource, base: String)] = [:]

        let filePath = configFile.map { absolute($0, base: currentDirectory) } ?? defaultConfigFile
        let text: String?
        do {
            text = try readFile(filePath)
        } catch {
            throw ConfigurationError(
                source: nil,
                message: "cannot read config file \(filePath): \(error); fix its permissions or pass another with --config")
        }
        if text == nil, configFile != nil {
            throw ConfigurationError(
                source: nil,
                message: "config file \(filePath) does not exist; check the --config path")
        }
        if let text {
            let fileBase = directoryName(of: filePath)
            for (key, value, line) in try parseFile(text, path: filePath) {
                raw[key] = (value, .file(path: filePath, line: line), fileBase)
            }
        }
        for key in ConfigurationKey.allCases {
            // An empty variable counts as unset, as systemd's `Environment=NAME=` intends.
            if let value = environment[key.environmentVariable], !value.isEmpty {
                raw[key] = (value, .environment(key.environmentVariable), currentDirectory)
            }
        }
        for (key, value) in flags {
            raw[key] = (value, .flag(key.flag), currentDirectory)
        }

        let underSystemd = ["STATE_DIRECTORY", "RUNTIME_DIRECTORY", "INVOCATION_ID"].contains {
            !(environment[$0] ?? "").isEmpty
        }
        let defaults = defaultFolders(environment: environment, underSystemd: underSystemd, currentDirectory: currentDirectory)

        var sources: [ConfigurationKey: ConfigurationSource] = [:]
        func value<T>(
            _ key: ConfigurationKey, default defaultValue: @autoclosure () -> T, expected: String,
            parse: (_ text: String, _ base: String) -> T?
        ) throws(ConfigurationError) -> T {
            guard let (text, source, base) = raw[key] else {
                sources[key] = .defaultValue
                return defaultValue()
            }
            sources[key] = source
            guard let parsed = parse(text, base) else {
                throw ConfigurationError(
                    source: source, key: key.rawValue,
                    message: "bad value '\(text)' for \(key.rawValue): expected \(expected)")
            }
            return parsed
        }

        let dropDirectory = try value(.dropDir, default: defaults.drop, expected: "a folder path", parse: parsePath)
        let dataDirectory = try value(.dataDir, default: defaults.data, expected: "a folder path", parse: parsePath)
        let rejectedDirectory = try value(
            .rejectedDir, default: directoryName(of: dropDirectory) + "/rejected", expected: "a folder path",
            parse: parsePath)
        let maxFileBytes = try value(
            .maxFileBytes, default: defaultMaxFileBytes,
            expected: "a size of at least 1 byte such as 16MiB, 512k or 1048576"
        ) { text, _ in
            ByteSize.parse(text).flatMap { $0 > 0 ? $0 : nil }
        }
        let settleTime = try value(
            .settleSeconds, default: Duration.seconds(1),
            expected: "a number of seconds between 0 and 86400, such as 1 or 0.5"
        ) { text, _ -> Duration? in
            guard let seconds = Double(text.trimmingWhitespace()), seconds.isFinite, seconds >= 0, seconds <= 86_400
            else { return nil }
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        let dictionaryDirectories = try value(
            .dictionariesDirs, default: [String](), expected: "folder paths separated by ':'"
        ) { text, base -> [String]? in
            text.split(separator: ":").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                .map { absolute($0, base: base) }
        }
        let createsDropDirectory = try value(
            .createDropDir, default: true, expected: "true or false (also yes/no, on/off, 1/0)"
        ) { text, _ -> Bool? in
            switch text.trimmingWhitespace().lowercased() {
            case "true", "yes", "on", "1": true
            case "false", "no", "off", "0": false
            default: nil
            }
        }
        let logLevel = try value(
            .logLevel, default: Logger.Level.info,
            expected: "one of " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        ) { text, _ -> Logger.Level? in
            let name = text.trimmingWhitespace().lowercased()
            return Logger.Level(rawValue: name == "warn" ? "warning" : name)
        }

        return ServiceConfiguration(
            dropDirectory: dropDirectory, dataDirectory: dataDirectory, rejectedDirectory: rejectedDirectory,
            maxFileBytes: maxFileBytes, settleTime: settleTime, dictionaryDirectories: dictionaryDirectories,
            createsDropDirectory: createsDropDirectory, logLevel: logLevel,
            configFile: text == nil ? nil : filePath, usesSystemdDefaults: underSystemd, sources: sources)
    }

    /// Resolves the configuration of this process: its environment and working directory, and
    /// the real file system.
    ///
    /// - Parameters:
    ///   - flags: Values given on the command line, by key.
    ///   - configFile: The `--config` path, or `nil` for ``defaultConfigFile``.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigurationError`` naming the key and where it was set.
    public static func resolveForCurrentProcess(
        flags: [ConfigurationKey: String] = [:],
        configFile: String? = nil
    ) throws(ConfigurationError) -> ServiceConfiguration {
        try resolve(
            flags: flags, configFile: configFile, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Lines for the start-up log, saying where the daemon watches and why:
    /// `drop_dir = /home/ana/.local/share/newsdrop/incoming (default)`.
    public var summary: [String] {
        let values: [(ConfigurationKey, String)] = [
            (.dropDir, dropDirectory), (.dataDir, dataDirectory), (.rejectedDir, rejectedDirectory),
            (.maxFileBytes, ByteSize.format(maxFileBytes)), (.settleSeconds, "\(settleTime)"),
            (.dictionariesDirs, dictionaryDirectories.joined(separator: ":")),
            (.createDropDir, "\(createsDropDirectory)"), (.logLevel, logLevel.rawValue),
        ]
        return values.map { key, value in "\(key.rawValue) = \(value) (\(sources[key] ?? .defaultValue))" }
    }

    /// Parses the text of a configuration file.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - path: The file's path, for error messages.
    /// - Returns: `(key, value, line number)` for every setting, in file order.
    /// - Throws: ``ConfigurationError`` for a malformed line, an unknown or repeated key.
    public static func parseFile(_ text: String, path: String) throws(ConfigurationError) -> [(ConfigurationKey, String, Int)] {
        var settings: [(ConfigurationKey, String, Int)] = []
        var seen: [ConfigurationKey: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let source = ConfigurationSource.file(path: path, line: lineNumber)
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(source: source, message: "expected 'key = value', found '\(line)'")
            }
            let name = line[..<equals].trimmingWhitespace()
            var value = line[line.index(after: equals)...].trimmingWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard let key = ConfigurationKey(rawValue: name) else {
                let known = ConfigurationKey.allCases.map(\.rawValue).joined(separator: ", ")
                var message = "unknown key '\(name)' (known: \(known))"
                if let suggestion = ConfigurationKey.suggestion(for: name) {
                    message += "; did you mean '\(suggestion.rawValue)'?"
                }
                throw ConfigurationError(source: source, key: name, message: message)
            }
            if let first = seen[key] {
                throw ConfigurationError(
                    source: source, key: name,
                    message: "key '\(name)' is already set on line \(first); keep one of them")
            }
            seen[key] = lineNumber
            settings.append((key, value, lineNumber))
        }
        return settings
    }

    // MARK: - Defaults and paths

    private static func defaultFolders(
        environment: [String: String], underSystemd: Bool, currentDirectory: String
    ) -> (drop: String, data: String) {
        if underSystemd {
            let state = (environment["STATE_DIRECTORY"] ?? "").split(separator: ":").first.map(String.init)
            return ("/var/spool/newsdrop/incoming", state ?? "/var/lib/newsdrop")
        }
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg + "/newsdrop"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.local/share/newsdrop"
        } else {
            base = absolute("newsdrop-data", base: currentDirectory)
        }
        return (base + "/incoming", base + "/data")
    }

    private static func parsePath(_ text: String, base: String) -> String? {
        let path = text.trimmingWhitespace()
        return path.isEmpty ? nil : absolute(path, base: base)
    }

    /// `path` made absolute against `base`, without a trailing slash.
    static func absolute(_ path: String, base: String) -> String {
        var result = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base : base + "/") + path
        if result.hasPrefix("./") { result.removeFirst(2) }
        result = result.replacingOccurrencesOfDotSlash()
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// The folder part of a path: `/a/b/c` → `/a/b`, `/c` → `/`.
    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }
}

extension String {
    /// Removes `/./` components: `/home/ana/./data` → `/home/ana/data`.
    fileprivate func replacingOccurrencesOfDotSlash() -> String {
        let parts = split(separator: "/", omittingEmptySubsequences: false)
        let kept = parts.enumerated().filter { index, part in part != "." || index == 0 }.map(\.element)
        return kept.joined(separator: "/")
    }
}
