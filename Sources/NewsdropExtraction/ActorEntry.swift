/// One row of `actors.tsv`: a person, state, force, group, organisation or media outlet.
public struct ActorEntry: Sendable, Hashable {
    /// What kind of actor a row describes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case person, state
        case armedForce = "armed-force"
        case armedGroup = "armed-group"
        case organisation
        case media
    }
    public var id: String
    public var name: String
    public var kind: Kind
    /// ISO 3166-1 alpha-2, may be empty.
    public var country: String
    /// The id of the actor this one belongs to (`quds-force` → `irgc`), may be empty.
    public var affiliation: String
    public var aliases: [String]
    public var adjectives: [String]

    public init(id: String, name: String, kind: Kind, country: String, affiliation: String, aliases: [String], adjectives: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.affiliation = affiliation
        self.aliases = aliases
        self.adjectives = adjectives
    }

    static let columns = ["id", "name", "kind", "country", "affiliation", "aliases", "adjectives"]

    init(row: TSVRow) throws {
        guard !row(1).isEmpty else { throw row.error("the name column is empty") }
        guard let kind = Kind(rawValue: row(2)) else {
            throw row.error("unknown kind '\(row(2))'; use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let country = row(3)
        if !country.isEmpty && (country.count != 2 || country.uppercased() != country) {
            throw row.error("country '\(country)' is not an ISO 3166-1 alpha-2 code like SY")
        }
        self.init(
            id: row(0), name: row(1), kind: kind, country: country, affiliation: row(4),
            aliases: TSVTable.list(row(5)), adjectives: TSVTable.list(row(6)))
    }
}
