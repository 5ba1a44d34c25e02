import Testing
import NewsdropExtraction

/// A strike or attack told without a doer, right after one side's strikes, is that side's; one
/// far from any named strike, or the object of another's accusation, keeps no actor.
@Suite struct ActorlessStrikeTests {
    /// Headlines drop the auxiliary: in "Three US troops killed, dozens injured in drone attack in
    /// Jordan" the troops are the victims, not the drone attack's doers.
    @Test func aHeadlinesCountedVictimsAreNotTheDoers() {
        let e = TestSupport.extract("""
            Three US troops killed, dozens injured in drone attack in Jordan, Biden says

            Three US service members were killed in a drone attack on a US military outpost in northeast Jordan on Sunday, officials said.
            """).events.filter { $0.type == .airstrike || $0.type == .attack }
        #expect(e.count == 1 && e.first?.actor?.name != "US forces", "\(e)")
    }

    @Test func aStrikeWithoutADoerTakesTheSideOfTheLastStrike() {
        let events = TestSupport.extract("""
            Israeli warplanes struck the town of Khiam on Monday, killing two Hezbollah members.

            A woman was killed when a strike hit a house in the town of Marjayoun, the agency added.
            """).events
        let m = events.first { $0.place?.name == "Marjayoun" }
        #expect(m != nil, "\(events)")
        #expect(m?.actor?.name == "Israeli Air Force", "\(String(describing: m?.actor))")
    }

    @Test func aStrikeFarFromAnyNamedStrikeKeepsNoActor() {
        let events = TestSupport.extract("""
            Israeli warplanes struck the town of Khiam on Monday, killing two Hezbollah members.

            The Lebanese government met on Tuesday to discuss the budget.

            Parliament convened on Wednesday in Beirut.

            A woman was killed when a strike hit a house in the town of Marjayoun, the agency added.
            """).events
        let m = events.first { $0.place?.name == "Marjayoun" }
        #expect(m != nil, "\(events)")
        #expect(m?.actor == nil, "\(String(describing: m?.actor))")
    }

    @Test func aSideDoesNotInheritAStrikeOnItself() {
        let events = TestSupport.extract("""
            US warplanes struck a militia depot near Albukamal on Monday.

            On Tuesday, a drone attack targeted the Conoco gas field base, which hosts US troops, the observatory said.
            """).events
        let m = events.first { $0.place?.name == "Conoco gas field" }
        #expect(m != nil, "\(events)")
        #expect(m?.actor == nil, "\(String(describing: m?.actor))")
    }

    @Test func theSideIsTheLastStrikeWithADoer() {
        // a doerless mention in between ("a series of attacks") does not hide the side of the strike before it
        let events = TestSupport.extract("""
            US warplanes struck a weapons facility near the town of Maadan on Wednesday. "This strike is a response to a series of attacks against our personnel," the Pentagon said.

            The observatory said the jets also hit a depot near Albukamal on the Iraqi border.
            """).events
        let m = events.first { $0.place?.name == "Abu Kamal" }
        #expect(m?.actor != nil, "\(events)")
    }

    @Test func aStrikeThatTakesTheLastDoerTakesItsDateToo() {
        // "the jets also hit … near Albukamal" is the Wednesday raid's, not the October strike near Albukamal
        let events = TestSupport.extract("""
            Published On 9 Nov 2023

            US warplanes struck a weapons facility near the town of Maadan on Wednesday, the Pentagon said.

            The observatory said the jets also hit positions of Kataeb Hezbollah near Albukamal.

            Washington first struck two facilities near Albukamal on October 27.
            """).events
        let strikes = events.filter { $0.type == .airstrike }
        #expect(strikes.count == 3, "\(events)")
        #expect(strikes.contains { $0.place?.name == "Abu Kamal" && $0.date?.value == "2023-11-08" }, "\(events)")
        #expect(strikes.contains { $0.place?.name == "Abu Kamal" && $0.date?.value == "2023-10-27" }, "\(events)")
    }

    @Test func unidentifiedGunmenTakeNoSide() {
        // "unidentified assailants opened fire": nobody named, not the side of the last strike; "killing its driver" is one
        let events = TestSupport.extractBody("Israeli warplanes struck the town of Khiam on Monday.\n\nUnidentified assailants opened fire on a car in the town of Marjayoun on Monday, killing its driver.").events
        let m = events.first { $0.place?.name == "Marjayoun" }
        #expect(m != nil && m?.actor == nil && m?.fatalities == 1, "\(events)")
    }

    @Test func aVictimAlsoKilledInTheAttackIsNoDoer() {
        // "X was also killed in the attack": X is a victim of the strike told before, not its doer
        let e = TestSupport.extractBody("An Israeli drone struck a car in Tyre on Wednesday, killing a Hezbollah commander. Another Hezbollah operative, Ali Jafar Maatouk, was also killed in the attack, Lebanese reports said.").events
        #expect(e.count == 1, "\(e)")
        #expect(!e.contains { $0.actor?.text.contains("Maatouk") == true }, "\(e)")
    }

