import Foundation
import Testing
import NewsdropExtraction

@Suite struct DebugTests {
    @Test func debugSentence() throws {
        guard let s = ProcessInfo.processInfo.environment["DEBUG_TEXT"] else { return }
        let x = TestSupport.extract(s)
        for e in x.events {
            print("  \(e.type.rawValue) actor=\(e.actor.map { "\($0.name)[\($0.text)]" } ?? "-") target=\(e.target.map { "\($0.name)[\($0.text)]" } ?? "-") place=\(e.place.map { "\($0.name)[\($0.text)]" } ?? "-") date=\(e.date?.value ?? "-") dead=\(e.fatalities.map(String.init) ?? "-") src=\(e.source ?? "-") mod=\(e.modality.rawValue)")
        }
    }
}
