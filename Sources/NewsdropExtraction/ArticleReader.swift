/// Reads one article: body, sentences, mentions, then events. One instance per `extract` call.
///
/// A class, not a struct: the reading methods' many local closures capture one reference
/// (the optimiser copied a struct of a dozen arrays into each of them, 20 copies in
/// `events(in:)` alone, a retain and release per array each time).
///
/// Its mutable state is `@exclusivity(unchecked)`: a `var` of a class is otherwise checked for
/// exclusive access at run time on every read and write (~80 instructions each, ~300,000 per 500
/// articles). Safe here because the reader is not `Sendable` — one thread, one `extract` call,
/// owns it — and no method holds an `inout` access to one of these properties across a call
/// that reads or writes the same property (the two that pass one `inout`, `noneTable(atLeast:reusing:)`
/// and `Array.append`, touch nothing of the reader).
final class ArticleReader {
    let lexicon: Lexicon
    let bytes: [UInt8]
    /// The lexicon's dictionaries, held here so that `dict.actors.entries[i]` reads a stored
    /// property instead of copying the whole struct out of a computed one.
    let dict: Dictionaries
    /// The word lists the rules read (`words.tsv`), held here for the same reason.
    let vocabulary: ReaderVocabulary
    /// The folds of `tokens`; like `tokens`, fixed once the body is read (in `init`), so reading
    /// them needs no dynamic exclusivity check.
    let tokenizer: Tokenizer
    /// The tokens of the body's kept lines (see `ArticleBody`).
    let tokens: [Token]
    let body: ArticleBody
    @exclusivity(unchecked) var sentences: [SentenceSlots] = []
    @exclusivity(unchecked) var published: String? = nil
    /// The weight of each country in the article, by its index in `lexicon.countries`.
    @exclusivity(unchecked) var countryWeight: [Int] = []
    /// Token indices of a dateline ("BEIRUT, LEBANON (10:45 P.M.) –"), whose place is not an event's.
    @exclusivity(unchecked) var dateline: TokenMask
    /// The sentences' slots, cues and slot lists (`SentenceSlots` and its slots point into them),
    /// and the event reader's lists of trigger slots and readings (`filter(in:_:)`): freed with the reader.
    let slotLists = SlotArena<Int32>(blockSize: 4096)
    let slotStore = SlotArena<SentenceSlots.Slot>(blockSize: 1024)
    let cueStore = SlotArena<SentenceSlots.Cue>(blockSize: 512)
    /// The words of the sentences' parentheses masks, and their dates.
    let maskWords = SlotArena<UInt64>(blockSize: 512)
    let dateStore = SentenceDateStore()
    /// The mentions before merging, for tests.
    @exclusivity(unchecked) var lastMentions: [EventMention] = []

    // coreference state
    @exclusivity(unchecked) var lastPerson: EventMention.Actor? = nil
    @exclusivity(unchecked) var lastGroup: EventMention.Actor? = nil
    /// The candidates of the sentence `events(in:)` read last, which `updateCoreference` reuses
    /// (both see the same coreference state).
    @exclusivity(unchecked) var candidatesOfSentence: (sentence: Int, candidates: [Candidate])? = nil
    /// "Washington blamed the Islamic Resistance in Iraq for the attack": the sentence and the one blamed,
    /// for the strike told without a doer that "the attack" refers to (set by `events(in:)`).
    @exclusivity(unchecked) var blamed: (sentence: Int, actor: EventMention.Actor)? = nil
    /// The last actor named with a country (a person, state, force or group): "the army" is its
    /// country's national force.
    @exclusivity(unchecked) var lastNational: Int? = nil
    /// `contextMatches` answers of the sentence being read (see `contextMatches(trigger:_:_:)`).
    @exclusivity(unchecked) var contextMemo = ContextMatchMemo()
    /// The per-token tables of `candidates(_:dateHint:)`, handed back after each call so that the
    /// next one reuses their storage.
    @exclusivity(unchecked) var candidateCueAt: [Int] = []
    @exclusivity(unchecked) var candidateSlotAt: [Int] = []
    /// The storage of the last sentence's candidates, handed back by `updateCoreference` when done
    /// with them so that the next `candidates(_:dateHint:)` fills it instead of allocating.
    @exclusivity(unchecked) var candidateSpare: [Candidate] = []

