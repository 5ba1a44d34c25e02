import Foundation
import Testing
@testable import NewsdropExtraction

@Suite struct DebugTests {
    /// `DEBUG_TEXT=… swift test --filter debugSentence` prints the mentions before merging and the events.
    @Test func debugSentence() throws {
        var text = ProcessInfo.processInfo.environment["DEBUG_TEXT"]
        if let f = ProcessInfo.processInfo.environment["DEBUG_FILE"] { text = try String(contentsOfFile: f, encoding: .utf8) }
        guard let text else { return }
        for m in TestSupport.extractor.mentions(text) { print("  m: \(m)") }
        for e in TestSupport.extract(text).events {
            print("  E: \(e.type.rawValue) actor=\(e.actor.map { "\($0.name)[\($0.text)]" } ?? "-") target=\(e.target.map { "\($0.name)[\($0.text)]" } ?? "-") place=\(e.place.map { "\($0.name)[\($0.text)]" } ?? "-") date=\(e.date?.value ?? "-") dead=\(e.fatalities.map(String.init) ?? "-") src=\(e.source ?? "-") mod=\(e.modality.rawValue)")
        }
    }
}
