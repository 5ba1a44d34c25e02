import Foundation
import Testing
import NewsdropExtraction

/// The extractor against hand-coded gold with the rules of score.py (see GUIDELINES.md).
@Suite struct ScoringTests {
    @Test func seedsReachFullMatchF1OfPoint9WithDatesAndTollsRight() throws {
        let r = try ScoreReport.run(folder: "seeds", gold: "seeds-gold.jsonl")
        #expect(r.f1 >= 0.9, "seeds full-match F1 \(r.f1)\n\(r.output)")
        #expect(r.datesScored > 0 && r.datesRight == r.datesScored, "dates \(r.datesRight)/\(r.datesScored)\n\(r.output)")
        #expect(r.fatalitiesScored > 0 && r.fatalitiesRight == r.fatalitiesScored, "fatalities \(r.fatalitiesRight)/\(r.fatalitiesScored)\n\(r.output)")
    }

    /// Articles composed for the tests in other outlets' styles (wire datelines, monitors, Iraq,
    /// Lebanon, Yemen); a floor so that generalization does not silently regress.
    @Test func extraArticlesStayAboveTheFloor() throws {
        let r = try ScoreReport.run(folder: "extra", gold: "extra-gold.jsonl")
        #expect(r.f1 >= ScoringTests.extraFloor, "extra full-match F1 \(r.f1)\n\(r.output)")
        #expect(r.datesRight * 10 >= r.datesScored * 8, "dates \(r.datesRight)/\(r.datesScored)\n\(r.output)")
        #expect(r.fatalitiesRight * 10 >= r.fatalitiesScored * 8, "fatalities \(r.fatalitiesRight)/\(r.fatalitiesScored)\n\(r.output)")
    }

    static let extraFloor = 0.88

    /// A later set and its floor. Each set's gold was written before the extractor first ran on
    /// it; each has been tuned on since, so these are floors, not held-out measures.
    struct LaterSet: Sendable, CustomStringConvertible {
        var folder: String
        var floor: Double
        var description: String { folder }
    }

    /// - holdout: three articles written after the extra set's tuning (first run F1 0.632);
    /// - extra2: eight in the styles of Reuters, L'Orient Today, AFP, Rudaw, SANA, Enab Baladi,
    ///   Times of Israel, Tehran Times (first run 0.575);
    /// - extra3: AP, Al Jazeera, North Press, after the extra2 tuning (first run 0.562);
    /// - extra4: Naharnet, Rudaw, Reuters, after the extra3 tuning (first run 0.560);
    /// - extra5: Al Jazeera, Kurdistan24, Asharq Al-Awsat, Anadolu, Jerusalem Post, Press TV, North
    ///   Press, after the extra4 tuning (first run 0.611);
    /// - extra6: BBC, The National, Middle East Eye, Long War Journal, Shafaq News, Daily Sabah, Syria
    ///   Direct, Al Mayadeen English, after the extra5 tuning (first run 0.684);
    /// - extra7: Ynet, VOA, ISW, Arab News, ACLED, ANHA (Hawar), The New Arab, Middle East Monitor,
    ///   after the extra6 tuning (first run 0.739);
    /// - extra8: France 24, The Guardian, i24NEWS, Hürriyet Daily News, IRNA, Xinhua, Al-Masirah,
    ///   Baghdad Today, after the extra7 tuning (first run 0.734);
    /// - extra9: Haaretz, Mehr, Al Arabiya English, TRT World, Deir Ezzor 24, INA, DW, LBCI, after the
    ///   extra8 tuning (first run 0.667).
    static let laterSets = [
        LaterSet(folder: "holdout", floor: 0.85), LaterSet(folder: "extra2", floor: 0.84),
        LaterSet(folder: "extra3", floor: 0.85), LaterSet(folder: "extra4", floor: 0.8),
        LaterSet(folder: "extra5", floor: 0.86), LaterSet(folder: "extra6", floor: 0.88),
        LaterSet(folder: "extra7", floor: 0.86), LaterSet(folder: "extra8", floor: 0.82),
        LaterSet(folder: "extra9", floor: 0.86),
    ]

    @Test(arguments: laterSets)
    func laterArticlesStayAboveTheirFloor(_ set: LaterSet) throws {
        let r = try ScoreReport.run(folder: set.folder, gold: set.folder + "-gold.jsonl")
        #expect(r.f1 >= set.floor, "\(set.folder) full-match F1 \(r.f1)\n\(r.output)")
    }

    @Test func extractionIsDeterministic() throws {
        let dir = TestSupport.fixtures.appendingPathComponent("seeds")
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) where f.hasSuffix(".txt") {
            let a = TestSupport.article(dir.appendingPathComponent(f))
            #expect(TestSupport.extractor.extract(a) == TestSupport.extractor.extract(a))
        }
    }
}
