import NewsdropExtraction

/// What one ``JournalWriter/append(_:)`` committed, as the writer laid it out: the units' index
/// entries and, for each article with events, its events and where their lines are. A cache of
/// the journal (the event index) is kept current from this instead of reading back and
/// parsing the lines that were just written.
///
/// It describes only units whose commit marks were written: after a commit whose marks could
/// not be written (``JournalWriter/lastDeferredFailure``) the writer records no commit, and a
/// cache falls back to reading the journal.
struct JournalCommit: Sendable {
    /// The first seq of the segment the units went to.
    var segment: UInt64
    /// The units' commit marks, in order.
    var entries: [UnitIndexEntry]
    /// The `ingested_at` of every unit of the commit.
    var ingestedAt: String
    /// The articles among the units that have events, in order.
    var articles: [Article]

    /// An article unit with its events.
    struct Article: Sendable {
        /// Its position in ``JournalCommit/entries``.
        var unit: Int
        var id: String
        var events: [ExtractedEvent]
        /// Where each event's line starts in the segment's `.jsonl` (in `events` order).
        var lineOffsets: [Int64]
        /// Each event line's bytes, without its `\n`.
        var lineLengths: [UInt32]
    }
}
