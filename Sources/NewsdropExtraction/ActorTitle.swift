/// One row of `titles.tsv`: phrases that name a role, and who held it when.
public struct ActorTitle: Sendable, Hashable {
    public var id: String
    public var phrases: [String]
    /// The actor id of the holder.
    public var actor: String
    /// ISO date the holder took the role (inclusive), `nil` when open.
    public var from: String?
    /// ISO date the holder left the role (exclusive), `nil` when open.
    public var until: String?

    static let columns = ["id", "phrases", "actor", "from", "until"]

    init(row: TSVRow) throws {
        id = row(0)
        phrases = TSVTable.list(row(1))
        if phrases.isEmpty { throw row.error("the phrases column is empty") }
        actor = row(2)
        if actor.isEmpty { throw row.error("the actor column is empty") }
        for (name, value) in [("from", row(3)), ("until", row(4))] where !value.isEmpty {
            if !ActorTitle.isISODate(value) {
                throw row.error("\(name) '\(value)' is not an ISO date like 2020-01-03")
            }
        }
        from = row(3).isEmpty ? nil : row(3)
        until = row(4).isEmpty ? nil : row(4)
    }

    /// Whether the title was held on `date` (a partial ISO date compares by its known prefix).
    func holds(on date: String) -> Bool {
        if let from, date < String(from.prefix(date.count)) { return false }
        if let until, date >= String(until.prefix(date.count)) && date.count >= until.count { return false }
        if let until, date > String(until.prefix(date.count)) { return false }
        return true
    }

    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
