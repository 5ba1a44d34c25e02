/// One mention of an event in one sentence, before mentions of the same event are merged.
struct EventMention: Sendable {
    /// An actor: a dictionary row (`index`) or an unknown proper noun (`index == nil`).
    struct Actor: Sendable, Hashable {
        var index: Int?
        var name: String
        var text: String
    }
    /// A place: a gazetteer row and the words in the article.
    struct Place: Sendable, Hashable {
        var index: Int
        var text: String
    }
    var type: EventType
    var cameo: String?
    var actor: Actor?
    var target: Actor?
    var place: Place?
    /// 3 = in the trigger's own clause, 2 = elsewhere in the sentence, 1 = inherited.
    var placeStrength: Int
    var date: EventDate?
    var fatalities: Int?
    var source: String?
    var modality: Modality
    var sentence: String
    var sentenceOffset: Int
    /// Refers back to an event told elsewhere ("the visit", "this attack", a headline).
    var anaphoric: Bool
    /// Position in the article, for ordering.
    var order: Int
    /// Index of the sentence in the article.
    var sentenceIndex: Int
    /// Read from a headline or a heading: a summary of what the body tells.
    var fromHeading = false
    /// Named in the background of its clause ("hours after a drone slammed into…", "in response to
    /// the strike"): another event than the clause's own, so never merged with one of its sentence.
    var background = false
    /// Told in a clause coordinated with the one before it in the sentence (", and an Israeli strike
    /// near Baalbek wounded two", "and that artillery fired at"): at a place of its own, another event.
    var coordinateClause = false
    /// Told as another incident than those before it ("In a separate incident, …", "Separately, …").
    var separate = false
}
