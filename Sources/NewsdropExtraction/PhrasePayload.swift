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
    /// The phrase has a possessive before its last word ("Iran's president"): it may match across
    /// a possessive word of the text, which ends every other phrase ("Syria's Idlib").
    var possessiveInside = false

    static func caseRule(of phrase: String) -> CaseRule {
        // over the phrase's letters: all capitals (2 to 5, one word) → upper; a capital first → capitalized
        var letters = 0
        var allUpper = true
        var firstUpper = false
        for u in phrase.unicodeScalars {
            let isLetter = u.value < 0x80 ? (u.value | 0x20 >= 0x61 && u.value | 0x20 <= 0x7A) : u.properties.isAlphabetic
            guard isLetter else { continue }
            let isUpper = u.value < 0x80 ? (u.value >= 0x41 && u.value <= 0x5A) : u.properties.isUppercase
            if letters == 0 { firstUpper = isUpper }
            if !isUpper { allUpper = false }
            letters += 1
        }
        if letters >= 2 && allUpper && letters <= 5 && !phrase.contains(" ") { return .upper }
        return firstUpper ? .capitalized : .any
    }
}
