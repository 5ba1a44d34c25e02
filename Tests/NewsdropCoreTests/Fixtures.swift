import NewsdropCore
import NewsdropExtraction

/// Events and articles made up for journal tests (the extractor has its own tests).
enum Fixture {
    static func event(_ n: Int, sentence: String = "Israeli jets struck a depot near Abu Kamal.") -> ExtractedEvent {
        ExtractedEvent(
            type: .airstrike, cameo: "195", actor: ActorMention(name: "Israel", id: "israel", text: "Israeli"),
            target: nil,
            place: PlaceMention(name: "Abu Kamal", country: "SY", latitude: 34.4529, longitude: 40.9188, geonamesID: 170794, text: "Abu Kamal"),
            date: EventDate(value: "--09-18", precision: .day, text: "September 18"), fatalities: n,
            source: "SOHR", modality: .reported, sentence: sentence + " \"quoted\" \\ \n\t end", sentenceOffset: 10 * n,
            confidence: 0.8)
    }

    static func article(_ text: String, file: String, events: Int) -> PendingUnit {
        let bytes = Array(text.utf8)
        return .article(PendingArticle(
            hash: ContentHash(of: bytes), file: file, title: text, content: bytes, published: nil,
            events: (0..<events).map { event($0) }, drop: nil))
    }

    static func rejection(_ file: String) -> PendingUnit {
        .rejected(PendingRejection(file: file, reason: .empty, bytes: 0, hash: nil, drop: nil))
    }

    /// Every committed record, in order.
    static func records(_ dataDirectory: String) throws -> [JournalRecord] {
        var out: [JournalRecord] = []
        try JournalReader(dataDirectory: dataDirectory).forEachRecord { out.append($0); return true }
        return out
    }
}
