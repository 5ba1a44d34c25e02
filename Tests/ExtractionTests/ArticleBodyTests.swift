import Foundation
import Testing
import NewsdropExtraction

/// Site furniture (comment sections, share and newsletter boxes, teasers) yields no events.
@Suite struct ArticleBodyTests {
    /// The byte offset where a seed's comment section (or the furniture before it) begins.
    static let furnitureStarts: [(file: String, marker: String)] = [
        ("000_7e37a96c67a979a1.txt", "One Response"),
        ("003_09cd4174c45e52c6.txt", "ALSO READ"),
        ("003_09cd4174c45e52c6.txt", "Advertisements"),
    ]

    @Test func seedCommentSectionsYieldNoEvents() throws {
        for (file, marker) in ArticleBodyTests.furnitureStarts {
            let article = TestSupport.article(TestSupport.fixtures.appendingPathComponent("seeds/\(file)"))
            let bytes = Array(article.text.utf8)
            let m = Array(marker.utf8)
            let at = try #require((0...(bytes.count - m.count)).first { bytes[$0..<($0 + m.count)].elementsEqual(m) }, "\(marker) not in \(file)")
            let x = TestSupport.extractor.extract(article)
            #expect(!x.events.isEmpty)
            if marker == "ALSO READ" {
                // a teaser line in the middle of the body: nothing from that line
                let lineEnd = bytes[at...].firstIndex(of: 0x0A) ?? bytes.count
                for e in x.events { #expect(!(at..<lineEnd).contains(e.sentenceOffset), "\(file): event from the teaser: \(e.sentence)") }
            } else {
                for e in x.events { #expect(e.sentenceOffset < at, "\(file): event from the comment section: \(e.sentence)") }
            }
        }
    }

    @Test func commentSectionAfterABodyIsSkipped() {
        let text = """
        Israeli jets strike Iranian depot near Damascus

        Israeli warplanes struck a weapons depot near Damascus on Monday, a war monitor said.

        3 Comments

        Abu Hassan
        2024-02-12 10:41

        Hezbollah attacked Israeli troops in the Golan yesterday and killed twenty soldiers.

        Reply to  Abu Hassan
        """
        let x = TestSupport.extract(text)
        #expect(x.events.map(\.type) == [.airstrike])
    }

    @Test func shareAndNewsletterBoxesAreSkipped() {
        let text = """
        Turkish drones hit SDF positions in Hasakah

        Turkish drones struck positions of the Syrian Democratic Forces near Qamishli on Tuesday, killing three fighters.

        Share this article:
        Facebook
        Twitter
        Sign up for our Newsletter
        Subscribe to get the latest on the Houthis' attacks on shipping in the Red Sea.
        ALSO READ  Russian jets bomb rebel positions in Idlib
        """
        let x = TestSupport.extract(text)
        #expect(x.events.count == 1)
        #expect(x.events.first?.type == .airstrike)
        #expect(x.events.first?.fatalities == 3)
    }
}
