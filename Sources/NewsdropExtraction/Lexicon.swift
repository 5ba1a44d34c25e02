/// The compiled matcher: every dictionary phrase (actors, adjectives, titles, places, triggers,
/// cues, furniture words) in two `PhraseTrie`s by case rule, and the closed-class function words in a table
/// (`FunctionWordTable`).
///
/// A class, immutable after `init`: every article reader shares it by one reference (the
/// reader is copied into its local closures; a struct would retain each of its tables).
///
/// The phrases live in two tries by case rule: proper names (capitalised or all-capitals
/// phrases: the gazetteer and most of the actor dictionary, ~170,000 nodes) and the rest
/// (triggers, cues, titles, furniture, lower-case aliases: a few thousand nodes). A name can
/// only start at a capitalised, all-capitals or numeric word, so the large trie — whose every
/// probe is a likely cache miss — is walked from one word in five or six, and the small one
/// stays in cache.
final class Lexicon: Sendable {
    /// Phrases with a case rule (`.capitalized`, `.upper`).
    let nameTrie: PhraseTrie
    /// Phrases in any case.
    let anyCaseTrie: PhraseTrie
    /// Function words by their raw lower-case spelling (folding would merge of/off, to/too), and
    /// the words of the phrases in any case (triggers, cues, titles, furniture) with their folds,
    /// which the tokenizer copies instead of folding these common words again.
    let functionWords: FunctionWordTable
    /// Folded words that `next:`/`prev:` trigger contexts refer to, for quick comparison.
    let dictionaries: Dictionaries
    /// Trigger forms per trigger id index.
    let triggerForms: [[(String, TriggerForm)]]
    /// The countries of the gazetteer rows and actors, each named once: `placeCountry[i]` and
    /// `actorCountry[i]` index it, so that a reader weighs countries in an array instead of
    /// hashing their names (the empty name, no country, has an index too).
    let countries: [String]
    let placeCountry: [Int32]
    let actorCountry: [Int32]

    init(_ d: Dictionaries) {
        dictionaries = d
        var countryIndex: [String: Int32] = [:]
        var countries: [String] = []
        func country(_ name: String) -> Int32 {
            if let i = countryIndex[name] { return i }
            let i = Int32(countries.count)
            countryIndex[name] = i
            countries.append(name)
            return i
        }
        placeCountry = d.gazetteer.entries.map { country($0.country) }
        actorCountry = d.actors.entries.map { country($0.country) }
        self.countries = countries
        var entries: [[UInt8]: [PhrasePayload]] = [:]
        // the runs of ASCII letters of the phrases in any case, lower-cased, for `functionWords`
        var commonWords: [[UInt8]] = []
        func add(_ phrase: String, _ payload: PhrasePayload, folded: String? = nil) {
            if payload.kind != .place { Lexicon.appendLetterRuns(of: phrase, to: &commonWords) }
            let k = Array((folded ?? NameFolding.fold(phrase)).utf8)
            if k.isEmpty { return }
            var p = payload
            let shape = Lexicon.wordShape(phrase)
            p.words = UInt8(min(255, shape.words))
            p.possessiveInside = shape.possessiveInside
            // one- and two-letter place names collide with words (He, On, As)
            if p.kind == .place && k.count <= 2 && p.caseRule != .upper { return }
            if entries[k]?.contains(p) ?? false { return }
            entries[k, default: []].append(p)
        }
        for (i, a) in d.actors.entries.enumerated() {
            for n in [a.name] + a.aliases {
                add(n, PhrasePayload(kind: .actor, caseRule: PhrasePayload.caseRule(of: n), detail: 0, index: Int32(i)))
            }
            for n in a.adjectives {
                add(n, PhrasePayload(kind: .adjective, caseRule: PhrasePayload.caseRule(of: n), detail: 0, index: Int32(i)))
            }
        }
        for (i, t) in d.actors.titles.enumerated() {
            for n in t.phrases {
                add(n, PhrasePayload(kind: .title, caseRule: .any, detail: 0, index: Int32(i)))
            }
        }
        for (i, p) in d.gazetteer.entries.enumerated() {
            // the gazetteer folded these names already
            for (n, folded) in zip([p.name] + p.aliases, d.gazetteer.foldedNames(of: i)) {
                var rule = PhrasePayload.caseRule(of: n)
                if rule == .upper && n.count > 3 { rule = .capitalized }
                add(n, PhrasePayload(kind: .place, caseRule: rule, detail: 0, index: Int32(i)), folded: folded)
            }
        }
        var forms: [[(String, TriggerForm)]] = []
        for (i, t) in d.triggers.enumerated() {
            let f = t.forms()
            forms.append(f)
            for (phrase, form) in f {
                add(phrase, PhrasePayload(kind: .trigger, caseRule: .any, detail: form.rawValue, index: Int32(i)))
            }
        }
        triggerForms = forms
        for (i, c) in d.cues.enumerated() {
            let kind = UInt8(CueEntry.Kind.allCases.firstIndex(of: c.kind)!)
            for n in c.phrases {
                add(n, PhrasePayload(kind: .cue, caseRule: .any, detail: kind, index: Int32(i)))
            }
        }
        for (i, f) in d.furniture.enumerated() {
            let kind = UInt8(FurnitureEntry.Kind.allCases.firstIndex(of: f.kind)!)
            for n in f.phrases {
                add(n, PhrasePayload(kind: .furniture, caseRule: .any, detail: kind, index: Int32(i)))
            }
        }
        // split by case rule; `rank` keeps the order of a phrase's payloads across the two tries
        var names: [[UInt8]: [PhrasePayload]] = [:]
        var anyCase: [[UInt8]: [PhrasePayload]] = [:]
        for (k, list) in entries {
            for (rank, payload) in list.enumerated() {
                var p = payload
                p.rank = UInt16(min(rank, Int(UInt16.max)))
                if p.caseRule == .any { anyCase[k, default: []].append(p) } else { names[k, default: []].append(p) }
            }
        }
        nameTrie = PhraseTrie(entries: names)
        anyCaseTrie = PhraseTrie(entries: anyCase)
        functionWords = FunctionWordTable(commonWords: commonWords, anyCaseTrie: anyCaseTrie)
    }

