import Testing
import NewsdropExtraction

/// Events that must stay apart: one actor's two strikes in coordinated clauses at places of their
/// own, strikes at two villages after a summary of raids on a region, and a tally over a period.
@Suite struct DistinctEventsTests {
    @Test func coordinatedClausesAtTwoPlacesAreTwoEvents() {
        let events = TestSupport.extract("Israeli artillery shelled the outskirts of Naqoura in the afternoon, the NNA said, and an Israeli strike in the Bekaa Valley near Baalbek wounded two people.").events
        #expect(events.count == 2, "\(events)")
    }

    /// "The attack on …" is definite, as a mention that refers back usually is; told with a place
    /// and a toll of its own and no strike or attack just before it, it is the news itself, not a
    /// reference to something untold. Right after a strike it is that strike.
    @Test func aDefiniteAttackWithItsOwnTollAndPlaceIsAnEvent() {
        let alone = TestSupport.extractBody("The attack on the police headquarters in Rask killed five people.").events
        #expect(alone.count == 1 && alone.first?.fatalities == 5 && alone.first?.place?.name != nil, "\(alone)")
        let after = TestSupport.extractBody("""
            Israeli warplanes struck Damascus airport on Sunday, putting it out of service. Two civilian \
            workers were killed in the attack on the airport, the ministry said.
            """).events.filter { $0.type == .airstrike || $0.type == .attack }
        #expect(after.count == 1, "\(after)")
    }

    /// "Earlier on Monday, …", "Later in the day, …" open another incident (cues.tsv, `separate`):
    /// the artillery shelling is not the drone strike told before it, though one contains the other's place.
    @Test func earlierThatDayOpensAnotherIncident() {
        let events = TestSupport.extractBody("""
            An Israeli drone strike on a car in south Lebanon on Monday killed a Hezbollah field commander, \
            the Israeli military said.

            Earlier on Monday, Israeli artillery shelled the outskirts of the border villages of Kfar Kila and Aitaroun, the NNA reported.
            """).events
        #expect(events.count == 2, "\(events)")
    }

    @Test func oneClauseNamingTwoPlacesStaysOneEvent() {
        let events = TestSupport.extract("Insurgents led by Hayat Tahrir al-Sham stormed into Aleppo on Friday, two days after launching a surprise offensive from their stronghold in Idlib province.").events
        #expect(events.filter { $0.type == .attack }.count == 1, "\(events)")
    }

    @Test func aSummaryOfRaidsOnARegionTakesOneVillageOnly() {
        let events = TestSupport.extract("""
            Israeli warplanes launched a series of raids on towns in south Lebanon on Wednesday.

            An Israeli drone targeted a motorcycle on the road between Aitaroun and Blida, killing two people. Israeli jets also struck Hezbollah sites in the town of Aita al-Shaab.
            """).events
        let places = Set(events.compactMap { $0.place?.name })
        #expect(places.contains("Aitaroun"), "\(events)")
        #expect(places.contains("Aita al-Shaab"), "\(events)")
    }

    @Test func aTallyOverAPeriodIsNoEvent() {
        let events = TestSupport.extract("Since October 8, Israeli strikes have killed more than 200 Hezbollah fighters and about 40 civilians, according to a tally by AFP.").events
        #expect(events.isEmpty, "\(events)")
    }

    @Test func aPresentPerfectOverAPeriodIsNoEvent() {
        let events = TestSupport.extract("The Houthis have fired drones and missiles at international shipping in the Red Sea since November.").events
        #expect(events.isEmpty, "\(events)")
        // a present perfect with a date of its own is an event
        let one = TestSupport.extract("The Houthis have fired two missiles at a tanker in the Red Sea on Saturday.").events
        #expect(one.count == 1, "\(one)")
    }

    @Test func aSeparateIncidentIsAnotherEvent() {
        let e = TestSupport.extractBody("Militants attacked a PMF checkpoint in Udhaim on Saturday night.\n\nIn a separate incident, gunmen opened fire on a car carrying a tribal sheikh in the Tarmiyah district, killing him and his son.").events
        #expect(e.count == 2, "\(e)")
        // "killing him and his son": two
        #expect(e.last?.fatalities == 2, "\(e)")
    }

    @Test func aConfirmedAttemptedAttackIsNotTheSpeakers() {
        let e = TestSupport.extractBody("A US defense official confirmed \"an attempted attack\" on Green Village but said the rockets fell short.").events
        #expect(!e.contains { $0.actor?.id == "united-states" }, "\(e)")
    }

