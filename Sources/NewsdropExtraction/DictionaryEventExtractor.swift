/// The newsdrop extractor: dictionaries and trigger patterns, compiled once into a trie over
/// folded words, then applied per article (body → sentences → mentions → events → merged events).
///
/// Immutable and `Sendable`: one instance serves many threads.
public struct DictionaryEventExtractor: EventExtracting {
    /// The dictionaries the extractor was built from.
    public let dictionaries: Dictionaries
    let lexicon: Lexicon
    /// The trigger rows' context words, packed for `contextMatches` (row for row).
    let triggerContexts: [TriggerContextWords]

    /// Compiles the dictionaries into matchers.
    public init(dictionaries: Dictionaries) {
        self.dictionaries = dictionaries
        self.lexicon = Lexicon(dictionaries)
        self.triggerContexts = dictionaries.triggers.map(TriggerContextWords.init)
    }

    /// Loads the dictionaries from `directories` (see `Dictionaries.load(from:)`) and compiles them.
    ///
    /// Never inlined: `tools/instructions.sh` counts the loading as the instructions spent inside
    /// this initialiser's symbol (inlined into `newsdrop-bench`, it counted nothing).
    @inline(never)
    public init(directories: [String]) throws {
        self.init(dictionaries: try Dictionaries.load(from: directories))
    }

    /// Reads the events of one article, in the order of the sentences they were read from.
    public func extract(_ article: ArticleText) -> Extraction {
        let reader = ArticleReader(lexicon: lexicon, triggerContexts: triggerContexts, text: article.text)
        return reader.read()
    }

    /// The mentions before merging, one line each, for debugging the patterns.
    func mentions(_ text: String) -> [String] {
        let reader = ArticleReader(lexicon: lexicon, triggerContexts: triggerContexts, text: text)
        _ = reader.read()
        return reader.lastMentions.map { m in
            "\(m.type.rawValue)\(m.anaphoric ? "*" : "") actor=\(m.actor.map { reader.text($0.text) } ?? "-") target=\(m.target.map { reader.text($0.text) } ?? "-") place=\(m.place.map { "\(dictionaries.gazetteer.entries[$0.index].name)[\(reader.text($0.text))]/\(m.placeStrength)" } ?? "-") date=\(m.date?.value ?? "-") dead=\(m.fatalities.map(String.init) ?? "-") | \(String(decoding: reader.bytes[m.sentence], as: UTF8.self).prefix(90))"
        }
    }
}
