public import Logging

/// The fixed 128-bit `MESSAGE_ID`s of newsdropd's journal entries, one per kind of event.
///
/// Operators select entries with them: `journalctl MESSAGE_ID=465746c0a2fb4bf084d414816994154b`
/// lists every ingested article. They never change once released; add new kinds with new ids
/// (`python3 -c 'import uuid; print(uuid.uuid4().hex)'`).
///
/// ```swift
/// logger.info("ingested \(file)", metadata: [
///     JournalMessageID.metadataKey: JournalMessageID.ingested.metadataValue,
///     "article_id": "\(id)", "file": "\(file)", "events": "\(count)", "seq": "\(seq)",
/// ])
/// ```
public enum JournalMessageID: String, CaseIterable, Sendable {
    /// An article and its events were committed.
    case ingested = "465746c0a2fb4bf084d414816994154b"
    /// A file's bytes had been ingested before; a `duplicate` line was committed.
    case duplicate = "4bed3ff0ac9c4c87bd2a44f3f626eb80"
    /// A file was rejected (empty, binary, too large, special file…) and moved to `rejected/`.
    case rejected = "5bc90d7b13ef4802be19042bf111eab6"
    /// Something failed that an operator should look at.
    case error = "cd4ab40affd04ce480626605994c082c"
    /// The daemon finished start-up and watches the drop folder.
    case started = "976c8930a2e3467abb8d3ccc6e47ca26"
    /// The daemon begins to shut down.
    case stopping = "eb7cb759146a4c45995254649b206e43"
    /// The daemon reloaded its configuration and dictionaries.
    case reloaded = "5d52285d88e34ad493f2f3deab9a531b"

    /// The metadata key that carries the id; it becomes the journal field `MESSAGE_ID`.
    public static let metadataKey = "message_id"

    /// The id as a log metadata value.
    public var metadataValue: Logger.MetadataValue { .string(rawValue) }
}
