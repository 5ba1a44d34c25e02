import Testing
import NewsdropExtraction

/// Tolls in words and digits, attached to the event that caused them.
@Suite struct FatalityTests {
    func toll(_ text: String) -> Int? {
        TestSupport.extract(text).events.first { $0.type == .airstrike || $0.type == .attack }?.fatalities
    }

    @Test func wordsAndDigits() {
        #expect(toll("An Israeli airstrike hit Deir ez-Zor. Six people were killed.") == 6)
        #expect(toll("Israeli warplanes bombed a convoy near Abu Kamal, killing seven fighters.") == 7)
        #expect(toll("A drone strike near Qaim killed 14 members of Kataib Hezbollah.") == 14)
    }

    @Test func appositionsWoundedAndASingleVictim() {
        // over ", including a child,"; "four others injured" are the wounded
        #expect(toll("Government forces shelled the town of Dhiban on Friday. Two civilians, including a child, were killed and four others injured in the shelling of Dhiban.") == 2)
        #expect(toll("Government forces shelled the town of Dhiban on Friday, and two civilians, including a child, were killed and four others injured.") != 4)
        // "A woman was killed": one
        #expect(toll("A woman was killed when an Israeli strike hit a house in the town of Majdal Selm.") == 1)
    }

    @Test func hyphenatedNumberWords() {
        // "thirty-eight" is 38, not the "thirty" before its hyphen or the "eight" after it
        #expect(toll("Israeli airstrikes on the countryside of Aleppo killed thirty-eight people early Friday.") == 38)
        #expect(toll("An Israeli strike hit Nabatieh. Twenty-one people were killed.") == 21)
    }

    @Test func atLeastAndDozens() {
        #expect(toll("An Israeli air raid on Homs killed at least eight people.") == 8)
        #expect(toll("Dozens were killed when Russian jets bombed Idlib.") == 12)
    }

    @Test func numbersThatAreNotTolls() {
        #expect(toll("Israeli jets struck a base 20 km from Palmyra.") == nil)
        #expect(toll("Israeli jets struck Damascus in 2019.") == nil)
        #expect(toll("An Israeli strike on the consulate in Damascus on April 1 killed seven officers.") == 7)
    }

    @Test func leftDeadIsATollNotAWithdrawal() {
        let e = TestSupport.extract("Israeli airstrikes on south Lebanon left seven people dead on Thursday.").events
        #expect(e.count == 1 && e.first?.type == .airstrike && e.first?.fatalities == 7)
    }

    @Test func aCountKilledInFightingIsAnAttack() {
        let e = TestSupport.extract("Israeli troops operating in Rafah killed at least 12 gunmen.").events
        #expect(e.first?.type == .attack && e.first?.fatalities == 12)
    }

    @Test func aNamedOrArmedNounBeforeTheTriggerKeepsItANoun() {
        // "drone" and "ISIS" before the event noun: the noun is the subject of "killed", not a present-tense verb
        #expect(toll("An Israeli drone strike near Nabatieh killed three people.") == 3)
        #expect(toll("An ISIS attack on a Peshmerga position near Makhmour killed two Peshmerga fighters.") == 2)
    }

    @Test func aTollOverAPeriodIsATallyNotTheLastEventsToll() {
        // a war's total since it began belongs to no one event told before it
        let e = TestSupport.extract("Published 6 August 2024\n\nIsraeli shelling hit Naqoura on Monday, wounding a soldier. The health ministry in Gaza says more than 39,000 people have been killed there since then.").events
        #expect(e.count == 1 && e.first?.fatalities == nil)
        #expect(toll("Israeli shelling hit Naqoura on Monday. Two people were killed.") == 2)
    }

    @Test func aTollCountedSinceAPeriodNamedBeforeItIsATally() {
        // the period first, the toll in the present perfect: "Since October, … has killed at least 560"
        let e = TestSupport.extractBody("""
            An Israeli drone strike on a car in south Lebanon on Monday killed a Hezbollah field commander, \
            the Israeli military said.

            Since October, cross-border violence has killed at least 560 people in Lebanon, according to an AFP tally.
            """).events
        #expect(e.count == 1 && e.first?.fatalities == 1, "\(e)")
    }

    @Test func aCampaignOverYearsIsNoEvent() {
        // "its 40-year terror campaign … the deaths of 40,000": not the toll of the strike told before it
        let e = TestSupport.extract("A Turkish drone struck a car in Qamishli on Tuesday. In its 40-year terror campaign against Turkey, the PKK has been responsible for the deaths of more than 40,000 people.").events
        #expect(e.count == 1 && e.first?.fatalities == nil)
    }

    @Test func aRisingTollRaisesTheLastEventsToll() {
        // France 24, IRNA: "the death toll rose to 12" in a sentence of its own
        #expect(toll("IS fighters ambushed an army bus near Sukhnah on Saturday, killing seven soldiers. The death toll rose to 12 on Sunday after five of the wounded died, the monitor said.") == 12)
        #expect(toll("Israeli jets fired four missiles at a building in Mazzeh, killing five people.\n\nA security source said the toll climbed to ten, including four civilians.") == 10)
        // a toll that fell, or one of another paragraph far before, changes nothing
        #expect(toll("IS fighters ambushed an army bus near Sukhnah on Saturday, killing seven soldiers. The toll stood at 12 on Sunday.") == 7)
        #expect(toll("IS fighters ambushed an army bus near Sukhnah.\n\nThe desert road is used by convoys of trucks every week.\n\nTruffle hunters travel to the area in spring every year.\n\nThe region is home to several Bedouin tribes and their herds.\n\nThe death toll rose to 12.") == nil)
    }

    @Test func martyringIsAToll() {
        // ANHA, Al Mayadeen: "…, martyring two citizens"
        let e = TestSupport.extractBody("A Turkish occupation drone targeted a civilian car south of Kobani on Sunday, martyring two citizens.").events
        #expect(e.first?.fatalities == 2, "\(e)")
    }

    /// "a woman and her two children were killed" is three: the one named and her count (either side of
    /// the killing word).
    @Test func oneAndHerCount() {
        #expect(toll("A woman and her two children were killed when an Israeli drone strike hit their home in Sawaneh.") == 3)
        #expect(toll("An Israeli drone strike hit a home in Sawaneh, killing a woman and her two children.") == 3)
    }

}
