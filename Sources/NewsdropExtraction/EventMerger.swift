/// Merges mentions of one event into one record (SPEC: one event per event).
///
/// Two mentions are one event when their types agree (an `attack` and an `airstrike` are one
/// family), their actors are compatible (one unknown, the same, or one belongs to the other),
/// their dates do not conflict, and their places are compatible: one unknown, the same, or — for
/// strikes and attacks, where reports narrow down the location — one inside the other.
/// Anaphoric mentions ("the visit", "this attack", headlines) merge into any compatible event of
/// the same type in the same country; they are kept as events of their own only when nothing
/// else reports them. Mentions of the same type by the same actor in one sentence are one event.
struct EventMerger: Sendable {
    let dictionaries: Dictionaries

    /// The events of an article's mentions; `bytes` and `tokens` are the article's, whose words
    /// the mentions' unknown names are (folded when compared).
    func merge(_ mentions: [EventMention], bytes: [UInt8], tokens: [Token]) -> [EventMention] {
        // The tests below read each mention's and each event's `Key` (plain values, copied without
        // reference counting) instead of copying `EventMention`s per comparison; a mention is
        // copied only when it becomes or joins an event.
        var state = Merging(actors: dictionaries.actors, gazetteer: dictionaries.gazetteer, bytes: bytes, tokens: tokens)
        let keys = mentions.map { state.key($0) }
        var events: [EventMention] = []
        events.reserveCapacity(mentions.count)
        for j in mentions.indices where !keys[j].anaphoric {
            if let i = state.bestMatch(keys[j], anaphoric: false, among: .all) {
                combine(into: &events[i], mentions[j])
                state.keys[i] = state.key(events[i])
            } else {
                events.append(mentions[j])
                state.keys.append(keys[j])
            }
        }
        for j in mentions.indices where keys[j].anaphoric && !keys[j].fromHeading {
            let m = keys[j]
            // an anaphor refers back: not to an event told after it ("The attack on Saturday … came a
            // day after a Houthi drone hit")
            if let i = state.bestMatch(m, anaphoric: true, among: .toldBefore(m.order)) ?? state.bestMatch(m, anaphoric: true, among: .all) {
                combine(into: &events[i], mentions[j])
                state.keys[i] = state.key(events[i])
            } else if m.actorSlot >= 0 || m.family == 1 && m.place >= 0 && (mentions[j].fatalities ?? 0) > 0
                && !state.keys.contains(where: { $0.family == 1 && !$0.anaphoric && $0.order <= m.order && m.sentenceIndex - $0.sentenceIndex <= 1 })
            {
                // "the strike", "the talks" with nobody doing them refer to something untold: dropped;
                // but "The attack on the police headquarters in Rask killed five people", with a
                // place and a toll of its own and no strike or attack told just before it to refer
                // to, is the news itself
                events.append(mentions[j])
                state.keys.append(m)
            }
        }
        // headlines summarise the body: they add an event only when the body tells none of its kind
        for j in mentions.indices where keys[j].fromHeading {
            let m = keys[j]
            if let i = state.bestMatch(m, anaphoric: true, among: .nonAnaphoric) {
                combine(into: &events[i], mentions[j])
                state.keys[i] = state.key(events[i])
            } else if !state.keys.contains(where: { !$0.fromHeading && $0.family == m.family }) {
                if let i = state.bestMatch(m, anaphoric: true, among: .all) {
                    combine(into: &events[i], mentions[j])
                    state.keys[i] = state.key(events[i])
                } else {
                    events.append(mentions[j])
                    state.keys.append(m)
                }
            }
        }
        return events.sorted { $0.order < $1.order }
    }

    /// What the merger compares of a mention, as plain values: actors and targets as dictionary rows
    /// and slots of `Merging.names` (their names, folded when first compared), the place as a
    /// gazetteer row, the date as a slot of `Merging.dates`.
    struct Key {
        var type: EventType
        var family: Int
        /// `Merging.names` slot of the actor's name, -1 when there is no actor.
        var actorSlot: Int
        /// The actor's dictionary row, -1 for an unknown proper noun (or no actor).
        var actorRow: Int
        var targetSlot: Int
        var targetRow: Int
        /// Gazetteer row, -1 when there is no place.
        var place: Int
        var placeStrength: Int
        /// `Merging.dates` slot of the date's value, -1 when there is none.
        var date: Int
        var sentenceIndex: Int
        var order: Int
        var anaphoric: Bool
        var fromHeading: Bool
        var background: Bool
        var coordinateClause: Bool
        var separate: Bool
    }

