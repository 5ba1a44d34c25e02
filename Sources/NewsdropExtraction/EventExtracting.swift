/// An article's decoded text, as handed to an extractor.
public struct ArticleText: Sendable {
    /// The first 16 hex digits of the SHA-256 of the file's bytes.
    public var id: String
    /// The whole decoded text, including any site furniture the extractor must skip.
    public var text: String
    /// The file name it arrived under (no directory), for messages only.
    public var fileName: String

    public init(id: String, text: String, fileName: String) {
        self.id = id
        self.text = text
        self.fileName = fileName
    }
}

/// What an extractor read from one article.
public struct Extraction: Sendable, Hashable {
    /// The publication date found in the article (dateline, date line), partial ISO 8601.
    public var published: String?
    /// The events, in the order of the sentences they were read from, one per distinct event.
    public var events: [ExtractedEvent]

    public init(published: String?, events: [ExtractedEvent]) {
        self.published = published
        self.events = events
    }
}

/// Reads events from article text. Implementations must be pure: the same text gives the same
/// events, so that ids are deterministic and articles can be re-extracted later.
public protocol EventExtracting: Sendable {
    func extract(_ article: ArticleText) -> Extraction
}

/// An extractor that finds nothing; for tests of the journal and for `--no-extract` runs.
public struct NoEventExtractor: EventExtracting {
    public init() {}
    public func extract(_ article: ArticleText) -> Extraction {
        Extraction(published: nil, events: [])
    }
}
