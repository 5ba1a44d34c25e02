public import NewsdropExtraction

/// An ingested article: the first line of its unit, followed by `events` event lines.
public struct ArticleRecord: Sendable, Hashable, Codable {
    public var seq: UInt64
    /// The first 16 hex digits of the content hash.
    public var id: String
    /// `sha256:` and 64 hex digits.
    public var hash: String
    /// The file name it arrived under.
    public var file: String
    /// The first non-empty line.
    public var title: String
    public var bytes: Int
    /// The publication date found in the text, partial ISO 8601.
    public var published: String?
    /// When it was committed, ISO 8601 UTC with milliseconds.
    public var ingestedAt: String
    /// How many event lines follow in this unit.
    public var events: Int
    /// Where its bytes are kept in the archive.
    public var archive: ArchiveLocation?
    /// The dropped file's identity, for exactly-once removal after a crash.
    public var drop: DropIdentity?

    enum CodingKeys: String, CodingKey {
        case seq, id, hash, file, title, bytes, published, ingestedAt = "ingested_at", events,
            archive, drop
    }
}

/// One event of an article.
public struct EventRecord: Sendable, Hashable {
    public var seq: UInt64
    /// `<article id>-<n>`, n counting from 1 in extraction order.
    public var id: String
    /// The article id.
    public var article: String
    public var event: ExtractedEvent

    public init(seq: UInt64, id: String, article: String, event: ExtractedEvent) {
        self.seq = seq
        self.id = id
        self.article = article
        self.event = event
    }
}

/// A file whose bytes were committed before: it points at the first article.
public struct DuplicateRecord: Sendable, Hashable, Codable {
    public var seq: UInt64
    /// The id of the article these bytes are (the same as the first article's id).
    public var article: String
    public var hash: String
    public var file: String
    public var bytes: Int
    /// The seq of the first article's line.
    public var firstSeq: UInt64
    public var ingestedAt: String
    public var drop: DropIdentity?

    enum CodingKeys: String, CodingKey {
        case seq, article, hash, file, bytes, firstSeq = "first_seq", ingestedAt = "ingested_at", drop
    }
}

/// A file that could not be an article, with the reason.
public struct RejectedRecord: Sendable, Hashable, Codable {
    public var seq: UInt64
    public var file: String
    /// A stable code: `empty`, `binary`, `too-large`, `invalid-encoding`, `symlink`,
    /// `special-file`, `directory`, `unreadable`.
    public var reason: String
    /// The reason in words.
    public var message: String
    public var bytes: Int?
    /// The content hash when the bytes could be read.
    public var hash: String?
    public var ingestedAt: String
    public var drop: DropIdentity?

    enum CodingKeys: String, CodingKey {
        case seq, file, reason, message, bytes, hash, ingestedAt = "ingested_at", drop
    }
}

/// Where an article's bytes are in the archive: a pack number and the entry's byte offset.
public struct ArchiveLocation: Sendable, Hashable, Codable {
    public var pack: Int
    public var offset: Int64

    public init(pack: Int, offset: Int64) {
        self.pack = pack
        self.offset = offset
    }
}

/// One line of the journal.
public enum JournalRecord: Sendable, Hashable {
    case article(ArticleRecord)
    case event(EventRecord)
    case duplicate(DuplicateRecord)
    case rejected(RejectedRecord)

    public var seq: UInt64 {
        switch self {
        case .article(let r): r.seq
        case .event(let r): r.seq
        case .duplicate(let r): r.seq
        case .rejected(let r): r.seq
        }
    }

    /// The `kind` key's value.
    public var kind: String {
        switch self {
        case .article: "article"
        case .event: "event"
        case .duplicate: "duplicate"
        case .rejected: "rejected"
        }
    }
}
