/// A word or punctuation mark of an article, by byte offsets into its UTF-8 text.
struct Token: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let capitalized = Flags(rawValue: 1)
        static let allUpper = Flags(rawValue: 2)
        static let possessive = Flags(rawValue: 4)
        static let hyphenAfter = Flags(rawValue: 8)
        static let particle = Flags(rawValue: 16)
        static let number = Flags(rawValue: 32)
        static let punctuation = Flags(rawValue: 64)
        static let ordinal = Flags(rawValue: 128)
    }
    /// Byte range in the article.
    var start: Int32
    var end: Int32
    /// Range of the folded form in the tokenizer's fold buffer.
    var foldStart: Int32
    var foldEnd: Int32
    var flags: Flags
    /// For punctuation: the ASCII mark (`,` `;` `:` `(` `)` `"` `.` `-` for dashes).
    var mark: UInt8
    /// For numbers: the value (digits or number words); for months 1–12; weekdays 0–6.
    var value: Int32
    /// The closed-class role of the word, if any.
    var function: FunctionWord
    /// Where the walk over the word's fold from the root of the lexicon's any-case trie ends,
    /// when the tokenizer knew it (a common word: `FunctionWordTable.Entry.anyCaseRoot`): 0 when
    /// unknown, 1 when the walk leaves the trie, node + 2 otherwise. It fills two bytes that the
    /// token's layout left as padding (its size stays 28 bytes).
    var anyCaseRoot: UInt16 = 0

    /// A token of nothing, for room made ahead of writing tokens.
    static let blank = Token(start: 0, end: 0, foldStart: 0, foldEnd: 0, flags: [], mark: 0, value: 0, function: .none)

    var isWord: Bool { !flags.contains(.punctuation) }
    var isPunct: Bool { flags.contains(.punctuation) }
}
