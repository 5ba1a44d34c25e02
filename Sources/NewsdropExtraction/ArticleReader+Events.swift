/// Reading events from a sentence: trigger readings, arguments, place, date, toll, attribution.
extension ArticleReader {
    /// An actor-like mention usable as a subject, object, agent or source.
    struct Candidate {
        var start: Int
        var end: Int
        var actor: EventMention.Actor
        /// The preposition that introduces it, if any.
        var preposition: FunctionWord?
        var isMedia: Bool
        var isPronoun: Bool
        var slot: Int?
    }

    static let agentPreps: Set<FunctionWord> = [.by]

    func isPrepositionLike(_ f: FunctionWord) -> Bool {
        // (a switch: the array literal this was cost a search of a static array per call)
        switch f {
        case .locative, .preposition, .of, .by, .from, .to, .including: true
        default: false
        }
    }

    /// The preposition that governs the phrase starting at token `start`, looking back over
    /// determiners, adjectives, numbers and directions ("in the eastern city of").
    func governingPreposition(_ start: Int, lowerBound: Int) -> (FunctionWord, Int)? {
        var j = start - 1
        var steps = 0
        var conjunctions = 0
        while j >= lowerBound && steps < 6 {
            let t = tokens[j]
            if t.flags.contains(.particle) || (t.isPunct && t.mark == 0x22) { j -= 1; continue }
            if t.isWord && t.flags.contains(.possessive) && t.flags.contains(.capitalized) && steps < 4 {
                // "in the Kurdistan Region's Duhok province": over the whole possessive name
                j -= 1; steps += 1
                var words = 0
                while j >= lowerBound, words < 3, tokens[j].isWord, tokens[j].flags.contains(.capitalized), !tokens[j].flags.contains(.possessive), tokens[j].function == .none { j -= 1; words += 1 }
                continue
            }
            // apposition: "Syria's largest city, Aleppo" takes the phrase's preposition
            if t.isPunct && t.mark == 0x2C && j - 1 >= lowerBound && tokens[j - 1].function == .areaNoun && steps == 0 { j -= 1; continue }
            if t.isPunct { return nil }
            if t.function == .conjunction && conjunctions == 0 {
                // "for the party and Shiite militias": the preposition of the first conjunct
                conjunctions += 1
                var k = j - 1
                var hops = 0
                while k >= lowerBound && hops < 5 {
                    let u = tokens[k]
                    if u.isPunct && u.mark != 0x22 { return nil }
                    if isPrepositionLike(u.function) { return (u.function, k) }
                    if u.function == .relative || u.function == .be || u.function == .have || u.function == .modal || u.function == .pronoun { return nil }
                    k -= 1
                    hops += 1
                }
                return nil
            }
            switch t.function {
            case .the, .determiner, .possessivePronoun, .direction, .areaNoun, .number, .adverb: break
            case .of:
                // "the city of X", "west of X": locative; "the commander of X": not
                if j - 1 >= lowerBound, [.areaNoun, .direction, .locative].contains(tokens[j - 1].function) { return (.locative, j) }
                return (.of, j)
            case .none:
                if word(j, in: vocabulary.targetVerbs) { return (.locative, j) }
                if t.flags.contains(.capitalized) || t.flags.contains(.number) { return nil }
                if steps >= 2 { return nil }
            default:
                return isPrepositionLike(t.function) ? (t.function, j) : nil
            }
            j -= 1
            steps += 1
        }
        return nil
    }

    func actorOf(_ slot: SentenceSlots.Slot, dateHint: String?) -> EventMention.Actor? {
        let t = span(slot.start, slot.end)
        if let a = slot.actors.first(where: { dict.actors.entries[$0].kind != .media }) ?? slot.actors.first {
            return EventMention.Actor(row: a, text: t)
        }
        if !slot.titles.isEmpty, let h = dict.actors.holder(ofTitles: slot.titles, on: dateHint ?? published) {
            return EventMention.Actor(row: h, text: t)
        }
        if let a = slot.adjectives.first, !slot.modifier {
            return EventMention.Actor(row: a, text: t)
        }
        if slot.unknown { return EventMention.Actor(unknown: t) }
        return nil
    }

    /// Actor-like candidates of a sentence, with titles next to names resolved to the name and
    /// pronouns resolved to the last person or group.
    func candidates(_ s: SentenceSlots, dateHint: String?) -> [Candidate] {
        // (in the storage of the last sentence's candidates, when `updateCoreference` handed it back)
        var out: [Candidate] = []
        swap(&out, &candidateSpare)
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(s.slots.count + s.cues.count)
        var person = lastPerson
        var group = lastGroup
        var national = lastNational
        // per token of the sentence: the coreference cue and the slot starting there (-1: none)
        let lower = s.tokenRange.lowerBound
        // (tables of the reader, at least as long as the sentence, all -1 but for the entries set
        // here, which are set back to -1 when done)
        var cueAt = ArticleReader.noneTable(atLeast: s.tokenRange.count, reusing: &candidateCueAt)
        for (i, c) in s.cues.enumerated() where c.kind == .corefPerson || c.kind == .corefGroup || c.kind == .corefForce || c.kind == .corefState { cueAt[c.start - lower] = i }
        var slotAt = ArticleReader.noneTable(atLeast: s.tokenRange.count, reusing: &candidateSlotAt)
        defer {
            ArticleReader.clearEntries(&cueAt, at: s.cues.lazy.map(\.start), lower: lower)
            ArticleReader.clearEntries(&slotAt, at: s.slots.lazy.map(\.start), lower: lower)
            candidateCueAt = cueAt
            candidateSlotAt = slotAt
        }
        for (i, sl) in s.slots.enumerated() { slotAt[sl.start - lower] = i }
        var j = s.tokenRange.lowerBound
        while j < s.tokenRange.upperBound {
            if slotAt[j - lower] >= 0 {
                let si = slotAt[j - lower]
                let sl = s.slots[si]
                if sl.unknown && sl.actors.isEmpty && sl.titles.isEmpty, let q = (max(s.tokenRange.lowerBound, sl.start - 6)..<sl.start).last(where: { word($0, in: vocabulary.nameIntroducers) }),
                    !(q + 1..<sl.start).contains(where: { tokens[$0].isPunct && tokens[$0].mark != 0x22 && tokens[$0].mark != 0x27 })
                {
                    j = max(j + 1, sl.end)
                    continue
                }
                if sl.isActorLike, var a = actorOf(sl, dateHint: dateHint) {
                    // "Iran's Foreign Ministry", "the regime's Air Force": an unknown body of a state named
                    // right before it with a possessive is that state
                    if a.index == nil, sl.actors.isEmpty, sl.titles.isEmpty, si > 0, let prev = out.last, prev.end == sl.start,
                        tokens[prev.end - 1].flags.contains(.possessive), let pi = prev.actor.index, dict.actors.entries[pi].kind == .state
                    {
                        // "Iraq's Islamic Resistance", "Lebanon's Islamic Resistance": an organisation the
                        // dictionary names "<name> in <country>" is that group, and so is an unknown one whose
                        // head noun names a group ("Syria's Free Officers Movement"); the possessive goes with it
                        if let g = dict.actors.group(named: text(sl.start, sl.end), of: pi) {
                            a = EventMention.Actor(row: g, text: span(prev.start, sl.end))
                            out.removeLast()
                            out.append(Candidate(start: prev.start, end: sl.end, actor: a, preposition: prev.preposition, isMedia: false, isPronoun: false, slot: si))
                            if prev.preposition == nil { group = a }
                            j = sl.end
                            continue
                        }
                        if !word(sl.end - 1, in: vocabulary.groupHeadNouns) {
                            a = EventMention.Actor(row: pi, text: span(prev.start, sl.end))
                        }
                    }
                    // a title next to a name is that name: "Quds Force commander Esmail Qaani"
                    if !sl.titles.isEmpty && sl.actors.isEmpty {
                        var n = si + 1
                        while n < s.slots.count && n <= si + 3 {
                            let nx = s.slots[n]
                            if s.inParens.contains(nx.start) { n += 1; continue }
                            if nx.start - sl.end > 8 { break }
                            let gapOK = (sl.end..<nx.start).allSatisfy { q in
                                let u = tokens[q]
                                return u.isPunct || s.inParens.contains(q) || u.function == .the
                                    || (u.function == .none && u.flags.contains(.capitalized))
                            }
                            if !gapOK { break }
                            if let p = nx.actors.first, dict.actors.entries[p].kind == .person {
                                a = EventMention.Actor(row: p, text: span(nx.start, nx.end))
                            }
                            break
                        }
                    }
                    let prep = governingPreposition(sl.start, lowerBound: s.tokenRange.lowerBound)?.0
                    let media = a.index.map { dict.actors.entries[$0].kind == .media } ?? false
                    // Coordination in a subject or object: "Russian and Syrian warplanes", "US and
                    // British forces", "the SDF and the US-led coalition" act together. One candidate
                    // covers both conjuncts: the record names the first, and its text is the
                    // article's words for both. (Not after a preposition: "a meeting of the Turkish
                    // and Russian presidents" retells an event more often than it tells one.)
                    var end = sl.end
                    // a comma list ending in "and": "Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid
                    // al-Shuhada attacked" act together as well
                    if prep == nil, !media, let last = listEnd(after: sl, in: s, slotAt: slotAt, dateHint: dateHint) {
                        end = last.end
                        a.text = span(sl.start, last.end)
                    } else if prep == nil, !media, let nx = coordinatedSlot(after: sl, in: s, slotAt: slotAt), nx.isActorLike,
                        let b = actorOf(nx, dateHint: dateHint), b.index.map({ dict.actors.entries[$0].kind != .media }) ?? true
                    {
                        end = nx.end
                        a.text = span(sl.start, nx.end)
                    }
                    out.append(Candidate(start: sl.start, end: end, actor: a, preposition: prep, isMedia: media, isPronoun: false, slot: si))
                    if let i = a.index, !media, !dict.actors.entries[i].country.isEmpty { national = i }
                    if let i = a.index, prep == nil {
                        switch dict.actors.entries[i].kind {
                        case .person: person = a
                        case .armedGroup, .organisation: group = a
                        default: break
                        }
                    }
                }
                j = max(j + 1, out.last.map { $0.start == sl.start ? $0.end : sl.end } ?? sl.end)
                continue
            }
            if cueAt[j - lower] >= 0, !([.corefForce, .corefState].contains(s.cues[cueAt[j - lower]].kind) && ArticleReader.namesItsOwner(s.cues[cueAt[j - lower]], s, slotAt: slotAt, tokens: tokens)) {
                let c = s.cues[cueAt[j - lower]]
                // "The Commander of Ground Forces, Lieutenant General Qassem al-Muhammadi, visited": the
                // name in apposition is the one meant, not the person last named
                if c.kind == .corefPerson, appositionNamesIt(c, s, slotAt: slotAt) {
                    j = c.end
                    continue
                }
                var ref = c.kind == .corefPerson ? person : group
                if c.kind == .corefForce {
                    // "the army has reinforced its positions": the national force of the country last named
                    ref = namedForce(endingWith: c)
                        ?? national.flatMap { dict.actors.nationalForce(of: $0) }.map { EventMention.Actor(row: $0, text: span(c.start, c.end)) }
                }
                if c.kind == .corefState {
                    // "the government condemned": the state of the country last named
                    ref = national.flatMap { dict.actors.state(of: $0) }.map { EventMention.Actor(row: $0, text: span(c.start, c.end)) }
                }
                if let ref {
                    let prep = governingPreposition(c.start, lowerBound: s.tokenRange.lowerBound)?.0
                    out.append(Candidate(start: c.start, end: c.end, actor: EventMention.Actor(index: ref.index, nameWords: ref.nameWords, text: span(c.start, c.end)), preposition: prep, isMedia: false, isPronoun: true, slot: nil))
                }
                j = c.end
                continue
            }
            j += 1
        }
        return out
    }

    /// Whether a person's title ("the commander", "the president") is followed by its holder's name in
    /// apposition, over an "of" phrase and a rank: "The Commander of Ground Forces, Lieutenant General
    /// Qassem al-Muhammadi,".
    func appositionNamesIt(_ c: SentenceSlots.Cue, _ s: SentenceSlots, slotAt: [Int]) -> Bool {
        let lower = s.tokenRange.lowerBound, upper = s.tokenRange.upperBound
        var q = c.end
        var steps = 0
        while q < upper, steps < 6, tokens[q].isWord, tokens[q].function == .of || tokens[q].function == .the || tokens[q].flags.contains(.capitalized) {
            q += 1
            steps += 1
        }
        guard q + 1 < upper, tokens[q].isPunct, tokens[q].mark == 0x2C else { return false }
        q += 1
        // (the name's slot may start at its rank: "Lieutenant General Qassem al-Muhammadi")
        while true {
            let i = slotAt[q - lower]
            if i >= 0, s.slots[i].isActorLike { return true }
            if let h = s.cues.first(where: { ($0.kind == .honorific || $0.kind == .office) && $0.start == q }), h.end < upper { q = h.end; continue }
            break
        }
        // a name the gazetteer claims a word of ("Qassem" is a place's alias): capitalised words and
        // particles up to the closing comma
        var k = q
        while k < min(upper, q + 5), tokens[k].isWord, tokens[k].flags.contains(.capitalized) || tokens[k].flags.contains(.particle) { k += 1 }
        return k > q + 1 && k < upper && tokens[k].isPunct && tokens[k].mark == 0x2C
    }

    /// Whether a national-army phrase names its own country: "the Army of the Islamic Republic of
    /// Iran", or a name starts inside it ("the Army of …" as an alias): then it is no reference back.
    static func namesItsOwner(_ c: SentenceSlots.Cue, _ s: SentenceSlots, slotAt: [Int], tokens: [Token]) -> Bool {
        if c.end < s.tokenRange.upperBound, tokens[c.end].function == .of { return true }
        return (c.start + 1..<c.end).contains { slotAt[$0 - s.tokenRange.lowerBound] >= 0 }
    }

    /// The slot joined to `slot` by "and" (over an optional "the"): "Russian and Syrian", "the
    /// SDF and the coalition"; `nil` when none starts right there or it is in parentheses.
    func coordinatedSlot(after slot: SentenceSlots.Slot, in s: SentenceSlots, slotAt: [Int]) -> SentenceSlots.Slot? {
        let lower = s.tokenRange.lowerBound, upper = s.tokenRange.upperBound
        var k = slot.end
        guard k + 1 < upper, tokens[k].function == .conjunction, word(k).elementsEqual("and".utf8) else { return nil }
        k += 1
        if tokens[k].function == .the && k + 1 < upper { k += 1 }
        let i = slotAt[k - lower]
        guard i >= 0, !s.inParens.contains(k) else { return nil }
        return s.slots[i]
    }

    /// The last member of a comma list of actors that starts with `slot` and ends in "and":
    /// "Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid al-Shuhada"; `nil` when there is none.
    func listEnd(after slot: SentenceSlots.Slot, in s: SentenceSlots, slotAt: [Int], dateHint: String?) -> SentenceSlots.Slot? {
        let lower = s.tokenRange.lowerBound, upper = s.tokenRange.upperBound
        func member(_ sl: SentenceSlots.Slot) -> Bool {
            sl.isActorLike && !s.inParens.contains(sl.start) && (actorOf(sl, dateHint: dateHint).map { $0.index.map { dict.actors.entries[$0].kind != .media } ?? true } ?? false)
        }
        var cur = slot
        var members = 1
        while true {
            var k = cur.end
            guard k + 1 < upper, tokens[k].isPunct, tokens[k].mark == 0x2C else { break }
            k += 1
            if tokens[k].function == .the && k + 1 < upper { k += 1 }
            let i = slotAt[k - lower]
            guard i >= 0, member(s.slots[i]) else { return nil }
            cur = s.slots[i]
            members += 1
        }
        guard members >= 2, let last = coordinatedSlot(after: cur, in: s, slotAt: slotAt), member(last) else { return nil }
        return last
    }

