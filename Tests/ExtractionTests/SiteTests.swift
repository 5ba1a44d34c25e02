import Testing
import NewsdropExtraction

/// Sites GeoNames lacks come from places-extra.tsv: a multi-word site is one place, never split
/// into a place and a target.
@Suite struct SiteTests {
    @Test func anAirportIsOnePlaceWithItsCountry() {
        let e = TestSupport.extract("The Houthis said they fired a ballistic missile at Ben Gurion Airport near Tel Aviv on Sunday.")
            .events.first { $0.type == .airstrike }
        #expect(e?.place?.name == "Ben Gurion Airport", "\(String(describing: e))")
        #expect(e?.place?.country == "IL")
        #expect(e?.target == nil, "\(String(describing: e?.target))")
    }

    @Test func aForeignBaseIsThePlaceNotItsCountry() {
        let e = TestSupport.extract("Iran retaliated with a missile attack on Al Udeid Air Base in Qatar on Monday.")
            .events.first { $0.type == .airstrike || $0.type == .attack }
        #expect(e?.place?.name == "Al Udeid Air Base", "\(String(describing: e))")
    }

    @Test func postWarSyrianSecurityForcesAreOneActor() {
        let e = TestSupport.extract("Syrian General Security forces clashed with Druze gunmen in Sweida on Monday.")
            .events.first { $0.type == .attack }
        #expect(e?.actor?.name == "Syrian security forces", "\(String(describing: e))")
    }
}