    /// Which events `Merging.bestMatch` may choose.
    enum Eligible {
        case all
        /// Events not anaphoric and told at or before this order.
        case toldBefore(Int)
        case nonAnaphoric

        func accepts(_ e: Key) -> Bool {
            switch self {
            case .all: true
            case .toldBefore(let order): !e.anaphoric && e.order <= order
            case .nonAnaphoric: !e.anaphoric
            }
        }
    }

    /// The keys of the events merged so far, and the strings they refer to.
    struct Merging {
        /// The merger's actors and places, held here once: read through `merger.dictionaries` in a
        /// mutating method, each call copied the struct (a retain and a release per array). (Not
        /// the whole `EventMerger`: copying and destroying its `Dictionaries` cost ~5,000
        /// instructions per merge.)
        let actors: ActorDictionary
        let gazetteer: Gazetteer
        /// The article's bytes and tokens: an unknown name's words.
        let bytes: [UInt8]
        let tokens: [Token]
        var keys: [Key] = []
        /// The actors (and targets) whose names the keys' slots stand for.
        var names: [EventMention.Actor] = []
        /// `NameFolding.fold` of the names of `names`, made when first needed.
        var folded: [String?] = []
        var dates: [String] = []
        /// `actors.related`, `gazetteer.eitherContains` and `merger.placeRowsCompatible` answers of
        /// this merge (each reads the rows' strings).
        var memo = PairMemo()

        init(actors: ActorDictionary, gazetteer: Gazetteer, bytes: [UInt8], tokens: [Token]) {
            self.actors = actors
            self.gazetteer = gazetteer
            self.bytes = bytes
            self.tokens = tokens
            names.reserveCapacity(64)
            folded.reserveCapacity(64)
        }

        mutating func key(_ m: EventMention) -> Key {
            var actorSlot = -1, actorRow = -1, targetSlot = -1, targetRow = -1, date = -1
            if let a = m.actor {
                actorSlot = names.count
                actorRow = a.index ?? -1
                names.append(a)
                folded.append(nil)
            }
            if let t = m.target {
                targetSlot = names.count
                targetRow = t.index ?? -1
                names.append(t)
                folded.append(nil)
            }
            if let v = m.date?.value {
                date = dates.count
                dates.append(v)
            }
            return Key(
                type: m.type, family: EventMerger.family(m.type), actorSlot: actorSlot, actorRow: actorRow,
                targetSlot: targetSlot, targetRow: targetRow, place: m.place?.index ?? -1, placeStrength: m.placeStrength,
                date: date, sentenceIndex: m.sentenceIndex, order: m.order, anaphoric: m.anaphoric,
                fromHeading: m.fromHeading, background: m.background, coordinateClause: m.coordinateClause, separate: m.separate)
        }

        mutating func fold(_ slot: Int) -> String {
            if let f = folded[slot] { return f }
            let a = names[slot]
            let name = a.index.map { actors.entries[$0].name }
                ?? String(decoding: bytes[Int(tokens[Int(a.nameWords.start)].start)..<Int(tokens[Int(a.nameWords.end) - 1].end)], as: UTF8.self)
            let f = NameFolding.fold(name)
            folded[slot] = f
            return f
        }

        /// Whether two keys' actors (or targets) may be one: either missing, related rows, or the
        /// same folded name.
        mutating func actorsCompatible(_ slotA: Int, _ rowA: Int, _ slotB: Int, _ rowB: Int) -> Bool {
            if slotA < 0 || slotB < 0 { return true }
            if rowA >= 0 && rowB >= 0 {
                if let v = memo.answer(0, rowA, rowB) { return v }
                let v = actors.related(rowA, rowB)
                memo.remember(0, rowA, rowB, v)
                return v
            }
            return fold(slotA) == fold(slotB)
        }