    /// Whether the event noun at `start` is the object of a verb that reports or condemns another's
    /// event: "confirmed an attack", "confirmed "an attempted attack"", "condemned the raids"
    /// (over a determiner, quote marks and at most two lower-case modifiers).
    func witnessedNoun(_ start: Int, lower: Int) -> Bool {
        var q = start - 1
        var modifiers = 0
        var determiner = false
        while q >= lower {
            let t = tokens[q]
            if t.isPunct && t.mark == 0x22 { q -= 1; continue }
            if t.isWord && [.determiner, .the].contains(t.function) { determiner = true; q -= 1; continue }
            if !determiner, t.isWord, t.function == .none, !t.flags.contains(.capitalized), modifiers < 2 { modifiers += 1; q -= 1; continue }
            break
        }
        return determiner && q >= lower && tokens[q].isWord && word(q, in: vocabulary.witnessVerbs)
    }

    /// Whether token `pos` stands inside a quotation of its sentence (an odd number of quote marks
    /// before it).
    func insideQuotes(_ pos: Int, _ s: SentenceSlots) -> Bool {
        var n = 0
        for q in s.tokenRange.lowerBound..<pos where tokens[q].isPunct && tokens[q].mark == 0x22 { n += 1 }
        return n % 2 == 1
    }

    /// The first token of the clause holding token `pos`: after `;`, `:`, an opening quote, or a
    /// "that" that follows a comma or a report verb.
    func clauseStart(_ pos: Int, _ s: SentenceSlots) -> Int {
        let lower = s.tokenRange.lowerBound
        var j = pos - 1
        var quotesBefore = 0
        for q in lower..<pos where tokens[q].isPunct && tokens[q].mark == 0x22 { quotesBefore += 1 }
        var seenQuotes = 0
        while j >= lower {
            let t = tokens[j]
            if t.isPunct && (t.mark == 0x3B || t.mark == 0x3A) { return j + 1 }
            if t.isPunct && t.mark == 0x22 {
                seenQuotes += 1
                // the opening quote of the quotation we are in
                if (quotesBefore - seenQuotes) % 2 == 0 && quotesBefore % 2 == 1 {
                    // scare quotes around a word or two ("had "neutralised" 58") open no quotation
                    let closesSoon = (pos..<min(s.tokenRange.upperBound, pos + 3)).contains { tokens[$0].isPunct && tokens[$0].mark == 0x22 }
                    if !(closesSoon && pos - j <= 3) { return j + 1 }
                }
            }
            if t.function == .that && j - 1 >= lower {
                let p = tokens[j - 1]
                if (p.isPunct && p.mark == 0x2C) || s.cues.contains(where: { $0.kind == .report && $0.end == j }) { return j + 1 }
            }
            j -= 1
        }
        return lower
    }
}

