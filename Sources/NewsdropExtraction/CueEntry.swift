/// One row of `cues.tsv`: phrases that shape how events are read (attribution, modality,
/// negation, habitual or hypothetical statements, coreference).
public struct CueEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case report, according, hedge, claim, deny, expect, generic, hypothetical, concessive, negation, agent
        case corefPerson = "coref-person"
        case corefGroup = "coref-group"
        case honorific
        /// "the army", "the military": the national armed force of the country last named.
        case corefForce = "coref-force"
        /// "the government", "the authorities": the state of the country last named.
        case corefState = "coref-state"
        case separate
        /// "minister", "spokesman", "chief": an office that capitalised portfolio words may
        /// precede ("Interior Minister Ali Yerlikaya", "Army Chief …"); those words are no name.
        case office
        /// "Katyusha", "Shahed", "F-35", "MQ-9 Reaper": a weapon or platform's name, which is no
        /// actor, target or place.
        case weapon
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
