import Testing
import NewsdropExtraction

/// Sources and modality: according to / said / citing / reportedly / claimed / denied / expected.
@Suite struct AttributionTests {
    func first(_ text: String) -> ExtractedEvent? { TestSupport.extract(text).events.first }

    @Test func namedSources() {
        let a = first("According to the Syrian Observatory for Human Rights, Israeli jets struck Abu Kamal.")
        #expect(a?.source == "SOHR")
        #expect(a?.modality == .reported)
        let b = first("Israeli jets struck Abu Kamal, Reuters reported.")
        #expect(b?.source == "Reuters")
        #expect(b?.modality == .reported)
        let c = first("Citing Tasnim, the agency said Qaani visited Damascus.")
        #expect(c?.source == "Tasnim")
    }

    @Test func hedgesClaimsDenials() {
        #expect(first("Qaani reportedly visited Damascus.")?.modality == .reported)
        #expect(first("Israeli jets struck Abu Kamal.")?.modality == .asserted)
        #expect(first("Kataib Hezbollah claimed an attack on US forces in Syria.")?.modality == .claimed)
        #expect(first("Israel denied that it struck the consulate in Damascus.")?.modality == .denied)
    }

    @Test func hypotheticalsAndNegationYieldNoEvent() {
        #expect(TestSupport.extract("If Israel strikes Damascus, Iran could respond.").events.isEmpty)
        #expect(TestSupport.extract("Qaani did not visit Damascus.").events.isEmpty)
    }

    /// "…, the IDF said.": the speaker of a trailing attribution clause is the source, never a
    /// target of the event told before it.
    @Test func theSpeakerOfATrailingSaidIsTheSourceNotATarget() {
        let e = first("Israeli troops raided the Jenin camp overnight and arrested 15 suspects, the IDF said.")
        #expect(e?.source == "Israel Defense Forces")
        #expect(e?.target?.name != "Israel Defense Forces")
        let f = first("Turkish jets struck the PKK in northern Iraq, the Defense Ministry said.")
        #expect(f?.target?.id == "pkk", "\(String(describing: f?.target))")
    }

    @Test func aTrailingSaidMayEndWithWhereItWasSaid() {
        // "…, Austin said in a statement.": Austin is the source, not the one struck
        let e = first("Two F-15 fighter jets struck the facility near the town of Maadan on Wednesday, Austin said in a statement.")
        #expect(e?.target?.name.contains("Austin") != true, "\(String(describing: e?.target))")
        #expect(e?.place?.name == "Madan")
    }

    @Test func aSpeakerDescribedBeforeTheVerbIsStillTheSource() {
        // "the White Helmets rescue service said": a few plain words may describe the speaker
        let e = first("Russian warplanes carried out 23 strikes on Idlib on Sunday, killing 11 civilians, the White Helmets rescue service said.")
        #expect(e?.target == nil, "\(String(describing: e?.target))")
        #expect(e?.source == "Syrian Civil Defence", "\(String(describing: e?.source))")
    }

    @Test func theOneBlamedForAStrikeToldWithoutADoerIsItsClaimedDoer() {
        let e = TestSupport.extractBody("US warplanes struck targets in Albukamal on Friday.\n\nA drone hit Tower 22, a small US outpost in Jordan, on January 28. Washington blamed the Islamic Resistance in Iraq for the attack.").events
        let t = e.first { $0.place?.name == "Tower 22" && $0.type == .airstrike }
        #expect(t?.actor?.id == "islamic-resistance-in-iraq" && t?.modality == .claimed, "\(e)")
    }

    @Test func whoDeniesResponsibilityDidNotDoIt() {
        // "denied any responsibility for the attack" gives the attack no doer, unlike "claimed responsibility for"
        let e = TestSupport.extractBody("A drone strike hit a car in Baghdad on Wednesday, killing three people.\n\nThe Islamic Resistance in Iraq denied any responsibility for the attack in a statement.").events
        #expect(!e.contains { $0.actor?.id == "islamic-resistance-in-iraq" }, "\(e)")
        let c = TestSupport.extractBody("The Islamic Resistance in Iraq claimed responsibility for the attack on the base.").events
        #expect(c.contains { $0.actor?.id == "islamic-resistance-in-iraq" }, "\(c)")
    }
}
