import Testing
import NewsdropExtraction

/// What a strike's target is not: half of a hyphenated compound ("the Britain-based Observatory",
/// "the Israel-Hamas war"), or the striker's own side.
@Suite struct TargetTests {
    /// A weapon's name (cues.tsv, `weapon`) is no target, actor or place: "Katyusha rockets", "a
    /// Burkan missile"; and "Bayraktar" is no longer a Turkish village's alias in the gazetteer.
    @Test func aWeaponsNameIsNoTargetActorOrPlace() {
        let a = TestSupport.extractBody("Hezbollah fired a barrage of Katyusha rockets at an Israeli army barracks in Kiryat Shmona on Tuesday.").events.first
        #expect(a?.actor?.name == "Hezbollah" && a?.target == nil, "\(String(describing: a))")
        let b = TestSupport.extractBody("The Houthis launched Shahed drones and a Burkan missile at Eilat on Friday.").events.first
        #expect(b?.target == nil, "\(String(describing: b?.target))")
        let c = TestSupport.extractBody("A US MQ-9 Reaper drone struck a vehicle in Al-Qaim on Sunday.").events.first
        #expect(c?.actor?.name != "Reaper", "\(String(describing: c?.actor))")
        let d = TestSupport.extractBody("Turkey said a Bayraktar drone struck PKK positions on Sunday.").events.first
        #expect(d?.place?.country != "TR", "\(String(describing: d?.place))")
    }

    @Test func aHyphenatedModifierIsNoTarget() {
        let e = TestSupport.extract("Government forces shelled villages near Saraqeb late Tuesday, killing six civilians, the Britain-based Syrian Observatory for Human Rights said.").events.first
        #expect(e?.target?.text.hasSuffix("-") != true, "\(String(describing: e?.target))")
        let f = TestSupport.extract("An Israeli aircraft struck a tent encampment in Khan Younis amid the Israel-Hamas war.").events.first
        #expect(f?.target == nil, "\(String(describing: f?.target))")
    }

    @Test func aSideDoesNotTargetItself() {
        let e = TestSupport.extract("Turkish Defence Minister Yasar Guler said the Turkish army had neutralised 58 militants in northern Iraq, Ankara said.").events.first
        #expect(e?.target?.name != "Turkey", "\(String(describing: e?.target))")
    }

    @Test func theObjectPlaceOverAnAdjectiveAndNotTheRetaliatedEventsPlace() {
        // "the Israeli Metula barracks": the object is a place over its adjective
        let m = TestSupport.extract("Hezbollah said its fighters targeted the Israeli Metula barracks with rockets on Monday.").events
        #expect(m.first?.place?.name == "Metula", "\(m)")
        // "in retaliation for … the onslaught on Gaza": Gaza is the place of what is retaliated for
        let r = TestSupport.extract("The Islamic Resistance in Iraq says it has targeted two US military bases in Syria with drones in retaliation for Washington's support for the Israeli onslaught on Gaza.").events
        #expect(r.first?.place?.name == "Syria", "\(r)")
        // "in what it described as a response to …": a response noun with "to"/"for" opens the same background
        let d = TestSupport.extract("The Islamic Resistance in Iraq said on Tuesday it had targeted an Israeli air base in the occupied Golan Heights with drones, in what it described as a response to the massacres in Gaza.").events
        #expect(d.first?.place?.name == "Golan Heights", "\(d)")
    }

    @Test func whereARoadLeadsIsNotThePlace() {
        let e = TestSupport.extractBody("In Kirkuk, Iraqi Security Forces (ISF) and the Hashd al-Shaabi reinforced their positions on the road to Erbil on Monday.").events
        #expect(e.first?.place?.name == "Kirkuk", "\(e)")
    }

    @Test func aSubordinateClauseWithASubjectHasPlacesOfItsOwn() {
        // "… as the IDF intercepted a target over the Red Sea": not where the drone attacks were
        let e = TestSupport.extractBody("Iraq's Islamic Resistance claimed two drone attacks on Israel overnight as the IDF intercepted a suspicious aerial target over the Red Sea.").events
        #expect(e.first != nil && e.first?.place?.name != "Red Sea", "\(e)")
    }

    @Test func theSideAnActStandsWithIsNoTarget() {
        // "in coordination with the Iranian armed forces and in solidarity with Iran": Iran is no target
        let e = TestSupport.extractBody("The Houthis claimed that they fired ballistic missiles at Jaffa in coordination with the Iranian armed forces and in solidarity with Iran on June 15.").events
        #expect(e.count == 1 && e.first?.actor?.name == "Houthis", "\(e)")
        #expect(e.first?.target == nil, "\(e)")
    }

    @Test func aPlaceInAHyphenatedModifierIsNoPlace() {
        // "Iran-linked targets in Iraq and Syria": Iran names who the targets are linked to, not where they are
        let e = TestSupport.extractBody("The US launched strikes on Iran-linked targets in Iraq and Syria on Friday.").events
        #expect(e.first?.place?.name == "Iraq", "\(e)")
    }
}
