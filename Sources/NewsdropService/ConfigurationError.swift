/// A configuration that cannot be used, described so the operator can fix it:
///
///     /etc/newsdrop/newsdrop.conf:7: unknown key 'drop_dri' (known: drop_dir, data_dir, …); did you mean 'drop_dir'?
///     environment NEWSDROP_MAX_FILE_BYTES: bad value 'lots' for max_file_bytes: expected a size such as 16MiB, 512k or 1048576
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is: a file and line, an environment variable or a flag; `nil` when the
    /// problem is the configuration file itself.
    public var source: ConfigurationSource?
    /// The key concerned, when there is one.
    public var key: String?
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - source: Where the problem is.
    ///   - key: The key concerned.
    ///   - message: What is wrong and what to do.
    public init(source: ConfigurationSource?, key: String? = nil, message: String) {
        self.source = source
        self.key = key
        self.message = message
    }

    /// The text shown to the operator.
    public var description: String {
        switch source {
        case .file(let path, let line): "\(path):\(line): \(message)"
        case .environment(let name): "environment \(name): \(message)"
        case .flag(let flag): "\(flag): \(message)"
        case .defaultValue, nil: message
        }
    }
}