    // The event reader's working state: what `events(in:)` keeps per sentence (attribution, the
    // verbs' and event nouns' actors) and per trigger (`passive`, `fusedNoun`), which its nested
    // functions (`usable`, `subject`, `placeCandidates`, …) read. Locals captured by nested
    // functions were checked for exclusive access at run time at every read and write (~110,000
    // checks per 500 articles, ~10 million instructions); properties of the reader are not (see
    // the comment on the class: no access to one of them is held across a call). Only
    // `events(in:)` reads and writes them, and it sets each before use: the tables for each
    // sentence, `passive` and `fusedNoun` for each trigger.
    /// Tokens of the sentence's attribution ("according to X", "…, X said"): no actor or place there.
    @exclusivity(unchecked) var attributionTokens = TokenMask(0..<0)
    /// The end and actor of each verbal trigger of the sentence read so far.
    @exclusivity(unchecked) var verbActors: [(end: Int, actor: EventMention.Actor?)] = []
    /// The event nouns of the sentence outside prepositional phrases, with their family and actor.
    @exclusivity(unchecked) var nominalSubjects: [(start: Int, end: Int, family: Int, actor: EventMention.Actor?)] = []
    /// Whether the trigger being read is a passive verb.
    @exclusivity(unchecked) var passive = false
    /// The start of the event noun whose actor `subject()` gave the trigger being read, if any.
    @exclusivity(unchecked) var fusedNoun: Int? = nil

    /// The trigger rows' context words (`DictionaryEventExtractor.triggerContexts`).
    let triggerContexts: [TriggerContextWords]

    /// Reads the article's body: its lines, tokens and furniture.
    init(lexicon: Lexicon, triggerContexts: [TriggerContextWords], text: String) {
        self.lexicon = lexicon
        self.triggerContexts = triggerContexts
        dict = lexicon.dictionaries
        vocabulary = dict.words
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var tokenizer = Tokenizer()
        var tokens: [Token] = []
        body = ArticleBody.read(bytes, lexicon: lexicon, tokenizer: &tokenizer, tokens: &tokens)
        self.tokenizer = tokenizer
        self.tokens = tokens
        dateline = TokenMask(0..<tokens.count)
    }

    // MARK: reading

    func read() -> Extraction {
        findPublished(body)
        let dates = DateReader(published: published)
        // one buffer for every sentence's phrase matches
        var matches: [Lexicon.Match] = []
        matches.reserveCapacity(64)
        for (b, block) in body.blocks.enumerated() {
            var cursor = block.tokens.lowerBound
            for r in SentenceSplitter.split(bytes, block.start..<block.end) {
                // the sentence's tokens: those of the block that start inside it
                cursor = firstToken(from: cursor, below: block.tokens.upperBound, startingAtOrAfter: r.lowerBound)
                let first = cursor
                cursor = firstToken(from: cursor, below: block.tokens.upperBound, startingAtOrAfter: r.upperBound)
                let range = first..<cursor
                if range.isEmpty { continue }
                lexicon.phrases(tokens, range, tokenizer: tokenizer, into: &matches)
                var s = slots(range, matches)
                s.byteRange = r
                s.isHeading = block.isHeading
                s.block = b
                s.dates = dateStore.store(dates.read(tokens, range, bytes: bytes, tokenizer: tokenizer))
                // a dateline opens the first body paragraph, after a title and bylines
                if b <= 2 && (sentences.isEmpty || sentences.last!.block != b) { markDateline(range) }
                sentences.append(s)
            }
        }
        weighCountries()
        var mentions: [EventMention] = []
        var order = 0
        for k in sentences.indices {
            let ms = events(in: k, order: &order, previous: mentions)
            mentions.append(contentsOf: ms.0)
            if let b = blamed, let idx = mentions.lastIndex(where: { EventMerger.family($0.type) == 1 && $0.actor == nil && !$0.anaphoric && !$0.fromHeading && $0.sentenceIndex >= b.sentence - 1 && $0.sentenceIndex < b.sentence }) {
                mentions[idx].actor = b.actor
                mentions[idx].modality = .claimed
            }
            blamed = nil
            if let (target, deaths) = ms.1, let idx = mentions.lastIndex(where: { EventMerger.family($0.type) == 1 && $0.sentenceIndex >= target }) {
                if mentions[idx].fatalities == nil { mentions[idx].fatalities = deaths }
            }
            // "the death toll rose to 12": the new toll of the last strike or attack of the paragraph or the two before
            if !ms.0.contains(where: { EventMerger.family($0.type) == 1 }), let deaths = FatalityReader.raisedToll(tokens, sentences[k].tokenRange, tokenizer: tokenizer, vocabulary: vocabulary),
                let idx = mentions.lastIndex(where: { EventMerger.family($0.type) == 1 && !$0.background }), sentences[mentions[idx].sentenceIndex].block >= sentences[k].block - 2
            {
                mentions[idx].fatalities = max(mentions[idx].fatalities ?? 0, deaths)
            }
            updateCoreference(k, events: ms.0)
        }
        lastMentions = mentions
        let merged = EventMerger(dictionaries: dict).merge(mentions, bytes: bytes, tokens: tokens)
        return Extraction(published: published, events: merged.map(output))
    }