extension ArticleReader {
    /// The event mentions of sentence `k`, and — when the sentence only reports a toll ("six people
    /// were killed") — the toll to attach to the latest strike or attack.
    func events(in k: Int, order: inout Int, previous: [EventMention]) -> ([EventMention], (Int, Int)?) {
        let s = sentences[k]
        let range = s.tokenRange
        let lower = range.lowerBound
        // trigger slots with at least one reading whose context words are present ("targeted" without
        // a missile or drone nearby is a plain verb)
        let allTriggerSlots = s.slots.indices.filter(in: slotLists) { i in
            !s.slots[i].triggers.isEmpty && !s.inParens.contains(s.slots[i].start)
                && s.slots[i].triggers.contains { contextMatches(trigger: $0.index, s.slots[i], range) }
                && !isPluralNounOfVerb(s.slots[i], lower: range.lowerBound)
        }
        if allTriggerSlots.isEmpty { return ([], nil) }
        // a killing word next to a strike or an attack gives its toll, not an event of its own: it
        // neither counts as a trigger nor bounds the others' scopes
        let hasViolent = allTriggerSlots.contains { ti in s.slots[ti].triggers.contains { EventTypeSet.strikes.contains(dict.triggers[$0.index].type) } }
        let triggerSlots = hasViolent ? allTriggerSlots.filter(in: slotLists) { ti in !s.slots[ti].triggers.allSatisfy { dict.triggers[$0.index].type == .kill } } : allTriggerSlots
        let dateHint = s.dates.first?.date.value.flatMap { $0.hasPrefix("--") ? nil : $0 }
        let cands = candidates(s, dateHint: dateHint)
        candidatesOfSentence = (k, cands)
        // "the following day", "two days later" in this sentence: looked for once, when a mention needs it
        var dayPhrase: (Int, Range<Int>)?? = nil
        let generic = s.cues.contains { $0.kind == .generic } && !s.isHeading

        // attribution: according to X / X said / citing X
        // (`attributionTokens`, `verbActors`, `nominalSubjects`, `passive` and `fusedNoun` are the
        // reader's: see "The event reader's working state" in ArticleReader.swift)
        attributionTokens = TokenMask(range)
        // (actors: their names are made into strings only for the output)
        var source: EventMention.Actor? = nil
        var speaker: EventMention.Actor? = nil
        /// A military or a government that reports in this sentence ("The IDF later said …", "…, the
        /// IDF said"): the side of a strike it reports abroad without naming the doer.
        var reportingSide: EventMention.Actor? = nil
        func isSide(_ a: EventMention.Actor) -> Bool {
            a.index.map { [.armedForce, .state].contains(dict.actors.entries[$0].kind) && !dict.actors.entries[$0].country.isEmpty } ?? false
        }
        for c in s.cues where c.kind == .according {
            var e = c.end
            while e < range.upperBound && !(tokens[e].isPunct && tokens[e].mark == 0x2C) { e += 1 }
            for q in c.start..<e { attributionTokens.insert(q) }
            if source == nil, let cand = cands.first(where: { $0.start >= c.end && $0.start <= c.end + 4 }) { source = cand.actor }
        }
        // "…, the White Helmets rescue service said.": up to three plain words (no trigger) may
        // describe the speaker between its name and the verb
        func describes(_ gap: Range<Int>) -> Bool {
            gap.count <= 3 && gap.allSatisfy { q in
                tokens[q].isWord && tokens[q].function == .none && !s.slots.contains { $0.start == q && !$0.triggers.isEmpty }
            }
        }
        /// Where the title before a name begins ("Syrian Health Minister Fadi al-Ahmad": at
        /// "Syrian"): an honorific cue right before it, an office's capitalised portfolio words and
        /// a nationality adjective before that; `start` itself when the name has no title.
        func titleStart(before start: Int) -> Int {
            guard let h = s.cues.last(where: { ($0.kind == .honorific || $0.kind == .office) && $0.end == start }) else { return start }
            var a = h.start
            let office = s.cues.contains { $0.kind == .office && $0.start == h.start && $0.end == h.end }
            while office && a > range.lowerBound && a > h.start - 2 && tokens[a - 1].isWord && tokens[a - 1].flags.contains(.capitalized)
                && tokens[a - 1].function == .none && !s.slots.contains(where: { $0.start <= a - 1 && a - 1 < $0.end }) { a -= 1 }
            if let adj = s.slots.last(where: { $0.end == a && !$0.adjectives.isEmpty && $0.actors.isEmpty }) { a = adj.start }
            return a
        }
        for c in s.cues where c.kind == .report {
            // a trailing attribution clause, "…, the Defense Ministry said.", "…, Health Minister
            // Fadi al-Ahmad said.": its speaker is the source, never an actor or target of the
            // events told before it; an unknown name is a speaker when a title introduces it
            if let b = cands.last(where: { $0.end <= c.start && (c.start - $0.end <= 1 || describes($0.end..<c.start)) && !$0.isPronoun }),
                case let lead = titleStart(before: b.start),
                let comma = (max(range.lowerBound, lead - 2)..<lead).last(where: { tokens[$0].isPunct }),
                tokens[comma].mark == 0x2C, (comma + 1..<lead).allSatisfy({ tokens[$0].function == .the }),
                // "…, Austin said in a statement.", "…, the ministry said on X.", "…, he told IRNA.",
                // "…, President Joe Biden said Sunday."
                c.end >= range.upperBound || tokens[c.end].isPunct
                    || s.dates.contains(where: { $0.start == c.end && ($0.end >= range.upperBound || tokens[$0.end].isPunct) })
                    || cands.contains(where: { $0.isMedia && $0.start == c.end && ($0.end >= range.upperBound || tokens[$0.end].isPunct) })
                    || ([.locative, .preposition].contains(tokens[c.end].function)
                        && !(c.end..<range.upperBound).contains(where: { q in tokens[q].isPunct && tokens[q].mark != 0x2E || s.slots.contains { $0.start == q && !$0.triggers.isEmpty } }))
            {
                for q in lead..<b.end { attributionTokens.insert(q) }
                if b.actor.index != nil || lead < b.start { speaker = speaker ?? b.actor }
                if isSide(b.actor) { reportingSide = reportingSide ?? b.actor }
            }
            let before = cands.last { $0.end <= c.start && c.start - $0.end <= 5 && !$0.isPronoun }
            // "The IDF later said fighter jets struck …": the subject that opens the sentence
            if let b = before, isSide(b.actor), (lower..<b.start).allSatisfy({ tokens[$0].function == .the }) { reportingSide = reportingSide ?? b.actor }
            let after = cands.first { $0.start >= c.end && $0.start - c.end <= 3 }
            let media = before.flatMap { $0.isMedia ? $0 : nil } ?? after.flatMap { $0.isMedia ? $0 : nil }
            if let m = media {
                source = source ?? m.actor
                // "The British maritime security agency UKMTO said …": the words that describe an
                // outlet opening its clause are the speaker's, not an actor of what it reports
                if m.end <= c.start {
                    var q = m.start
                    while q - 1 >= lower, m.start - (q - 1) <= 5, tokens[q - 1].isWord,
                        tokens[q - 1].function == .none || tokens[q - 1].function == .the,
                        !s.slots.contains(where: { $0.start <= q - 1 && q - 1 < $0.end && (!$0.triggers.isEmpty || !$0.actors.isEmpty) })
                    { q -= 1 }
                    if q == lower || tokens[q - 1].isPunct { for t in q..<m.start { attributionTokens.insert(t) } }
                }
            }
        }
        if source == nil, let m = cands.first(where: { $0.isMedia && $0.preposition != .of }) , s.cues.contains(where: { $0.kind == .report || $0.kind == .according }) { source = m.actor }
        // an outlet named in the sentence comes first; else the speaker of a trailing "X said"
        if source == nil { source = speaker }
        // "according to local sources": attributed, even when the source is not a known outlet
        var sentenceModality: Modality = source != nil || s.cues.contains(where: { $0.kind == .according }) ? .reported : .asserted
        if s.cues.contains(where: { $0.kind == .hedge }) && sentenceModality == .asserted { sentenceModality = .reported }
        if s.cues.contains(where: { $0.kind == .claim }) { sentenceModality = .claimed }
        if s.cues.contains(where: { $0.kind == .deny }) { sentenceModality = .denied }

        // "He said the coalition's forces would withdraw from Baghdad by September 2025": "would" after a
        // report verb, in a sentence with no other irrealis cue ("if", "could"), is a reported "will"
        func isWould(_ c: SentenceSlots.Cue) -> Bool { c.kind == .hypothetical && c.end - c.start == 1 && word(c.start, in: ArticleReader.wouldWord) }
        var wouldIsReported = false
        if let w = s.cues.first(where: isWould), s.cues.contains(where: { $0.kind == .report && $0.end <= w.start }),
            !s.cues.contains(where: { ($0.kind == .hypothetical || $0.kind == .concessive) && !isWould($0) })
        { wouldIsReported = true }
        // irrealis scopes: from the cue to the next comma
        var blocked = TokenMask(range)
        for c in s.cues where (c.kind == .hypothetical || c.kind == .concessive) && !(wouldIsReported && isWould(c)) {
            var e = c.end
            while e < range.upperBound && !(tokens[e].isPunct && (tokens[e].mark == 0x2C || tokens[e].mark == 0x3B)) { e += 1 }
            for q in c.start..<e { blocked.insert(q) }
        }

        var out: [EventMention] = []
        // "In a separate incident, gunmen opened fire …", "Separately, a drone struck …": not an event told before
        // at the sentence's start, or right after a report verb ("The ministry said separately that …")
        let separate = s.cues.contains { c in
            c.kind == .separate && (c.start - lower <= 1 || s.cues.contains { $0.kind == .report && $0.end == c.start })
        }
        // the first token of the trigger each of `out` was read from
        var outSlots: [Int] = []
        // the triggers of `out` told without a doer that may take the side of the last strike
        var doerless = TokenMask(range)
        verbActors.removeAll(keepingCapacity: true)
        nominalSubjects.removeAll(keepingCapacity: true)
        var consumedKills = Set<Int>()
        var tollOnly: (Int, Int)? = nil
        // the sentence's death words, found once, when the toll of one of its triggers first needs them
        var deathWordTokens: SentenceSlots.IndexList? = nil
        var comparedSince: Int? = nil

        for (n, ti) in triggerSlots.enumerated() {
            let slot = s.slots[ti]
            let prevTok = slot.start - 1 >= lower ? tokens[slot.start - 1] : nil
            // noun or verb reading
            let nounContext: Bool = {
                // "the shelling of …", "In the east, clashes between X and Y flared": a noun
                if slot.end < range.upperBound, tokens[slot.end].function == .of || word(slot.end, in: ArticleReader.betweenWord) { return true }
                // "Clashes broke out …", "– Clashes erupted": a capitalised word opening the sentence or a
                // dateline's clause is its subject, not a verb
                guard let p = prevTok else { return tokens[slot.start].flags.contains(.capitalized) }
                if p.isPunct && p.mark == 0x2D && tokens[slot.start].flags.contains(.capitalized) && (dateline.contains(slot.start - 1) || dateline.contains(slot.start - 2)) { return true }
                if p.flags.contains(.possessive) { return true }
                if [.the, .determiner, .possessivePronoun, .number, .of, .locative, .preposition, .including, .by, .from].contains(p.function) { return true }
                if p.flags.contains(.number) { return true }
                // "an Israeli drone strike", "a militia attack": after a force noun
                if p.function == .forceNoun { return true }
                // "an ISIS attack", "the Hezbollah attack": a name after a determiner modifies the noun
                if let ps = s.slots.last(where: { $0.end == slot.start }), ps.isActorLike, ps.start - 1 >= lower,
                    [.the, .determiner].contains(tokens[ps.start - 1].function) { return true }
                if let ps = s.slots.last(where: { $0.end == slot.start }), !ps.adjectives.isEmpty && ps.actors.isEmpty { return true }
                // "launched strikes": after a lower-case word that names no one and no place (a verb
                // of its own, even one that is a trigger without its context words)
                if p.isWord && p.function == .none && !p.flags.contains(.capitalized)
                    && !s.slots.contains(where: { $0.end == slot.start && ($0.isActorLike || !$0.places.isEmpty || !$0.adjectives.isEmpty) }) { return true }
                return false
            }()
            // readings whose context words (next:/prev:) are present; a phrase may carry several
            let readings = slot.triggers.filter(in: slotLists) { contextMatches(trigger: $0.index, slot, range) }
            if readings.isEmpty { continue }
            let noun = readings.first { !$0.form.isVerbal }
            let verbs = readings.lazy.filter { $0.form.isVerbal }
            var chosen: (index: Int, form: TriggerForm)
            let afterToOrModal = prevTok.map { $0.function == .to || $0.function == .modal } ?? false
            if let noun, verbs.isEmpty || nounContext { chosen = noun }
            else if !afterToOrModal, let past = verbs.first(where: { $0.form == .past }) { chosen = past }
            else { chosen = verbs.first ?? readings[0] }
            if chosen.form == .gerund && nounContext, let p = prevTok, p.function == .the || p.function == .determiner { chosen.form = .noun }
            // "after Nasrallah killing", "Soleimani's killing": a known person right before a killing gerund
            // names its victim (a noun), not its doer
            if chosen.form == .gerund, dict.triggers[chosen.index].type == .kill,
                let pc = cands.last(where: { $0.end == slot.start }), let pi = pc.actor.index, dict.actors.entries[pi].kind == .person
            { chosen.form = .noun }
            var entry = ChosenTrigger(dict.triggers, chosen.index)
            let verbal = chosen.form.isVerbal
            // "troops killed at least 12 gunmen": a count of unnamed people killed in fighting is an
            // attack with a toll (ACLED), not a killing of its own
            if entry.id == "kill" && verbal && !hasViolent && chosen.form != .gerund,
                slot.end < range.upperBound, !(slot.start - 1 >= lower && tokens[slot.start - 1].function == .be),
                ArticleReader.countFollows(slot.end, range, tokens: tokens)
            {
                entry.type = .attack
                entry.cameo = EventType.attack.defaultCAMEO
            }
            if EventTypeSet.kills.contains(entry.type) && hasViolent { consumedKills.insert(ti); continue }
            // "to discuss the budget and the deployment of joint forces": a topic, not an event
            if !verbal, (max(lower, slot.start - 8)..<slot.start).contains(where: { word($0, in: vocabulary.topicVerbs) }),
                !(max(lower, slot.start - 8)..<slot.start).contains(where: { tokens[$0].isPunct && tokens[$0].mark != 0x2C })
                    || (slot.start - 1 >= lower && word(slot.start - 1, in: vocabulary.topicVerbs))
            { continue }
            if entry.type == .kill {
                // "Syria's war has killed half a million": a war, not a killer
                var q = slot.start - 1
                while q >= lower, tokens[q].isWord, [.be, .have, .adverb, .modal].contains(tokens[q].function) { q -= 1 }
                if verbal, q >= lower, word(q, in: vocabulary.conflictNouns) { continue }
                // "plagued by assassinations": a bare plural, no particular killing
                if !verbal, slot.end - slot.start == 1, let last = bytes[Int(tokens[slot.start].end) - 1] as UInt8?, last == 0x73,
                    slot.start - 1 >= lower, tokens[slot.start - 1].function != .the, tokens[slot.start - 1].function != .determiner,
                    tokens[slot.start - 1].function != .possessivePronoun, !tokens[slot.start - 1].flags.contains(.number),
                    !s.slots.contains(where: { $0.end == slot.start && ($0.isActorLike || !$0.adjectives.isEmpty) })
                { continue }
            }
            // "manoeuvres, including firing short-range missiles": a test firing is part of the exercise
            // "the exercise … included firing anti-ship missiles": a part of what the subject names
            if EventTypeSet.strikes.contains(entry.type), chosen.form == .gerund, slot.start - 1 >= lower, word(slot.start - 1, in: vocabulary.includeVerbs) { continue }
            if EventTypeSet.strikes.contains(entry.type),
                governingPreposition(slot.start, lowerBound: lower)?.0 == .including,
                triggerSlots.prefix(n).contains(where: { s.slots[$0].triggers.contains { dict.triggers[$0.index].type == .exercise } })
            { continue }
            if generic { continue }
            // "Since October 8, Israeli strikes have killed more than 200": a plural event noun counted
            // over a period is a tally of many events, not one — told in the present perfect ("clashes … flared
            // again near Theban …, with six dead since Wednesday" is one round of fighting)
            if !verbal, chosen.form == .plural, s.dates.contains(where: { d in d.start - 1 >= lower && word(d.start - 1, in: ArticleReader.periodBounds) }),
                EventTypeSet.violent.contains(entry.type), !s.isHeading, range.contains(where: { tokens[$0].isWord && word($0, in: ArticleReader.presentHave) })
            { continue }
            // "its 40-year terror campaign", "a decades-long insurgency": a campaign over years is no one event
            if !verbal, EventTypeSet.strikes.contains(entry.type), (max(lower, slot.start - 4)..<slot.start).contains(where: { q in
                word(q, in: vocabulary.longPeriods) && !tokens[q].flags.contains(.possessive)
                    && (tokens[q].flags.contains(.hyphenAfter) || (q - 1 >= lower && tokens[q - 1].flags.contains(.hyphenAfter)))
            }) { continue }
            // "The Houthis have fired drones and missiles at shipping since November": a present perfect
            // over a period tells what has gone on since, not one event; so does its progressive ("the
            // Saudi-led coalition, which has been fighting the Houthis since 2015")
            if verbal, chosen.form == .past || chosen.form == .gerund, EventTypeSet.strikes.contains(entry.type), !s.isHeading,
                let aux = (max(lower, slot.start - 3)..<slot.start).last(where: { tokens[$0].function == .have }), word(aux, in: ArticleReader.presentHave),
                chosen.form == .past ? (aux + 1..<slot.start).allSatisfy({ tokens[$0].function == .adverb })
                    : (aux + 1..<slot.start).allSatisfy({ tokens[$0].function == .adverb || tokens[$0].function == .be }) && tokens[slot.start - 1].function == .be,
                s.dates.contains(where: { d in d.start > slot.start && d.start - 1 >= lower && word(d.start - 1, in: ArticleReader.periodBounds) })
            { continue }
            // "a second drone strike hit a power station …, leaving the area without electricity": a
            // withdrawal verb's participle after a strike or an attack of its sentence tells what it left
            if entry.type == .withdraw, chosen.form == .gerund, !nounContext,
                triggerSlots.prefix(n).contains(where: { s.slots[$0].triggers.contains { EventMerger.family(dict.triggers[$0.index].type) == 1 } })
            { continue }
            // "continued their operations against ISIS …, killing a number and destroying their hideouts":
            // a participle after a strike or an attack of its sentence tells more of that event
            if EventTypeSet.strikes.contains(entry.type), chosen.form == .gerund, !nounContext,
                triggerSlots.prefix(n).contains(where: { s.slots[$0].triggers.contains { EventMerger.family(dict.triggers[$0.index].type) == EventMerger.family(entry.type) } })
            { continue }
            // "a strike attributed to Israel that hit an office": the relative clause retells the noun's event
            if chosen.form.isVerbal, slot.start - 1 >= lower, tokens[slot.start - 1].function == .that || tokens[slot.start - 1].function == .relative,
                triggerSlots.prefix(n).contains(where: { s.slots[$0].triggers.contains { EventMerger.family(dict.triggers[$0.index].type) == EventMerger.family(entry.type) } })
            { continue }
            if !chosen.form.isVerbal, s.cues.contains(where: { c in
                c.kind == .hypothetical && c.start >= slot.end && c.start - slot.end <= 6 && !(slot.end..<c.start).contains { tokens[$0].isPunct }
                    && tokens[c.start].function == .modal
            }) { continue }
            // "arrested 12 IS suspects in raids in Nineveh": raids that make arrests are no attack
            if !chosen.form.isVerbal, word(slot.end - 1, in: vocabulary.raidNouns),
                (max(lower, slot.start - 8)..<slot.start).contains(where: { tokens[$0].isWord && word($0, in: vocabulary.arrestWords) })
            { continue }
            // "any attack on Iran would be answered", "no strike": not an event
            if !chosen.form.isVerbal, slot.start - 1 >= lower, word(slot.start - 1, in: vocabulary.nonReferring) { continue }
            // "described the attack as the deadliest Israeli raid on army positions since the war began",
            // "It was the deadliest raid since January": an event noun under a superlative after "be" or
            // "as" ranks an event told before; it is no event of its own (its "since" phrase is the period
            // compared). "carried out the largest strike" is one.
            if !chosen.form.isVerbal, !s.isHeading, !previous.isEmpty || n > 0,
                let q = (max(lower, slot.start - 3)..<slot.start).first(where: { word($0, in: vocabulary.superlatives) }),
                q - 2 >= lower, tokens[q - 1].function == .the, tokens[q - 2].function == .be || word(q - 2, in: ArticleReader.asWord),
                (q + 1..<slot.start).allSatisfy({ tokens[$0].isWord })
            {
                // "… since the US and Britain began striking the Houthis": the period compared tells no event
                var k = slot.end
                while k < min(range.upperBound, slot.end + 10), tokens[k].isWord {
                    if word(k, in: ArticleReader.sinceWord) { comparedSince = k; break }
                    k += 1
                }
                continue
            }
            if let c = comparedSince, slot.start > c, (c..<slot.start).allSatisfy({ tokens[$0].isWord }) { continue }
            // "to halt their attacks", "stop the strikes", "preventing attacks", "the suspension of its
            // operations": what is to end or not happen; "to protest the drone strikes": what is protested
            if !chosen.form.isVerbal, (max(lower, slot.start - 3)..<slot.start).contains(where: { q in
                word(q, in: vocabulary.haltVerbs) && (q + 1..<slot.start).allSatisfy { [.the, .determiner, .possessivePronoun, .of, .forceNoun].contains(tokens[$0].function) || (tokens[$0].isPunct && tokens[$0].mark == 0x22) || (tokens[$0].isWord && tokens[$0].function == .none && !tokens[$0].flags.contains(.capitalized)) }
            }) { continue }
            // "have not resumed attacks on shipping", "never carried out strikes": the object of a negated verb
            if !chosen.form.isVerbal, (max(lower, slot.start - 3)..<slot.start).contains(where: { q in
                guard tokens[q].isWord, tokens[q].function == .none, !tokens[q].flags.contains(.capitalized),
                    (q + 1..<slot.start).allSatisfy({ [.the, .determiner, .possessivePronoun, .number].contains(tokens[$0].function) || (tokens[$0].isWord && tokens[$0].function == .none && !tokens[$0].flags.contains(.capitalized)) })
                else { return false }
                var k = q - 1
                while k >= lower, tokens[k].isWord, [.adverb, .have, .be, .modal].contains(tokens[k].function), !s.cues.contains(where: { $0.kind == .negation && $0.start <= k && k < $0.end }) { k -= 1 }
                return k >= lower && k < q - 0 && k != q && s.cues.contains(where: { $0.kind == .negation && $0.start <= k && k < $0.end && $0.end <= q })
                    && !word(k, in: ArticleReader.noWord)
            }), !s.cues.contains(where: { $0.kind == .deny }) { continue }
            if blocked.contains(slot.start) { continue }
            // look back over auxiliaries and adverbs
            var j = slot.start - 1
            var negated = false, infinitive = false, afterModal = false
            passive = false
            var causee: EventMention.Actor? = nil
            var steps = 0
            while j >= lower && steps < 4 {
                let t = tokens[j]
                if s.cues.contains(where: { $0.kind == .negation && $0.start <= j && j < $0.end }) { negated = true; j -= 1; steps += 1; continue }
                if t.function == .be { if verbal { passive = passive || chosen.form == .past }; j -= 1; steps += 1; continue }
                if t.function == .have || t.function == .adverb { j -= 1; steps += 1; continue }
                if t.function == .modal { afterModal = true; break }
                if t.function == .to { infinitive = true; break }
                break
            }
            if verbal && passive && !negated && ArticleReader.subjectIsNegated(from: j, lower: lower, tokens: tokens, word: word) { negated = true }
            if negated && !s.cues.contains(where: { $0.kind == .deny }) { continue }
            if verbal && chosen.form == .past && slot.start - 1 >= lower, word(slot.start - 1, in: vocabulary.victimNouns) { passive = true }
            // headlines drop the auxiliary: "Three US troops killed, dozens injured in drone attack" — a
            // past participle after a counted noun phrase is passive (its noun phrase the victims)
            if s.isHeading && verbal && chosen.form == .past && !passive,
                (max(lower, slot.start - 4)..<slot.start).contains(where: { tokens[$0].function == .number || tokens[$0].flags.contains(.number) })
            { passive = true }
            // "2,500 US troops are deployed in Iraq": a present passive tells a state, not an event
            if verbal && passive && !s.isHeading && entry.type == .deploy, slot.start - 1 >= lower, word(slot.start - 1, in: ArticleReader.presentBe) { continue }
            // "inspected the units deployed along the frontier", "the role of the forces deployed in Iraq": a
            // participle after a force noun that is the object of a verb or a preposition describes the
            // units, it tells no deployment ("The army deployed troops" and "Turkish forces deployed
            // along the border" open their sentence and are events)
            if entry.type == .deploy, verbal, chosen.form == .past, !passive, let p = prevTok, p.function == .forceNoun,
                slot.end < range.upperBound, tokens[slot.end].function == .locative || tokens[slot.end].function == .to || tokens[slot.end].isPunct,
                ArticleReader.nounPhraseIsGoverned(endingAt: slot.start - 1, lower: lower, tokens: tokens)
            { continue }
            // "X was killed" with no killer named: X is a victim of an event told elsewhere, not a killing of its own
            let victimOnly = entry.type == .kill && verbal && passive && !hasAgentAfter(slot, s)
            var modality = sentenceModality
            if verbal {
                let byAfter = slot.end < range.upperBound && tokens[slot.end].function == .by
                if chosen.form == .past && byAfter { passive = true }
                if infinitive, j - 1 >= lower, let cv = (max(lower, j - 4)..<j).last(where: { word($0, in: vocabulary.causeVerbs) }) {
                    // "prompting the group to fire 60 rockets", "forcing them to withdraw": it happened, and
                    // the one prompted does it
                    causee = cands.last(where: { $0.start > cv && $0.end <= j && $0.preposition == nil })?.actor
                } else if infinitive, j - 1 >= lower, triggerSlots.prefix(n).contains(where: { t in
                    // "later travelled to Erbil to meet Masrour Barzani", "arrived in Doha to hold talks": the
                    // purpose of a journey told as done happens with it
                    s.slots[t].end <= j && j - s.slots[t].end <= 6 && s.slots[t].triggers.contains { $0.form == .past && dict.triggers[$0.index].type == .visit }
                        && !(s.slots[t].end..<j).contains { tokens[$0].isPunct }
                }) {
                    if s.cues.contains(where: { $0.kind == .expect && $0.end <= slot.start }) { modality = .expected }
                } else if infinitive || (chosen.form == .base && afterModal) {
                    let expectBefore = s.cues.contains { $0.kind == .expect && $0.end <= slot.start && slot.start - $0.end <= 3 }
                        || (wouldIsReported && s.cues.contains { isWould($0) && $0.end <= slot.start && slot.start - $0.end <= 3 })
                    if expectBefore { modality = .expected } else { continue }
                } else if chosen.form == .base && !s.isHeading {
                    if entry.type != .accuse && entry.type != .support { continue }  // habitual present
                } else if chosen.form == .third && !s.isHeading && entry.type != .accuse && entry.type != .support {
                    continue  // habitual present ("Qaani visits … frequently")
                }
            }
            if s.cues.contains(where: { $0.kind == .expect && $0.end <= slot.start && slot.start - $0.end <= 2 }) { modality = .expected }

            // scope: between the neighbouring triggers
            // scope: up to the next trigger that is not a relative clause retelling this one ("a strike … that hit")
            let scopeEnd = triggerSlots[(n + 1)...].first(where: { t in
                let st = s.slots[t].start
                // "neutralized a senior member … in a drone strike in Qamishli on Tuesday": an event noun under
                // "in" that retells this verb's event does not end its stretch (its place and date are this one's)
                if verbal, let g = governingPreposition(st, lowerBound: lower), g.0 == .locative, word(g.1, in: ArticleReader.inWord),
                    s.slots[t].triggers.contains(where: { !$0.form.isVerbal && EventMerger.family(dict.triggers[$0.index].type) == EventMerger.family(entry.type) }),
                    !(slot.end..<st).contains(where: { tokens[$0].isWord && word($0, in: ArticleReader.subordinators) })
                { return false }
                return !(st - 1 >= lower && (tokens[st - 1].function == .that || tokens[st - 1].function == .relative))
            }).map { s.slots[$0].start } ?? range.upperBound
            let cStart = clauseStart(slot.start, s)
            func usable(_ c: Candidate) -> Bool { !c.isMedia && !attributionTokens.contains(c.start) && !s.inParens.contains(c.start) && !dateline.contains(c.start) }

            fusedNoun = nil
            // (constants for `subject()`: a nested function that reads a `var` of the loop boxes it)
            let gerundAfterComma = chosen.form == .gerund && prevTok.map { $0.isPunct && $0.mark == 0x2C } == true
            /// The speaker of a report verb that "its"/"it" after it refers to: a name with no preposition,
            /// or the owner of a common noun that opens the clause ("The armed wing of Hamas said its fighters …").
            func isSpeakerBefore(_ c: Candidate) -> Bool {
                guard !c.isMedia else { return false }
                if c.preposition == nil { return true }
                return c.preposition == .of && c.start - 1 > cStart
                    && (cStart..<c.start - 1).allSatisfy { q in tokens[q].isWord && (tokens[q].function == .the || !tokens[q].flags.contains(.capitalized)) }
            }
            func subject() -> EventMention.Actor? {
                // "The Iraqi Foreign Ministry summoned the Iranian ambassador, Mohammad Kazem Al-e Sadeq, …,
                // calling them a violation": a participle after the comma closing a clause whose verb is no
                // trigger shares the subject that opens the sentence, not the nearest name
                if verbal, gerundAfterComma, verbActors.isEmpty,
                    let c = cands.first(where: { $0.end <= slot.start && usable($0) }), c.preposition == nil, !c.isPronoun,
                    (lower..<c.start).allSatisfy({ tokens[$0].function == .the })
                { return c.actor }
                if verbal, let noun = nominalSubjects.last(where: { $0.family == EventMerger.family(entry.type) && $0.end <= slot.start && $0.start >= cStart }),
                    // "… came a day after a Houthi drone hit": a subordinate clause has a subject of its own
                    !(noun.end..<slot.start).contains(where: { word($0, in: ArticleReader.subordinators) }), bareNounSubject(slot.start, lower: noun.end) == nil,
                    !cands.contains(where: { $0.start >= noun.end && $0.end <= slot.start && $0.preposition == nil && usable($0) && !attributionTokens.contains($0.start) && $0.end == slot.start })
                {
                    fusedNoun = noun.start
                    return noun.actor
                }
                if verbal, let noun = bareNounSubject(slot.start, lower: cStart), !cands.contains(where: { $0.end == noun + 1 }) {
                    // "a drone fired three missiles": the subject is a common noun; its actor is a modifier
                    // before it ("Israeli warplanes") or nobody
                    var q = noun - 1
                    // (over a parenthesis: "Syrian National Army (SNA) factions")
                    while q >= cStart, s.inParens.contains(q) || (tokens[q].isPunct && (tokens[q].mark == 0x28 || tokens[q].mark == 0x29))
                        || (!cands.contains(where: { $0.end == q + 1 })
                            && tokens[q].isWord && (tokens[q].function == .forceNoun || tokens[q].function == .direction || (tokens[q].function == .none && !tokens[q].flags.contains(.capitalized)) || tokens[q].function == .conjunction))
                        // (over a weapon's name: "Israeli F-35 jets", "a Turkish Bayraktar drone")
                        || s.cues.contains(where: { $0.kind == .weapon && $0.start <= q && q < $0.end }) { q -= 1 }
                    if q >= cStart, let c = cands.last(where: { $0.end == q + 1 && usable($0) }) {
                        var c = c
                        while c.start - 2 >= lower, tokens[c.start - 1].function == .conjunction, let d = cands.last(where: { $0.end == c.start - 1 }) { c = d }
                        return c.actor
                    }
                    // "the Turkish defence ministry said its forces neutralised…": its = the speaker
                    if q >= lower, tokens[q].function == .possessivePronoun {
                        if let c = s.cues.last(where: { $0.kind == .report && $0.end <= q }),
                            let sp = cands.last(where: { $0.end <= c.start && c.start - $0.end <= 2 && isSpeakerBefore($0) })
                        {
                            return sp.actor
                        }
                        return cands.first(where: { $0.end <= q && $0.preposition == nil && usable($0) && !$0.isPronoun })?.actor ?? lastGroup
                    }
                    return nil
                }
                // "after Turkish-backed factions shelled the town": the subject of a subordinate clause
                if verbal, let c = cands.last(where: { $0.end <= slot.start && $0.start >= cStart && usable($0) }), c.preposition == .preposition,
                    (c.end..<slot.start).allSatisfy({ FunctionWordSet.auxiliaries.contains(tokens[$0].function) }),
                    let (_, at) = governingPreposition(c.start, lowerBound: lower), word(at, in: ArticleReader.subordinators)
                {
                    return c.actor
                }
                // "The Islamic Resistance in Iraq, an umbrella … that includes Nujaba, claimed the attack":
                // the subject stands before the apposition
                // ("…, an umbrella group of Iran-backed militias, claimed responsibility on Sunday for a drone attack":
                // a claimed noun's subject stands before its claim)
                do {
                    var q = slot.start - 1
                    while q >= cStart, tokens[q].isWord, FunctionWordSet.auxiliariesAndDeterminers.contains(tokens[q].function)
                        || s.cues.contains(where: { $0.kind == .claim && $0.start <= q && q < $0.end }) { q -= 1 }
                    if q > cStart, tokens[q].isPunct, tokens[q].mark == 0x2C,
                        let f = (cStart..<q).first(where: { tokens[$0].isPunct && tokens[$0].mark == 0x2C }), f < q,
                        let c = cands.last(where: { $0.end <= f && $0.start >= cStart && usable($0) }), c.end == f, c.preposition == nil
                    {
                        return c.actor
                    }
                }
                // "Iraq's Islamic Resistance announced that it had targeted …": "it", "they" right before the
                // verb are the speaker before them, else the last group; so are they before the verb whose
                // object a noun is ("the UN said it had opened an investigation")
                do {
                    var q = slot.start - 1
                    if !verbal {
                        while q >= cStart, tokens[q].isWord, tokens[q].function == .determiner || tokens[q].function == .the { q -= 1 }
                        if q >= cStart, tokens[q].isWord, tokens[q].function == .none, !tokens[q].flags.contains(.capitalized),
                            !cands.contains(where: { $0.start <= q && q < $0.end }) { q -= 1 }
                    }
                    while q >= cStart, tokens[q].isWord, FunctionWordSet.auxiliaries.contains(tokens[q].function) { q -= 1 }
                    if q >= lower, tokens[q].isWord, tokens[q].function == .pronoun, word(q, in: ArticleReader.groupPronouns),
                        !cands.contains(where: { $0.start <= q && q < $0.end }),
                        // "said its aircraft had struck a cell and that it had also hit a depot": a second "that" clause of the same report
                        let c = s.cues.last(where: { $0.kind == .report && ($0.end == q || ($0.end == q - 1 && tokens[q - 1].function == .that)
                            || ($0.end < q - 2 && tokens[q - 1].function == .that && tokens[q - 2].function == .conjunction && word(q - 2).elementsEqual("and".utf8))) })
                    {
                        if let sp = cands.last(where: { $0.end <= c.start && c.start - $0.end <= 2 && isSpeakerBefore($0) }) { return sp.actor }
                        return cands.first(where: { $0.end <= q && $0.preposition == nil && usable($0) && !$0.isPronoun })?.actor ?? lastGroup
                    }
                }
                // "It accused the regime of shelling …": "it", "they" opening the sentence as the subject of
                // an active verb are the group last named (before this sentence)
                if verbal && !passive, tokens[lower].function == .pronoun, slot.start - lower <= 4 {
                    var q = slot.start - 1
                    while q >= cStart, tokens[q].isWord, FunctionWordSet.auxiliaries.contains(tokens[q].function) { q -= 1 }
                    if q == lower, tokens[q].isWord, word(q, in: ArticleReader.groupPronouns),
                        !cands.contains(where: { $0.start <= q && q < $0.end }), let g = lastGroup
                    { return g }
                }
                let prevVerb = verbActors.last
                let left = cands.filter { $0.end <= slot.start && $0.start >= cStart && usable($0) }
                func adjacent(_ c: Candidate, commas: Bool = true) -> Bool {
                    var q = c.end
                    while q < slot.start {
                        let t = tokens[q]
                        if !(t.function == .adverb || t.function == .be || t.function == .have || t.function == .modal || t.function == .relative || (commas && t.isPunct && t.mark == 0x2C) || s.cues.contains(where: { $0.kind == .hedge && $0.start <= q && q < $0.end })) { return false }
                        q += 1
                    }
                    return true
                }
                // "Bashar Assad's forces, backed by Russia, have stepped up shelling": the owner of the forces
                // "tribal fighters loyal to Sheikh Ibrahim al-Hafl attacked": the one they are loyal to is not the subject
                func allegiance(_ c: Candidate) -> Bool {
                    var q = c.start - 1
                    while q >= lower, tokens[q].function == .the || s.cues.contains(where: { $0.kind == .honorific && $0.start <= q && q < $0.end }) { q -= 1 }
                    return q - 1 >= lower && tokens[q].isWord && (tokens[q].function == .to || ArticleReader.withWord.elementsEqual(word(q)))
                        && word(q - 1, in: vocabulary.allegianceWords)
                }
                var nonPP = left.filter { $0.preposition == nil && !allegiance($0) && !(tokens[$0.end - 1].flags.contains(.possessive) && !adjacent($0)
                    && !($0.end < slot.start && tokens[$0.end].function == .forceNoun)) }
                // "Iran and Syria are investigating": the first conjunct (each replaced in place)
                for i in nonPP.indices {
                    var c = nonPP[i]
                    while true {
                        // "Iraqi Security Forces (ISF) and the Hashd al-Shaabi": over "the" and a parenthesis
                        var k = c.start - 1
                        while k >= lower, tokens[k].function == .the { k -= 1 }
                        guard k - 1 >= lower, tokens[k].function == .conjunction else { break }
                        var m = k - 1
                        while m >= lower, s.inParens.contains(m) || (tokens[m].isPunct && (tokens[m].mark == 0x28 || tokens[m].mark == 0x29)) { m -= 1 }
                        guard m >= lower, let d = cands.last(where: { $0.end == m + 1 && !s.inParens.contains($0.start) }) else { break }
                        c = d
                    }
                    nonPP[i] = c
                }
                if let pv = prevVerb, pv.end > cStart {
                    if let c = nonPP.last(where: { $0.start >= pv.end && adjacent($0, commas: false) }) { return c.actor }
                    if let a = pv.actor { return a }
                }
                // "American forces shot down four Houthi drones and struck two radar sites": a verb right after
                // "and" shares the subject of the clause's first verb (a name followed by a lower-case word),
                // not the last name of that verb's object
                do {
                    var q = slot.start - 1
                    while q > cStart, tokens[q].isWord, tokens[q].function == .adverb { q -= 1 }
                    if q > cStart, tokens[q].isWord, tokens[q].function == .conjunction, word(q).elementsEqual("and".utf8),
                        let first = nonPP.first(where: { c in
                            guard c.end < q, !c.isPronoun else { return false }
                            var k = c.end
                            while k < q, tokens[k].isWord, FunctionWordSet.auxiliaries.contains(tokens[k].function) { k += 1 }
                            return k < q && tokens[k].isWord && tokens[k].function == .none && !tokens[k].flags.contains(.capitalized)
                                && !cands.contains(where: { $0.start == k })
                        }), first.start == nonPP.first?.start,
                        !nonPP.contains(where: { $0.start > q })
                    {
                        return first.actor
                    }
                }
                if let c = nonPP.last(where: { prevVerb == nil || $0.end <= prevVerb!.end || $0.start < cStart || adjacent($0) }) { return c.actor }
                // ("An explosion in Baghdad killed one": a place after a locative is where a killing or a strike
                // happened, not who did it, even when its name also stands for a government; "the defence
                // ministry in Damascus blamed" is the government's)
                let violentRow = EventTypeSet.violent.contains(entry.type) || entry.type == .kill
                let nonPlace = !violentRow ? left : left.filter { c in !(c.preposition == .locative && c.slot.map { !s.slots[$0].places.isEmpty } == true) }
                if let c = nonPlace.last(where: { $0.preposition != FunctionWord.from }) ?? nonPlace.last {
                    // "insurgents led by HTS stormed": the leader acts
                    if c.preposition == .by, c.start - 2 >= lower, word(c.start - 2, in: vocabulary.ledWords) { return c.actor }
                    if c.preposition != .by { return c.actor }
                }
                if let c = left.last(where: { $0.preposition == .by && $0.start - 2 >= lower && word($0.start - 2, in: vocabulary.ledWords) }) { return c.actor }
                return nil
            }
            func object() -> EventMention.Actor? {
                // "the Britain-based Observatory", "the Houthi-controlled port", "the Israel-Hamas war": the
                // first half of a hyphenated compound modifies the noun after it, it is struck by nothing
                // (a test, not a filtered array: only the first candidate that passes it is read)
                func onRight(_ c: Candidate) -> Bool {
                    c.start >= slot.end && c.start < scopeEnd && usable(c) && !tokens[c.end - 1].flags.contains(.hyphenAfter)
                        && !(c.start - 1 >= lower && tokens[c.start - 1].flags.contains(.hyphenAfter))
                        && !alignedWith(c.start, lower: lower)
                }
                if let c = cands.first(where: { onRight($0) && ($0.preposition == nil || $0.preposition == .preposition || $0.preposition == .of) }) {
                    if let si = c.slot, s.slots[si].actors.isEmpty && s.slots[si].titles.isEmpty && !s.slots[si].places.isEmpty && !s.slots[si].unknown { return nil }
                    return c.actor
                }
                return nil
            }
            func agentAfter() -> EventMention.Actor? {
                // "by X" close after the trigger, or an agent cue later in the sentence
                var q = slot.end
                while q < min(range.upperBound, slot.end + 6) {
                    // "a campaign by Iran-aligned armed groups": the half of a hyphenated compound modifies the noun after it
                    // ("The strikes, supported by Australia and Bahrain, hit …": a supporter set off by commas, not
                    // the doer; "groups backed by the regime" may be, as who stands behind the unnamed)
                    if tokens[q].function == .by, !(q - 2 >= slot.end && word(q - 1, in: vocabulary.supporterVerbs) && tokens[q - 2].isPunct && tokens[q - 2].mark == 0x2C),
                        let c = cands.first(where: { $0.start > q && $0.start <= q + 3 && usable($0) }), !tokens[c.end - 1].flags.contains(.hyphenAfter) { return c.actor }
                    q += 1
                }
                for c in s.cues where c.kind == .agent && c.start >= slot.end && c.end - c.start >= 2 {
                    if let a = cands.first(where: { $0.start >= c.end && $0.start <= c.end + 3 && usable($0) }) { return a.actor }
                }
                // "a missile attack, which Tehran accuses Israel of mounting" (a relative clause on the noun:
                // "condemned the attack and accused the United States of complicity" names no doer)
                for tj in triggerSlots where s.slots[tj].start > slot.end {
                    if s.slots[tj].triggers.contains(where: { dict.triggers[$0.index].type == .accuse && dict.triggers[$0.index].roles == .agent }),
                        (slot.end..<s.slots[tj].start).contains(where: { tokens[$0].function == .relative || tokens[$0].function == .that })
                    {
                        if let a = cands.first(where: { $0.start >= s.slots[tj].end && $0.start <= s.slots[tj].end + 3 && usable($0) }) { return a.actor }
                    }
                }
                return nil
            }
            func premodifier() -> (EventMention.Actor?, Bool) {
                var q = slot.start - 1
                var skipped = 0
                var afterDeterminer = false
                while q >= lower && skipped <= 2 {
                    let t = tokens[q]
                    // "The Pentagon confirmed an attack": a determiner starts the phrase; a verb before it is no modifier
                    if afterDeterminer && !cands.contains(where: { $0.end == q + 1 }) { break }
                    if t.function == .determiner { afterDeterminer = true }
                    if var c = cands.last(where: { $0.end == q + 1 }), usable(c) || c.isPronoun {
                        // "Iran-Syria joint exercise": the first of a hyphenated pair
                        while c.start - 1 >= lower, tokens[c.start - 1].flags.contains(.hyphenAfter), let d = cands.last(where: { $0.end == c.start }) { c = d }
                        return (c.actor, false)
                    }
                    if t.function == .possessivePronoun { return (nil, true) }
                    if t.isWord && t.function == .none && !t.flags.contains(.capitalized) || t.function == .determiner && skipped == 0 && t.function != .the {
                        q -= 1; skipped += 1; continue
                    }
                    break
                }
                return (nil, false)
            }
            func ofPhrase() -> (EventMention.Actor?, EventMention.Actor?) {
                guard slot.end < range.upperBound, tokens[slot.end].function == .of else { return (nil, nil) }
                guard let c = cands.first(where: { $0.start > slot.end && $0.start <= slot.end + 3 && usable($0) }) else { return (nil, nil) }
                var second: EventMention.Actor? = nil
                if c.end < range.upperBound, tokens[c.end].function == .conjunction, let d = cands.first(where: { $0.start == c.end + 1 }) { second = d.actor }
                return (c.actor, second)
            }

            var actor: EventMention.Actor? = nil
            var target: EventMention.Actor? = nil
            var inBackground = false
            // the object of another's accusation, denial or report: its doer is not to be guessed
            var objectOfAnother = false
            switch entry.roles {
            case .agent:
                if verbal && !passive {
                    actor = causee ?? subject()
                    target = object()
                } else if verbal && passive {
                    actor = agentAfter()
                    // the patient is the subject right before the auxiliary
                    target = cands.last(where: { $0.end <= slot.start && slot.start - $0.end <= 4 && $0.preposition == nil && usable($0) })?.actor
                    if actor == nil, let topic = cands.first(where: { $0.preposition == nil && usable($0) && $0.end <= slot.start && !sameActor($0.actor, target) }),
                        let i = topic.actor.index, [.state, .armedForce, .armedGroup].contains(dict.actors.entries[i].kind)
                    {
                        actor = topic.actor
                    }
                } else {
                    let (pre, viaPronoun) = premodifier()
                    let (of1, of2) = ofPhrase()
                    // "blamed Israel for the strike", "in the attack on the building", "condemned the strikes":
                    // a noun that refers back or sits in a prepositional phrase or an object is not done by the subject
                    let gov = governingPreposition(slot.start, lowerBound: lower)
                    // "claimed responsibility for the attack": the claimer did it
                    // "claimed the attack", "claimed a drone attack": the claimer did it
                    let claimedDirectly = s.cues.contains { c in
                        c.kind == .claim && c.end <= slot.start && slot.start - c.end <= 3
                            && (c.end..<slot.start).allSatisfy { [.the, .determiner].contains(tokens[$0].function) || (tokens[$0].isWord && tokens[$0].function == .none && !tokens[$0].flags.contains(.capitalized)) }
                    }
                    // "denied any responsibility for the attack": the denier did not do it, and says so of an event told before
                    let deniedBefore = s.cues.contains { $0.kind == .deny && $0.end <= slot.start && slot.start - $0.end <= 6 }
                    // ("claimed responsibility on Sunday for the attack": over a date and its preposition)
                    let responsibilityNamed = claimedDirectly || (gov.map { g in
                        var r = g.1 - 1
                        while r > lower, let d = s.dates.last(where: { $0.start <= r && r < $0.end }) {
                            r = d.start - 1
                            if r > lower, tokens[r].isWord, [.locative, .preposition].contains(tokens[r].function) { r -= 1 }
                        }
                        return r >= lower && word(r).elementsEqual(ArticleReader.responsibilityWord)
                    } ?? false)
                    let responsibility = responsibilityNamed && !deniedBefore
                    // "its forces killed an ISIS leader in a helicopter raid": the killer's raid
                    let activeKillBefore = allTriggerSlots.contains { t in
                        s.slots[t].end <= slot.start && s.slots[t].triggers.allSatisfy { dict.triggers[$0.index].type == .kill }
                            && s.slots[t].start - 1 >= lower && !word(s.slots[t].start - 1, in: vocabulary.victimNouns)
                            // "was also killed in the attack": an adverb between the auxiliary and the participle keeps it passive
                            && { var q = s.slots[t].start - 1; while q > lower && tokens[q].function == .adverb { q -= 1 }; return tokens[q].function != .be }()
                            // "Three US troops killed … in drone attack" (a headline's passive, its auxiliary dropped)
                            && !(s.isHeading && (max(lower, s.slots[t].start - 4)..<s.slots[t].start).contains(where: { tokens[$0].function == .number || tokens[$0].flags.contains(.number) }))
                            // "killed a commander …, two weeks after a drone attack on a base": not the killer's
                            && !(s.slots[t].end..<slot.start).contains(where: { tokens[$0].isWord && word($0, in: ArticleReader.sequenceWords) })
                    }
                    // (strikes and attacks only: "arrived for talks", "during the visit" are the subject's)
                    let backgroundPrep = !responsibility && !activeKillBefore && EventTypeSet.violent.contains(entry.type)
                        && (gov.map { word($0.1, in: ArticleReader.backgroundPrepositions)
                            // "in response to the bombardment", "in retaliation for the strike"
                            || ($0.1 - 1 >= lower && word($0.1 - 1, in: vocabulary.responseNouns)) } ?? false)
                    let referring = isAnaphoric(slot) && !s.isHeading
                    // the object of an accusation, a denial or a probe: "blamed Israel for the strike", "condemned the strikes"
                    let objectOfOther = !responsibility && triggerSlots.prefix(n).contains { t in
                        s.slots[t].end <= slot.start && slot.start - s.slots[t].end <= 4
                            && s.slots[t].triggers.contains { EventTypeSet.accusations.contains(dict.triggers[$0.index].type) }
                    } || s.cues.contains { $0.kind == .deny && $0.end <= slot.start && slot.start - $0.end <= 2 } || (responsibilityNamed && deniedBefore)
                        || witnessedNoun(slot.start, lower: lower)
                        || (s.cues.contains { $0.kind == .report && $0.end <= slot.start && slot.start - $0.end <= 2 }
                            && slot.end < range.upperBound && (tokens[slot.end].function == .be || tokens[slot.end].function == .have || tokens[slot.end].function == .modal || s.slots.contains { $0.start == slot.end && !$0.triggers.isEmpty }))
                        || (referring && !viaPronoun && !responsibility && EventTypeSet.violent.contains(entry.type))
                    // the killer: the clause subject before the killing verb
                    let killerBefore: EventMention.Actor? = activeKillBefore ? allTriggerSlots.last(where: { t in
                        s.slots[t].end <= slot.start && s.slots[t].triggers.allSatisfy { dict.triggers[$0.index].type == .kill }
                    }).flatMap { t in cands.last(where: { c in c.end <= s.slots[t].start && usable(c)
                        // "a day after the IDF killed": the subject of a subordinate clause
                        && (c.preposition == nil || (c.preposition == .preposition && (governingPreposition(c.start, lowerBound: lower).map { word($0.1, in: ArticleReader.subordinators) } ?? false))) })?.actor } : nil
                    inBackground = backgroundPrep
                    // "fired rockets …, a day after the IDF killed a commander in a drone strike near Tyre": the
                    // strike of a killing told in an "after/before/since" clause is another, earlier event
                    if killerBefore != nil, n > 0, EventTypeSet.violent.contains(entry.type),
                        (s.slots[triggerSlots[n - 1]].end..<slot.start).contains(where: { tokens[$0].isWord && word($0, in: ArticleReader.sequenceWords) }),
                        triggerSlots.prefix(n).contains(where: { t in s.slots[t].start < slot.start && s.slots[t].triggers.contains { dict.triggers[$0.index].type != .kill } })
                    {
                        inBackground = true
                    }
                    // "Hezbollah fired 30 rockets at Kiryat Shmona, after the terror group claimed a drone attack on an
                    // army post": an event claimed in a clause after "after/before/since" is an earlier or later one
                    if responsibility, n > 0, EventTypeSet.violent.contains(entry.type),
                        (s.slots[triggerSlots[n - 1]].end..<slot.start).contains(where: { tokens[$0].isWord && word($0, in: ArticleReader.sequenceWords) })
                    {
                        inBackground = true
                    }
                    // "Washington struck two facilities on October 27, in strikes Austin said were…": an
                    // event noun under "in" after a verb of its family retells that verb's event
                    if let g = gov, g.0 == .locative, word(g.1, in: ArticleReader.inWord), !responsibility,
                        triggerSlots.prefix(n).contains(where: { t in
                            s.slots[t].triggers.contains { $0.form.isVerbal && EventMerger.family(dict.triggers[$0.index].type) == EventMerger.family(entry.type) }
                                // "fired rockets …, a day after the IDF killed a commander in a drone strike": a
                                // subordinate clause between them tells another event
                                && !(s.slots[t].end..<slot.start).contains(where: { tokens[$0].isWord && word($0, in: ArticleReader.subordinators) })
                        })
                    {
                        // "neutralized a member … in a drone strike": the verb's event is of the noun's kind
                        if entry.type == .airstrike, let at = out.lastIndex(where: { $0.type == .attack }) {
                            out[at].type = .airstrike
                            out[at].cameo = entry.cameo
                        }
                        continue
                    }
                    objectOfAnother = objectOfOther
                    // "after Nasrallah killing", "the Soleimani assassination", "Soleimani's killing": a person
                    // before a killing noun is its victim
                    if let p = pre, entry.type == .kill, let i = p.index, dict.actors.entries[i].kind == .person { target = p }
                    else if let pre { actor = pre } else if let k = killerBefore { actor = k } else if let of1, !EventTypeSet.violent.contains(entry.type) { actor = of1; target = of2 } else if let a = agentAfter() { actor = a } else if objectOfOther || (backgroundPrep && (referring || gov != nil)) { actor = nil } else if viaPronoun { actor = subject() } else { actor = subject() }
                    if target == nil { target = object() }
                }
            case .accusedLeft:
                let left = cands.filter { $0.end <= slot.start && $0.start >= cStart && usable($0) }
                if let t = left.last {
                    target = t.actor
                    actor = left.dropLast().last(where: { $0.preposition == nil })?.actor ?? lastPerson
                }
            case .accusedSubject:
                let left = cands.filter { $0.end <= slot.start && $0.start >= cStart && usable($0) && $0.preposition == nil }
                target = left.last?.actor
                var speaker: EventMention.Actor? = nil
                for c in s.cues where c.kind == .report {
                    if let b = cands.last(where: { $0.end <= c.start && c.start - $0.end <= 2 && !$0.isMedia }) { speaker = b.actor; break }
                    if let a = cands.first(where: { $0.start >= c.end && $0.start - c.end <= 1 && !$0.isMedia }) { speaker = a.actor; break }
                }
                actor = speaker ?? lastPerson
            }
            // "clashes between the SDF and government forces", "killed in clashes with PKK militants": a
            // reciprocal fight is done by the side named after "between" or "with"
            if actor == nil, !verbal, entry.type == .attack, word(slot.end - 1, in: vocabulary.reciprocalNouns) {
                var q = slot.end
                while q < min(scopeEnd, slot.end + 8), !(tokens[q].isPunct && tokens[q].mark != 0x28 && tokens[q].mark != 0x29) {
                    if word(q, in: ArticleReader.reciprocalPrepositions), let c = cands.first(where: { $0.start > q && $0.start <= q + 3 && usable($0) }) {
                        actor = c.actor
                        if target?.index != nil && target?.index == c.actor.index { target = nil }
                        break
                    }
                    q += 1
                }
            }
            // "The Ground Force of Iran's Islamic Revolution Guards Corps pounded …": a unit the
            // dictionaries do not know, named as a unit of one they know, is that one
            if let a = actor, a.index == nil { actor = owningActor(of: a, cands) ?? actor }
            if let t = target, t.index == nil { target = owningActor(of: t, cands) ?? target }
            // a side does not strike itself: "Israeli warplanes bombed … in retaliation for … on Israel's …"
            if EventTypeSet.strikes.contains(entry.type), let a = actor?.index, let t = target?.index, dict.actors.related(a, t) { target = nil }
            if entry.type == .accuse && (target == nil || target?.index == nil), verbal {
                // "blamed the attack on the Islamic Resistance in Iraq": the accused follows "on"
                if let c = cands.first(where: { $0.start > slot.end && $0.start < scopeEnd && usable($0) && $0.start - 1 > slot.end && word($0.start - 1).elementsEqual(ArticleReader.onWord) }) { target = c.actor }
            }
            // "Washington blamed the Islamic Resistance in Iraq for the attack": the one blamed did the strike
            // "the attack" refers to, when it was told without a doer
            if entry.type == .accuse, entry.roles == .agent, verbal, !passive, let t = target, t.index != nil,
                triggerSlots[(n + 1)...].contains(where: { t2 in
                    let st = s.slots[t2].start
                    return st - 2 > slot.end && [.the, .determiner].contains(tokens[st - 1].function) && word(st - 2, in: ArticleReader.forWord)
                        && s.slots[t2].triggers.contains { EventMerger.family(dict.triggers[$0.index].type) == 1 }
                })
            {
                blamed = (k, t)
            }
            if verbal { verbActors.append((slot.end, actor)) } else if governingPreposition(slot.start, lowerBound: lower) == nil {
                nominalSubjects.append((slot.start, slot.end, EventMerger.family(entry.type), actor))
            }

            // people travel, forces deploy: a person who arrives in/at a place is visiting it
            var type = entry.type
            var cameo = entry.cameo
            // "Israeli missiles hit T4": an attack made by aircraft, drones or missiles is an airstrike
            if type == .attack && verbal && !passive, let noun = ({ () -> Int? in
                var q = slot.start - 1
                // over auxiliaries, adverbs and a date ("Russian and Syrian warplanes on Friday pounded")
                while q >= cStart, tokens[q].isWord {
                    if [.be, .have, .adverb, .modal].contains(tokens[q].function) { q -= 1; continue }
                    if let d = s.dates.first(where: { $0.start <= q && q < $0.end }) {
                        q = d.start - 1
                        if q >= cStart, [.locative, .preposition].contains(tokens[q].function) { q -= 1 }
                        continue
                    }
                    break
                }
                return q >= cStart && tokens[q].isWord ? q : nil
            })(), word(noun, in: vocabulary.airWeapons) {
                type = .airstrike
                cameo = EventType.airstrike.defaultCAMEO
            }
            // "attacked "a vital target" in Eilat with drones": an attack made with drones or aircraft is an airstrike
            // (not one "with a guided missile", which ground forces fire)
            if type == .attack && verbal && !passive, let w = (slot.end..<min(scopeEnd, slot.end + 10)).first(where: { q in
                tokens[q].isPunct && tokens[q].mark != 0x22 || (tokens[q].isWord && ArticleReader.withWord.elementsEqual(word(q)))
            }), tokens[w].isWord, (w + 1..<min(scopeEnd, w + 5)).contains(where: { tokens[$0].isWord && word($0, in: vocabulary.aircraft) }) {
                type = .airstrike
                cameo = EventType.airstrike.defaultCAMEO
            }
            // "its aircraft had struck a cell … and had also hit a depot": "hit" takes the kind of strike told before it
            if type == .attack && entry.id == "hit", let a = actor?.index,
                out.contains(where: { $0.type == .airstrike && $0.actor?.index.map { dict.actors.related($0, a) } == true })
            {
                type = .airstrike
                cameo = EventType.airstrike.defaultCAMEO
            }
            // "a roadside bomb struck an army vehicle": a bomb, not an aircraft
            if type == .airstrike && verbal && !passive, let noun = bareNounSubject(slot.start, lower: cStart), word(noun, in: vocabulary.groundWeapons) {
                type = .attack
                cameo = EventType.attack.defaultCAMEO
            }
            // (an unknown name that a title introduces is a person: "the UN special envoy for Yemen, Hans
            // Grundberg, arrived in Muscat")
            if type == .deploy, let a = actor, a.index.map({ dict.actors.entries[$0].kind == .person }) ?? isTitledName(a.nameWords, s),
                slot.end < range.upperBound,
                [.locative, .to].contains(tokens[slot.end].function) || s.slots.contains(where: { $0.start == slot.end && !$0.places.isEmpty })
            {
                type = .visit
                cameo = EventType.visit.defaultCAMEO
            }

            // place
            var place: EventMention.Place? = nil
            var strength = 0
            // (the trigger row's type as a constant: a nested function that reads the `var entry` boxes it)
            let rowType = entry.type
            func placeCandidates(_ lo: Int, _ hi0: Int, strongOnly: Bool) -> [(EventMention.Place, Int)] {
                var res: [(EventMention.Place, Int)] = []
                // (the word lists read once per call, not through their lazy statics at every token)
                let clauseSubordinators = ArticleReader.clauseSubordinators, sequenceWords = ArticleReader.sequenceWords
                let speechGerunds = vocabulary.speechGerunds, streetWords = vocabulary.streetNouns
                let betweenWord = ArticleReader.betweenWord, strongLocatives = ArticleReader.strongLocatives
                // "met X in Y, and inspected … near Z": Z belongs to the next clause
                var hi = hi0
                // "targeted two US bases in Syria … in retaliation for the onslaught on Gaza", "…, in what it
                // described as a response to the massacres in Gaza": the place of the event retaliated for is
                // not this one's
                if lo >= slot.end, let r = responseClauseStart(lo..<hi0) { hi = r }
                // "claimed two drone attacks on Israel overnight as the IDF intercepted a target over the Red Sea":
                // a subordinate clause with a subject of its own has places of its own
                if lo >= slot.end, let r = (lo..<hi).first(where: { q in
                    q + 1 < hi && tokens[q].isWord && word(q, in: clauseSubordinators)
                        && (tokens[q + 1].function == .the || (tokens[q + 1].flags.contains(.capitalized) && s.slots.contains { $0.start == q + 1 && $0.isActorLike }))
                }) { hi = r }
                if lo >= slot.end {
                    var q = lo
                    while q + 2 < hi {
                        if tokens[q].isPunct && tokens[q].mark == 0x2C && tokens[q + 1].function == .conjunction && tokens[q + 2].isWord && tokens[q + 2].function == .none && !tokens[q + 2].flags.contains(.capitalized) { hi = q; break }
                        q += 1
                    }
                }
                // "The ambush came five days after another IS attack in the Deir Ezzor countryside": the place of an
                // event told after "after/before/since" is that event's
                if max(lo, slot.end) < hi, let r = (max(lo, slot.end)..<hi).first(where: { q in
                    tokens[q].isWord && word(q, in: sequenceWords)
                        && s.slots.contains { $0.start > q && $0.start <= q + 4 && $0.start < hi && !$0.triggers.isEmpty }
                }) { hi = r }
                // "targeted warships in the Red Sea, stressing that the aggression on Gaza …", "…, saying …": what
                // the speaker went on to say has places of its own
                if lo >= slot.end, let r = (lo..<hi).first(where: { q in
                    q + 1 < hi && tokens[q].isPunct && tokens[q].mark == 0x2C && tokens[q + 1].isWord && word(q + 1, in: speechGerunds)
                }) { hi = r }
                // "held talks on Wednesday that dealt with … the situation in Gaza and Lebanon": places after a
                // topic verb are what was talked about
                // (meetings and visits only: the scan is not paid for every strike)
                let meeting = rowType == .meet || rowType == .visit
                let topicAt = meeting && max(lo, slot.end) < hi
                    ? (max(lo, slot.end)..<hi).first(where: { tokens[$0].isWord && word($0, in: vocabulary.topicPlaceVerbs) }) : nil
                for sl in s.slots where sl.start >= lo && sl.end <= hi && !sl.places.isEmpty && sl.adjectives.isEmpty {
                    if let t = topicAt, sl.start > t { continue }
                    // "will meet Kurdistan Region President Nechirvan Barzani": a place before a title names
                    // the office, not where a meeting is
                    if meeting, sl.end < hi, tokens[sl.end].flags.contains(.capitalized), s.cues.contains(where: { ($0.kind == .honorific || $0.kind == .office) && $0.start == sl.end }) { continue }
                    if sl.end - sl.start == 1, [.month, .weekday].contains(tokens[sl.start].function) { continue }
                    // "Iran-linked targets", "a Gaza-based group": a place in a hyphenated modifier names no place
                    if tokens[sl.end - 1].flags.contains(.hyphenAfter), sl.end < range.upperBound, tokens[sl.end].isWord,
                        !tokens[sl.end].flags.contains(.capitalized) { continue }
                    // "mourned as "martyrs on the road to Jerusalem"": a place inside a quotation is the
                    // quotation's, not the place of an event told outside it
                    if insideQuotes(sl.start, s) && !insideQuotes(slot.start, s) { continue }
                    if s.inParens.contains(sl.start) || dateline.contains(sl.start) || attributionTokens.contains(sl.start) { continue }
                    if s.cues.contains(where: { $0.kind == .agent && $0.end - $0.start >= 2 && $0.end <= sl.start && sl.start - $0.end <= 1 }) { continue }
                    // "Syria's Idlib province": a possessive place names the country of the next, unless a
                    // direction or area noun follows ("Beirut's southern suburbs")
                    if tokens[sl.end - 1].flags.contains(.possessive), !(sl.end < range.upperBound && [.direction, .areaNoun].contains(tokens[sl.end].function)),
                        !(s.slots.first(where: { $0.start == sl.end && !$0.places.isEmpty }).map { $0.end < range.upperBound && word($0.end, in: streetWords) } ?? false)
                    { continue }
                    if sl.end < range.upperBound, tokens[sl.end].function == .forceNoun { continue }
                    // "the village of Bir Hesso": a one-word place right before an unknown capitalised word is the
                    // first word of a name the gazetteer lacks, not the place
                    if sl.end - sl.start == 1, sl.end < range.upperBound, tokens[sl.end].flags.contains(.capitalized),
                        s.slots.contains(where: { $0.start == sl.end && $0.unknown })
                    { continue }
                    // "the village of Zor Maghar west of Kobani": two one-word places side by side, each a place
                    // elsewhere, are one name the gazetteer lacks (the place named next to it stands)
                    // (after "the village of", "the town of": a name follows, not a place and its district)
                    if sl.end - sl.start == 1, let o = s.slots.first(where: { o in
                        o.end - o.start == 1 && !o.places.isEmpty && tokens[o.start].flags.contains(.capitalized)
                            && (o.start == sl.end || o.end == sl.start)
                    }), case let first = min(o.start, sl.start), first - 2 >= lower, tokens[first - 1].function == .of,
                        tokens[first - 2].function == .areaNoun, !tokens[first].flags.contains(.possessive)
                    { continue }
                    // "Palestine Street", "Baghdad Road": a street, not the place
                    if sl.end < range.upperBound, word(sl.end, in: streetWords) { continue }
                    // "positions on the road to Erbil": where the road leads, not the place
                    if sl.start - 2 >= lower, tokens[sl.start - 1].function == .to || tokens[sl.start - 1].function == .from,
                        word(sl.start - 2, in: streetWords)
                    { continue }
                    guard let p = bestPlace(sl) else { continue }
                    let prep = governingPreposition(sl.start, lowerBound: lower)
                    // "struck Damascus", "targeted the Israeli Metula and Ramim barracks": the object, over a
                    // determiner and adjectives
                    let directObject = verbal && !passive && sl.start >= slot.end && (sl.start - slot.end <= 1
                        || (slot.end..<sl.start).allSatisfy { q in [.the, .determiner].contains(tokens[q].function) || s.slots.contains { $0.start <= q && q < $0.end && !$0.adjectives.isEmpty && $0.actors.isEmpty } })
                    // "on the road between Aitaroun and Blida": between two places is at the first
                    guard prep.map({ [.locative, .to, .from, .including].contains($0.0) || word($0.1, in: betweenWord) }) ?? directObject else { continue }
                    if strongOnly, let (_, at) = prep, !word(at, in: strongLocatives) { continue }
                    var score = dict.gazetteer.entries[p].kind.specificity * 10
                    // (forces withdraw from where they were: "would withdraw from the Ain al-Asad air base")
                    if prep?.0 == .from && rowType != .withdraw { score -= 25 }
                    res.append((EventMention.Place(index: p, text: span(sl.start, sl.end)), score))
                }
                return res
            }
            func best(_ c: [(EventMention.Place, Int)]) -> EventMention.Place? {
                var b: (EventMention.Place, Int)? = nil
                for x in c where b == nil || x.1 > b!.1 { b = x }
                return b?.0
            }
            let nominalAnaphor = !verbal && isAnaphoric(slot)
            // "The Imam Ali base was bombed": a place as the passive subject is where it happened
            let passiveSubjectPlace: EventMention.Place? = {
                guard verbal && passive else { return nil }
                guard let sl = s.slots.first(where: { $0.start >= cStart && $0.end <= slot.start && slot.start - $0.end <= 6 && !$0.places.isEmpty && $0.actors.isEmpty && $0.adjectives.isEmpty && governingPreposition($0.start, lowerBound: lower) == nil }),
                    (sl.end..<slot.start).allSatisfy({ q in
                        [.be, .have, .adverb, .areaNoun, .locative].contains(tokens[q].function) || tokens[q].isPunct
                            || s.slots.contains(where: { x in x.start <= q && q < x.end && !x.places.isEmpty })
                    }),
                    governingPreposition(sl.start, lowerBound: lower) == nil, let p = bestPlace(sl) else { return nil }
                return EventMention.Place(index: p, text: span(sl.start, sl.end))
            }()
            // "coming from Beirut, where he met Nasrallah": the place the relative "where" stands for
            let wherePlace: EventMention.Place? = {
                var q = slot.start - 1
                var steps = 0
                while q - 2 >= lower && steps < 4 {
                    if word(q, in: ArticleReader.whereWord) {
                        guard tokens[q - 1].isPunct && tokens[q - 1].mark == 0x2C else { return nil }
                        // "to visit Erbil on Thursday, where he will meet …": over the date closing the clause
                        var e = q - 1
                        if let d = s.dates.last(where: { $0.end == e }) {
                            e = d.start
                            if e - 1 >= lower, tokens[e - 1].isWord, tokens[e - 1].function == .locative { e -= 1 }
                        }
                        guard let sl = s.slots.last(where: { $0.end == e && !$0.places.isEmpty && $0.actors.isEmpty }), let p = bestPlace(sl) else { return nil }
                        return EventMention.Place(index: p, text: span(sl.start, sl.end))
                    }
                    if tokens[q].isPunct { return nil }
                    q -= 1
                    steps += 1
                }
                return nil
            }()
            // (a place after the clause's comma is another clause's: "where he will meet Barzani, before
            // heading to the holy city of Karbala")
            if let p = wherePlace, best(placeCandidates(slot.end, (slot.end..<scopeEnd).first(where: { tokens[$0].isPunct && tokens[$0].mark == 0x2C }) ?? scopeEnd, strongOnly: false)) == nil { place = p; strength = 3 }
            else if let p = passiveSubjectPlace { place = p; strength = 3 }
            else if let p = best(placeCandidates(slot.end, scopeEnd, strongOnly: false)) { place = p; strength = 3 }
            // "ISIS killed 53 people near Palmyra, in the deadliest attack claimed by the group": the killing
            // told before the anaphoric noun, whose toll it takes, is where it happened
            else if nominalAnaphor {
                if hasViolent, let kill = allTriggerSlots.last(where: { ti in
                    s.slots[ti].end <= slot.start && s.slots[ti].triggers.allSatisfy { dict.triggers[$0.index].type == .kill }
                }), let p = best(placeCandidates(s.slots[kill].end, slot.start, strongOnly: false)) { place = p; strength = 3 }
            }
            else if n == 0, let p = best(placeCandidates(lower, slot.start, strongOnly: false)) { place = p; strength = 3 }
            else if verbal || governingPreposition(slot.start, lowerBound: lower) == nil, let first = out.first(where: { $0.place != nil && $0.placeStrength >= 2 }) { place = first.place; strength = 2 }
            // (not past the next trigger: "… since a drone attack on a military academy in Homs" is that attack's place)
            else if let p = best(placeCandidates(lower, scopeEnd, strongOnly: true)) { place = p; strength = 2 }
            // "reduced their presence in the province", "reinforcements had been sent to the area": the last
            // place named with that noun ("Daraa governorate", "the Udhaim area")
            else if !s.isHeading, let p = definiteAreaPlace(k, from: slot.end, to: scopeEnd) { place = p; strength = 1 }
            else if !s.isHeading, let prev = previous.last(where: { sentences[$0.sentenceIndex].block == s.block && $0.place != nil }) { place = prev.place; strength = 1 }
            else if !s.isHeading, EventTypeSet.meetingsAndSupport.contains(entry.type), let a = actor?.index,
                let prev = (previous + out).last(where: { EventTypeSet.meetings.contains($0.type) && $0.actor?.index == a && $0.place != nil && $0.modality != .expected })
            {
                // a traveller's later meetings happen where the last visit took him
                place = prev.place; strength = 1
            }

            // date: in the trigger's stretch, or before the first trigger, or the only one
            var date: EventDate? = nil
            // "since 2016", "until March": a bound of a period, not the event's date
            // (and "since taking office in July": a date in a "since" + gerund phrase dates its start)
            let eventDates = s.dates.filter { d in
                !(d.start - 1 >= lower && word(d.start - 1, in: ArticleReader.periodBounds)) && !sinceGerundHolds(d.start, lower: lower)
            }
            // ("fired rockets at Safed in response to the killing of a commander last week": the date of the
            // event responded to is not this one's)
            let responseAt = eventDates.contains(where: { $0.start >= slot.end && $0.end <= scopeEnd })
                ? responseClauseStart(slot.end..<scopeEnd) ?? scopeEnd : scopeEnd
            let forward = eventDates.first { $0.start >= slot.end && $0.end <= scopeEnd && $0.start < responseAt }
            let backward = n == 0 ? eventDates.last { $0.end <= slot.start } : nil
            // "the Jan. 28 attack": a date inside the noun phrase, right before a nominal trigger
            let inPhrase = verbal ? nil : eventDates.last(where: { d in
                d.end <= slot.start && (d.end..<slot.start).allSatisfy { tokens[$0].isWord && tokens[$0].function == .none && !tokens[$0].flags.contains(.capitalized) }
                    && d.start - 1 >= lower && [.the, .determiner, .possessivePronoun].contains(tokens[d.start - 1].function)
            })
            // "Britain last month sent the destroyer": a date right before the verb is the verb's
            let beforeVerb = verbal ? eventDates.last(where: { $0.end <= slot.start && slot.start - $0.end <= 1 && $0.start >= cStart }) : nil
            if let d = inPhrase ?? beforeVerb ?? forward ?? backward ?? (triggerSlots.count == 1 ? eventDates.first(where: { $0.start < responseAt || $0.start < slot.start }) : nil) {
                // "is expected to visit Damascus on Sunday": the coming Sunday, not the last one
                date = modality == .expected ? (d.ahead ?? d.date) : d.date
            }
            // "retaliated the following day", "later in the day": counted from the event told before
            if date == nil {
                if dayPhrase == nil { dayPhrase = .some(dayCountPhrase(range)) }
                if let (days, phrase) = dayPhrase!, let d = dayCounted(days, phrase, told: out, before: previous) { date = d }
            }
            // "arrived in Erbil on Tuesday … before meeting Barzani": a later event of the same actor in the
            // sentence, with no date of its own, shares the one told before it
            if date == nil, let a = actor?.index, let prev = out.last(where: { $0.actor?.index == a && $0.date?.value != nil }) { date = prev.date }

            // toll
            var fatalities: Int? = nil
            if EventTypeSet.violent.contains(entry.type) {
                // a killing word gives its toll to the strike or attack it follows (else the first one)
                let violentSlots = triggerSlots.filter(in: slotLists) { t in s.slots[t].triggers.contains { EventTypeSet.strikes.contains(dict.triggers[$0.index].type) } }
                func owner(_ k: Int) -> Int? { violentSlots.last(where: { s.slots[$0].start < s.slots[k].start }) ?? violentSlots.first }
                for tj in allTriggerSlots where s.slots[tj].triggers.contains(where: { dict.triggers[$0.index].type == .kill }) && (owner(tj) == nil || owner(tj) == ti) {
                    let ks = s.slots[tj]
                    if let v = FatalityReader.count(tokens, range, anchor: ks.start, anchorEnd: ks.end, tokenizer: tokenizer, vocabulary: vocabulary) { fatalities = v; break }
                }
                if fatalities == nil {
                    let mine = { (q: Int) -> Bool in
                        let o = violentSlots.last(where: { s.slots[$0].start < q }) ?? violentSlots.first
                        return o == nil || o == ti
                    }
                    // "retaliated for the deaths of three soldiers": the toll of the event retaliated for
                    // (the sentence's death words found once for all its triggers, not token by token for each)
                    if deathWordTokens == nil { deathWordTokens = range.filter(in: slotLists) { tokens[$0].isWord && word($0, in: vocabulary.deathWords) } }
                    for q in deathWordTokens! where mine(q)
                        && !(max(lower, q - 4)..<q).contains(where: { word($0, in: vocabulary.responseNouns) || word($0, in: vocabulary.retaliateVerbs) }) {
                        if let v = FatalityReader.count(tokens, range, anchor: q, anchorEnd: q + 1, tokenizer: tokenizer, vocabulary: vocabulary) { fatalities = v; break }
                    }
                }
            }

            // "five days after another IS attack in the Deir Ezzor countryside": not an event told before
            let anotherEvent = !verbal && (max(lower, slot.start - 3)..<slot.start).contains { q in
                tokens[q].isWord && word(q).elementsEqual(ArticleReader.anotherWord) && !(q + 1..<slot.start).contains { tokens[$0].isPunct }
            }
            // anaphora: "the visit", "this attack", "Qaani's visit", headlines
            let anaphoric = s.isHeading || nominalAnaphor
            if victimOnly { actor = nil; target = nil }
            // "unknown gunmen shot dead a commander": a killing with a doer of its own, not a toll of the last strike
            let ownDoer = verbal && !passive && bareNounSubject(slot.start, lower: cStart) != nil
            // "more than 39,000 people have been killed there since then", "… killed so far": a toll over a
            // period is a tally of many events, not the toll of the last one
            // "Since October, cross-border violence has killed at least 560 people": the same told in
            // the present perfect after the period
            func perfectAfterPeriod() -> Bool {
                verbal && (max(lower, slot.start - 3)..<slot.start).contains(where: { tokens[$0].function == .have && word($0, in: ArticleReader.presentHave) })
                    && (lower..<slot.start).contains(where: { tallyPhrase(at: $0, range) })
            }
            if actor == nil && target == nil && fatalities != nil
                && (entry.type == .kill && !ownDoer && tallyPeriodFollows(slot.end, range) || [.kill, .attack].contains(entry.type) && perfectAfterPeriod()) { continue }
            if entry.type == .kill && actor == nil && target == nil && !ownDoer, let f = fatalities, let last = previous.last(where: { EventMerger.family($0.type) == 1 }), sentences[last.sentenceIndex].block >= s.block - 1 {
                tollOnly = (last.sentenceIndex, f)
                continue
            }
            if victimOnly { continue }
            // "a strike hit a house in Majdal Selm", "a drone attack targeted the base": the noun and
            // its verb tell one event, of the noun's kind, where the verb says
            if let ns = fusedNoun, let at = outSlots.lastIndex(of: ns) {
                let noun = out[at]
                if noun.type == .airstrike && type == .attack { type = .airstrike; cameo = noun.cameo }
                if place == nil || noun.placeStrength > strength { place = noun.place ?? place; strength = noun.place == nil ? strength : noun.placeStrength }
                if date == nil { date = noun.date }
                if fatalities == nil { fatalities = noun.fatalities }
                if actor == nil { actor = noun.actor }
                out.remove(at: at)
                outSlots.remove(at: at)
            }
            // "Washington blames Kataib Hezbollah for the drone attack that killed three soldiers in Jordan": a
            // strike blamed in its own sentence, told with a place or toll of its own, was done by the one
            // blamed (a claim); it is then no earlier strike for the blame to name
            if actor == nil, !verbal, let b = blamed, b.sentence == k, EventMerger.family(type) == 1, place != nil || fatalities != nil {
                actor = b.actor
                modality = .claimed
                blamed = nil
            }
            // told without a doer: may take the side of the last strike once the sentence is read
            // "gunmen opened fire on a car": people nobody has named did it, not the side of the last strike
            let unidentified = !passive && {
                var q = slot.start - 1
                while q >= cStart, tokens[q].isWord, [.be, .have, .adverb, .modal].contains(tokens[q].function) { q -= 1 }
                // ("Gunmen ambushed a patrol": capitalised only as the sentence's first word)
                return q >= cStart && tokens[q].isWord && (!tokens[q].flags.contains(.capitalized) || q == lower) && word(q, in: vocabulary.unidentifiedDoers)
            }()
            // "two people were killed in a strike on a house": the strike the victims were killed in is told
            // in the background of its clause, but it is the event the sentence tells
            // ("was killed along with three other operatives in a strike": the victims may follow the verb)
            let killedIn = !verbal && slot.start > lower + 1 && (max(lower + 1, slot.start - 3)..<slot.start).contains { q in
                word(q, in: ArticleReader.inWord) && (q + 1..<slot.start).allSatisfy { [.the, .determiner].contains(tokens[$0].function) }
                    && (max(lower, q - 7)..<q).reversed().first(where: { tokens[$0].isPunct || word($0, in: vocabulary.victimVerbs) })
                        .map { !tokens[$0].isPunct } ?? false
            }
            if actor == nil, !anaphoric, !inBackground || killedIn, !objectOfAnother, !unidentified, EventTypeSet.strikes.contains(type) { doerless.insert(slot.start) } else { doerless.remove(slot.start) }
            // ", and an Israeli strike near Baalbek wounded two", "and that artillery fired": a clause of its own
            let coordinate = n > 0 && (s.slots[triggerSlots[n - 1]].end..<slot.start).contains { q in
                tokens[q].function == .conjunction && word(q).elementsEqual("and".utf8)
                    && ((q + 1 < slot.start && ((q - 1 >= lower && tokens[q - 1].isPunct && tokens[q - 1].mark == 0x2C) || tokens[q + 1].function == .that))
                        // "targeted a barracks in Kiryat Shmona … and attacked a post in the Shebaa Farms": a second predicate
                        || (q + 1 == slot.start && verbal && chosen.form == .past))
            }
            order += 1
            outSlots.append(slot.start)
            out.append(EventMention(
                type: type, cameo: cameo,
                actor: actor, target: target, place: place, placeStrength: strength, date: date,
                fatalities: fatalities, source: source, modality: modality, sentence: s.byteRange,
                sentenceOffset: s.byteRange.lowerBound, anaphoric: anaphoric, order: order, sentenceIndex: k, fromHeading: s.isHeading,
                background: inBackground, coordinateClause: coordinate, separate: separate || anotherEvent))
        }
        _ = consumedKills
        for i in out.indices where out[i].actor == nil && doerless.contains(outSlots[i]) && !separate {
            // "Fighter jets struck the launchers in Aitaroun, the IDF said": a military or government that
            // reports a strike in another country without naming the doer reports its own (one reporting
            // a strike at home, "Iraq's military said a drone struck a car in Baghdad", may not)
            if let side = reportingSide, let p = out[i].place?.index, case let c = dict.gazetteer.entries[p].country,
                !c.isEmpty, c != dict.actors.entries[side.index!].country
            {
                out[i].actor = side
                continue
            }
            // a side does not strike itself: "a drone attack targeted the base, which hosts US troops"
            if let last = lastStrikeWithDoer(before: Array(out[..<i]), previous: previous, block: s.block), let inherited = last.actor,
                !(out[i].target?.index.map { dict.actors.related($0, inherited.index!) } ?? false)
            {
                out[i].actor = inherited
                // "the aggression launched four raids on Al-Jabbana … Two raids also targeted Ras Issa": raids
                // that take the doer of an air strike are air raids
                if out[i].type == .attack, last.type == .airstrike, word(outSlots[i], in: vocabulary.raidNouns) {
                    out[i].type = .airstrike
                    out[i].cameo = last.cameo
                }
                // "the jets also hit positions near Albukamal": told without a date of its own, it happened
                // when the strike whose doer it takes did, so it is not another day's strike at that place
                if out[i].date?.value == nil, let d = last.date, d.value != nil { out[i].date = d }
            }
        }
        return (out, tollOnly)
    }

