/// The kinds of event newsdrop codes, with the nearest CAMEO code (see docs/extraction.md).
public enum EventType: String, Sendable, CaseIterable, Codable, Hashable {
    case visit, meet, exercise, airstrike, attack, kill, withdraw, deploy, establish, accuse,
        support, investigate

    /// The CAMEO code used when a trigger pattern names none of its own.
    public var defaultCAMEO: String? {
        switch self {
        case .visit: "042"
        case .meet: "040"
        case .exercise: "150"
        case .airstrike: "195"
        case .attack: "190"
        case .kill: "186"
        case .withdraw: "0874"
        case .deploy: "154"
        case .establish: nil
        case .accuse: "112"
        case .support: "051"
        case .investigate: "090"
        }
    }
}

/// How the article presents an event.
public enum Modality: String, Sendable, CaseIterable, Codable, Hashable {
    /// Stated as fact by the article itself.
    case asserted
    /// Attributed to a source ("according to SOHR", "Tasnim reported").
    case reported
    /// Claimed by a party ("claimed responsibility", "claims of").
    case claimed
    /// Denied by a party.
    case denied
    /// Expected or planned, not yet happened.
    case expected
}
