/// Why a dropped file was not taken as an article. Each ends as one `rejected` journal line.
public struct RejectionReason: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short stable code for scripts: `empty`, `binary`, `too-large`, `invalid-encoding`,
    /// `symlink`, `special-file`, `directory`, `unreadable`, `vanished`.
    public var code: String
    /// A sentence for people: what is wrong with the file.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    public static let empty = RejectionReason(code: "empty", message: "the file is empty")

    public static func binary(nulAt offset: Int) -> RejectionReason {
        RejectionReason(code: "binary", message: "not a text file: NUL byte at offset \(offset)")
    }

    public static func tooLarge(bytes: Int64, limit: Int) -> RejectionReason {
        RejectionReason(
            code: "too-large",
            message: "the file has \(bytes) bytes, over the limit of \(limit) (max_file_bytes)")
    }

    public static func invalidEncoding(at offset: Int) -> RejectionReason {
        RejectionReason(
            code: "invalid-encoding",
            message: "not UTF-8 text (invalid byte at offset \(offset)) and not plausibly Windows-1252")
    }

    public static let symlink = RejectionReason(
        code: "symlink", message: "a symbolic link; links are never followed: drop the file itself")

    public static func specialFile(_ kind: String) -> RejectionReason {
        RejectionReason(code: "special-file", message: "not a regular file but a \(kind)")
    }

    public static let directory = RejectionReason(code: "directory", message: "a folder, not a file")

    public static func unreadable(_ error: SystemError) -> RejectionReason {
        RejectionReason(code: "unreadable", message: error.description)
    }
}
