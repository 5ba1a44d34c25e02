import Testing
import NewsdropExtraction

/// Titles point at whoever held the office on the event's or the article's date (titles.tsv), and
/// one person under several names is one actor (actors.tsv).
@Suite struct OfficeHolderTests {
    @Test func aTitleIsTheHolderOnTheArticlesDate() {
        let before = TestSupport.extract("""
            Published: March 3, 2016
            Syria's president visited troops in Aleppo on Monday.
            """).events.first { $0.type == .visit }
        #expect(before?.actor?.name == "Bashar al-Assad", "\(String(describing: before))")
        let after = TestSupport.extract("""
            Published: March 3, 2025
            Syria's president visited troops in Aleppo on Monday.
            """).events.first { $0.type == .visit }
        #expect(after?.actor?.name == "Ahmed al-Sharaa", "\(String(describing: after))")
    }

    @Test func aChangedCommandIsFollowed() {
        let e = TestSupport.extract("""
            Published: July 2, 2025
            The IDF chief of staff visited the Golan Heights on Tuesday.
            """).events.first { $0.type == .visit }
        #expect(e?.actor?.name == "Eyal Zamir", "\(String(describing: e))")
    }

    @Test func aNomDeGuerreIsThePersonsOtherName() {
        let e = TestSupport.extract("Abu Mohammad al-Jolani visited Idlib on Monday.").events.first { $0.type == .visit }
        #expect(e?.actor?.name == "Ahmed al-Sharaa", "\(String(describing: e))")
        #expect(e?.actor?.text.contains("Jolani") == true)
    }

    /// A dictionary phrase written with a possessive matches across the text's possessive; any
    /// other phrase still ends at one.
    @Test func aPossessiveInsideAPhraseMatchesOnlyPhrasesWrittenWithOne() {
        let e = TestSupport.extract("""
            Published: May 2, 2025
            Iran's foreign minister met Syrian officials in Damascus on Sunday.
            """).events.first { $0.type == .meet }
        #expect(e?.actor?.name == "Abbas Araghchi", "\(String(describing: e))")
        let s = TestSupport.extract("Government forces shelled Syria's Idlib province on Monday.").events.first { $0.type == .attack }
        #expect(s?.place?.name == "Idlib Governorate" || s?.place?.name == "Idlib", "\(String(describing: s?.place))")
    }

    /// An unknown name introduced by a title is a person: arriving, it visits ("the UN special envoy for
    /// Yemen, Hans Grundberg, arrived in Muscat"); forces arriving deploy.
    @Test func aTitledUnknownNameArrivingVisits() {
        let e = TestSupport.extract("In a separate development, the UN special envoy for Yemen, Hans Grundberg, arrived in Muscat on Thursday for talks with Omani officials.").events
        #expect(e.contains { $0.type == .visit && $0.actor?.name == "Hans Grundberg" }, "\(e)")
        #expect(!e.contains { $0.type == .deploy }, "\(e)")
    }

    /// "The Commander of Ground Forces, Lieutenant General Qassem al-Muhammadi, visited Anbar": the
    /// title's holder is named in apposition, so "the commander" does not refer back to the person
    /// last named.
    @Test func aTitleWithItsHolderInAppositionIsNoReferenceBack() {
        let e = TestSupport.extract("Iranian President Masoud Pezeshkian arrived in Baghdad on Wednesday.\n\nThe Commander of Ground Forces, Lieutenant General Qassem al-Muhammadi, visited Anbar on Monday to inspect the units.").events
        let anbar = e.first { $0.place?.name == "Anbar Governorate" }
        #expect(anbar != nil && anbar?.actor?.name != "Masoud Pezeshkian", "\(e)")
    }

}
