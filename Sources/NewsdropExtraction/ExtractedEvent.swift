/// An actor (person, state, force, group, organisation) named in an event.
public struct ActorMention: Sendable, Hashable, Codable {
    /// The canonical name from the actor dictionary, or the surface text for an unknown actor.
    public var name: String
    /// The dictionary's stable id (`esmail-qaani`), or `nil` for an actor not in the dictionary.
    public var id: String?
    /// The words in the article.
    public var text: String

    public init(name: String, id: String?, text: String) {
        self.name = name
        self.id = id
        self.text = text
    }
}

/// A place resolved through the gazetteer, or kept with its surface text when unknown.
public struct PlaceMention: Sendable, Hashable, Codable {
    /// The canonical name (`Abu Kamal`).
    public var name: String
    /// ISO 3166-1 alpha-2 country code, when known.
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    /// The GeoNames id, `nil` for hand-kept sites and unknown places.
    public var geonamesID: Int?
    /// The words in the article.
    public var text: String

    public init(
        name: String, country: String?, latitude: Double?, longitude: Double?, geonamesID: Int?,
        text: String
    ) {
        self.name = name
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.geonamesID = geonamesID
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case name, country, latitude = "lat", longitude = "lon", geonamesID = "geonames", text
    }
}

/// The date of an event, as precise as the article makes it and never more.
public struct EventDate: Sendable, Hashable, Codable {
    public enum Precision: String, Sendable, Hashable, Codable {
        case day, month, year
    }
    /// Partial ISO 8601: `2024-04-13`, `2024-04`, `2016`, `--09-18` (month-day, year unknown),
    /// `--04` (month only). `nil` when the text could not be placed (a relative date with no
    /// known publication date).
    public var value: String?
    public var precision: Precision
    /// The words in the article.
    public var text: String

    public init(value: String?, precision: Precision, text: String) {
        self.value = value
        self.precision = precision
        self.text = text
    }
}

/// One event read from an article: who did what to whom, where, when, how many were killed,
/// according to whom.
public struct ExtractedEvent: Sendable, Hashable, Codable {
    public var type: EventType
    /// The CAMEO code of the trigger pattern (or of the type).
    public var cameo: String?
    public var actor: ActorMention?
    public var target: ActorMention?
    public var place: PlaceMention?
    public var date: EventDate?
    /// People killed in this event, when the article says.
    public var fatalities: Int?
    /// Who the article attributes the report to (`SOHR`, `Tasnim`), `nil` when asserted.
    public var source: String?
    public var modality: Modality
    /// The sentence the event was read from.
    public var sentence: String
    /// The sentence's UTF-8 byte offset in the article text.
    public var sentenceOffset: Int
    /// 0…1: how sure the extractor is.
    public var confidence: Double

    public init(
        type: EventType, cameo: String?, actor: ActorMention?, target: ActorMention?,
        place: PlaceMention?, date: EventDate?, fatalities: Int?, source: String?,
        modality: Modality, sentence: String, sentenceOffset: Int, confidence: Double
    ) {
        self.type = type
        self.cameo = cameo
        self.actor = actor
        self.target = target
        self.place = place
        self.date = date
        self.fatalities = fatalities
        self.source = source
        self.modality = modality
        self.sentence = sentence
        self.sentenceOffset = sentenceOffset
        self.confidence = confidence
    }
}
