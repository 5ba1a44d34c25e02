import Testing
@testable import NewsdropExtraction

/// Dates read from event sentences: explicit and partial, relative only against a publication date.
@Suite struct DateTests {
    func date(_ sentence: String, published: String? = nil) -> String? {
        var text = ""
        if let published { text += "Published \(published)\n\n" }
        text += sentence
        return TestSupport.extract(text).events.first?.date?.value
    }

    @Test func explicitDates() {
        #expect(date("Israeli jets struck Damascus on September 18, 2023.") == "2023-09-18")
        #expect(date("Israeli jets struck Damascus on 22 September 2019.") == "2019-09-22")
        #expect(date("Israeli jets struck Damascus on 2024-04-01.") == "2024-04-01")
    }

    @Test func partialDatesNeverInventAYear() {
        #expect(date("Israeli jets struck Damascus on September 18.") == "--09-18")
        #expect(date("Israeli jets struck Damascus on January 3rd.") == "--01-03")
        #expect(date("Qaani visited Damascus in early April.") == "--04")
        #expect(date("Qaani visited Damascus in mid-June 2013.") == "2013-06")
        #expect(date("Qaani visited Damascus in 2016.") == "2016")
    }

    @Test func relativeDatesNeedAPublicationDate() {
        #expect(date("Israeli jets struck Damascus on Saturday night.") == nil)
        let e = TestSupport.extract("Israeli jets struck Damascus on Saturday night.").events.first
        #expect(e?.date?.text == "Saturday night")
        // 2024-04-03 was a Wednesday: the Saturday before is 2024-03-30
        #expect(date("Israeli jets struck Damascus on Saturday night.", published: "April 3, 2024") == "2024-03-30")
        #expect(date("Israeli jets struck Damascus yesterday.", published: "April 3, 2024") == "2024-04-02")
        #expect(date("Israeli jets struck Damascus on September 18.", published: "April 3, 2024") == "2023-09-18")
    }

    @Test func dottedAndCommaYearDateLinesGiveThePublicationDate() {
        // Anadolu's "14.03.2024" is one decimal token, a dot and the year; 2024-03-14 was a Thursday
        #expect(date("Turkish warplanes struck Qandil on Wednesday.", published: "14.03.2024") == "2024-03-13")
        #expect(date("Turkish warplanes struck Qandil on 14.03.2024.") == "2024-03-14")
        // Asharq Al-Awsat's "Thursday, 22 February, 2024": a comma between month and year
        #expect(date("Israeli jets struck Khiam on Wednesday.", published: "22 February, 2024") == "2024-02-21")
        // a decimal is no date
        #expect(date("Israeli jets struck Khiam, where 3.5 percent of the homes were lost.") == nil)
    }

    @Test func twoDigitYearDateLinesReadDayFirst() {
        // i24NEWS / Al-Masirah "07.03.24 | 10:42": 2024-03-07 was a Thursday, so "Wednesday" is the 6th
        #expect(date("A Houthi missile struck a ship in the Gulf of Aden on Wednesday.", published: "07.03.24 | 10:42") == "2024-03-06")
        #expect(date("Israeli jets struck Khiam on Sunday.", published: "19.05.24") == "2024-05-19")
        // Al-Masirah: the date line alone under the title, "07.04.24 | 21:35"
        let masirah = TestSupport.extract("US jets strike Hodeidah\n\n07.04.24 | 21:35\n\nAmerican warplanes struck Hodeidah on Saturday, the Houthis said.").events.first
        #expect(masirah?.date?.value == "2024-04-06", "\(String(describing: masirah))")
        // a version number or a single-digit day is no date line
        #expect(date("Israeli jets struck Khiam on Sunday.", published: "1.2.24") == nil)
        #expect(date("Israeli jets struck Khiam on Sunday.", published: "10.12.24.1") == nil)
    }

    @Test func aSpelledDateLineSettlesASwappableNumericOne() {
        // DW: "11/09/2023" (month first) above "November 9, 2023"; 2023-11-09 was a Thursday
        let dw = TestSupport.extract("US strikes weapons site in Syria\n\n11/09/2023\nNovember 9, 2023\n\nTwo US F-15 fighter jets struck a weapons storage facility near Mayadin on Wednesday, Austin said.").events.first
        #expect(dw?.date?.value == "2023-11-08", "\(String(describing: dw))")
        // alone, or under a date that is neither reading, the numeric line is read day first
        #expect(date("Israeli jets struck Khiam on Sunday.", published: "12/03/2024") == "2024-03-10")
        let other = TestSupport.extract("Strikes\n\n12/03/2024\nUpdated April 30, 2024\n\nIsraeli jets struck Khiam on Sunday.").events.first
        #expect(other?.date?.value == "2024-03-10", "\(String(describing: other))")
    }

