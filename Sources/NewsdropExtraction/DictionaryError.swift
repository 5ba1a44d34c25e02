/// A dictionary file that cannot be used, with the file, the line and what to do.
public struct DictionaryError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The file the problem is in (or the folder, for a missing folder).
    public var file: String
    /// The 1-based line number, `nil` when the problem is not on one line.
    public var line: Int?
    /// What is wrong and how to fix it.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