    /// The doer of the last strike or attack told in this paragraph or the one before, for a
    /// strike told without one: "Two F-15 fighter jets struck the facility", "a woman was killed
    /// when a strike hit a house", "A second attack hit US forces" follow one side's strikes.
    /// `nil` when the last one has no known doer.
    func lastStrikeWithDoer(before current: [EventMention], previous: [EventMention], block: Int) -> EventMention? {
        func usable(_ m: EventMention) -> Bool { EventMerger.family(m.type) == 1 && !m.fromHeading && !m.background && !m.anaphoric }
        // (over strikes told without a doer of their own: "a series of attacks against US personnel")
        guard let last = current.last(where: { usable($0) && $0.actor != nil }) ?? previous.last(where: { usable($0) && $0.actor != nil }),
            sentences[last.sentenceIndex].block >= block - 1, let a = last.actor, a.index != nil
        else { return nil }
        return last
    }

    /// Whether the subject of a passive verb whose auxiliaries end before token `j` is a "no …"
    /// phrase ("no US personnel or facilities had been hit"): nothing happened.
    static func subjectIsNegated(from j: Int, lower: Int, tokens: [Token], word: (Int) -> ArraySlice<UInt8>) -> Bool {
        var q = j
        var steps = 0
        while q >= lower && steps < 6 {
            let t = tokens[q]
            if !t.isWord { return false }
            if ArticleReader.noWord.contains(word(q)) { return true }
            if [.be, .have, .modal, .relative, .that, .to].contains(t.function) { return false }
            q -= 1
            steps += 1
        }
        return false
    }
    /// Whether a count starts the object right after a killing verb: "killed at least 12 gunmen",
    /// "killed five Palestinian gunmen" (not "killed Ali Khaddour", not "killed a commander").
    static func countFollows(_ k: Int, _ range: Range<Int>, tokens: [Token]) -> Bool {
        var q = k
        var steps = 0
        while q < range.upperBound && steps < 4 {
            let t = tokens[q]
            if t.flags.contains(.number) && !t.flags.contains(.ordinal) { return true }
            if t.function == .number { return t.value != 1 }
            if t.isWord && !t.flags.contains(.capitalized) && ![.the, .determiner, .possessivePronoun].contains(t.function) { q += 1; steps += 1; continue }
            return false
        }
        return false
    }
    static let whereWord = ReaderWordSet(["where"])

