import Testing
import NewsdropExtraction

/// Clashes and battles are fought by the side named after "between" or "with"; a sentence may
/// open with the noun ("Clashes broke out…"); a subject's modifier may be followed by its
/// abbreviation in parentheses.
@Suite struct ReciprocalFightTests {
    @Test func clashesBetweenSidesOpeningASentence() {
        let e = TestSupport.extract("Clashes broke out on Friday evening between the Syrian Democratic Forces (SDF) and Syrian government forces in Deir ez-Zor countryside.").events.first
        #expect(e?.type == .attack)
        #expect(e?.actor?.name == "Syrian Democratic Forces", "\(String(describing: e?.actor))")
    }

    @Test func killedInClashesWithASide() {
        let e = TestSupport.extract("Nine Turkish soldiers were killed in clashes with PKK militants at a base in the Kurdistan Region's Duhok province on Friday.").events.first
        #expect(e?.type == .attack)
        #expect(e?.actor?.id == "pkk", "\(String(describing: e?.actor))")
        #expect(e?.place?.name.contains("Duhok") == true, "\(String(describing: e?.place))")
        #expect(e?.fatalities == 9)
    }

    @Test func aModifierBeforeItsAbbreviationNamesTheSubject() {
        let e = TestSupport.extract("Turkish forces and their affiliated Syrian National Army (SNA) factions shelled the villages near Ain Issa with heavy artillery on Saturday morning.").events.first
        #expect(e?.type == .attack)
        #expect(e?.actor != nil, "\(String(describing: e))")
    }

    @Test func clashesBetweenAfterACommaAreOneRoundOfFighting() {
        // a noun before "between" (not a habitual verb); "since Wednesday" without a present perfect is no tally
        let e = TestSupport.extractBody("In the east, clashes between Arab tribal fighters and the SDF flared near Theban, the Observatory said, with six dead since Wednesday.").events
        #expect(e.count == 1 && e.first?.actor?.id == "arab-tribes" && e.first?.fatalities == 6, "\(e)")
        // still a tally in the present perfect
        #expect(TestSupport.extractBody("Since October 8, Israeli strikes have killed more than 200 people in south Lebanon.").events.isEmpty)
    }
}