    /// The first token from `k` (before `end`) that starts at byte `byte` or after it; `end` when none
    /// does. The tokens are read through their buffer, without an index check each (`end` is at
    /// most the tokens' count: a block's token range).
    func firstToken(from k: Int, below end: Int, startingAtOrAfter byte: Int) -> Int {
        precondition(k >= 0 && end <= tokens.count, "token range outside the tokens")
        return tokens.withUnsafeBufferPointer { t in
            var c = k
            while c < end && Int(t[c].start) < byte { c += 1 }
            return c
        }
    }

    /// The output record of a merged mention: its names, words and sentence made into strings here.
    func output(_ m: EventMention) -> ExtractedEvent {
        var m = m
        // No one is their own target ("Israel struck Israel" comes from an actor read twice,
        // through a subject and a nearby mention): keep the actor, drop the target.
        if let a = m.actor, let t = m.target {
            let same = a.index != nil ? a.index == t.index : NameFolding.fold(name(of: a)) == NameFolding.fold(name(of: t))
            if same { m.target = nil }
        }
        let actor = m.actor.map { a in ActorMention(name: name(of: a), id: a.index.map { dict.actors.entries[$0].id }, text: text(a.text)) }
        let target = m.target.map { a in ActorMention(name: name(of: a), id: a.index.map { dict.actors.entries[$0].id }, text: text(a.text)) }
        let place = m.place.map { p -> PlaceMention in
            let e = dict.gazetteer.entries[p.index]
            return PlaceMention(name: e.name, country: e.country.isEmpty ? nil : e.country, latitude: e.latitude, longitude: e.longitude, geonamesID: e.geonamesID, text: text(p.text))
        }
        var c = 0.35
        if m.actor != nil { c += 0.2 }
        if m.actor?.index != nil { c += 0.05 }
        if m.place != nil { c += m.placeStrength >= 3 ? 0.2 : 0.1 }
        if m.date?.value != nil { c += 0.1 }
        if m.target != nil { c += 0.05 }
        if m.modality == .asserted || m.source != nil { c += 0.05 }
        return ExtractedEvent(
            type: m.type, cameo: m.cameo, actor: actor, target: target, place: place, date: m.date,
            fatalities: m.fatalities, source: m.source.map(name(of:)), modality: m.modality,
            sentence: String(decoding: bytes[m.sentence], as: UTF8.self),
            sentenceOffset: m.sentenceOffset, confidence: min(1, (c * 100).rounded() / 100))
    }

    /// The publication date: a byline or date line with a full date, or a dateline's date.
    func findPublished(_ body: ArticleBody) {
        let reader = DateReader(published: nil)
        // bylines whole, then the opening words of the first blocks
        let lines = body.bylines.map(\.tokens)
            + body.blocks.prefix(3).map { $0.tokens.lowerBound..<min($0.tokens.upperBound, $0.tokens.lowerBound + 12) }
        // A numeric date whose day and month could be swapped ("11/09/2023") is read day first, a
        // guess: a later line spelling the month ("November 9, 2023", DW) settles it when it is the
        // swapped reading; any other date leaves the guess.
        var guess: String?
        for r in lines {
            for h in reader.read(tokens, r, bytes: bytes, tokenizer: tokenizer) {
                guard let v = h.date.value, v.count == 10, !v.hasPrefix("--") else { continue }
                if let g = guess {
                    if v == ArticleReader.swappedDayMonth(g) { published = v; return }
                    continue
                }
                if ArticleReader.swappedDayMonth(v) != nil, !h.date.text.utf8.contains(where: { $0 >= 0x41 }) {
                    guess = v
                    continue
                }
                published = v
                return
            }
        }
        if let g = guess { published = g }
    }

