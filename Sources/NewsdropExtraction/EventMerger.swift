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

    func merge(_ mentions: [EventMention]) -> [EventMention] {
        var events: [EventMention] = []
        for m in mentions where !m.anaphoric {
            if let i = bestMatch(events, m, anaphoric: false) {
                events[i] = combine(events[i], m)
            } else {
                events.append(m)
            }
        }
        for m in mentions where m.anaphoric && !m.fromHeading {
            // an anaphor refers back: not to an event told after it ("The attack on Saturday … came a
            // day after a Houthi drone hit")
            if let i = bestMatch(events, m, anaphoric: true, among: { !$0.anaphoric && $0.order <= m.order }) {
                events[i] = combine(events[i], m)
            } else if let i = bestMatch(events, m, anaphoric: true) {
                events[i] = combine(events[i], m)
            } else if m.actor != nil {
                // "the strike", "the talks" with nobody doing them refer to something untold: dropped
                events.append(m)
            }
        }
        // headlines summarise the body: they add an event only when the body tells none of its kind
        for m in mentions where m.fromHeading {
            if let i = bestMatch(events, m, anaphoric: true, among: { !$0.anaphoric }) {
                events[i] = combine(events[i], m)
            } else if !events.contains(where: { !$0.fromHeading && EventMerger.family($0.type) == EventMerger.family(m.type) }) {
                if let i = bestMatch(events, m, anaphoric: true) { events[i] = combine(events[i], m) } else { events.append(m) }
            }
        }
        return events.sorted { $0.order < $1.order }
    }

    /// The compatible event among those `among` accepts that shares the most with `m`: the same
    /// sentence, then the same place, a containing place, then any; ties go to the earliest.
    func bestMatch(_ events: [EventMention], _ m: EventMention, anaphoric: Bool, among eligible: (EventMention) -> Bool = { _ in true }) -> Int? {
        // "The strike killed four": an anaphor refers to the nearest compatible event told before it
        var nearest: Int? = nil
        if anaphoric {
            for i in events.indices where events[i].order < m.order && (nearest == nil || events[i].order > events[nearest!].order)
                && eligible(events[i]) && compatible(events[i], m, anaphoric: true)
            {
                nearest = i
            }
        }
        var best: (Int, Int)? = nil
        for i in events.indices where eligible(events[i]) && compatible(events[i], m, anaphoric: anaphoric) {
            var score = i == nearest ? 3 : 0
            if events[i].sentenceIndex == m.sentenceIndex { score += 8 }
            if let a = events[i].place, let b = m.place {
                if a.index == b.index { score += 4 } else if dictionaries.gazetteer.eitherContains(a.index, b.index) { score += 2 }
            } else { score += 1 }
            if let a = events[i].actor?.index, let b = m.actor?.index, a == b { score += 1 }
            if best == nil || score > best!.1 { best = (i, score) }
        }
        return best?.0
    }

    static func family(_ t: EventType) -> Int {
        switch t {
        case .airstrike, .attack: 1
        default: 100 + EventType.allCases.firstIndex(of: t)!
        }
    }

    func actorsCompatible(_ a: EventMention.Actor?, _ b: EventMention.Actor?) -> Bool {
        guard let a, let b else { return true }
        if let x = a.index, let y = b.index { return dictionaries.actors.related(x, y) }
        return NameFolding.fold(a.name) == NameFolding.fold(b.name)
    }

    func datesCompatible(_ a: EventDate?, _ b: EventDate?) -> Bool {
        guard let x = a?.value, let y = b?.value else { return true }
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

    func placesCompatible(_ a: EventMention.Place?, _ b: EventMention.Place?, loose: Bool) -> Bool {
        guard let a, let b else { return true }
        if a.index == b.index { return true }
        let g = dictionaries.gazetteer
        let pa = g.entries[a.index], pb = g.entries[b.index]
        if g.contains(pa, pb) || g.contains(pb, pa) { return loose }
        // a country or a broad region ("eastern Syria") may hold any place of its country; a
        // governorate holds only its own places (checked above): Sinjar is not in Duhok province
        if loose && !pa.country.isEmpty && pa.country == pb.country && (pa.kind == .country || pb.kind == .country || pa.kind == .region || pb.kind == .region) { return true }
        return false
    }

    func compatible(_ e: EventMention, _ m: EventMention, anaphoric: Bool) -> Bool {
        // "the killing" refers back to the strike that killed
        let killBack = anaphoric && m.type == .kill && EventMerger.family(e.type) == 1
        guard EventMerger.family(e.type) == EventMerger.family(m.type) || killBack else { return false }
        guard actorsCompatible(e.actor, m.actor) else { return false }
        guard datesCompatible(e.date, m.date) else { return false }
        // two meetings with different people: distinct events
        if e.type == .meet && m.type == .meet, let a = e.target, let b = m.target, !actorsCompatible(a, b) { return false }
        if e.sentenceIndex == m.sentenceIndex && (e.background || m.background) { return false }
        // "In a separate incident, …": not the event of an earlier sentence
        if m.separate && e.sentenceIndex < m.sentenceIndex { return false }
        // "Israeli artillery shelled Naqoura, and an Israeli strike near Baalbek wounded two": one actor's
        // two events in a sentence, each at a place of its own, stay two
        if e.sentenceIndex == m.sentenceIndex, e.coordinateClause || m.coordinateClause, e.placeStrength >= 3, m.placeStrength >= 3, let a = e.place, let b = m.place, a.index != b.index {
            let g = dictionaries.gazetteer
            if !g.contains(g.entries[a.index], g.entries[b.index]) && !g.contains(g.entries[b.index], g.entries[a.index]) { return false }
        }
        if e.sentenceIndex == m.sentenceIndex && e.actor != nil && m.actor != nil { return true }
        // "a strike hit a motorcycle in Majdal Selm" (nobody named, a place) is not the placeless
        // event of a named actor told in another sentence
        if !anaphoric && e.sentenceIndex != m.sentenceIndex && (e.actor == nil) != (m.actor == nil) {
            let anonymous = e.actor == nil ? e : m, named = e.actor == nil ? m : e
            if let a = anonymous.place, anonymous.placeStrength >= 2 {
                // nor the event of a named actor somewhere else: only the same place, or one inside the other
                guard let b = named.place else { return false }
                let g = dictionaries.gazetteer
                if a.index != b.index && !g.contains(g.entries[a.index], g.entries[b.index]) && !g.contains(g.entries[b.index], g.entries[a.index]) { return false }
            }
        }
        let loose = anaphoric || EventMerger.family(e.type) == 1 || e.type == .withdraw
        if m.placeStrength <= 1 || e.placeStrength <= 1 {
            // an inherited place joins the event it came from, or any event without a place
            if let a = e.place, let b = m.place, a.index != b.index { return placesCompatible(e.place, m.place, loose: loose) }
            return true
        }
        return placesCompatible(e.place, m.place, loose: loose)
    }

    func combine(_ e: EventMention, _ m: EventMention) -> EventMention {
        var r = e
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
        if e.anaphoric && !m.anaphoric {
            r.sentence = m.sentence
            r.sentenceOffset = m.sentenceOffset
            r.order = m.order
            r.anaphoric = false
        }
        return r
    }
}
