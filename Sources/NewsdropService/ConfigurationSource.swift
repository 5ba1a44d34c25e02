/// Where a setting's value came from, so the daemon can say why it watches where it does.
public enum ConfigurationSource: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag.
    case flag(String)
    /// An environment variable.
    case environment(String)
    /// A line of a configuration file.
    case file(path: String, line: Int)
    /// The built-in default (which may depend on systemd's variables).
    case defaultValue

    /// The text shown to the operator.
    public var description: String {
        switch self {
        case .flag(let flag): "flag \(flag)"
        case .environment(let name): "environment \(name)"
        case .file(let path, let line): "\(path):\(line)"
        case .defaultValue: "default"
        }
    }
}