    /// Appends each run of ASCII letters of `phrase`, lower-cased, to `words`.
    private static func appendLetterRuns(of phrase: String, to words: inout [[UInt8]]) {
        var word: [UInt8] = []
        for b in phrase.utf8 {
            let lower = b | 0x20
            if lower &- 0x61 < 26 && (b &- 0x41 < 26 || b &- 0x61 < 26) {
                word.append(lower)
            } else if !word.isEmpty {
                words.append(word)
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(word) }
    }

    /// One phrase found in a token stream.
    struct Match: Sendable {
        var start: Int
        var end: Int
        var payload: PhrasePayload
        /// Whether the phrase's words line up with the words matched.
        var aligned: Bool
    }

    /// Words of a phrase as folding sees them, without article particles, and whether a word
    /// before the last is a possessive ("Iran's president").
    static func wordShape(_ phrase: String) -> (words: Int, possessiveInside: Bool) {
        let dotted = phrase.utf8.contains(0x2E)
        let bytes = Array(phrase.utf8)
        // the words' bytes back to back, each word a range of them
        var letters: [UInt8] = []
        letters.reserveCapacity(bytes.count)
        var words: [Range<Int>] = []
        var start = -1
        var lastPossessive = -1
        for i in 0...bytes.count {
            let b: UInt8 = i < bytes.count ? bytes[i] : 0x20
            if NameFolding.isAlnum(b) || b >= 0x80 || b == 0x27 {
                if start < 0 { start = letters.count }
                letters.append(b)
                continue
            }
            guard start >= 0 else { continue }
            let word = start..<letters.count
            start = -1
            if isPossessive(letters[word]) { lastPossessive = words.count }
            // dotted initials (U.S.) are one word: a one-capital word joins up to three capitals before it
            if dotted, word.count == 1, let last = words.last, last.count <= 3,
                letters[last].allSatisfy(NameFolding.isUpper), letters[word].allSatisfy(NameFolding.isUpper)
            {
                words[words.count - 1] = last.lowerBound..<word.upperBound
            } else {
                words.append(word)
            }
        }
        // a possessive word followed by another (counted before initials merge: a possessive
        // is never one of those)
        let possessiveInside = lastPossessive >= 0 && lastPossessive < words.count - 1
        if words.count <= 1 { return (1, possessiveInside) }
        var particles = 0
        for w in words where NameFolding.isParticle(letters[w]) { particles += 1 }
        return (max(1, words.count - particles), possessiveInside)
    }

    /// Whether a word's bytes end in `'s` or `’s` after at least one letter.
    private static func isPossessive(_ w: ArraySlice<UInt8>) -> Bool {
        guard w.count >= 3, w.last! | 0x20 == 0x73 else { return false }
        let i = w.endIndex - 2
        if w[i] == 0x27 { return true }
        return w.count >= 5 && w[i] == 0x99 && w[i - 1] == 0x80 && w[i - 2] == 0xE2
    }

    /// Sets each word token's function class, then returns every phrase that starts at a word
    /// token and ends at a word boundary (all lengths), with case rules applied.
    /// - Parameter startWords: when given, phrases are looked for only from the first this many
    ///   word tokens (the body reader needs only a line's opening words; function words are
    ///   still set on every token).
    func annotate(_ tokens: inout [Token], _ range: Range<Int>, tokenizer: Tokenizer, bytes: [UInt8], startWords: Int = Int.max) -> [Match] {
        markFunctionWords(&tokens, range, bytes: bytes)
        return phrases(tokens, range, tokenizer: tokenizer, startWords: startWords)
    }

    /// Sets each word token's closed-class role (and the value of numbers, months, weekdays): the
    /// word's leading ASCII letters and digits in the text, lower-cased, looked up in
    /// `functionWords`. The body reader has the tokenizer do this as it gathers each word.
    func markFunctionWords(_ tokens: inout [Token], _ range: Range<Int>, bytes: [UInt8]) {
        for i in range where tokens[i].isWord {
            let start = Int(tokens[i].start)
            var k = start
            let e = Int(tokens[i].end)
            while k < e && NameFolding.isAlnum(bytes[k]) { k += 1 }
            if let row = functionWords.entry(bytes[start..<k]) {
                tokens[i].function = row.function
                if row.function == .number || row.function == .month || row.function == .weekday { tokens[i].value = row.value }
            }
        }
    }

    /// Every phrase that starts at a word token of `tokens[range]` and ends at a word boundary
    /// (all lengths), with case rules applied, in order of their start token. Function words
    /// must be marked already (see `markFunctionWords`).
    func phrases(_ tokens: [Token], _ range: Range<Int>, tokenizer: Tokenizer, startWords: Int = Int.max) -> [Match] {
        var out: [Match] = []
        phrases(tokens, range, tokenizer: tokenizer, startWords: startWords, into: &out)
        return out
    }

    /// `phrases(_:_:tokenizer:startWords:)` into `out`, which is emptied first: a caller that
    /// reads sentence after sentence reuses one buffer instead of growing a new array each time.
    func phrases(_ tokens: [Token], _ range: Range<Int>, tokenizer: Tokenizer, startWords: Int = Int.max, into out: inout [Match]) {
        out.removeAll(keepingCapacity: true)
        var startsLeft = startWords
        let nameStart: Token.Flags = [.capitalized, .allUpper, .number]
        // the tries walk the folds and tokens through their buffers, taken once per call
        tokenizer.folds.withUnsafeBufferPointer { folds in
            tokens.withUnsafeBufferPointer { tokens in
                for i in range {
                    let t = tokens[i]
                    if !t.isWord || t.flags.contains(.particle) { continue }
                    if startsLeft <= 0 { break }
                    startsLeft -= 1
                    let first = out.count
                    // most words start no phrase: the walk over the first word from the root
                    // settles it, before the walk over the words after it is set up (`startPhrases`)
                    let fold = UnsafeBufferPointer(rebasing: folds[Int(t.foldStart)..<Int(t.foldEnd)])
                    // (a common word's walk over the any-case trie was noted by the tokenizer)
                    let anyCaseNode = t.anyCaseRoot != 0 ? Int32(t.anyCaseRoot) &- 2 : anyCaseTrie.walk(0, fold)
                    startPhrases(at: i, anyCaseNode, in: anyCaseTrie, tokens, range, folds, into: &out)
                    if !t.flags.isDisjoint(with: nameStart) {
                        let mid = out.count
                        startPhrases(at: i, nameTrie.walk(0, fold), in: nameTrie, tokens, range, folds, into: &out)
                        // both tries matched here: restore the order of one walk (by end, then payload order)
                        if mid > first && out.count > mid {
                            out[first...].sort { ($0.end, $0.payload.rank) < ($1.end, $1.payload.rank) }
                        }
                    }
                }
            }
        }
    }

    /// Appends the phrases of `trie` starting at token `i`, whose first word's walk from the root
    /// ended at `node` (-1: no phrase starts with it): walked on over the next words only when they
    /// may go on (`mayGoOn`), else the phrases ending at `node` appended in place.
    @inline(__always)
    private func startPhrases(at i: Int, _ node: Int32, in trie: PhraseTrie, _ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, _ folds: UnsafeBufferPointer<UInt8>, into out: inout [Match]) {
        guard node >= 0 else { return }
        if Lexicon.mayGoOn(from: node, in: trie, after: i, tokens, range.upperBound, folds) {
            phrases(from: i, node, in: trie, tokens, range, folds, into: &out)
        } else if trie.endsPhrases(node) {
            let t = tokens[i]
            Lexicon.appendPayloads(
                of: node, in: trie, start: i, t, end: i + 1, consumed: 1, allUpper: t.flags.contains(.allUpper), crossedPossessive: false, into: &out)
        }
    }

    /// Whether the walk of `phrases(from:)` may go on from `node`, where token `i` ends, over
    /// the next word: false when the next token it would read (particles are passed over) is
    /// punctuation or past `end`, or when the first one or two bytes of that word's fold leave
    /// the trie — then the walk would stop there, and only the phrases ending at `node` match
    /// (`appendPayloads`). Settled here, most start words cost no call of `phrases(from:)` (~150
    /// instructions of set-up and one step in the next word each). Exact: `step` follows the
    /// trie's own edges (a word with an empty fold goes on, as the walk would).
    @inline(__always)
    private static func mayGoOn(from node: Int32, in trie: PhraseTrie, after i: Int, _ tokens: UnsafeBufferPointer<Token>, _ end: Int, _ folds: UnsafeBufferPointer<UInt8>) -> Bool {
        var j = i + 1
        while j < end {
            let t = tokens[j]
            if t.isPunct { return false }
            if !t.flags.contains(.particle) {
                let a = Int(t.foldStart), e = Int(t.foldEnd)
                if a == e { return true }
                let next = trie.step(node, folds[a])
                if next < 0 { return false }
                return e - a == 1 || trie.step(next, folds[a + 1]) >= 0
            }
            j += 1
        }
        return false
    }

    /// Appends the matches of the phrases ending at `node` that the case rules let start at token
    /// `i` (`t`) and end before token `end`, over `consumed` words (`allUpper`: all in capitals;
    /// `crossedPossessive`: past a possessive word).
    @inline(__always)
    private static func appendPayloads(
        of node: Int32, in trie: PhraseTrie, start i: Int, _ t: Token, end: Int, consumed: Int, allUpper: Bool, crossedPossessive: Bool, into out: inout [Match]
    ) {
        for pi in trie.payloadRange(at: node) {
            let p = trie.payload(pi)
            if p.kind == .function { continue }
            if crossedPossessive && !p.possessiveInside { continue }
            switch p.caseRule {
            case .any: break
            case .capitalized: if !t.flags.contains(.capitalized) && !t.flags.contains(.number) { continue }
            case .upper: if !allUpper { continue }
            }
            // a capitalised name on a single function word is not a name ("He", "On")
            if consumed == 1 && p.caseRule == .capitalized && t.function != .none && t.function != .month && t.function != .weekday { continue }
            out.append(Match(start: i, end: end, payload: p, aligned: Int(p.words) == consumed))
        }
    }

    /// Appends the phrases of `trie` that start at token `i`, shortest first; `firstNode` is the
    /// node at the end of the walk over token `i` from the root.
    @inline(never)
    private func phrases(from i: Int, _ firstNode: Int32, in trie: PhraseTrie, _ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, _ folds: UnsafeBufferPointer<UInt8>, into out: inout [Match]) {
        let t = tokens[i]
        var node: Int32 = 0
        var j = i
        var allUpper = true
        var consumed = 0
        // a possessive word was walked over: only phrases written with one may match from here
        var crossedPossessive = false
        while j < range.upperBound {
            let tj = tokens[j]
            if tj.isPunct { break }
            if tj.flags.contains(.particle) && j > i { j += 1; continue }
            node = j == i ? firstNode : trie.walk(node, UnsafeBufferPointer(rebasing: folds[Int(tj.foldStart)..<Int(tj.foldEnd)]))
            if node < 0 { break }
            consumed += 1
            if !tj.flags.contains(.allUpper) { allUpper = false }
            Lexicon.appendPayloads(of: node, in: trie, start: i, t, end: j + 1, consumed: consumed, allUpper: allUpper, crossedPossessive: crossedPossessive, into: &out)
            if tj.flags.contains(.possessive) {
                // "Iran's president" goes on; "Syria's Idlib" ends here (the walk finds nothing)
                crossedPossessive = true
            }
            j += 1
        }
    }
}