    @Test func gunmenOpeningASentenceTakeNoSide() {
        // "Gunmen ambushed a patrol": capitalised as the first word, still nobody named
        let e = TestSupport.extractBody("Turkish drones also struck SDF positions in Sarrin on 19 January.\n\nGunmen ambushed a General Security patrol near Jableh in Latakia governorate on 26 January, killing two members.").events
        let ambush = e.first { $0.place?.text == "Jableh" }
        #expect(ambush != nil && ambush?.actor == nil, "\(e)")
    }

    @Test func raidsTakingAnAirStrikesDoerAreAirRaids() {
        // Al-Masirah: "Two raids also targeted the Ras Issa port" after the aggression's warplanes' raids
        let e = TestSupport.extractBody("US and British warplanes struck Hodeidah on Saturday.\n\nTwo raids also targeted the Ras Issa port the following day.").events
        #expect(e.contains { $0.place?.name == "Ras Isa port" && $0.type == .airstrike }, "\(e)")
        // after a ground attack, a raid stays an attack
        let g = TestSupport.extractBody("Israeli troops attacked the Nur Shams camp on Monday.\n\nA raid also targeted the Tulkarm camp the following day.").events
        #expect(!g.contains { $0.type == .airstrike }, "\(g)")
    }

    @Test func theStrikeVictimsWereKilledInTakesTheLastDoer() {
        // The Guardian: "… said two people were killed in a strike on a house in the town of Kfar Roummane"
        let e = TestSupport.extractBody("Israeli fighter jets struck Hezbollah targets near Nabatieh on Wednesday morning. Lebanon's health ministry said two people were killed in a strike on a house in the town of Kfar Roummane.").events
        let k = e.first { $0.fatalities == 2 }
        #expect(k?.actor?.id == "israeli-air-force" || k?.actor?.id == "israel", "\(e)")
    }

    @Test func aMilitaryReportingAStrikeAbroadWithoutADoerReportsItsOwn() {
        // not the side of the last strike (Hezbollah's rockets): the IDF reports its jets' strike in Lebanon
        for text in ["Hezbollah launched some 90 rockets at northern Israel on Wednesday morning.\n\nFighter jets struck the launchers in the area of Aitaroun, the IDF said.",
                     "Hezbollah launched some 90 rockets at northern Israel on Wednesday morning.\n\nThe IDF later said fighter jets struck the launchers in the area of Aitaroun."] {
            let e = TestSupport.extractBody(text).events
            #expect(e.first { $0.place?.name == "Aitaroun" }?.actor?.id == "idf", "\(e)")
        }
        // at home it may be another's strike: Iraq's military is no doer of a drone strike in Baghdad
        let h = TestSupport.extractBody("A drone struck a car in Baghdad on Wednesday, killing two people, Iraq's military said.").events
        #expect(h.first.map { $0.actor?.id != "iraq" && $0.actor?.id != "iraqi-army" } ?? false, "\(h)")
    }

    @Test func victimsKilledAlongWithOthersInAStrikeTakeTheLastStrikesSide() {
        // "was killed along with three other operatives in a strike": the strike the victims were killed in
        // is the event told, even with the victims between the verb and "in"
        let e = TestSupport.extractBody("Israeli jets struck a house in southern Lebanon overnight.\n\nTaleb Abdallah was killed along with three other operatives in a strike on a command center in Jouaiya.").events
        let j = e.first { $0.place?.name == "Jouaiyya" }
        #expect(j?.actor?.id == "israeli-air-force" && j?.fatalities == 4, "\(e)")
    }

    @Test func aSupporterSetOffByCommasIsNoDoer() {
        // words.tsv supporter-verbs: "The strikes, supported by Australia, Bahrain, …, hit": the US and Britain's strikes
        let e = TestSupport.extractBody("The United States and Britain carried out a new round of strikes against Houthi targets in Yemen on Monday.\n\nThe strikes, supported by Australia, Bahrain, Canada and the Netherlands, hit eight targets near Sanaa airport, a US official said.").events
        #expect(!e.contains { $0.actor?.id == "bahrain" || $0.actor?.id == "australia" }, "\(e)")
    }

    @Test func aCapitalAfterALocativeIsWhereAKillingHappenedNotWho() {
        // actors.tsv lets "Baghdad" stand for Iraq's government; "in/near/south of Baghdad" before the verb is a place
        for text in ["An explosion in Baghdad killed one member late on Friday.", "An explosion south of Baghdad killed one member late on Friday."] {
            let e = TestSupport.extractBody(text).events
            #expect(e.first?.place?.name == "Baghdad" && e.first?.actor == nil, "\(text): \(e)")
        }
    }
}