    @Test func attacksToBeHaltedAreNoEvent() {
        // "to halt their attacks" refers to no particular attack (it used to join the last one and give it this actor)
        let e = TestSupport.extractBody("Quds Force commander Esmail Qaani visited Baghdad last week to urge the militias to halt their attacks.").events
        #expect(e.count == 1 && e.first?.type == .visit, "\(e)")
    }

    @Test func theDeathsRetaliatedForAreNotTheRetaliationsToll() {
        let e = TestSupport.extractBody("On Friday, US jets struck 85 targets in Iraq and Syria. The US military retaliated for the deaths of three American soldiers.").events
        #expect(e.first?.fatalities == nil, "\(e)")
    }

    @Test func twoPredicatesAtTwoPlacesAreTwoEvents() {
        // "targeted a barracks in Kiryat Shmona … and attacked a post in the Shebaa Farms": two attacks
        let e = TestSupport.extractBody("Hezbollah said its fighters targeted an Israeli army barracks in Kiryat Shmona with Katyusha rockets and attacked a military post in the Shebaa Farms with a guided missile.").events
        #expect(e.count == 2 && e.allSatisfy { $0.type == .attack && $0.actor?.id == "hezbollah" }, "\(e)")
    }

    @Test func anAttackClaimedAfterAnotherIsAnotherEvent() {
        // "fired 30 rockets …, after the terror group claimed a drone attack": two events, not one airstrike
        let e = TestSupport.extractBody("Hezbollah fired at least 30 rockets at the northern city of Kiryat Shmona on Wednesday afternoon, the military said, after the terror group claimed a drone attack on an army post near the border.").events
        #expect(e.count == 2 && e.contains { $0.type == .attack } && e.contains { $0.type == .airstrike && $0.actor?.id == "hezbollah" }, "\(e)")
    }

    @Test func aKillingInAnAfterClauseIsAnotherStrike() {
        // "fired rockets at the Upper Galilee, a day after the IDF killed a commander in a drone strike near
        // Tyre": the strike is the IDF's, earlier, at Tyre; the barrage keeps its own place
        let e = TestSupport.extractBody("Hezbollah fired some 45 rockets from Lebanon toward the Upper Galilee on Thursday afternoon, a day after the IDF killed one of the group's commanders in a drone strike near Tyre.").events
        #expect(e.contains { $0.actor?.name == "Hezbollah" && $0.place?.text == "Upper Galilee" }, "\(e)")
        #expect(e.contains { $0.actor?.id == "idf" && $0.place?.text == "Tyre" }, "\(e)")
        // "killed a commander …, two weeks after a drone attack on a base": the attack is not the killer's
        let b = TestSupport.extractBody("A U.S. drone strike killed a militia commander in Baghdad on Wednesday, two weeks after a drone attack on a U.S. base in Jordan killed three soldiers.").events
        #expect(!b.contains { $0.actor?.name == "United States" && $0.place?.text == "Jordan" }, "\(b)")
    }

    @Test func aSeparateStatementTellsASeparateEvent() {
        let e = TestSupport.extractBody("Hezbollah fired rockets toward the Upper Galilee on Thursday. In a separate statement, the group said its fighters targeted an IDF position in Metula with guided missiles.").events
        #expect(e.count == 2, "\(e)")
    }

    @Test func anotherAttackIsNotOneToldBefore() {
        // France 24: "The ambush came five days after another IS attack in the Deir Ezzor countryside"
        let e = TestSupport.extractBody("IS fighters ambushed an army bus near Sukhnah on Saturday.\n\nThe ambush came five days after another IS attack in the Deir Ezzor countryside.").events
        let ambush = e.first { $0.date?.value != nil || $0.sentence.hasPrefix("IS fighters") }
        #expect(ambush?.place?.name == "As Sukhnah", "\(e)")
    }

    @Test func raidsThatMakeArrestsAreNoAttack() {
        // Xinhua: "Iraqi forces arrested 12 IS suspects in raids in the provinces of Nineveh …"
        let e = TestSupport.extractBody("Iraqi forces arrested 12 IS suspects in raids in the provinces of Nineveh, Salahudin and Anbar over the past three days.").events
        #expect(!e.contains { $0.type == .attack }, "\(e)")
        let r = TestSupport.extractBody("Israeli forces killed three Palestinians during a raid on the Nur Shams camp on Wednesday.").events
        #expect(r.contains { $0.type == .attack }, "\(r)")
    }

