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

    /// Three articles whose gold was written after the extra set had been tuned on (first look:
    /// F1 0.632); they have been looked at since, so this is a floor, not a held-out measure.
    @Test func laterArticlesStayAboveTheFloor() throws {
        let r = try ScoreReport.run(folder: "holdout", gold: "holdout-gold.jsonl")
        #expect(r.f1 >= 0.85, "holdout full-match F1 \(r.f1)\n\(r.output)")
    }

    /// Eight articles in the styles of outlets the other sets lack (Reuters, L'Orient Today, AFP,
    /// Rudaw, SANA, Enab Baladi, Times of Israel, Tehran Times), gold written before the first run
    /// (F1 0.575); tuned on since, so a floor, not a held-out measure.
    @Test func extra2ArticlesStayAboveTheFloor() throws {
        let r = try ScoreReport.run(folder: "extra2", gold: "extra2-gold.jsonl")
        #expect(r.f1 >= ScoringTests.extra2Floor, "extra2 full-match F1 \(r.f1)\n\(r.output)")
    }

    static let extra2Floor = 0.82

    /// Three articles (AP, Al Jazeera, North Press) written after the extra2 tuning, before any run
    /// on them (first run F1 0.562, 17 gold events); tuned on since, so again only a floor.
    @Test func extra3ArticlesStayAboveTheFloor() throws {
        let r = try ScoreReport.run(folder: "extra3", gold: "extra3-gold.jsonl")
        #expect(r.f1 >= 0.85, "extra3 full-match F1 \(r.f1)\n\(r.output)")
    }

    /// Three articles (Naharnet, Rudaw, Reuters) written after the extra3 tuning (first run F1 0.560,
    /// 14 gold events); tuned on since.
    @Test func extra4ArticlesStayAboveTheFloor() throws {
        let r = try ScoreReport.run(folder: "extra4", gold: "extra4-gold.jsonl")
        #expect(r.f1 >= 0.7, "extra4 full-match F1 \(r.f1)\n\(r.output)")
    }

    @Test func extractionIsDeterministic() throws {
        let dir = TestSupport.fixtures.appendingPathComponent("seeds")
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) where f.hasSuffix(".txt") {
            let a = TestSupport.article(dir.appendingPathComponent(f))
            #expect(TestSupport.extractor.extract(a) == TestSupport.extractor.extract(a))
        }
    }
}
