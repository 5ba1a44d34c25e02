public import Foundation

/// What the daemon tells `newsdrop status`: kept current in `<data_dir>/status.json` by
/// ``StatusFile``.
///
/// ```json
/// {"pid":4242,"started_at":"2026-11-24T18:00:00.000Z","updated_at":"…","state":"ready",
///  "drop_dir":"/var/spool/newsdrop/incoming","queue_depth":0,
///  "counts":{"ingested":12,"duplicates":1,"rejected":2,"errors":0},
///  "last_ingest":{"time":"…","file":"000_7e37.txt","article_id":"3f0c2a…"},
///  "last_error":null}
/// ```
public struct DaemonStatus: Codable, Sendable, Equatable {
    /// Where the daemon is in its life.
    public enum State: String, Codable, Sendable, CaseIterable {
        /// Recovering the journal, watching, catching up.
        case starting
        /// Watching and ingesting.
        case ready
        /// Reloading configuration and dictionaries (SIGHUP).
        case reloading
        /// Finishing the unit in flight before exiting.
        case stopping
    }

    /// Files handled since start, by outcome.
    public struct Counts: Codable, Sendable, Equatable {
        /// Articles committed.
        public var ingested: Int
        /// Files whose bytes had been ingested before.
        public var duplicates: Int
        /// Files rejected and moved to `rejected/`.
        public var rejected: Int
        /// Failures (a file stays in the drop folder and is retried).
        public var errors: Int

        /// Creates counts; all zero by default.
        public init(ingested: Int = 0, duplicates: Int = 0, rejected: Int = 0, errors: Int = 0) {
            self.ingested = ingested
            self.duplicates = duplicates
            self.rejected = rejected
            self.errors = errors
        }
    }

    /// The last article committed.
    public struct LastIngest: Codable, Sendable, Equatable {
        /// When it was committed.
        public var time: Date
        /// Its file name in the drop folder.
        public var file: String
        /// Its article id (16 hex digits).
        public var articleID: String

        /// Creates the record of an ingest.
        public init(time: Date, file: String, articleID: String) {
            self.time = time
            self.file = file
            self.articleID = articleID
        }

        enum CodingKeys: String, CodingKey {
            case time, file
            case articleID = "article_id"
        }
    }

    /// The last error logged.
    public struct LastError: Codable, Sendable, Equatable {
        /// When it happened.
        public var time: Date
        /// The message, as logged.
        public var message: String

        /// Creates the record of an error.
        public init(time: Date, message: String) {
            self.time = time
            self.message = message
        }
    }

    /// The daemon's process id.
    public var pid: Int32
    /// When the daemon started.
    public var startedAt: Date
    /// When this status was written.
    public var updatedAt: Date
    /// Where the daemon is in its life.
    public var state: State
    /// The drop folder it watches.
    public var dropDirectory: String
    /// Files waiting to be processed.
    public var queueDepth: Int
    /// Files handled since start.
    public var counts: Counts
    /// The last article committed, if any.
    public var lastIngest: LastIngest?
    /// The last error, if any.
    public var lastError: LastError?

    /// Creates a status.
    ///
    /// - Parameters:
    ///   - pid: The daemon's process id.
    ///   - startedAt: When it started.
    ///   - updatedAt: When this status was made; `startedAt` by default.
    ///   - state: Where it is in its life.
    ///   - dropDirectory: The drop folder.
    ///   - queueDepth: Files waiting.
    ///   - counts: Files handled.
    ///   - lastIngest: The last article committed.
    ///   - lastError: The last error.
    public init(
        pid: Int32, startedAt: Date, updatedAt: Date? = nil, state: State, dropDirectory: String,
        queueDepth: Int = 0, counts: Counts = Counts(), lastIngest: LastIngest? = nil, lastError: LastError? = nil
    ) {
        self.pid = pid
        self.startedAt = startedAt
        self.updatedAt = updatedAt ?? startedAt
        self.state = state
        self.dropDirectory = dropDirectory
        self.queueDepth = queueDepth
        self.counts = counts
        self.lastIngest = lastIngest
        self.lastError = lastError
    }

    /// A one-line summary for systemd's `STATUS=` and `systemctl status`:
    /// `ready: 12 ingested, 1 duplicates, 2 rejected, 0 errors; queue 3`.
    public var summaryLine: String {
        "\(state.rawValue): \(counts.ingested) ingested, \(counts.duplicates) duplicates, "
            + "\(counts.rejected) rejected, \(counts.errors) errors; queue \(queueDepth)"
    }

    enum CodingKeys: String, CodingKey {
        case pid, state, counts
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case dropDirectory = "drop_dir"
        case queueDepth = "queue_depth"
        case lastIngest = "last_ingest"
        case lastError = "last_error"
    }

    /// Encodes with snake-case keys; absent optional values are written as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pid, forKey: .pid)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(state, forKey: .state)
        try container.encode(dropDirectory, forKey: .dropDirectory)
        try container.encode(queueDepth, forKey: .queueDepth)
        try container.encode(counts, forKey: .counts)
        // Present as null rather than missing, so `jq .last_error` reads the same either way.
        try container.encode(lastIngest, forKey: .lastIngest)
        try container.encode(lastError, forKey: .lastError)
    }
}
