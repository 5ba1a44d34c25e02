import Testing
import NewsdropExtraction

/// Which actor a name in the text stands for.
@Suite struct ActorNameTests {
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
}