    /// A verb-only trigger in its -s form after a determiner or a number ("several targets",
    /// "the targets", "36 targets") is a plural noun, not a verb: no trigger, and no bound of others' scopes.
    /// Where the words about an event responded to begin in `r` ("in retaliation for …", "in response
    /// to …", "as a response to …", "in what it described as a response to …"): at "in" before a
    /// response noun, or at a response noun before "to"/"for". Its places and dates are that event's.
    func responseClauseStart(_ r: Range<Int>) -> Int? {
        let responses = vocabulary.responseNouns
        return r.first { q in
            q + 1 < r.upperBound && (word(q, in: ArticleReader.inWord) && word(q + 1, in: responses)
                || word(q, in: responses) && (tokens[q + 1].function == .to || word(q + 1, in: ArticleReader.forWord)))
        }
    }

    func isPluralNounOfVerb(_ slot: SentenceSlots.Slot, lower: Int) -> Bool {
        // "a vital target", "the main target": a verb-only trigger in its base form after a determiner
        // and at most one plain word is a noun too
        if slot.start - 2 >= lower, slot.triggers.allSatisfy({ $0.form == .base }) {
            let p = tokens[slot.start - 1], pp = tokens[slot.start - 2]
            if [.the, .determiner, .possessivePronoun].contains(p.function) { return true }
            // "fell in open areas": after a preposition the base form is an adjective or a noun
            if p.isWord && [.locative, .preposition].contains(p.function) { return true }
            if p.isWord && p.function == .none && !p.flags.contains(.capitalized) && [.the, .determiner, .possessivePronoun].contains(pp.function) { return true }
        }
        guard slot.start - 1 >= lower, slot.triggers.allSatisfy({ $0.form == .third }) else { return false }
        guard let s = sentenceIndex(containing: slot.start) else { return false }
        // "struck Houthi targets", "several Iranian targets": a name or an adjective before the word
        // modifies the noun; what comes before the name decides
        var start = slot.start
        if let m = sentences[s].slots.last(where: { $0.end == slot.start }), m.triggers.isEmpty, m.isActorLike || !m.adjectives.isEmpty,
            m.start - 1 >= lower
        { start = m.start }
        let p = tokens[start - 1]
        // "at targets in the occupied territories": after a preposition as well
        if [.the, .determiner, .number, .possessivePronoun, .locative, .preposition].contains(p.function) || p.flags.contains(.number) { return true }
        // "bombed targets in Damascus", "hit several military targets": the object of a trigger verb, after
        // at most three modifiers (plain words, determiners, numbers, force nouns)
        var end = start
        for _ in 0...3 {
            if sentences[s].slots.contains(where: { $0.end == end && $0.triggers.contains { $0.form == .past } }) { return true }
            let q = end - 1
            guard q > lower, tokens[q].isWord, [.none, .the, .determiner, .number, .forceNoun].contains(tokens[q].function) else { return false }
            end = q
        }
        return false
    }
    /// Whether the noun phrase ending at `k` ("the units", "the Syrian army's units") opens with a
    /// determiner after a lower-case verb or a preposition: an object, not the sentence's subject.
    static func nounPhraseIsGoverned(endingAt k: Int, lower: Int, tokens: [Token]) -> Bool {
        var q = k - 1
        var steps = 0
        while q >= lower, steps < 4, tokens[q].isWord, tokens[q].function == .none || tokens[q].function == .forceNoun || tokens[q].flags.contains(.possessive) {
            q -= 1
            steps += 1
        }
        guard q - 1 >= lower, tokens[q].isWord, [.the, .determiner, .possessivePronoun].contains(tokens[q].function) else { return false }
        let g = tokens[q - 1]
        guard g.isWord else { return false }
        return [.of, .locative, .preposition, .to].contains(g.function) || (g.function == .none && !g.flags.contains(.capitalized))
    }

