import Foundation
import Testing
import NewsdropExtraction

/// Trigger readings dropped by their context: a `not-next:` word right after ("carrier strike
/// groups"), a count after "leaving" (what a strike leaves behind, not a withdrawal).
@Suite struct TriggerContextTests {
    /// The Syrian state press's "launched an aggression" is an attack (a data row with a `prev:`
    /// context); "the aggression" alone, as in "condemned the aggression", is none.
    @Test func launchingAnAggressionIsAnAttack() {
        let e = TestSupport.extractBody("On August 25th, the Israeli enemy launched an aggression targeting a site in the vicinity of Masyaf, which led to the martyrdom of five civilians.").events
        #expect(e.count == 1 && e.first?.actor?.name == "Israel" && e.first?.fatalities == 5, "\(e)")
        #expect(TestSupport.extractBody("The foreign ministry condemned the aggression in a statement on Monday.").events.allSatisfy { $0.type != .attack })
    }

    @Test func aStrikeGroupIsAUnitNotAStrike() {
        let events = TestSupport.extract("The United States has deployed two aircraft carrier strike groups to the eastern Mediterranean since October 7.").events
        #expect(!events.contains { $0.type == .airstrike }, "\(events)")
        // nor a verb: "strike" bounding the deployment's clause would take its place away
        #expect(events.first { $0.type == .deploy }?.place?.name == "Mediterranean Sea", "\(events)")
    }

    @Test func leavingACountIsNoWithdrawal() {
        let a = TestSupport.extract("The Pentagon said US forces had come under attack 13 times in Iraq, leaving about two dozen American troops with minor injuries.").events
        #expect(!a.contains { $0.type == .withdraw }, "\(a)")
        let b = TestSupport.extract("Turkish bombardment hit at least 15 targets in Qamishli, leaving more than a million people without electricity.").events
        #expect(!b.contains { $0.type == .withdraw }, "\(b)")
        let c = TestSupport.extract("Russian forces left the Tiyas air base on Monday.").events
        #expect(c.contains { $0.type == .withdraw }, "\(c)")
    }