    /// "2023-11-09" → "2023-09-11" when both readings are dates and differ, else nil.
    static func swappedDayMonth(_ v: String) -> String? {
        let u = Array(v.utf8)
        guard u.count == 10 else { return nil }
        let mo = Int(u[5] - 48) * 10 + Int(u[6] - 48), d = Int(u[8] - 48) * 10 + Int(u[9] - 48)
        guard mo != d, d >= 1, d <= 12, mo >= 1 else { return nil }
        return String(v.prefix(5)) + String(v.suffix(2)) + "-" + String(v.dropFirst(5).prefix(2))
    }

    /// A first sentence opening with capitalised place words and a dash: "BEIRUT, LEBANON (…) –".
    func markDateline(_ range: Range<Int>) {
        // "DAMASCUS: Israel carried out …" (Arab News, Asharq Al-Awsat): capitals and a colon
        if let colon = tokens[range.prefix(6)].firstIndex(where: { $0.isPunct && $0.mark == 0x3A }), colon > range.lowerBound,
            tokens[range.lowerBound..<colon].allSatisfy({ ($0.isWord && $0.flags.contains(.allUpper)) || ($0.isPunct && ($0.mark == 0x2C || $0.mark == 0x2F)) })
        {
            for k in range.lowerBound...colon { dateline.insert(k) }
            return
        }
        guard let dash = tokens[range].firstIndex(where: { $0.isPunct && $0.mark == 0x2D }), dash - range.lowerBound <= 12 else { return }
        let head = tokens[range.lowerBound..<dash]
        let words = head.filter(\.isWord)
        guard !words.isEmpty, words.first!.flags.contains(.allUpper) else { return }
        for k in range.lowerBound..<dash { dateline.insert(k) }
    }

    // MARK: slots

    func slots(_ range: Range<Int>, _ matches: [Lexicon.Match]) -> SentenceSlots {
        tokens.withUnsafeBufferPointer { tokens in
            matches.withUnsafeBufferPointer { matches in slots(range, matches, tokens: tokens) }
        }
    }

