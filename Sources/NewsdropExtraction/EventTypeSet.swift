/// A fixed set of event types as bits, for the event reader's tests of a trigger's or a mention's
/// type: `EventTypeSet.strikes.contains(entry.type)` is a shift and a mask, where an array literal
/// (`[.airstrike, .attack].contains(entry.type)`) was built on the heap at each evaluation (the
/// optimiser did not make the literals of `events(in:)` static: ~80,000 allocations per 500
/// articles).
struct EventTypeSet: Sendable, Equatable {
    let bits: UInt32

    init(_ types: EventType...) {
        bits = types.reduce(0) { $0 | EventTypeSet.bit($1) }
    }

    @inline(__always) func contains(_ t: EventType) -> Bool { bits & EventTypeSet.bit(t) != 0 }

    /// Strikes and attacks: the types of the violent family (`EventMerger.family` 1).
    static let strikes = EventTypeSet(.airstrike, .attack)
    /// Strikes, attacks and killings: events with a toll.
    static let violent = EventTypeSet(.airstrike, .attack, .kill)
    static let kills = EventTypeSet(.kill)
    /// Visits and meetings: a traveller's events.
    static let meetings = EventTypeSet(.visit, .meet)
    static let meetingsAndSupport = EventTypeSet(.meet, .visit, .support)
    /// Accusations and probes: their objects are others' events.
    static let accusations = EventTypeSet(.accuse, .investigate)

    /// The bit of type `t` (a switch: a new `EventType` case must be given a bit here).
    @inline(__always) static func bit(_ t: EventType) -> UInt32 {
        switch t {
        case .visit: 1 << 0
        case .meet: 1 << 1
        case .exercise: 1 << 2
        case .airstrike: 1 << 3
        case .attack: 1 << 4
        case .kill: 1 << 5
        case .withdraw: 1 << 6
        case .deploy: 1 << 7
        case .establish: 1 << 8
        case .accuse: 1 << 9
        case .support: 1 << 10
        case .investigate: 1 << 11
        }
    }
}
