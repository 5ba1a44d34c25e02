/// The settings of `newsdrop.conf`, with the environment variable and flag for each.
public enum ConfigurationKey: String, CaseIterable, Sendable, Hashable, Comparable {
    /// The drop folder watched for new articles.
    case dropDir = "drop_dir"
    /// Where the journal and the status file live.
    case dataDir = "data_dir"
    /// Where rejected files are moved; `rejected` beside the drop folder by default.
    case rejectedDir = "rejected_dir"
    /// The largest file ingested; larger ones are rejected (`16MiB`, `512k`, bytes).
    case maxFileBytes = "max_file_bytes"
    /// How long a file found by a scan must stay unmodified before it is read, in seconds.
    case settleSeconds = "settle_seconds"
    /// Extra dictionary folders, colon-separated, searched before the shipped ones.
    case dictionariesDirs = "dictionaries_dirs"
    /// Whether the daemon creates the drop folder when it is missing.
    case createDropDir = "create_drop_dir"
    /// The lowest log level written: trace, debug, info, notice, warning, error, critical.
    case logLevel = "log_level"

    /// The environment variable that sets it: `NEWSDROP_DROP_DIR` for `drop_dir`.
    public var environmentVariable: String { "NEWSDROP_" + rawValue.uppercased() }

    /// The command-line flag that sets it, when the executable offers one: `--drop-dir`.
    public var flag: String { "--" + rawValue.replacingUnderscores() }

    /// Orders keys as the file documents them (``allCases`` order).
    public static func < (lhs: ConfigurationKey, rhs: ConfigurationKey) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The known key closest to a misspelt one, if it is close enough to be a typo.
    static func suggestion(for key: String) -> ConfigurationKey? {
        let scored = allCases.map { ($0, editDistance(key.lowercased(), $0.rawValue)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
