#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, described so that an operator can act on it.
///
/// The description names the operation, the path (when there is one), the system's error text
/// with its number, and what to do next, for example:
///
///     cannot watch drop folder /var/spool/newsdrop/incoming (inotify_add_watch): No such file
///     or directory (errno 2); create the folder or set drop_dir to an existing one
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done, in words ("cannot watch drop folder").
    public var operation: String
    /// The C function that failed (`inotify_add_watch`).
    public var function: String
    /// The file or folder involved, if any.
    public var path: String?
    /// The `errno` value the call reported.
    public var errno: Int32
    /// What the operator can do about it; empty when there is nothing useful to say.
    public var advice: String

    /// Creates an error from its parts.
    ///
    /// - Parameters:
    ///   - operation: What was being done, in words.
    ///   - function: The C function that failed.
    ///   - path: The file or folder involved, if any.
    ///   - errno: The error number the call reported.
    ///   - advice: What the operator can do about it.
    public init(operation: String, function: String, path: String? = nil, errno: Int32, advice: String = "") {
        self.operation = operation
        self.function = function
        self.path = path
        self.errno = errno
        self.advice = advice
    }

    /// The system's text for ``errno`` (`strerror`).
    public var errnoText: String {
        String(cString: strerror(errno))
    }

    /// The text shown to the operator.
    public var description: String {
        var text = operation
        if let path { text += " \(path)" }
        text += " (\(function)): \(errnoText) (errno \(errno))"
        if !advice.isEmpty { text += "; \(advice)" }
        return text
    }
}
