/// One mention of an event in one sentence, before mentions of the same event are merged.
struct EventMention: Sendable {
    /// An actor: a dictionary row (`index`) or an unknown proper noun (`index == nil`).
    ///
    /// Plain values: the name and the words are token spans of the article, made into strings
    /// only for the events output (`ArticleReader.name(of:)`, `ArticleReader.text(_:)`).
    struct Actor: Sendable {
        var index: Int?
        /// The words of the name when the dictionary does not know it (`index == nil`); a known
        /// actor's name is its row's.
        var nameWords: TokenSpan
        /// The words in the article.
        var text: TokenSpan

        init(index: Int?, nameWords: TokenSpan, text: TokenSpan) {
            self.index = index
            self.nameWords = nameWords
            self.text = text
        }

        /// The actor of dictionary row `row`, named by the words `text`.
        init(row: Int, text: TokenSpan) {
            self.init(index: row, nameWords: text, text: text)
        }

        /// An unknown proper noun: its words are its name.
        init(unknown words: TokenSpan) {
            self.init(index: nil, nameWords: words, text: words)
        }
    }
    /// A place: a gazetteer row and the words in the article.
    struct Place: Sendable {
        var index: Int
        var text: TokenSpan
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
    /// The actor whose name the article attributes the report to (`ExtractedEvent.source`).
    var source: Actor?
    var modality: Modality
    /// The sentence's bytes in the article (made into the output's `sentence` only for events).
    var sentence: Range<Int>
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