    static let asWord = ReaderWordSet(["as"])
    static let wouldWord = ReaderWordSet(["would"])
    static let sinceWord = ReaderWordSet(["since"])
    /// Whether an unknown name is a person's by its title: an office or a rank right before it
    /// ("Special Envoy Hans Grundberg"), or closing the noun phrase of which it is the apposition
    /// ("the UN special envoy for Yemen, Hans Grundberg,").
    func isTitledName(_ name: TokenSpan, _ s: SentenceSlots) -> Bool {
        let start = Int(name.start)
        let lower = s.tokenRange.lowerBound
        func titled(_ q: Int) -> Bool { s.cues.contains { ($0.kind == .honorific || $0.kind == .office) && $0.start <= q && q < $0.end } }
        if start - 1 >= lower, titled(start - 1) { return true }
        guard start - 2 >= lower, tokens[start - 1].isPunct, tokens[start - 1].mark == 0x2C else { return false }
        var q = start - 2
        while q >= max(lower, start - 8), tokens[q].isWord {
            if titled(q) { return true }
            q -= 1
        }
        return false
    }

    /// Whether the date at token `k` closes a "since" + gerund phrase of up to five words: "since
    /// taking office in July", "since coming to power in 2021".
    func sinceGerundHolds(_ k: Int, lower: Int) -> Bool {
        var q = k - 1
        while q - 1 >= lower, q >= k - 5, tokens[q].isWord {
            if word(q - 1, in: ArticleReader.periodBounds) {
                let t = tokens[q]
                let e = Int(t.end)
                return t.isWord && e - Int(t.start) > 4 && bytes[e - 3] == 0x69 && bytes[e - 2] == 0x6E && bytes[e - 1] == 0x67
            }
            q -= 1
        }
        return false
    }

