/// The status file exists but cannot be used.
public struct StatusFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The status file.
    public var path: String
    /// What is wrong with it and what to do.
    public var reason: String

    /// The text shown to the operator.
    public var description: String { "cannot read daemon status \(path): \(reason)" }
}
