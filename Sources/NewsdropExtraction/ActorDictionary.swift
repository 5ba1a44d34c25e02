import Foundation

/// The actors newsdrop knows, with every alias and adjective folded for lookup.
public struct ActorDictionary: Sendable {
    /// All entries, in load order.
    public let entries: [ActorEntry]
    /// Titles that point at people, bounded in time.
    public let titles: [ActorTitle]
    let indexByID: [String: Int]
    let byFoldedName: [String: [Int]]
    let titlesByFoldedPhrase: [String: [Int]]
    /// Per country code, its national armed force: the first `armed-force` row affiliated directly
    /// with that country's state ("the army" in a Lebanese context is the Lebanese Armed Forces).
    let nationalForceByCountry: [String: Int]
    /// Per country code, its `state` row ("the government" in a Syrian context is Syria).
    let stateByCountry: [String: Int]

    init(entries: [ActorEntry], titles: [ActorTitle]) {
        self.entries = entries
        self.titles = titles
        var ids: [String: Int] = [:]
        var names: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() {
            ids[e.id] = i
            for n in [e.name, e.id.replacingOccurrences(of: "-", with: " ")] + e.aliases + e.adjectives {
                let k = NameFolding.fold(n)
                if !k.isEmpty && !(names[k]?.contains(i) ?? false) { names[k, default: []].append(i) }
            }
        }
        var tp: [String: [Int]] = [:]
        for (i, t) in titles.enumerated() {
            for p in t.phrases { tp[NameFolding.fold(p), default: []].append(i) }
        }
        var forces: [String: Int] = [:]
        for (i, e) in entries.enumerated() where e.kind == .armedForce && !e.country.isEmpty && forces[e.country] == nil {
            if let s = ids[e.affiliation], entries[s].kind == .state, entries[s].country == e.country { forces[e.country] = i }
        }
        nationalForceByCountry = forces
        var states: [String: Int] = [:]
        for (i, e) in entries.enumerated() where e.kind == .state && !e.country.isEmpty && states[e.country] == nil { states[e.country] = i }
        stateByCountry = states
        indexByID = ids
        byFoldedName = names
        titlesByFoldedPhrase = tp
    }

    /// The national armed force of the country of actor `i` (itself when it is one), if the
    /// dictionary has one.
    /// The group the dictionary names "<name> in <country>" or "<name> of <country>" for the
    /// state `state` ("Iraq's Islamic Resistance" → Islamic Resistance in Iraq), if any.
    func group(named name: String, of state: Int) -> Int? {
        let country = entries[state].name
        for form in ["\(name) in \(country)", "\(name) of \(country)"] {
            if let ids = byFoldedName[NameFolding.fold(form)], let i = ids.first(where: { [.armedGroup, .armedForce, .organisation].contains(entries[$0].kind) }) { return i }
        }
        return nil
    }

    func nationalForce(of i: Int) -> Int? {
        let c = entries[i].country
        return c.isEmpty ? nil : nationalForceByCountry[c]
    }

    /// The state of the country of actor `i`, if the dictionary has one.
    func state(of i: Int) -> Int? {
        let c = entries[i].country
        return c.isEmpty ? nil : stateByCountry[c]
    }

    /// The entry with this id.
    public func entry(id: String) -> ActorEntry? { indexByID[id].map { entries[$0] } }

    /// The ids of the actors a name, alias, adjective or title may mean (`Ghaani` → `esmail-qaani`,
    /// `the Quds Force commander` → its holders, most recent first). Empty when unknown.
    public func resolve(_ text: String) -> [String] {
        var k = NameFolding.fold(text)
        var out: [String] = (byFoldedName[k] ?? []).map { entries[$0].id }
        if out.isEmpty, k.hasPrefix("thi") {
            k.removeFirst(3)
            out = (byFoldedName[k] ?? []).map { entries[$0].id }
        }
        if let ts = titlesByFoldedPhrase[k] {
            for t in ts.sorted(by: { (titles[$0].from ?? "") > (titles[$1].from ?? "") }) where !out.contains(titles[t].actor) {
                out.append(titles[t].actor)
            }
        }
        return out
    }

    /// The holder of a title on `date` (partial ISO), or the most recent holder when `date` is nil
    /// or no row covers it.
    func holder<Titles: Collection<Int>>(ofTitles indices: Titles, on date: String?) -> Int? {
        let sorted = indices.sorted { (titles[$0].from ?? "") > (titles[$1].from ?? "") }
        if let date, date.count >= 4, let t = sorted.first(where: { titles[$0].holds(on: date) }) {
            return indexByID[titles[t].actor]
        }
        return sorted.first.flatMap { indexByID[titles[$0].actor] }
    }

    /// Whether `a` is `b`, or belongs to it through the affiliation chain, or the other way round.
    func related(_ a: Int, _ b: Int) -> Bool {
        if a == b { return true }
        return isWithin(a, b) || isWithin(b, a)
    }

    /// Whether `a`'s affiliation chain reaches `b` (or `a`'s country state is `b`).
    func isWithin(_ a: Int, _ b: Int) -> Bool {
        var seen = 0
        var cur = a
        while seen < 8, let next = indexByID[entries[cur].affiliation] {
            if next == b { return true }
            cur = next
            seen += 1
        }
        return false
    }
}
