import Testing
import NewsdropExtraction

/// Which actor a name in the text stands for.
@Suite struct ActorNameTests {
    /// A person's one-word alias at the end of somebody else's name is not that person: "Ghani"
    /// folds like Ghaani (Qaani), but "Hassan Abdel Ghani" is a Syrian ministry spokesman. After a
    /// title, or alone, the alias still names its person.
    @Test func aSurnameEndingAnotherNameIsNotThatPerson() {
        let other = TestSupport.extractBody("""
            Ministry spokesman Hassan Abdel Ghani said on Monday that security forces had "neutralised" the \
            threat. Government forces had launched the operation on Thursday after gunmen ambushed a \
            security patrol near Jableh, killing 13 members of the General Security Service.
            """).events
        #expect(!other.contains { $0.actor?.id == "esmail-qaani" || $0.target?.id == "esmail-qaani" }, "\(other)")
        let titled = TestSupport.extractBody("Quds Force commander Qaani visited Damascus on Sunday.").events
        #expect(titled.first?.actor?.id == "esmail-qaani", "\(titled)")
        let general = TestSupport.extractBody("Gen. Ghaani visited Damascus on Sunday.").events
        #expect(general.first?.actor?.id == "esmail-qaani", "\(general)")
        let alone = TestSupport.extractBody("On Sunday, Qaani visited Damascus.").events
        #expect(alone.first?.actor?.id == "esmail-qaani", "\(alone)")
    }

    /// A unit the dictionaries do not know, named as a unit of one they know, is that one: not the
    /// unknown actor "Ground" or "Aerospace" (a capitalised force noun now ends the unknown name).
    @Test func anUnknownUnitOfAKnownForceIsThatForce() {
        let a = TestSupport.extractBody("The Ground Force of Iran's Islamic Revolution Guards Corps (IRGC) pounded the headquarters of terrorist groups near Koya on Friday.").events
        #expect(a.first?.actor?.id == "irgc", "\(a)")
        let b = TestSupport.extractBody("The Aerospace Force of the IRGC fired missiles at the headquarters of terrorist groups near Koya on Friday.").events
        #expect(b.first?.actor?.id == "irgc", "\(b)")
        // a unit of nobody known keeps its whole name
        let c = TestSupport.extractBody("The Rapid Support Forces attacked a market in El Fasher on Friday.").events
        #expect(c.first?.actor?.name == "Rapid Support Forces", "\(c)")
    }

    /// A weapon's name between a nationality and the platform it names ("Israeli F-35 jets", "a
    /// Turkish Bayraktar drone", "A US MQ-9 Reaper drone") leaves the nationality the doer.
    @Test func aWeaponsNameDoesNotHideTheNationalityOfThePlatform() {
        for (text, side) in [
            ("Israeli F-35 jets struck targets in Hodeidah on Saturday, killing six people.", "Israel"),
            ("A Turkish Bayraktar drone struck a car near Qamishli on Tuesday, killing two people.", "Turkey"),
            ("A US MQ-9 Reaper drone struck a vehicle in Al-Qaim on Sunday.", "United States"),
        ] {
            let e = TestSupport.extractBody(text).events.first
            #expect(e?.actor?.name == side, "\(text): \(String(describing: e?.actor))")
        }
    }

    @Test func aCountrysResistanceIsTheGroupNotTheState() {
        // "Iraq's Islamic Resistance" is the group the dictionary calls "Islamic Resistance in Iraq"
        let e = TestSupport.extract("Iraq's Islamic Resistance said it launched drones at the port city of Eilat on Monday night.").events
        #expect(e.first?.type == .airstrike && e.first?.actor?.id == "islamic-resistance-in-iraq", "\(e)")
        // an organisation the dictionary does not know stays a group of its own
        let u = TestSupport.extract("Syria's Southern Liberation Front attacked a checkpoint in Daraa on Monday.").events
        #expect(u.first?.actor?.id != "syria", "\(u)")
        // a state's body is still the state
        let m = TestSupport.extract("Syria's Defence Ministry accused Israel of the strike on Monday.").events
        #expect(m.first?.actor?.id == "syria", "\(m)")
    }

    @Test func theHalfOfAHyphenatedCompoundIsNoAgent() {
        // "a campaign by Iran-aligned armed groups": Iran did not do it
        let e = TestSupport.extract("Drones were launched at Eilat on Monday in an attack by Iran-aligned armed groups.").events
        #expect(!e.contains { $0.actor?.id == "iran" }, "\(e)")
    }

    @Test func itAfterAReportVerbIsTheSpeaker() {
        // "X announced that it had targeted": X
        let e = TestSupport.extractBody("Iraq's Islamic Resistance also announced that it had targeted a vital site in Haifa with drones.").events
        #expect(e.first?.actor?.id == "islamic-resistance-in-iraq", "\(e)")
    }

    @Test func aLongerNameOverrunningAShortOneWins() {
        // "The National" (an outlet) is the start of "The National Intelligence Organization"
        let e = TestSupport.extractBody("The National Intelligence Organization neutralized a senior member of the YPG in Qamishli.").events
        #expect(e.first?.actor?.id == "turkish-intelligence", "\(e)")
    }

    @Test func theOneTheyAreLoyalToIsNotTheSubject() {
        let e = TestSupport.extractBody("Arab tribal fighters loyal to Sheikh Ibrahim al-Hafl attacked SDF positions in Thiban.").events
        #expect(e.first?.actor?.id == "arab-tribes", "\(e)")
    }

