/// One row of `furniture.tsv`: words that mark lines of a scraped page outside the article body.
public struct FurnitureEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A short line starting with this opens the comment section (the rest is furniture).
        case comments
        /// A line starting with this links to another article.
        case teaser
        /// A line starting with this is a photo caption or credit.
        case caption
        /// A line starting with this is a byline or date line.
        case byline
        /// A short line containing this is a share/subscribe/menu button.
        case button
    }
    public var id: String
    public var phrases: [String]
    public var kind: Kind

    static let columns = ["id", "phrases", "kind"]

    init(row: TSVRow) throws {
        id = row(0)
        phrases = TSVTable.list(row(1))
        if phrases.isEmpty { throw row.error("the phrases column is empty") }
        guard let k = Kind(rawValue: row(2)) else {
            throw row.error("unknown kind '\(row(2))'; use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        kind = k
    }
}