    @Test func separatelyAfterAReportVerbOpensAnotherIncident() {
        // "The ministry said separately that …": the cue after the report verb, not at the sentence's start
        let e = TestSupport.extractBody("A Turkish drone strike on a vehicle in the Sinjar district west of Mosul killed three members of a PKK-affiliated group on Saturday, two Iraqi security sources said.\n\nTurkey's defence ministry said separately that its forces had neutralised 11 PKK militants in northern Iraq's Metina and Hakurk regions over the past week.").events
        #expect(e.count == 2, "\(e)")
        #expect(e.contains { $0.place?.name == "Sinjar" && $0.fatalities == 3 }, "\(e)")
        #expect(e.contains { $0.place?.name == "Metina" && $0.fatalities == 11 }, "\(e)")
    }

    @Test func aKillingBeforeAnAnaphoricAttackNounGivesItsPlace() {
        // the killing word is the anaphoric attack's toll; its clause is where the attack happened
        let e = TestSupport.extractBody("In February, ISIS killed 53 people near Palmyra, in the deadliest attack claimed by the group in a year.").events
        #expect(e.count == 1, "\(e)")
        #expect(e.first?.place?.name == "Palmyra" && e.first?.fatalities == 53, "\(e)")
    }

    @Test func wouldInAReportIsTheReportsFuture() {
        // "said it would withdraw": reported future (expected), not a hypothetical that drops the event
        for text in ["The US-led coalition said it would withdraw some of its forces from the Ain al-Asad base in western Iraq by September 2025.",
                     "The US-led coalition announced it would withdraw forces from the Ain al-Asad base in western Iraq."] {
            let e = TestSupport.extractBody(text).events
            #expect(e.first?.type == .withdraw && e.first?.modality == .expected, "\(e)")
        }
        // a plain "would" stays hypothetical
        #expect(TestSupport.extractBody("Any attack on Iran would be answered by strikes on US bases in Iraq.").events.isEmpty)
    }

    @Test func aPersonBeforeAKillingNounIsItsVictim() {
        for text in ["Qaani makes secret trip to Beirut after Nasrallah killing", "Iran vowed revenge for Soleimani's killing."] {
            let e = TestSupport.extract(text).events
            #expect(!e.contains { $0.type == .kill && ($0.actor?.id == "hassan-nasrallah" || $0.actor?.id == "iran") }, "\(text): \(e)")
        }
    }

    @Test func aFlightToAPlaceIsAVisitAndATopicIsNoPlace() {
        // "flew to Ankara for talks" (triggers.tsv travel); "to discuss the situation in northern Syria" is a topic
        let e = TestSupport.extractBody("Iranian Foreign Minister Abbas Araghchi arrived in Damascus on Sunday and met President Bashar al-Assad to discuss the situation in northern Syria.\n\nAraghchi flew to Ankara later in the day for talks with his Turkish counterpart Hakan Fidan.").events
        #expect(e.contains { $0.type == .meet && $0.place?.name == "Damascus" }, "\(e)")
        #expect(e.contains { $0.type == .visit && $0.place?.name == "Ankara" }, "\(e)")
    }

    /// "the deadliest raid since …" after "as" or "be" ranks the event just told: no event of its own,
    /// and the period it is compared over ("since the US and Britain began striking the Houthis in
    /// January") tells none either.
    @Test func aSuperlativeRanksTheEventToldBefore() {
        let a = TestSupport.extract("Israeli jets struck an army depot near Aleppo on Friday, killing 38 people. The monitor described the attack as the deadliest Israeli raid on army positions since the start of the war in Gaza.").events
        #expect(a.filter { $0.type == .airstrike || $0.type == .attack }.count == 1, "\(a)")
        let b = TestSupport.extract("Published: 31 May 2024\n\nAmerican and British warplanes struck targets in Hodeidah late Thursday, killing sixteen people. It was the deadliest raid since the US and Britain began striking the Houthis in January.").events
        #expect(!b.contains { $0.date?.value == "2024-01" }, "\(b)")
        #expect(b.filter { $0.type == .airstrike || $0.type == .attack }.count == 1, "\(b)")
    }

    /// "which has been fighting the Houthis since 2015": the present perfect progressive over a period
    /// tells what has gone on since, like "have fired … since November": no event.
    @Test func aPresentPerfectProgressiveOverAPeriodIsNoEvent() {
        let e = TestSupport.extract("The Saudi-led coalition, which has been fighting the Houthis since 2015, has largely observed a truce since April 2022.").events
        #expect(!e.contains { $0.type == .attack || $0.type == .airstrike }, "\(e)")
    }

}
