public import NewsdropExtraction

/// Which events a query keeps. Empty sets and `nil`s keep everything.
///
/// The test is split into one predicate per field so that ``EventIndexQuery`` can evaluate each
/// predicate once per distinct value in a segment's event index (an actor, a place, a date)
/// and get exactly the answer ``matches(_:)`` gives for a decoded record.
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

    public func admitsType(_ type: EventType) -> Bool {
        types.isEmpty || types.contains(type)
    }

    /// Whether an event with this actor and target passes `--actor` (either one may match).
    public func admitsActors(_ actor: ActorMention?, _ target: ActorMention?) -> Bool {
        guard let m = actorMatches else { return true }
        return (actor.map(m) ?? false) || (target.map(m) ?? false)
    }

    public func admitsPlace(_ place: PlaceMention?) -> Bool {
        guard let m = placeMatches else { return true }
        guard let place else { return false }
        return m(place)
    }

    /// The `--since`/`--until` test of an event date's value.
    public func admitsDate(_ value: String?) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let value, !value.hasPrefix("--") else { return false }
        if let since, value < since && !since.hasPrefix(value) { return false }
        if let until, value > until && !value.hasPrefix(until) { return false }
        return true
    }

    public func admitsSource(_ source: String?) -> Bool {
        guard !sources.isEmpty else { return true }
        guard let s = source?.lowercased() else { return false }
        return sources.contains(where: { s.contains($0.lowercased()) })
    }

    public func admitsConfidence(_ confidence: Double) -> Bool {
        guard let min = minimumConfidence else { return true }
        return confidence >= min
    }

    public func matches(_ record: EventRecord) -> Bool {
        let e = record.event
        return admitsType(e.type) && admitsArticle(record.article) && admitsActors(e.actor, e.target)
            && admitsPlace(e.place) && admitsDate(e.date?.value) && admitsSource(e.source)
            && admitsConfidence(e.confidence)
    }
}
