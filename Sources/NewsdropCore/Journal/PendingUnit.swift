public import NewsdropExtraction

/// A unit handed to the writer, before it has seqs.
public enum PendingUnit: Sendable {
    /// Text that reads as an article. If its hash is already committed (or earlier in the same
    /// batch), the writer commits a `duplicate` line instead.
    case article(PendingArticle)
    /// A file that cannot be an article.
    case rejected(PendingRejection)
}

/// An article ready to commit.
public struct PendingArticle: Sendable {
    public var hash: ContentHash
    public var file: String
    public var title: String
    /// The file's bytes, for the archive.
    public var content: [UInt8]
    public var published: String?
    public var events: [ExtractedEvent]
    public var drop: DropIdentity?

    public init(
        hash: ContentHash, file: String, title: String, content: [UInt8], published: String?,
        events: [ExtractedEvent], drop: DropIdentity?
    ) {
        self.hash = hash
        self.file = file
        self.title = title
        self.content = content
        self.published = published
        self.events = events
        self.drop = drop
    }
}

/// A rejection ready to commit.
public struct PendingRejection: Sendable {
    public var file: String
    public var reason: RejectionReason
    public var bytes: Int?
    public var hash: ContentHash?
    public var drop: DropIdentity?

    public init(file: String, reason: RejectionReason, bytes: Int?, hash: ContentHash?, drop: DropIdentity?) {
        self.file = file
        self.reason = reason
        self.bytes = bytes
        self.hash = hash
        self.drop = drop
    }
}

/// What a committed unit became.
public struct CommittedUnit: Sendable, Hashable {
    public enum Disposition: String, Sendable, Hashable {
        case article, duplicate, rejected
    }
    public var disposition: Disposition
    /// The seq of the unit's first line.
    public var seq: UInt64
    public var file: String
    /// The article id (for a duplicate: the first article's).
    public var articleID: String?
    /// Events committed (articles only).
    public var events: Int
    /// For a rejection: its reason.
    public var reason: RejectionReason?
    /// For a duplicate: the seq of the first article.
    public var firstSeq: UInt64?
}