    @Test func anUnknownNameAfterARankIsAPersonForHe() {
        let e = TestSupport.extractBody("Tribal fighters loyal to Sheikh Ibrahim al-Hafl attacked SDF positions in Thiban.\n\nHe met Iranian officers in Deir ez-Zor city in July.").events
        #expect(e.first { $0.type == .meet }?.actor?.name == "Ibrahim al-Hafl", "\(e)")
    }

    @Test func theMilitantsAreTheGroupThatDidTheLastAttack() {
        // not the victims named as the subject of the passive
        let e = TestSupport.extractBody("Four members of the Popular Mobilization Forces (PMF) were killed in an attack by ISIS on their positions near Udhaim.\n\nThe militants then attacked a checkpoint in Samarra.").events
        #expect(e.first { $0.place?.name == "Samarra'" }?.actor?.id == "isis", "\(e)")
        // and the toll reads over the name's parenthesis
        #expect(e.first?.fatalities == 4, "\(e)")
    }

    @Test func namesAndPlacesOfTheRegionsPress() {
        // data rows: the Axis press's "occupied territories", "Yemeni Armed Forces" (the Houthis), "regime
        // artillery", Syria Direct's "Deir e-Zor", "Kfarchouba", "recaptured", "launched the barrage"
        #expect(TestSupport.extractBody("The IRGC launched dozens of drones and missiles at targets in the occupied territories on Saturday.").events.first?.place?.name == "occupied territories")
        #expect(TestSupport.extractBody("The Yemeni Armed Forces fired ballistic missiles at a ship in the Red Sea on Monday.").events.first?.actor?.id == "houthis")
        #expect(TestSupport.extractBody("Regime artillery shelled the villages of al-Busayrah on Tuesday.").events.first?.actor?.id == "syrian-army")
        let r = TestSupport.extractBody("SDF units recaptured Thiban in eastern Deir e-Zor on Monday.").events
        #expect(r.first?.type == .attack && r.first?.actor?.id == "sdf", "\(r)")
        #expect(TestSupport.extractBody("Israeli artillery shelled the outskirts of Kfarchouba on Monday.").events.first?.place?.name == "Kfar Shouba")
        #expect(TestSupport.extractBody("Hezbollah said its fighters had launched the barrage at military bases in the Golan Heights.").events.first?.type == .attack)
    }

    @Test func theGroupIsNoStatesArmy() {
        // "The group" after a sentence about the IDF is the militia told before, not the IDF
        let e = TestSupport.extractBody("Updated: JUNE 3, 2024 11:42\n\nThe Islamic Resistance in Iraq claimed it had attacked a vital target in Eilat with drones overnight Sunday. The IDF said an aerial target that approached Eilat from the east was intercepted by the Israeli Air Force.\n\nThe group also said it targeted the Golan Heights with a drone.").events
        #expect(e.first { $0.place?.name == "Golan Heights" }?.actor?.id == "islamic-resistance-in-iraq", "\(e)")
    }

    @Test func itInASecondThatClauseOfAReportIsTheSpeaker() {
        let e = TestSupport.extractBody("The Israeli army said its aircraft had struck \"a Hezbollah terrorist cell\" in the area and that it had also hit a weapons depot in the village of Khiam overnight.").events
        #expect(!e.contains { $0.actor?.id == "hezbollah" }, "\(e)")
        #expect(e.contains { $0.place?.name == "Khiam" && $0.actor?.id == "idf" }, "\(e)")
    }

    @Test func theCoalitionIsTheUSLedCoalition() {
        // Xinhua, Baghdad Today, i24NEWS: "the coalition" alone, after or without "the US-led coalition"
        let e = TestSupport.extractBody("The coalition struck three mobile missile launchers near Ras Issa in Hodeidah province.").events.first
        #expect(e?.actor?.id == "us-forces", "\(String(describing: e))")
        // "a coalition of militias" is none
        let m = TestSupport.extractBody("A coalition of Iran-backed militias attacked the base near Erbil.").events.first
        #expect(m?.actor?.id != "us-forces", "\(String(describing: m))")
    }

    /// "It accused the regime of shelling …": "it" opening a sentence as the subject of an active verb
    /// is the group last named (here the SDF of the sentence before).
    @Test func anOpeningItIsTheGroupLastNamed() {
        let e = TestSupport.extract("The SDF said in a statement that its forces had repelled an attack on Dhiban. It accused the regime of shelling residential neighbourhoods in Dhiban.").events
        #expect(e.contains { $0.type == .accuse && $0.actor?.name == "Syrian Democratic Forces" }, "\(e)")
    }

    /// "The Iraqi Foreign Ministry summoned the Iranian ambassador, Mohammad Kazem Al-e Sadeq, …, calling
    /// them a violation": a participle after the comma closing a clause whose verb is no trigger shares
    /// the sentence's opening subject, not the nearest name.
    @Test func aClosingParticipleSharesTheOpeningSubject() {
        let e = TestSupport.extract("The Iraqi Foreign Ministry summoned the Iranian ambassador in Baghdad, Mohammad Kazem Al-e Sadeq, on Wednesday to protest against the strikes, calling them a violation of Iraq's sovereignty.").events
        let a = e.first { $0.type == .accuse }
        #expect(a != nil && a?.actor?.name != "Sadeq" && a?.actor?.text != "Sadeq", "\(e)")
    }

}