    static let presentBe = ReaderWordSet(["is", "are", "am"])
    static let casualtyWords = ContextWords(["dead", "killed", "wounded", "injured", "casualties"].map { NameFolding.fold($0) })
    static let noWord = ReaderWordSet(["no", "none"])

    /// Whether a nominal trigger refers back: "the visit", "this attack", "Qaani's recent visit",
    /// "the Iran-Syria joint military exercise" — a definite, demonstrative or possessive
    /// determiner before its modifiers.
    func isAnaphoric(_ slot: SentenceSlots.Slot) -> Bool {
        let sentence = sentenceIndex(containing: slot.start)
        let lower = sentence.map { sentences[$0].tokenRange.lowerBound } ?? 0
        var q = slot.start - 1
        var steps = 0
        var plain = 0
        let sentenceSlots = sentence.map { sentences[$0].slots }
        func isTriggerToken(_ q: Int) -> Bool { sentenceSlots?.contains { !$0.triggers.isEmpty && $0.start <= q && q < $0.end } ?? false }
        // "Talks dealt with Gaza": a bare plural meeting noun opening the sentence is the meeting just told
        if slot.start == lower, slot.triggers.contains(where: { $0.form == .plural || $0.form == .noun }),
            slot.triggers.allSatisfy({ EventTypeSet.meetings.contains(dict.triggers[$0.index].type) })
        {
            return true
        }
        while q >= lower && steps < 6 {
            let t = tokens[q]
            if t.flags.contains(.possessive) || t.function == .the || t.function == .possessivePronoun { return true }
            if t.function == .determiner {
                let w = bytes[Int(t.start)..<Int(t.end)].map { NameFolding.isUpper($0) ? $0 | 0x20 : $0 }[...]
                if ArticleReader.demonstratives.contains(w) { return true }
                if ArticleReader.indefinites.contains(w) { return false }
                q -= 1; steps += 1; continue
            }
            if isTriggerToken(q) { return false }
            if t.isWord && t.function == .none && (t.flags.contains(.capitalized) || plain < 2) {
                if !t.flags.contains(.capitalized) { plain += 1 }
                q -= 1; steps += 1; continue
            }
            return false
        }
        return false
    }

