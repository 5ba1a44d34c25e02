import Foundation
import NewsdropExtraction

/// Shared fixtures: the shipped dictionaries (from the checkout) and the test resources.
enum TestSupport {
    /// The repository's `dictionaries/` folder, found from this source file.
    static let dictionaryDirectory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("dictionaries").path
    }()

    static let extractor: DictionaryEventExtractor = {
        do { return try DictionaryEventExtractor(directories: [dictionaryDirectory]) } catch {
            fatalError("cannot load dictionaries: \(error)")
        }
    }()

    /// The `Fixtures` folder in the test bundle.
    static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    static func article(_ path: URL) -> ArticleText {
        let text = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        return ArticleText(id: path.deletingPathExtension().lastPathComponent, text: text, fileName: path.lastPathComponent)
    }

    static func extract(_ text: String) -> Extraction {
        extractor.extract(ArticleText(id: "test", text: text, fileName: "test.txt"))
    }

    /// `text` as the body of an article under a title line: its first sentence is read as body
    /// text, not as a headline (which the reader treats apart).
    static func extractBody(_ text: String) -> Extraction {
        extract("Title line here\n\n" + text)
    }
}
