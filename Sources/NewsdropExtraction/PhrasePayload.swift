/// What a matched phrase means; several payloads can share one phrase ("Syria": a state and a place).
struct PhrasePayload: Sendable, Hashable {
    enum Kind: UInt8, Sendable {
        case actor, adjective, title, place, trigger, cue, furniture, function
    }
    /// Which surface shapes the phrase accepts.
    enum CaseRule: UInt8, Sendable {
        /// Any case (common words, triggers).
        case any
        /// The first word must start with a capital (proper names).
        case capitalized
        /// Every word must be in capitals (acronyms: US, IS, AP).
        case upper
    }
    var kind: Kind
    var caseRule: CaseRule
    /// Trigger form, function-word class or cue kind, by kind.
    var detail: UInt8
    /// Index into the owning table (actors, titles, places, triggers, cues, furniture); for
    /// function words a small numeric value (number words).
    var index: Int32
    /// How many words the phrase has, to prefer matches that line up with the text's words.
    var words: UInt8 = 1
    /// Position among the payloads of the same phrase (the lexicon keeps their order across its tries).
    var rank: UInt16 = 0

    static func caseRule(of phrase: String) -> CaseRule {
        let letters = phrase.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2 && letters.allSatisfy({ $0.properties.isUppercase })
            && !phrase.contains(" ") && letters.count <= 5
        {
            return .upper
        }
        if let f = letters.first, f.properties.isUppercase { return .capitalized }
        return .any
    }
}