    /// `slots(_:_:)` over the buffers of the matches and the article's tokens, read without an
    /// index check per token (every index is inside `range` or the matches' count).
    private func slots(_ range: Range<Int>, _ matches: UnsafeBufferPointer<Lexicon.Match>, tokens: UnsafeBufferPointer<Token>) -> SentenceSlots {
        // matches come in order of their start token (see `Lexicon.annotate`); content matches
        // (actors, adjectives, titles, places, triggers) and cues are read from the one list
        @inline(__always) func isContent(_ k: PhrasePayload.Kind) -> Bool {
            switch k {
            case .actor, .adjective, .title, .place, .trigger: true
            case .cue, .furniture, .function: false
            }
        }
        // slots do not overlap, so a sentence has at most one per token; the unused room is given back
        let slots = slotStore.allocate(range.count)
        var slotCount = 0
        // Bits per token of the sentence (bit j - range.lowerBound of word (j - range.lowerBound) / 64),
        // in words of the mask arena: the tokens in parentheses (kept by the sentence), the words that
        // may be part of an unknown name, and the tokens a content match or a cue claims. The last two
        // tables are scratch, given back before returning (they are the arena's latest allocation).
        // Every index set or tested below is inside `range`, so inside the `3 * wordCount` words.
        let wordCount = (range.count + 63) >> 6
        let bitWords = maskWords.allocate(3 * wordCount)
        bitWords.initialize(repeating: 0, count: 3 * wordCount)
        let parenBits = bitWords, nameBits = bitWords + wordCount, claimed = bitWords + 2 * wordCount
        @inline(__always) func setBit(_ table: UnsafeMutablePointer<UInt64>, _ j: Int) {
            let b = j - range.lowerBound
            table[b >> 6] |= 1 << UInt64(b & 63)
        }
        @inline(__always) func hasBit(_ table: UnsafeMutablePointer<UInt64>, _ j: Int) -> Bool {
            let b = j - range.lowerBound
            return table[b >> 6] & (1 << UInt64(b & 63)) != 0
        }
        // one pass over the tokens for what the passes below ask of each: whether it is inside
        // parentheses, whether it is a capitalised plain word (an unknown name's word unless a
        // match claims it), and the counts that say whether the sentence is in title case
        var words = 0, caps = 0, depth = 0
        for j in range {
            let t = tokens[j]
            if t.isPunct {
                if t.mark == 0x28 { depth += 1 } else if t.mark == 0x29 { depth = max(0, depth - 1) } else if depth > 0 { setBit(parenBits, j) }
                continue
            }
            if depth > 0 { setBit(parenBits, j) }
            if t.flags.contains(.number) { continue }
            words += 1
            if t.flags.contains(.capitalized) {
                caps += 1
                if t.function == .none { setBit(nameBits, j) }
            }
        }
        // a headline in title case ("Iran Trims Military Presence in Syria"): its capitals say nothing
        let titleCase = words >= 3 && caps * 4 >= words * 3
        var i = range.lowerBound
        var cursor = 0
        while i < range.upperBound {
            // the content matches that start at token `i`: matches[cursor..<groupEnd], of a content kind
            while cursor < matches.count && matches[cursor].start < i { cursor += 1 }
            // (no match starts before the next one's start: go there instead of token by token)
            if cursor == matches.count { break }
            i = matches[cursor].start
            if i >= range.upperBound { break }
            var groupEnd = cursor
            // the longest aligned match, else the longest
            var alignedEnd = -1, anyEnd = -1
            while groupEnd < matches.count && matches[groupEnd].start == i {
                let m = matches[groupEnd]
                if isContent(m.payload.kind) {
                    anyEnd = max(anyEnd, m.end)
                    if m.aligned { alignedEnd = max(alignedEnd, m.end) }
                }
                groupEnd += 1
            }
            if anyEnd < 0 { i += 1; continue }
            let end = alignedEnd >= 0 ? alignedEnd : anyEnd
            if end == i + 1, i > range.lowerBound, tokens[i - 1].flags.contains(.capitalized),
                surnameOfAnotherName(i, group: cursor..<groupEnd, matches)
            { i += 1; continue }
            // "The National Intelligence Organization": a match that a longer one starting inside it
            // overruns ("The National", an outlet) gives way to that one
            var overrun = false
            var c2 = groupEnd
            while c2 < matches.count && matches[c2].start < end {
                let m = matches[c2]
                if isContent(m.payload.kind) && m.start > i && m.end > end && m.end - m.start > end - i { overrun = true; break }
                c2 += 1
            }
            if overrun { i += 1; continue }
            // the slot's lists, kind after kind, each without repeats (triggers keep every reading)
            let list = slotLists.allocate(groupEnd - cursor)
            var n = 0
            func put(_ kind: PhrasePayload.Kind) -> Int {
                let from = n
                for g in cursor..<groupEnd where matches[g].end == end && matches[g].payload.kind == kind {
                    let m = matches[g]
                    if kind == .trigger {
                        list[n] = SentenceSlots.TriggerReading.pack(index: Int(m.payload.index), form: TriggerForm(rawValue: m.payload.detail) ?? .noun)
                        n += 1
                        continue
                    }
                    let idx = m.payload.index
                    if (from..<n).contains(where: { list[$0] == idx }) { continue }
                    list[n] = idx
                    n += 1
                }
                return n
            }
            // the kinds of the group's matches that end at `end`, a bit each: `put` runs only for
            // those (most slots hold one kind; a kind without a match adds nothing to the lists)
            var kinds: UInt8 = 0
            for g in cursor..<groupEnd where matches[g].end == end { kinds |= 1 &<< matches[g].payload.kind.rawValue }
            @inline(__always) func putIfAny(_ kind: PhrasePayload.Kind) -> Int { kinds & (1 &<< kind.rawValue) != 0 ? put(kind) : n }
            let ends = (putIfAny(.actor), putIfAny(.adjective), putIfAny(.title), putIfAny(.place), putIfAny(.trigger))
            let s = SentenceSlots.Slot(start: i, end: end, storage: list, ends: ends)
            // a trigger word used as a name part is not a name: keep the trigger
            (slots + slotCount).initialize(to: s)
            slotCount += 1
            for k in i..<min(end, range.upperBound) { setBit(claimed, k) }
            i = end
        }
        // at most one cue per cue match
        let cues = cueStore.allocate(matches.count)
        var cueCount = 0
        i = range.lowerBound
        cursor = 0
        while i < range.upperBound {
            while cursor < matches.count && matches[cursor].start < i { cursor += 1 }
            // (likewise: from one match's start to the next)
            if cursor == matches.count { break }
            i = matches[cursor].start
            if i >= range.upperBound { break }
            var groupEnd = cursor
            var end = -1
            while groupEnd < matches.count && matches[groupEnd].start == i {
                if matches[groupEnd].payload.kind == .cue { end = max(end, matches[groupEnd].end) }
                groupEnd += 1
            }
            if end < 0 { i += 1; continue }
            for g in cursor..<groupEnd where matches[g].end == end && matches[g].payload.kind == .cue {
                let kind = CueEntry.Kind.allCases[Int(matches[g].payload.detail)]
                (cues + cueCount).initialize(to: SentenceSlots.Cue(start: i, end: end, kind: kind))
                cueCount += 1
            }
            for k in i..<min(end, range.upperBound) { setBit(claimed, k) }
            i = end
        }
        // adjectives that modify a following name
        cueStore.giveBack(matches.count - cueCount)
        for k in 0..<slotCount where !slots[k].adjectives.isEmpty && slots[k].actors.isEmpty {
            if k + 1 < slotCount, slots[k + 1].start == slots[k].end, !slots[k + 1].actors.isEmpty || !slots[k + 1].titles.isEmpty {
                slots[k].modifier = true
            }
        }
        // unknown proper nouns: runs of capitalised words nobody claimed (an honorific is a cue)
        let contentCount = slotCount
        // a capitalised plain word (not a number) that no match claims
        @inline(__always) func nameWord(_ j: Int) -> Bool { hasBit(nameBits, j) && !hasBit(claimed, j) }
        /// The first name word at or after token `k` (`nil`: none left), found a word of bits at a time.
        func nextNameWord(from k: Int) -> Int? {
            let b = k - range.lowerBound
            if b >= range.count { return nil }
            var w = b >> 6
            var bits = nameBits[w] & ~claimed[w] & (~0 << UInt64(b & 63))
            while bits == 0 {
                w += 1
                if w >= wordCount { return nil }
                bits = nameBits[w] & ~claimed[w]
            }
            // (no bit past the range's last token is ever set)
            return range.lowerBound + (w << 6) + bits.trailingZeroBitCount
        }
        // (in title case no word starts a name; other tokens than name words start none)
        var next = titleCase ? nil : nextNameWord(from: range.lowerBound)
        while let k = next {
            let t = tokens[k]
            // a particle or a lone letter does not start a name ("Al-" before a known place, "F-35")
            if t.flags.contains(.particle) || t.end - t.start <= (t.flags.contains(.hyphenAfter) ? 2 : 1) { next = nextNameWord(from: k + 1); continue }
            do {
                var e = k + 1
                // "the Ground Force", "the Rapid Support Forces": a capitalised force noun ends the name it follows
                func unitWord(_ j: Int) -> Bool {
                    let u = tokens[j]
                    return u.function == .forceNoun && u.flags.contains(.capitalized) && !hasBit(claimed, j)
                }
                while e < range.upperBound && (nameWord(e) || unitWord(e) || (tokens[e].flags.contains(.particle) && e + 1 < range.upperBound && nameWord(e + 1))) { e += 1 }
                // the sentence's first word (after an opening quote or a dateline's dash) is capitalised anyway
                let atStart = k == range.lowerBound || (tokens[k - 1].isPunct && tokens[k - 1].mark == 0x22 && k - 1 == range.lowerBound)
                    || (tokens[k - 1].isPunct && tokens[k - 1].mark == 0x2D && k - range.lowerBound <= 12 && tokens[range.lowerBound].flags.contains(.allUpper))
                // "Interior Minister Ali Yerlikaya", "Health Minister …": capitalised words right
                // before an office word are its portfolio, not a name
                let portfolio = e - k <= 2 && (0..<cueCount).contains { cues[$0].start == e && cues[$0].kind == .office }
                if !portfolio && (!(atStart && e - k == 1) && !t.flags.contains(.allUpper) || e - k >= 2) {
                    if !(atStart && e - k == 1) {
                        var s = SentenceSlots.Slot(start: k, end: e)
                        s.unknown = true
                        (slots + slotCount).initialize(to: s)
                        slotCount += 1
                    }
                }
                next = nextNameWord(from: e)
            }
        }
        slotStore.giveBack(range.count - slotCount)
        if slotCount > contentCount {
            var all = UnsafeMutableBufferPointer(start: slots, count: slotCount)
            all.sort { $0.start < $1.start }
        }
        // the parentheses' words stay; the two scratch tables after them go back to the arena
        let parens = PackedTokenMask(range, words: wordCount == 0 ? nil : UnsafePointer(parenBits))
        maskWords.giveBack(2 * wordCount)
        return SentenceSlots(
            tokenRange: range, byteRange: 0..<0, slots: SentenceSlots.Buffer(slots, count: slotCount), cues: SentenceSlots.Buffer(cues, count: cueCount),
            dates: SentenceSlots.Buffer(nil, count: 0), inParens: parens, isHeading: false, block: 0)
    }