    /// `dayCountPhrase` skips a sentence without "day", "days" or "later": every phrase of its table
    /// must hold one of them, or it would never be read.
    @Test func everyDayPhraseHoldsAnAnchorWord() {
        let anchors = [ArticleReader.dayWord, ArticleReader.daysWord, ArticleReader.laterWord]
        for (words, _) in ArticleReader.dayAfterPhrases {
            #expect(words.contains { anchors.contains($0) }, "\(words.map { String(decoding: $0, as: UTF8.self) })")
        }
    }

    /// "Hours later", "minutes later" are the day of the event told before: a response told so is
    /// not the next day's strike (a date of its own keeps them apart).
    @Test func hoursLaterIsTheDayOfTheEventToldBefore() {
        let e = TestSupport.extract("""
            Published 14 June 2025

            Israel launched a wave of airstrikes across Iran early Friday, targeting the Natanz facility.

            Iran responded hours later by launching around 100 drones toward Israel, the military said.

            On Saturday night, Iranian ballistic missiles struck a residential building in Bat Yam, killing six people.
            """).events.filter { $0.actor?.name == "Iran" }
        #expect(e.count == 2, "\(e)")
        #expect(e.first?.date?.value == "2025-06-13", "\(String(describing: e.first?.date))")
    }

    @Test func theFollowingDayCountsFromTheEventToldBefore() {
        let text = "Published April 14, 2024\n\nIS fighters ambushed an army bus near Sukhnah on Saturday. Russian warplanes carried out 30 air strikes on IS hideouts near Palmyra the following day."
        let events = TestSupport.extract(text).events
        #expect(events.first { $0.type == .airstrike }?.date?.value == "2024-04-14")
        let later = "Published March 10, 2024\n\nIS militants attacked an army post in Kirkuk on Sunday. Later in the day, Iraqi jets carried out airstrikes on IS hideouts in Hawija."
        #expect(TestSupport.extract(later).events.first { $0.type == .airstrike }?.date?.value == "2024-03-10")
        let twoDays = "Published March 10, 2024\n\nIS militants attacked an army post in Kirkuk on March 2. Two days later, Iraqi jets carried out airstrikes on IS hideouts in Hawija."
        #expect(TestSupport.extract(twoDays).events.first { $0.type == .airstrike }?.date?.value == "2024-03-04")
        // no event told before with a day: no date
        #expect(TestSupport.extractBody("Russian warplanes carried out air strikes near Palmyra the following day.").events.first?.date?.value == nil)
    }

    @Test func ambiguousNumericDatesReadDayFirst() {
        // AFP and Enab Baladi print dd/mm/yyyy; 2023-10-06 was a Friday, so "Thursday" is the 5th
        #expect(date("Israeli jets struck Damascus on Thursday.", published: "06/10/2023") == "2023-10-05")
        #expect(date("Israeli jets struck Damascus on 25/03/2021.") == "2021-03-25")
    }

    @Test func expectedEventsTakeTheComingWeekday() {
        // 2024-11-29 was a Friday: "on Sunday" is 2024-12-01 for a visit still to come, 2024-11-24 for one made
        #expect(date("Araghchi is expected to visit Damascus on Sunday.", published: "November 29, 2024") == "2024-12-01")
        #expect(date("Araghchi visited Damascus on Sunday.", published: "November 29, 2024") == "2024-11-24")
    }

    @Test func thisAfternoonIsThePublicationDay() {
        let e = TestSupport.extract("Turkish drone targets car\n\nKOBANI, 22 December 2024 - A Turkish drone targeted a civilian car south of Kobani this afternoon, killing two citizens.").events
        #expect(e.first?.date?.value == "2024-12-22", "\(e)")
    }

    /// "his first trip abroad since taking office in July": a date in a "since" + gerund phrase dates
    /// that phrase's start, not the event.
    @Test func aDateAfterSinceAndAGerundIsNotTheEvents() {
        let e = TestSupport.extract("Published: September 11, 2024\n\nPezeshkian arrived in Baghdad on Wednesday on an official visit, his first trip abroad since taking office in July.").events
        #expect(!e.contains { $0.date?.value == "2024-07" }, "\(e)")
    }


    @Test func theDateOfWhatIsRespondedToIsNotTheResponses() {
        // "in response to the killing of a senior commander last week": "Earlier in the day" dates the barrage
        let e = TestSupport.extractBody("Published: 14/02/2024\n\nIsraeli airstrikes pounded several towns in the Bekaa Valley on Monday, killing 12 people.\n\nEarlier in the day, Hezbollah said it had fired dozens of rockets at an Israeli military base near Safed in response to the killing of a senior commander last week.").events
        #expect(e.first { $0.place?.name == "Safed" }?.date?.value == "2024-02-12", "\(e)")
    }
}
