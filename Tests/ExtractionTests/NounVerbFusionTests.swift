import Testing
import NewsdropExtraction

/// An event noun that is the subject of a verb of the same family ("a strike hit a house") tells
/// one event with its verb: of the noun's kind, at the verb's place.
@Suite struct NounVerbFusionTests {
    @Test func aStrikeThatHitsIsOneAirstrikeWhereTheVerbSays() {
        let events = TestSupport.extract("A woman was killed when a strike hit a house in the town of Majdal Selm on Wednesday.").events
        #expect(events.count == 1, "\(events)")
        #expect(events.first?.type == .airstrike)
        #expect(events.first?.place?.name == "Majdal Selm")
    }

    @Test func aPlaceInsideAQuotationIsNotTheEventsPlace() {
        let e = TestSupport.extract("An Israeli drone targeted a motorcycle on the road near Aitaroun, killing two people, later mourned by Hezbollah as \"martyrs on the road to Jerusalem\".").events.first
        #expect(e?.place?.name == "Aitaroun", "\(String(describing: e?.place))")
    }

    @Test func suchRefersBack() {
        // "the second such raid" retells the strikes just told, it is not done by the speaker
        let events = TestSupport.extract("The United States carried out air strikes on a weapons facility in eastern Syria, Defense Secretary Lloyd Austin said, the second such raid in two weeks.").events
        #expect(!events.contains { $0.actor?.name == "Lloyd Austin" }, "\(events)")
    }

    @Test func anEventNounUnderInAfterItsVerbRetellsIt() {
        let events = TestSupport.extract("Washington first struck two facilities near Albukamal on October 27, in strikes Austin said were separate from the war between Israel and Hamas in Gaza.").events
        #expect(events.count == 1, "\(events)")
        #expect(events.first?.place?.name == "Abu Kamal")
    }

    @Test func theRetellingNounsPlaceAndDateAreTheVerbs() {
        // "neutralized … in a drone strike in Qamishli on Tuesday": one event, at Qamishli, on Tuesday
        let e = TestSupport.extract("Jun 12, 2024\n\nTurkish intelligence neutralized a senior member of the YPG in a drone strike in Qamishli on Tuesday, security sources said.").events
        #expect(e.count == 1 && e.first?.type == .airstrike && e.first?.place?.name == "Qamishli" && e.first?.date?.value == "2024-06-11", "\(e)")
    }
}