    /// Whether the one-word person aliases at token `i` (all the content readings there) stand
    /// after a capitalised word that is no title and no other match: "Hassan Abdel Ghani" is
    /// somebody else than Ghaani (Qaani), whose surname folds like his; "Ashraf Ghani" too. The
    /// word is then left to the unknown name it ends. A title ("Gen. Qaani", "Supreme Leader
    /// Khamenei") or an adjective before the surname keeps it.
    func surnameOfAnotherName(_ i: Int, group: Range<Int>, _ matches: UnsafeBufferPointer<Lexicon.Match>) -> Bool {
        var actor = false
        for g in group {
            let m = matches[g]
            switch m.payload.kind {
            case .cue, .function, .furniture: continue
            case .actor where dict.actors.entries[Int(m.payload.index)].kind == .person: actor = true
            default: return false
            }
        }
        guard actor else { return false }
        let p = tokens[i - 1]
        guard p.isWord, p.flags.contains(.capitalized), !p.flags.contains(.allUpper), !p.flags.contains(.possessive), p.function == .none else { return false }
        // nothing the dictionaries know covers the word before: no title, cue, adjective or name
        return !matches.contains { $0.start <= i - 1 && i - 1 < $0.end }
    }

    /// The index of the sentence holding token `k`, found by bisection (sentences are in token
    /// order and do not overlap), without copying any sentence.
    func sentenceIndex(containing k: Int) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].tokenRange.upperBound <= k { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].tokenRange.contains(k) ? lo : nil
    }

    /// A per-token table with no entry yet (-1 everywhere) of at least `n` entries: `scratch`,
    /// taken (it is left empty) and grown when shorter. `scratch` must hold only -1s — the caller
    /// sets a few entries and, when done, sets them back to -1 (`clearEntries`) before handing the
    /// table back — so that a sentence's table costs its entries, not its tokens.
    static func noneTable(atLeast n: Int, reusing scratch: inout [Int]) -> [Int] {
        var a: [Int] = []
        swap(&a, &scratch)
        if a.count < n { a.append(contentsOf: repeatElement(-1, count: n - a.count)) }
        return a
    }

    /// Sets back to -1 the entries `noneTable(atLeast:reusing:)`'s caller set: those at `starts`
    /// minus `lower`.
    static func clearEntries<S: Sequence>(_ table: inout [Int], at starts: S, lower: Int) where S.Element == Int {
        table.withUnsafeMutableBufferPointer { t in
            for k in starts { t[k - lower] = -1 }
        }
    }

    func weighCountries() {
        let places = dict.gazetteer.entries, actors = dict.actors.entries
        let placeCountry = lexicon.placeCountry, actorCountry = lexicon.actorCountry
        var weight = [Int](repeating: 0, count: lexicon.countries.count)
        for k in sentences.indices {
            for j in sentences[k].slots.indices {
                let slot = sentences[k].slots[j]
                // (an unknown name has no dictionary rows)
                if slot.unknown { continue }
                for p in slot.places where places[p].kind == .country { weight[Int(placeCountry[p])] += 2 }
                for a in slot.actors where !actors[a].country.isEmpty { weight[Int(actorCountry[a])] += 1 }
                for a in slot.adjectives where !actors[a].country.isEmpty { weight[Int(actorCountry[a])] += 1 }
                if slot.places.count == 1 {
                    let p = slot.places[0]
                    if !places[p].country.isEmpty { weight[Int(placeCountry[p])] += 1 }
                }
            }
        }
        countryWeight = weight
    }


    /// The best gazetteer row among a slot's candidates: the article's countries first, then
    /// a name qualified by "province"/"governorate" as the region, then population.
    func bestPlace(_ slot: SentenceSlots.Slot) -> Int? {
        guard !slot.places.isEmpty else { return nil }
        let next = slot.end < tokens.count ? tokens[slot.end] : nil
        let wantsAdmin = next.map { $0.function == .areaNoun && vocabulary.adminNouns.contains(tokenizer.fold($0)) } ?? false
        let places = dict.gazetteer.entries, placeCountry = lexicon.placeCountry, weight = countryWeight
        return slot.places.max { a, b in
            // (no weights before `weighCountries` has run)
            let wa = weight.isEmpty ? 0 : weight[Int(placeCountry[a])], wb = weight.isEmpty ? 0 : weight[Int(placeCountry[b])]
            if wa != wb { return wa < wb }
            let ka = places[a].kind, kb = places[b].kind
            if wantsAdmin && (ka == .admin1) != (kb == .admin1) { return kb == .admin1 }
            if ka == .country && kb != .country { return false }
            if kb == .country && ka != .country { return true }
            if places[a].population != places[b].population { return places[a].population < places[b].population }
            return a > b
        }
    }

    func text(_ a: Int, _ b: Int) -> String {
        String(decoding: bytes[Int(tokens[a].start)..<Int(tokens[b - 1].end)], as: UTF8.self)
    }

    /// Tokens `a..<b`, to be made into text only if they reach the output.
    @inline(__always) func span(_ a: Int, _ b: Int) -> TokenSpan { TokenSpan(a, b) }

    /// The article's words over the tokens of `span`.
    func text(_ span: TokenSpan) -> String { text(Int(span.start), Int(span.end)) }

    /// An actor's name: its dictionary row's, or the words of an unknown name.
    func name(of a: EventMention.Actor) -> String {
        a.index.map { dict.actors.entries[$0].name } ?? text(a.nameWords)
    }

    /// Whether two actors are equal as values of names and words: the same row, the same name and
    /// the same words in the article (wherever they stand).
    func sameActor(_ a: EventMention.Actor?, _ b: EventMention.Actor?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.index == b.index else { return false }
        // (a known actor's name is its row's: equal rows, equal names)
        if a.index == nil && !sameWords(a.nameWords, b.nameWords) { return false }
        return sameWords(a.text, b.text)
    }

    /// Whether the article's bytes over two token spans are equal.
    func sameWords(_ a: TokenSpan, _ b: TokenSpan) -> Bool {
        if a == b { return true }
        let ra = Int(tokens[Int(a.start)].start)..<Int(tokens[Int(a.end) - 1].end)
        let rb = Int(tokens[Int(b.start)].start)..<Int(tokens[Int(b.end) - 1].end)
        return ra.count == rb.count && bytes[ra].elementsEqual(bytes[rb])
    }

    /// The folded bytes of token `k`, without a copy.
    func word(_ k: Int) -> ArraySlice<UInt8> { tokenizer.fold(tokens[k]) }

    /// Whether token `k`'s folded bytes are one of `set`'s words: the fold's length is tested
    /// first, and only a fold of a length the set has is sliced and looked up.
    @inline(__always) func word(_ k: Int, in set: ReaderWordSet) -> Bool {
        let t = tokens[k]
        return set.mayHold(count: Int(t.foldEnd &- t.foldStart)) && set.words.contains(tokenizer.fold(t))
    }
}
