import Testing
@testable import NewsdropExtraction

@Suite struct EventTypeSetTests {
    /// The sets the event reader uses hold exactly the types of the array literals they replace.
    @Test func eachSetHoldsExactlyItsTypes() {
        let sets: [(EventTypeSet, [EventType])] = [
            (.strikes, [.airstrike, .attack]),
            (.violent, [.airstrike, .attack, .kill]),
            (.kills, [.kill]),
            (.meetings, [.visit, .meet]),
            (.meetingsAndSupport, [.meet, .visit, .support]),
            (.accusations, [.accuse, .investigate]),
        ]
        for (set, types) in sets {
            for t in EventType.allCases {
                #expect(set.contains(t) == types.contains(t), "\(t.rawValue)")
            }
        }
    }

    /// Every type has a bit of its own: a set of one type holds that type only.
    @Test func everyTypeHasItsOwnBit() {
        for t in EventType.allCases {
            let one = EventTypeSet(t)
            #expect(EventType.allCases.filter { one.contains($0) } == [t])
        }
        #expect(EventTypeSet().bits == 0)
    }
}
