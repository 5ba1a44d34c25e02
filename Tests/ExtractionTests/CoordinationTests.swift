import Testing
import NewsdropExtraction

/// Actors joined by "and" act together: the record names the first, and its text holds the
/// article's words for both, so either name identifies the event.
@Suite struct CoordinationTests {
    @Test func twoAdjectivesBeforeOneNounAreOneActor() {
        let e = TestSupport.extract("Russian and Syrian warplanes struck villages in southern Idlib on Monday.").events.first
        #expect(e?.type == .airstrike)
        #expect(e?.actor?.name == "Russia")
        #expect(e?.actor?.text.contains("Syrian") == true, "\(String(describing: e?.actor))")
    }

    @Test func twoNamedForcesAreOneActor() {
        let e = TestSupport.extract("US and British forces carried out strikes on Houthi targets in Hodeidah on Saturday.").events.first
        #expect(e?.actor?.name == "United States")
        #expect(e?.actor?.text == "US and British forces")
    }

    @Test func conjunctsAfterAPrepositionAreNotJoined() {
        // "positions of the PKK and the YPG", "a meeting of the Turkish and Russian presidents":
        // a phrase after a preposition keeps one conjunct
        let e = TestSupport.extract("Turkish jets struck positions of the PKK and the YPG near Qamishli on Monday.").events.first
        #expect(e?.actor?.name == "Turkey")
        #expect(e?.target != nil)
        #expect(e?.target?.text.contains(" and ") == false, "\(String(describing: e?.target))")
    }
}