    /// `not-count` is a context of the triggers file, not a rule for one trigger: a user's own
    /// trigger can carry it.
    @Test func notCountIsAContextAnyTriggerCanCarry() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdrop-not-count-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id\tphrases\tpos\ttype\tcameo\troles\tcontext\nvacate\tvacate\tverb\twithdraw\t0874\tagent\tnot-count\n"
            .write(toFile: dir + "/triggers-local.tsv", atomically: true, encoding: .utf8)
        let x = try DictionaryEventExtractor(directories: [TestSupport.dictionaryDirectory, dir])
        func types(_ text: String) -> [EventType] { x.extract(ArticleText(id: "t", text: text, fileName: "t.txt")).events.map(\.type) }
        #expect(types("Russian forces vacated the Tiyas air base on Monday.").contains(.withdraw))
        #expect(!types("Russian forces vacated 300 homes near the Tiyas air base on Monday.").contains(.withdraw))
    }

    @Test func aVerbOnlyTriggerAfterADeterminerIsANoun() {
        // "a vital target" is no verb bounding the clause: Eilat stays the attack's place
        let e = TestSupport.extract("The Islamic Resistance in Iraq said it had attacked \"a vital target\" in Eilat with drones overnight Sunday.").events.first
        #expect(e?.place?.name == "Eilat", "\(String(describing: e))")
    }

    @Test func thePurposeOfAJourneyHappensWithIt() {
        let events = TestSupport.extract("Foreign Minister Hakan Fidan later travelled to Erbil to meet Kurdistan Region Prime Minister Masrour Barzani.").events
        #expect(events.contains { $0.type == .visit && $0.place?.name == "Erbil" }, "\(events)")
        #expect(events.contains { $0.type == .meet }, "\(events)")
        // an announced journey's purpose stays expected
        let later = TestSupport.extract("Foreign Minister Hakan Fidan is expected to travel to Erbil to meet Masrour Barzani.").events
        #expect(!later.contains { $0.type == .meet && $0.modality != .expected }, "\(later)")
    }

    @Test func forcesAdvancingOnAPlaceAttackIt() {
        let e = TestSupport.extract("Israeli tanks advanced on the outskirts of Rafah on Tuesday, residents said.").events.first
        #expect(e?.type == .attack, "\(String(describing: e))")
        #expect(e?.place?.name.contains("Rafah") == true, "\(String(describing: e?.place))")
        // only forces advance on a place: talks that advance are no attack
        #expect(!TestSupport.extract("Ceasefire talks advanced on Tuesday in Cairo.").events.contains { $0.type == .attack })
    }

    @Test func takingControlOfAPlaceIsAnAttack() {
        let e = TestSupport.extract("Fighters led by Hayat Tahrir al-Sham swept into Aleppo on Saturday, taking control of most of the city.").events.first
        #expect(e?.type == .attack, "\(String(describing: e))")
        #expect(e?.actor?.name == "Hayat Tahrir al-Sham", "\(String(describing: e?.actor))")
    }

    @Test func theWeaponOfAWithPhraseLaterInTheClauseIsContext() {
        // "targeted" needs a weapon near it; "with Katyusha rockets" after the object's place is one
        let e = TestSupport.extract("Hezbollah said it targeted a barracks in Kiryat Shmona with Katyusha rockets on Monday.").events
        #expect(e.count == 1 && e.first?.type == .attack && e.first?.actor?.id == "hezbollah", "\(e)")
        // no weapon: a plain verb
        #expect(TestSupport.extract("Hezbollah said it targeted a barracks in Kiryat Shmona on Monday.").events.isEmpty)
    }

    @Test func aQuantityAndQuoteMarksDoNotCountTowardsTheContextStretch() {
        // "fired "a number of appropriate naval missiles"": missiles is the sixth word, after a quantity
        let e = TestSupport.extractBody("Houthi military spokesman Yahya Saree said the group had fired \"a number of appropriate naval missiles\" at the American tanker Torm Thor in the Gulf of Aden.").events
        #expect(e.count == 1 && e.first?.type == .airstrike && e.first?.place?.name == "Gulf of Aden", "\(e)")
    }

    @Test func anAttackMadeWithDronesIsAnAirstrike() {
        let e = TestSupport.extractBody("The Islamic Resistance in Iraq said it had attacked \"a vital target\" in Eilat with drones on Sunday.").events
        #expect(e.count == 1 && e.first?.type == .airstrike, "\(e)")
    }

    @Test func theObjectOfANegatedVerbIsNoEvent() {
        // "have not resumed attacks": the attacks did not happen; without "not" they did
        let n = TestSupport.extractBody("The Houthis have not resumed attacks on commercial shipping in the Red Sea as of this writing.").events
        #expect(n.isEmpty, "\(n)")
        let p = TestSupport.extractBody("The Houthis resumed attacks on commercial shipping in the Red Sea on Monday.").events
        #expect(p.count == 1 && p.first?.actor?.name == "Houthis", "\(p)")
    }

    @Test func talksThatStallAreNoMeeting() {
        // a headline's "as ceasefire talks stall" (data: the talks row's not-next words)
        let e = TestSupport.extract("Israeli strike on school kills 18 in Gaza City, as ceasefire talks stall\n\nAt least 18 Palestinians were killed on Saturday when an Israeli warplane bombed a school in Gaza City.").events
        #expect(!e.contains { $0.type == .meet }, "\(e)")
        #expect(e.contains { $0.type == .airstrike }, "\(e)")
        let m = TestSupport.extractBody("Lebanese and Israeli officials held talks in Naqoura on Monday.").events
        #expect(m.contains { $0.type == .meet }, "\(m)")
    }

    @Test func openAfterAPrepositionIsNoVerb() {
        // "fell in open areas, the military said": no base opened ('open' a lemma of its own in triggers.tsv;
        // a verb-only base form after a preposition is no verb); "opened a new base" is
        let n = TestSupport.extractBody("Most of the rockets were intercepted and the rest fell in open areas, the military said.").events
        #expect(!n.contains { $0.type == .establish }, "\(n)")
        let p = TestSupport.extractBody("The IRGC opened a new base in Deir ez-Zor on Monday.").events
        #expect(p.contains { $0.type == .establish }, "\(p)")
    }

    @Test func sendingResidentsToSheltersIsNoDeployment() {
        let n = TestSupport.extractBody("Sirens sounded in Tel Aviv and the surrounding area, sending residents to shelters shortly before dawn.").events
        #expect(!n.contains { $0.type == .deploy }, "\(n)")
        let p = TestSupport.extractBody("The army sent troops to Jenin on Monday.").events
        #expect(p.contains { $0.type == .deploy }, "\(p)")
    }

    @Test func whatALandmineOrAStrikeLeftIsNoWithdrawal() {
        // "left by", "left it", and a participle after a strike of its sentence tell what was left behind
        let a = TestSupport.extractBody("A landmine left by the jihadists exploded under a car near Kabajeb on Saturday, killing three civilians.").events
        #expect(!a.contains { $0.type == .withdraw } && a.contains { $0.type == .attack && $0.fatalities == 3 }, "\(a)")
        let b = TestSupport.extractBody("The Rubymar sank after a Houthi missile left it taking on water in the Bab al-Mandab strait.").events
        #expect(!b.contains { $0.type == .withdraw }, "\(b)")
        let c = TestSupport.extractBody("A second drone strike hit a power station near Qahtaniyah, leaving the area without electricity.").events
        #expect(!c.contains { $0.type == .withdraw } && c.contains { $0.type == .airstrike }, "\(c)")
        // a withdrawal of its own still is one
        let d = TestSupport.extractBody("Russian forces left the Tiyas air base on Monday.").events
        #expect(d.contains { $0.type == .withdraw }, "\(d)")
    }

    @Test func rocketsThatFellAreAnAttack() {
        let e = TestSupport.extractBody("Two rockets fell near the Victory base adjacent to Baghdad International Airport on Thursday night.").events
        #expect(e.first?.type == .attack && e.first?.place?.name == "Victory Base", "\(e)")
        #expect(TestSupport.extractBody("The regime fell in December.").events.isEmpty)
    }

    @Test func whatIsSuspendedOrProtestedIsNoEvent() {
        let a = TestSupport.extractBody("Kataib Hezbollah announced on January 30 the suspension of its military operations against American forces.").events
        #expect(!a.contains { $0.type == .attack }, "\(a)")
        let b = TestSupport.extractBody("Thousands took to the streets in Qamishli on Tuesday to protest the drone strikes.").events
        #expect(!b.contains { $0.type == .airstrike }, "\(b)")
    }

    @Test func targetsAfterAStrikeVerbsObjectAreANoun() {
        // "aircraft … targets": the drone/aircraft context of the verb-only trigger "target" is there, but
        // "targets" is the head of "struck"'s object, so the place, day and toll after it are the strike's
        for text in ["Israeli aircraft struck Hezbollah targets in Khiam on Tuesday, killing two fighters.",
                     "Israeli aircraft struck military targets in Khiam on Tuesday, killing two fighters.",
                     "Israeli warplanes hit several Hezbollah targets in Khiam on Tuesday, killing two fighters."] {
            let e = TestSupport.extractBody(text).events
            #expect(e.count == 1, "\(e)")
            #expect(e.first?.type == .airstrike && e.first?.place?.name == "Khiam" && e.first?.fatalities == 2, "\(text): \(e)")
        }
    }

    @Test func bombsDroppedFromTheAirAreAnAirStrike() {
        // triggers.tsv drop-bombs: "dropped barrel bombs on villages"
        let e = TestSupport.extractBody("Syrian government helicopters dropped barrel bombs on villages in the southern countryside of Idlib on Tuesday.").events
        #expect(e.first?.type == .airstrike && e.first?.actor?.id == "syria" && e.first?.place?.name == "Idlib", "\(e)")
    }

    /// "struck Houthi targets": a name or an adjective between a strike verb and a verb-only trigger
    /// in its -s form makes it a plural noun, like "struck targets"; read as a verb ("Houthi targets
    /// …") it cut the strike off before its place, date and toll.
    @Test func targetsAfterANameAfterAStrikeVerbIsANoun() {
        let e = TestSupport.extract("Published: 31 May 2024\n\nAmerican warplanes struck Houthi targets in Hodeidah late Thursday, killing sixteen people.").events
        #expect(e.count == 1, "\(e)")
        #expect(e.first?.place?.name == "Hodeidah" && e.first?.fatalities == 16 && e.first?.date?.value == "2024-05-30", "\(e)")
    }

    /// A `next:` word in a "with" phrase past an initial's period: "USS Dwight D. Eisenhower … with
    /// missiles and drones" (the period of "D." ended the clause).
    @Test func aWithPhrasePastAnInitial() {
        let e = TestSupport.extract("The Houthis said they had targeted the aircraft carrier USS Dwight D. Eisenhower in the northern Red Sea with missiles and drones.").events
        #expect(e.contains { $0.type == .airstrike && $0.actor?.name == "Houthis" }, "\(e)")
    }

}