        /// The compatible event among those `eligible` accepts that shares the most with `m`: the
        /// same sentence, then the same place, a containing place, then any; ties go to the earliest.
        mutating func bestMatch(_ m: Key, anaphoric: Bool, among eligible: Eligible) -> Int? {
            // "The strike killed four": an anaphor refers to the nearest compatible event told before it
            var nearest = -1
            if anaphoric {
                for i in keys.indices where keys[i].order < m.order && (nearest < 0 || keys[i].order > keys[nearest].order)
                    && eligible.accepts(keys[i]) && compatible(i, m, anaphoric: true)
                {
                    nearest = i
                }
            }
            var best = -1, bestScore = 0
            for i in keys.indices where eligible.accepts(keys[i]) && compatible(i, m, anaphoric: anaphoric) {
                let e = keys[i]
                var score = i == nearest ? 3 : 0
                if e.sentenceIndex == m.sentenceIndex { score += 8 }
                if e.place >= 0 && m.place >= 0 {
                    if e.place == m.place { score += 4 } else if eitherContains(e.place, m.place) { score += 2 }
                } else { score += 1 }
                if e.actorRow >= 0 && m.actorRow >= 0 && e.actorRow == m.actorRow { score += 1 }
                if best < 0 || score > bestScore { best = i; bestScore = score }
            }
            return best < 0 ? nil : best
        }

        /// Whether event `i` and the mention `m` may be one event.
        mutating func compatible(_ i: Int, _ m: Key, anaphoric: Bool) -> Bool {
            let e = keys[i]
            // "the killing" refers back to the strike that killed
            let killBack = anaphoric && m.type == .kill && e.family == 1
            guard e.family == m.family || killBack else { return false }
            guard actorsCompatible(e.actorSlot, e.actorRow, m.actorSlot, m.actorRow) else { return false }
            if e.date >= 0 && m.date >= 0 && !EventMerger.dateValuesCompatible(dates[e.date], dates[m.date]) { return false }
            // two meetings with different people: distinct events
            if e.type == .meet && m.type == .meet && e.targetSlot >= 0 && m.targetSlot >= 0
                && !actorsCompatible(e.targetSlot, e.targetRow, m.targetSlot, m.targetRow) { return false }
            if e.sentenceIndex == m.sentenceIndex && (e.background || m.background) { return false }
            // "In a separate incident, …": not the event of an earlier sentence
            if m.separate && e.sentenceIndex < m.sentenceIndex { return false }
            // "Israeli artillery shelled Naqoura, and an Israeli strike near Baalbek wounded two": one actor's
            // two events in a sentence, each at a place of its own, stay two
            if e.sentenceIndex == m.sentenceIndex, e.coordinateClause || m.coordinateClause, e.placeStrength >= 3, m.placeStrength >= 3,
                e.place >= 0, m.place >= 0, e.place != m.place
            {
                if !eitherContains(e.place, m.place) { return false }
            }
            let eHas = e.actorSlot >= 0, mHas = m.actorSlot >= 0
            if e.sentenceIndex == m.sentenceIndex && eHas && mHas { return true }
            // "a strike hit a motorcycle in Majdal Selm" (nobody named, a place) is not the placeless
            // event of a named actor told in another sentence
            if !anaphoric && e.sentenceIndex != m.sentenceIndex && eHas != mHas {
                let anonymous = eHas ? m : e, named = eHas ? e : m
                if anonymous.place >= 0, anonymous.placeStrength >= 2 {
                    // nor the event of a named actor somewhere else: only the same place, or one inside the other
                    guard named.place >= 0 else { return false }
                    if anonymous.place != named.place && !eitherContains(anonymous.place, named.place) { return false }
                }
            }
            let loose = anaphoric || e.family == 1 || e.type == .withdraw
            if m.placeStrength <= 1 || e.placeStrength <= 1 {
                // an inherited place joins the event it came from, or any event without a place
                if e.place >= 0, m.place >= 0, e.place != m.place { return placeRowsCompatible(e.place, m.place, loose: loose) }
                return true
            }
            if e.place < 0 || m.place < 0 { return true }
            return placeRowsCompatible(e.place, m.place, loose: loose)
        }

        /// `gazetteer.eitherContains(a, b)`, remembered.
        mutating func eitherContains(_ a: Int, _ b: Int) -> Bool {
            if let v = memo.answer(1, a, b) { return v }
            let v = gazetteer.eitherContains(a, b)
            memo.remember(1, a, b, v)
            return v
        }

