/// The mentions found in one sentence, after the longest-match pass: actors, titles, places,
/// triggers (content slots), cue phrases, honorifics, unknown proper nouns and dates.
struct SentenceSlots: Sendable {
    /// A content mention over tokens `start..<end`.
    struct Slot: Sendable {
        var start: Int
        var end: Int
        var actors: [Int] = []
        var adjectives: [Int] = []
        var titles: [Int] = []
        var places: [Int] = []
        var triggers: [(index: Int, form: TriggerForm)] = []
        /// A capitalised name the dictionaries do not know.
        var unknown = false
        /// An adjective that only modifies the next name ("Iranian Quds Force commander").
        var modifier = false

        var isActorLike: Bool { !actors.isEmpty || (!adjectives.isEmpty && !modifier) || !titles.isEmpty || unknown }
    }
    struct Cue: Sendable {
        var start: Int
        var end: Int
        var kind: CueEntry.Kind
    }
    var tokenRange: Range<Int>
    var byteRange: Range<Int>
    var slots: [Slot]
    var cues: [Cue]
    var dates: [DateReader.Hit]
    /// Tokens inside parentheses.
    var inParens: TokenMask
    var isHeading: Bool
    var block: Int
}
