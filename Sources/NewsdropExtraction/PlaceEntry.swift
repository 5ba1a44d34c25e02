/// One row of `places.tsv` / `places-extra.tsv` (the gazetteer format).
public struct PlaceEntry: Sendable, Hashable {
    /// How big a place is; used to prefer the specific over the general.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case country, admin1, region, city, site, water

        /// Higher is more specific.
        var specificity: Int {
            switch self {
            case .site: 5
            case .city: 4
            case .admin1: 3
            case .water: 2
            case .region: 2
            case .country: 1
            }
        }
        /// An area that may contain other places.
        var isArea: Bool { self == .country || self == .admin1 || self == .region }
    }
    /// GeoNames id as digits, or `x-slug` for hand-kept rows.
    public var id: String
    public var name: String
    public var kind: Kind
    /// ISO 3166-1 alpha-2, may be empty.
    public var country: String
    /// The containing governorate or region name, may be empty.
    public var admin: String
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int
    public var aliases: [String]

    /// The GeoNames id, `nil` for hand-kept (`x-`) rows.
    public var geonamesID: Int? { Int(id) }

    static let columns = ["id", "name", "kind", "country", "admin", "lat", "lon", "population", "aliases"]

    init(row: TSVRow) throws {
        id = row(0)
        name = row(1)
        if name.isEmpty { throw row.error("the name column is empty") }
        guard let k = Kind(rawValue: row(2)) else {
            throw row.error("unknown kind '\(row(2))'; use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        kind = k
        country = row(3)
        admin = row(4)
        if row(5).isEmpty { latitude = nil } else {
            guard let v = Double(row(5)), v >= -90, v <= 90 else { throw row.error("lat '\(row(5))' is not a latitude") }
            latitude = v
        }
        if row(6).isEmpty { longitude = nil } else {
            guard let v = Double(row(6)), v >= -180, v <= 180 else { throw row.error("lon '\(row(6))' is not a longitude") }
            longitude = v
        }
        if row(7).isEmpty { population = 0 } else {
            guard let v = Int(row(7)), v >= 0 else { throw row.error("population '\(row(7))' is not a whole number") }
            population = v
        }
        aliases = TSVTable.list(row(8))
    }
}
