/// What can go wrong opening or writing a journal, each with a message that says what to do.
public enum JournalError: Error, Sendable, CustomStringConvertible {
    /// Another process writes to this data folder.
    case locked(path: String, pid: Int32?)
    /// A system call failed.
    case system(SystemError)
    /// Committed data is damaged: not a torn tail that can be cut safely.
    case damaged(file: String, offset: Int64, detail: String)

    public var description: String {
        switch self {
        case .locked(let path, let pid):
            let who = pid.map { "process \($0)" } ?? "another process"
            let dir = Syscalls.parentDirectory(of: path)
            return "the data folder \(dir) is in use by \(who) (a running newsdropd or newsdrop ingest); "
                + "stop it first (systemctl stop newsdropd) or pass another --data-dir"
        case .system(let error):
            if error.isNoSpace {
                return "\(error); free some space and try again (nothing was committed)"
            }
            return error.description
        case .damaged(let file, let offset, let detail):
            return "the journal is damaged in \(file) at byte \(offset): \(detail); "
                + "nothing was changed. Run `newsdrop verify` for a full report, and see "
                + "docs/store-format.md (Repair) for what to do"
        }
    }
}