        /// `EventMerger.placeRowsCompatible(a, b, loose:in:)`, remembered.
        mutating func placeRowsCompatible(_ a: Int, _ b: Int, loose: Bool) -> Bool {
            let q = loose ? 3 : 2
            if let v = memo.answer(q, a, b) { return v }
            let v = EventMerger.placeRowsCompatible(a, b, loose: loose, in: gazetteer)
            memo.remember(q, a, b, v)
            return v
        }
    }

    static func family(_ t: EventType) -> Int {
        switch t {
        // 100 + the type's position in `EventType.allCases` (a switch: no array per call)
        case .airstrike, .attack: 1
        case .visit: 100
        case .meet: 101
        case .exercise: 102
        case .kill: 105
        case .withdraw: 106
        case .deploy: 107
        case .establish: 108
        case .accuse: 109
        case .support: 110
        case .investigate: 111
        }
    }

    static func dateValuesCompatible(_ x: String, _ y: String) -> Bool {
        let xs = x.hasPrefix("--") ? String(x.dropFirst(2)) : x
        let ys = y.hasPrefix("--") ? String(y.dropFirst(2)) : y
        if x.hasPrefix("--") != y.hasPrefix("--") {
            // compare month(-day) parts only
            let xm = x.hasPrefix("--") ? xs : String(xs.dropFirst(5))
            let ym = y.hasPrefix("--") ? ys : String(ys.dropFirst(5))
            return xm.hasPrefix(ym) || ym.hasPrefix(xm)
        }
        return xs.hasPrefix(ys) || ys.hasPrefix(xs)
    }

    /// Whether places `a` and `b` (gazetteer rows) may be one event's: the same, one inside the
    /// other (only when `loose`), or — when `loose` — a country or broad region and a place of its country.
    static func placeRowsCompatible(_ a: Int, _ b: Int, loose: Bool, in g: Gazetteer) -> Bool {
        if a == b { return true }
        let pa = g.entries[a], pb = g.entries[b]
        if g.contains(pa, pb) || g.contains(pb, pa) { return loose }
        // a country or a broad region ("eastern Syria") may hold any place of its country; a
        // governorate holds only its own places (checked above): Sinjar is not in Duhok province
        if loose && !pa.country.isEmpty && pa.country == pb.country && (pa.kind == .country || pb.kind == .country || pa.kind == .region || pb.kind == .region) { return true }
        return false
    }

    /// Combines mention `m` into event `r` in place.
    func combine(into r: inout EventMention, _ m: EventMention) {
        let wasAnaphoric = r.anaphoric
        // a strike named in passing ("in response to the bombardment") does not retype the clause's attack
        if r.type == .attack && m.type == .airstrike && !m.anaphoric { r.type = .airstrike; r.cameo = m.cameo }
        if r.type == .kill && EventMerger.family(m.type) == 1 { r.type = m.type; r.cameo = m.cameo }
        if r.actor == nil { r.actor = m.actor } else if let a = r.actor, a.index == nil, let b = m.actor, b.index != nil { r.actor = b }
        if r.target == nil { r.target = m.target }
        if let p = m.place {
            if r.place == nil || m.placeStrength > r.placeStrength {
                r.place = p
                r.placeStrength = m.placeStrength
            } else if let q = r.place, m.placeStrength == r.placeStrength, EventMerger.family(r.type) == 1 {
                let g = dictionaries.gazetteer
                if g.contains(g.entries[q.index], g.entries[p.index]) { r.place = p }
                // "raids on towns in south Lebanon" … "a strike hit a house in Majdal Selm": a country or broad
                // region narrowed to a place of its country, so that a second place is a second strike
                else if [.country, .region].contains(g.entries[q.index].kind), ![.country, .region].contains(g.entries[p.index].kind),
                    g.entries[q.index].country == g.entries[p.index].country { r.place = p }
            }
        }
        if r.date?.value == nil, m.date?.value != nil { r.date = m.date } else if r.date == nil { r.date = m.date }
        // "killed a senior commander" … "killing three people, including the commander": the larger toll
        if let f = m.fatalities { r.fatalities = max(r.fatalities ?? 0, f) }
        r.background = r.background && m.background
        if r.source == nil { r.source = m.source }
        if r.modality == .asserted && m.modality != .asserted && m.modality != .expected { r.modality = m.modality }
        if wasAnaphoric && !m.anaphoric {
            r.sentence = m.sentence
            r.sentenceOffset = m.sentenceOffset
            r.order = m.order
            r.anaphoric = false
        }
    }
}
