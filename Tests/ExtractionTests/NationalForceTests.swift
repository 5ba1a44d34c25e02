import Testing
import NewsdropExtraction

/// "the army", "the military", "army units" (coref-force cues) are the national armed force of
/// the country of the last actor named; "the Army of the Islamic Republic of Iran" names its own.
@Suite struct NationalForceTests {
    @Test func theArmyIsTheForceOfTheCountryLastNamed() {
        let events = TestSupport.extract("""
            Lebanese Army Commander General Joseph Aoun said the army was ready to deploy more troops once a settlement is reached. The army has already reinforced its positions in the Marjayoun area with two companies, a military source said.
            """).events
        let d = events.first { $0.type == .deploy && $0.place?.name == "Marjayoun" }
        #expect(d?.actor?.name == "Lebanese Armed Forces", "\(events)")
    }

    /// "an Air Force drone", "the navy" are the national force too, not an unknown actor "Air".
    @Test func theAirForceIsTheForceOfTheCountryLastNamed() {
        let events = TestSupport.extractBody("The IDF said an Air Force drone struck a vehicle in the village of Hosh on Wednesday.").events
        #expect(events.first?.actor?.name == "Israel Defense Forces", "\(events)")
    }

    @Test func theArmyAfterAnotherCountryIsThatCountrysForce() {
        let e = TestSupport.extract("Israel said on Monday that the army had shelled the outskirts of Naqoura.").events.first
        #expect(e?.actor?.name == "Israel" || e?.actor?.name == "Israel Defense Forces", "\(String(describing: e?.actor))")
    }

    @Test func theArmyOfANamedCountryIsNoReferenceBack() {
        let e = TestSupport.extract("Israel struck Gaza. Separately, the Army of the Islamic Republic of Iran will hold a large-scale air defense drill in Isfahan and around the Natanz nuclear facility next week, the drill's spokesman said on Saturday.").events.first { $0.type == .exercise }
        #expect(e?.actor?.text.contains("Islamic Republic") == true, "\(String(describing: e?.actor))")
    }
}

/// "the government", "the authorities" (coref-state cues) are the state of the country of the last
/// actor named.
@Suite struct NationalGovernmentTests {
    @Test func theGovernmentIsTheStateOfTheCountryLastNamed() {
        let events = TestSupport.extract("""
            Syria said a drone attack on a military academy in Homs killed dozens. The government blamed insurgents for the attack.
            """).events
        let a = events.first { $0.type == .accuse }
        #expect(a?.actor?.name == "Syria", "\(events)")
    }

    @Test func withoutACountryTheGovernmentIsNobody() {
        let a = TestSupport.extract("The government blamed insurgents for the attack.").events.first { $0.type == .accuse }
        #expect(a?.actor?.name != "Syria", "\(String(describing: a))")
    }

    @Test func theArmedForcesAfterANamedArmedForcesAreThatActor() {
        // Al-Masirah: "the armed forces" after "the Yemeni Armed Forces" are the Houthis, not the US army
        // of the American drone named in between
        let e = TestSupport.extractBody("The Yemeni Armed Forces said they shot down an American MQ-9 drone over Marib.\n\nThe armed forces also targeted American warships in the Red Sea with drones, the spokesman said.").events
            .first { $0.place?.name == "Red Sea" }
        #expect(e?.actor?.id == "houthis", "\(String(describing: e))")
        // with no such name, the national force of the country last named, as before
        let s = TestSupport.extractBody("Syria's defence ministry said the army shelled rebel positions near Idlib.").events.first
        #expect(s?.actor?.id == "syrian-army", "\(String(describing: s))")
    }
}
