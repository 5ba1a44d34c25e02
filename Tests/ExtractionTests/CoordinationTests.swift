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

    @Test func aCommaListEndingInAndActsTogether() {
        // "X, Y and Z attacked": one actor named after the first, its text all three
        let e = TestSupport.extractBody("Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid al-Shuhada attacked US positions at the Conoco base on Sunday.").events
        #expect(e.count == 1 && e.first?.actor?.id == "kataib-hezbollah", "\(e)")
        #expect(e.first?.actor?.text == "Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid al-Shuhada", "\(e)")
        // an apposition after a comma is no list
        let a = TestSupport.extractBody("The Islamic Resistance in Iraq, an umbrella of armed groups, attacked the Conoco base on Sunday.").events
        #expect(a.first?.actor?.text == "Islamic Resistance in Iraq", "\(a)")
    }

    @Test func aSecondVerbAfterAndSharesTheClauseSubject() {
        // "X shot down Houthi drones and struck radar sites": the striker is X, not the drones' owner
        let e = TestSupport.extractBody("American forces shot down four Houthi drones over the Red Sea and struck two radar sites near Ras Isa on Monday.").events
        #expect(e.count == 1 && e.first?.type == .airstrike, "\(e)")
        #expect(e.first?.actor?.text == "American forces" && e.first?.actor?.name != "Houthis", "\(e)")
        // a second clause with a subject of its own keeps it
        let b = TestSupport.extractBody("Israeli jets hit a depot in Nabatieh, and Hezbollah fired rockets at Metula on Monday.").events
        #expect(b.contains { $0.actor?.name == "Hezbollah" && $0.place?.text == "Metula" }, "\(b)")
    }
}
