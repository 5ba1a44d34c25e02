import Foundation
import Testing
@testable import NewsdropExtraction

/// Text no article has but a file can: extraction must stay linear in its size.
@Suite struct HostileTextTests {
    /// 200 KB with no sentence end, dense with actors, triggers and places. Before sentences
    /// were bounded, 250 KB like this took minutes (work per sentence grows faster than its
    /// length); a file of megabytes would have hung the daemon. The bound is a hang guard,
    /// generous for a debug build on a busy machine, not a speed target.
    @Test func aHugeRunOnSentenceDenseWithTriggersFinishes() {
        let clause = "Israeli jets struck Damascus and Hezbollah fighters attacked Albukamal killing seven while Qaani visited Deir ez-Zor and "
        let text = "Headline\n\n" + String(repeating: clause, count: 200_000 / clause.utf8.count)
        let start = ContinuousClock.now
        let extraction = TestSupport.extract(text)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(120), "extraction of 200 KB took \(elapsed)")
        #expect(!extraction.events.isEmpty)
    }
}
