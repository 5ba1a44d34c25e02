import Testing
import NewsdropExtraction

/// A participle after a strike or an attack of its sentence ("…, killing a number of terrorists
/// and destroying their hideouts") tells more of that event, not another one.
@Suite struct ParticipleTests {
    @Test func aParticipleAfterAnAttackIsTheSameEvent() {
        let events = TestSupport.extract("The Syrian army launched an operation against Daesh terrorists in the desert of al-Mayadeen on Monday, killing a number of terrorists and destroying their hideouts and weapons.").events
        #expect(events.filter { $0.type == .attack || $0.type == .airstrike }.count == 1, "\(events)")
    }

    @Test func destroyingTargetsAloneIsAnAttack() {
        let e = TestSupport.extract("Turkish warplanes destroyed 17 targets in the Hakurk region on Wednesday.").events.first
        #expect(e?.type == .airstrike || e?.type == .attack)
        #expect(e?.actor?.name == "Turkey" || e?.actor?.name == "Turkish Armed Forces", "\(String(describing: e?.actor))")
    }

    @Test func unitsDeployedAlongABorderAreNoDeployment() {
        // the participle describes the units a visitor inspected: a visit, no deployment
        let events = TestSupport.extract("Major General Hossein Salami visited the border region on Tuesday and inspected the units deployed along the frontier.").events
        #expect(!events.contains { $0.type == .deploy }, "\(events)")
        #expect(events.contains { $0.type == .visit })
        // a force that opens its sentence deploys
        let opening = TestSupport.extract("Turkish troops deployed along the border with Syria on Tuesday.").events
        #expect(opening.contains { $0.type == .deploy }, "\(opening)")
    }
}
