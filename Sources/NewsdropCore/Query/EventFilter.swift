public import NewsdropExtraction

/// Which events a query keeps. Empty sets and `nil`s keep everything.
public struct EventFilter: Sendable {
    public var types: Set<EventType> = []
    /// Article id prefixes.
    public var articlePrefixes: [String] = []
    /// Actor or target ids (resolved through the actor dictionary) or, for unknown actors, folded
    /// surface names.
    public var actorMatches: (@Sendable (ActorMention) -> Bool)? = nil
    public var placeMatches: (@Sendable (PlaceMention) -> Bool)? = nil
    /// Event date bounds, partial ISO 8601 compared by prefix.
    public var since: String? = nil
    public var until: String? = nil
    public var sources: [String] = []
    public var minimumConfidence: Double? = nil

    public init() {}

    /// Whether the unit of this article can hold matching events at all.
    public func admitsArticle(_ id: String) -> Bool {
        articlePrefixes.isEmpty || articlePrefixes.contains { id.hasPrefix($0) }
    }

    public func matches(_ record: EventRecord) -> Bool {
        let e = record.event
        if !types.isEmpty && !types.contains(e.type) { return false }
        if !admitsArticle(record.article) { return false }
        if let m = actorMatches {
            let hit = (e.actor.map(m) ?? false) || (e.target.map(m) ?? false)
            if !hit { return false }
        }
        if let m = placeMatches {
            guard let p = e.place, m(p) else { return false }
        }
        if since != nil || until != nil {
            guard let value = e.date?.value, !value.hasPrefix("--") else { return false }
            if let since, value < since && !since.hasPrefix(value) { return false }
            if let until, value > until && !value.hasPrefix(until) { return false }
        }
        if !sources.isEmpty {
            guard let s = e.source?.lowercased(), sources.contains(where: { s.contains($0.lowercased()) }) else { return false }
        }
        if let min = minimumConfidence, e.confidence < min { return false }
        return true
    }
}