    static let onWord: [UInt8] = Array(NameFolding.fold("on").utf8)
    static let ofWord: [UInt8] = Array(NameFolding.fold("of").utf8)

    /// The known actor that an unknown unit's name ("the Ground Force", "the Aerospace Force") says
    /// it belongs to, after "of": the last of a possessive chain ("of Iran's Islamic Revolution
    /// Guards Corps" is the IRGC); `nil` when the name ends in no force noun or no known actor follows.
    func owningActor(of unit: EventMention.Actor, _ cands: [Candidate]) -> EventMention.Actor? {
        let end = Int(unit.nameWords.end)
        guard unit.index == nil, end > Int(unit.nameWords.start), tokens[end - 1].function == .forceNoun, end + 1 < tokens.count,
            tokens[end].isWord, word(end).elementsEqual(ArticleReader.ofWord)
        else { return nil }
        var q = end + 1
        if q < tokens.count, tokens[q].function == .the { q += 1 }
        guard var owner = cands.first(where: { $0.start == q }) else { return nil }
        while tokens[owner.end - 1].flags.contains(.possessive), let next = cands.first(where: { $0.start == owner.end }) { owner = next }
        guard let i = owner.actor.index else { return nil }
        switch dict.actors.entries[i].kind {
        case .state, .armedForce, .armedGroup: return owner.actor
        default: return nil
        }
    }
    /// Words of a quantity before a weapon noun: "a number of", "dozens of", "a series of".
    static let quantityWords = ReaderWordSet(["a", "number", "of", "dozens", "scores", "hundreds", "series", "several", "more", "than", "least"])
    /// Words that open a subordinate clause with a subject of its own ("as the IDF intercepted …").
    static let clauseSubordinators = ReaderWordSet(["as", "while", "whereas", "when", "because"])
    static let sequenceWords = ReaderWordSet(["after", "before", "since"])

    /// "in the province", "to the area" in a trigger's stretch: the place last named with that noun
    /// (province and governorate alike) in this sentence before it or the six before.
    func definiteAreaPlace(_ k: Int, from lo: Int, to hi: Int) -> EventMention.Place? {
        let r = sentences[k].tokenRange
        var noun: ArraySlice<UInt8>? = nil
        var q = max(lo, r.lowerBound + 1)
        while q + 1 < min(hi, r.upperBound) {
            if tokens[q].function == .the, tokens[q + 1].isWord, word(q + 1, in: vocabulary.areaNouns),
                [.locative, .to].contains(tokens[q - 1].function),
                !(q + 2 < r.upperBound && tokens[q + 2].function == .of)
            { noun = word(q + 1); break }
            q += 1
        }
        guard let n = noun else { return nil }
        let admin = vocabulary.adminNouns.contains(n)
        func same(_ w: ArraySlice<UInt8>) -> Bool { admin ? vocabulary.adminNouns.contains(w) : w.elementsEqual(n) }
        for j in stride(from: k, through: max(0, k - 6), by: -1) {
            let sj = sentences[j]
            for sl in sj.slots.reversed() where !sl.places.isEmpty && (j < k || sl.end <= q) {
                let named = same(word(sl.end - 1)) || (sl.end < sj.tokenRange.upperBound && tokens[sl.end].isWord && same(word(sl.end)))
                if named, let p = bestPlace(sl) { return EventMention.Place(index: p, text: span(sl.start, sl.end)) }
            }
        }
        return nil
    }
    static let ofWithWords = ReaderWordSet(["with", "of"])

    /// "in solidarity with Iran", "in coordination with the Iranian armed forces", "in support of Gaza":
    /// the side an act stands with, not its target.
    func alignedWith(_ start: Int, lower: Int) -> Bool {
        var q = start - 1
        while q >= lower, tokens[q].function == .the { q -= 1 }
        guard q - 1 >= lower, tokens[q].isWord, word(q, in: ArticleReader.ofWithWords) else { return false }
        return word(q - 1, in: vocabulary.alignmentNouns)
    }
    static let forWord = ReaderWordSet(["for"])
    static let anotherWord: [UInt8] = Array(NameFolding.fold("another").utf8)
    static let groupPronouns = ReaderWordSet(["it", "they"])
    static let withWord: [UInt8] = Array(NameFolding.fold("with").utf8)
    static let inWord = ReaderWordSet(["in"])
    static let presentHave = ReaderWordSet(["have", "has"])
    /// The words that name a side after a reciprocal noun (`ReaderVocabulary.reciprocalNouns`): "clashes with X", "battles between X and Y".
    static let reciprocalPrepositions = ReaderWordSet(["with", "between"])
    static let betweenWord = ReaderWordSet(["between"])
    static let responsibilityWord: [UInt8] = Array(NameFolding.fold("responsibility").utf8)
    static let subordinators = ReaderWordSet(["after", "before", "since", "until", "as", "while", "when", "because", "once"])
    static let periodBounds = ReaderWordSet(["since", "until", "till"])
    /// Phrases after a toll that count it over a period: "since then", "so far", "to date", "over the past".
    static let tallyPhrases: [[String]] = [["since"], ["so", "far"], ["to", "date"], ["over", "the", "past"], ["over", "the", "last"], ["in", "total"]].map { $0.map { NameFolding.fold($0) } }

    /// Whether a phrase that counts over a period ("since", "so far", "over the past") follows token
    /// `k` in its clause.
    func tallyPeriodFollows(_ k: Int, _ range: Range<Int>) -> Bool {
        var q = k
        while q < range.upperBound {
            if tokens[q].isPunct && (tokens[q].mark == 0x3B || tokens[q].mark == 0x2E) { return false }
            if tallyPhrase(at: q, range) { return true }
            q += 1
        }
        return false
    }

    /// Whether a phrase that counts over a period ("since", "so far", "over the past") starts at token `q`.
    func tallyPhrase(at q: Int, _ range: Range<Int>) -> Bool {
        for p in ArticleReader.tallyPhrases where q + p.count <= range.upperBound {
            if p.indices.allSatisfy({ i in tokens[q + i].isWord && word(q + i).elementsEqual(p[i].utf8) }) { return true }
        }
        return false
    }

    /// The common noun right before a verb (over auxiliaries and adverbs) when it heads the subject:
    /// "a drone fired", "the warplanes struck"; `nil` when a name, pronoun or punctuation is there.
    func bareNounSubject(_ verb: Int, lower: Int) -> Int? {
        var q = verb - 1
        while q >= lower, tokens[q].isWord, [.be, .have, .adverb, .modal].contains(tokens[q].function) { q -= 1 }
        guard q >= lower, tokens[q].isWord, !tokens[q].flags.contains(.capitalized), !tokens[q].flags.contains(.number) else { return nil }
        return tokens[q].function == .forceNoun || word(q, in: vocabulary.groundWeapons) ? q : nil
    }

    /// Whether a "by X" or an agent cue ("attributed to", "carried out by") follows the trigger.
    func hasAgentAfter(_ slot: SentenceSlots.Slot, _ s: SentenceSlots) -> Bool {
        var q = slot.end
        while q < min(s.tokenRange.upperBound, slot.end + 4) {
            if tokens[q].function == .by { return true }
            if tokens[q].isPunct { break }
            q += 1
        }
        return s.cues.contains { $0.kind == .agent && $0.start >= slot.end && $0.start - slot.end <= 8 && $0.end - $0.start >= 2 }
    }

    /// Whether a trigger reading's context words (`next:` within 5 words after, `prev:` within 3
    /// words before) are present; a reading without context always matches.
    func contextMatches(_ entry: TriggerRowView, _ slot: SentenceSlots.Slot, _ range: Range<Int>) -> Bool {
        func present(_ words: ContextWords, _ window: Range<Int>) -> Bool {
            for q in window where tokens[q].isWord {
                if words.contains(tokenizer.fold(tokens[q])) { return true }
            }
            return false
        }
        // "the strikes left 17 dead", "leaves 9 dead": a toll, not a withdrawal
        if entry.type == .withdraw && present(ArticleReader.casualtyWords, slot.end..<min(range.upperBound, slot.end + 6)) { return false }
        if !entry.notNext.isEmpty && slot.end < range.upperBound && present(entry.notNext, slot.end..<slot.end + 1) { return false }
        // `not-count`: "leaving about two dozen troops with injuries", "leaving more than a million
        // people without power": what a strike leaves behind is counted; forces leave places
        if entry.notBeforeCount, (slot.end..<min(range.upperBound, slot.end + 5)).contains(where: { tokens[$0].flags.contains(.number) || tokens[$0].function == .number || (tokens[$0].isWord && vocabulary.countWords.contains(tokenizer.fold(tokens[$0]))) }) { return false }
        // the `next:` stretch: six tokens after the trigger, not counting quote marks and the words of a
        // quantity ("fired "a number of appropriate naval missiles"", "launched dozens of drones")
        var nextEnd = slot.end
        var counted = 0
        // (the word lists read once, not through their lazy statics at every token)
        let quantityWords = ArticleReader.quantityWords, withWord = ArticleReader.withWord
        while !entry.next.isEmpty && nextEnd < min(range.upperBound, slot.end + 12) && counted < 6 {
            let t = tokens[nextEnd]
            if !(t.isPunct && t.mark == 0x22) && !(t.isWord && word(nextEnd, in: quantityWords)) { counted += 1 }
            nextEnd += 1
        }
        if !entry.next.isEmpty && !present(entry.next, slot.end..<nextEnd) {
            // "targeted the Metula and Ramim barracks with rockets", "targeted "a vital site" in Haifa with
            // drones": the weapon of a "with" phrase later in the clause
            // (an initial's period is no clause end: "the carrier USS Dwight D. Eisenhower in the
            // northern Red Sea with missiles and drones")
            var q = slot.end
            var with: Int? = nil
            while q < min(range.upperBound, slot.end + 16) {
                if tokens[q].isPunct && tokens[q].mark != 0x22 && tokens[q].mark != 0x2D
                    && !(tokens[q].mark == 0x2E && q - 1 >= slot.end && tokens[q - 1].isWord && tokens[q - 1].end - tokens[q - 1].start == 1 && tokens[q - 1].flags.contains(.capitalized))
                { break }
                if tokens[q].isWord && tokenizer.fold(tokens[q]).elementsEqual(withWord) { with = q; break }
                q += 1
            }
            guard let w = with, present(entry.next, w + 1..<min(range.upperBound, w + 5)) else { return false }
        }
        if !entry.previous.isEmpty && !present(entry.previous, max(range.lowerBound, slot.start - 3)..<slot.start) { return false }
        return true
    }

    /// Prepositions that put an event noun in the background of the clause ("in the attack on
    /// the building", "after the strike", "for the strike"): the clause subject did not do it.
    static let backgroundPrepositions = ReaderWordSet(["in", "for", "after", "since", "during", "following", "amid", "before", "over", "about"])

    static let demonstratives = ReaderWordSet(["this", "these", "that", "those", "such"], fold: false)
    static let indefinites = ReaderWordSet(["a", "an", "some", "several", "many", "another", "other", "any", "each", "every", "both", "all"], fold: false)
    static let strongLocatives = ReaderWordSet(["in", "near", "at", "around", "inside", "outside", "across", "within", "throughout", "including"])

    /// Moves the last person and group forward to this sentence's mentions.
    func updateCoreference(_ k: Int, events: [EventMention] = []) {
        let s = sentences[k]
        let dateHint = s.dates.first?.date.value.flatMap { $0.hasPrefix("--") ? nil : $0 }
        // the sentence's first person and group outside prepositional phrases: its subjects
        var person: EventMention.Actor? = nil
        var group: EventMention.Actor? = nil
        // the candidates `events(in:)` found for this sentence, with the same coreference state
        let cands = candidatesOfSentence?.sentence == k ? candidatesOfSentence!.candidates : candidates(s, dateHint: dateHint)
        candidatesOfSentence = nil
        // (by index: a candidate is copied only when it becomes the person or group)
        for ci in cands.indices where !cands[ci].isPronoun {
            guard let i = cands[ci].actor.index else { continue }
            if !cands[ci].isMedia && !dict.actors.entries[i].country.isEmpty { lastNational = i }
            guard cands[ci].preposition == nil else { continue }
            switch dict.actors.entries[i].kind {
            case .person: if person == nil { person = cands[ci].actor }
            case .armedGroup, .organisation: if group == nil { group = cands[ci].actor }
            default: break
            }
        }
        // "Sheikh Ibrahim al-Hafl": a name the dictionary lacks, after a rank or title, is a person
        if person == nil, let c = cands.first(where: { c in
            !c.isPronoun && c.actor.index == nil && c.preposition == nil && c.slot.map { s.slots[$0].unknown } == true
                && s.cues.contains { $0.kind == .honorific && $0.end == c.start }
        }) {
            person = c.actor
        }
        // "… were killed in an attack by ISIS remnants": the group that did the sentence's strike or
        // attack is the one "the militants" refers to next, before a victim named as a subject
        func doer(_ m: EventMention) -> EventMention.Actor? {
            guard EventMerger.family(m.type) == 1, !m.anaphoric, let a = m.actor, let i = a.index, [.armedGroup].contains(dict.actors.entries[i].kind) else { return nil }
            return a
        }
        if let a = events.lazy.filter({ !$0.background }).compactMap(doer).first ?? events.lazy.compactMap(doer).first { group = a }
        if let person { lastPerson = person }
        if let group { lastGroup = group }
        // done with the sentence's candidates: their storage serves the next sentence's
        candidateSpare = cands
    }
}
