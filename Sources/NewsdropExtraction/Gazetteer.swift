/// The places newsdrop knows (GeoNames rows and hand-kept sites), folded for lookup.
public struct Gazetteer: Sendable {
    /// All entries, in load order.
    public let entries: [PlaceEntry]
    let byFoldedName: [String: [Int]]
    let countryIndex: [String: Int]
    let adminIndex: [String: [Int]]
    /// Folded forms of every admin column and admin1 name, so that `contains` folds nothing.
    let foldedAdmins: [String: String]
    /// The folded name and aliases of every entry, entry after entry (`foldedNamesStart[i]`
    /// is where entry i's begin), kept so that the lexicon does not fold them again.
    private let foldedNames: [String]
    private let foldedNamesStart: [Int32]

    init(entries: [PlaceEntry]) {
        self.entries = entries
        var names: [String: [Int]] = [:]
        var countries: [String: Int] = [:]
        var admins: [String: [Int]] = [:]
        var folded: [String: String] = [:]
        var foldedNames: [String] = []
        var foldedNamesStart: [Int32] = []
        for (i, e) in entries.enumerated() {
            foldedNamesStart.append(Int32(foldedNames.count))
            if !e.admin.isEmpty && folded[e.admin] == nil { folded[e.admin] = NameFolding.fold(e.admin) }
            if e.kind == .admin1 && folded[e.name] == nil { folded[e.name] = NameFolding.fold(e.name) }
            for n in [e.name] + e.aliases {
                let k = NameFolding.fold(n)
                foldedNames.append(k)
                if !k.isEmpty && !(names[k]?.contains(i) ?? false) { names[k, default: []].append(i) }
            }
            if e.kind == .country && !e.country.isEmpty {
                if let old = countries[e.country], entries[old].population >= e.population { } else { countries[e.country] = i }
            }
            if e.kind == .admin1 { admins[NameFolding.fold(e.name), default: []].append(i) }
        }
        byFoldedName = names
        countryIndex = countries
        adminIndex = admins
        foldedAdmins = folded
        foldedNamesStart.append(Int32(foldedNames.count))
        self.foldedNames = foldedNames
        self.foldedNamesStart = foldedNamesStart
    }

    /// The folded forms of entry `i`'s name and aliases, in that order.
    func foldedNames(of i: Int) -> ArraySlice<String> {
        foldedNames[Int(foldedNamesStart[i])..<Int(foldedNamesStart[i + 1])]
    }

    /// The places a name may mean, best first: larger population, then more specific kind.
    public func resolve(_ text: String) -> [PlaceEntry] {
        candidates(NameFolding.fold(text)).map { entries[$0] }
    }

    func candidates(_ folded: String) -> [Int] {
        guard let list = byFoldedName[folded] else { return [] }
        return list.sorted { a, b in
            let ea = entries[a], eb = entries[b]
            if ea.population != eb.population { return ea.population > eb.population }
            return ea.kind.specificity > eb.kind.specificity
        }
    }

    /// The country entry for an ISO code.
    public func country(code: String) -> PlaceEntry? { countryIndex[code].map { entries[$0] } }

    /// Whether `area` contains `place`: the same entry, a country and a place in it, or an
    /// admin region and a place whose admin column names it. For `--place Syria --within`.
    public func contains(_ area: PlaceEntry, _ place: PlaceEntry) -> Bool {
        if area.id == place.id { return true }
        switch area.kind {
        case .country:
            return !area.country.isEmpty && area.country == place.country && place.kind != .country
        case .admin1:
            return area.country == place.country && !place.admin.isEmpty
                && (place.admin == area.name
                    || (foldedAdmins[place.admin] ?? NameFolding.fold(place.admin)) == (foldedAdmins[area.name] ?? NameFolding.fold(area.name)))
        default:
            return false
        }
    }

    /// Whether one of the entries at `a` and `b` contains the other (see `contains`).
    func eitherContains(_ a: Int, _ b: Int) -> Bool {
        contains(entries[a], entries[b]) || contains(entries[b], entries[a])
    }

    /// The entry with this id.
    public func entry(id: String) -> PlaceEntry? { entries.first { $0.id == id } }
}
