import Foundation
import Testing
import NewsdropExtraction

/// Dictionaries load from the shipped folder then override folders; bad rows name file and line.
@Suite struct DictionaryLoadingTests {
    /// A temporary folder, removed by the caller.
    func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdrop-dict-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func malformedRowReportsFileAndLine() throws {
        let dir = try folder(["actors.tsv": "# comment\nid\tname\tkind\tcountry\taffiliation\taliases\tadjectives\nfoo-group\tFoo Group\tarmed-group\tSY\t\t\t\nbroken row with spaces\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try Dictionaries.load(from: [TestSupport.dictionaryDirectory, dir])
            Issue.record("a malformed row loaded")
        } catch let e as DictionaryError {
            #expect(e.file == dir + "/actors.tsv")
            #expect(e.line == 4)
            #expect(e.description.hasPrefix(dir + "/actors.tsv:4: "))
        }
    }

    @Test func badKindAndBadHeaderAreReported() throws {
        let badKind = try folder(["triggers.tsv": "id\tphrases\tpos\ttype\tcameo\troles\tcontext\nlob\tlob\tverb\tfrobnicate\t-\tagent\t\n"])
        defer { try? FileManager.default.removeItem(atPath: badKind) }
        #expect(throws: DictionaryError.self) { try Dictionaries.load(from: [TestSupport.dictionaryDirectory, badKind]) }
        let badHeader = try folder(["places-local.tsv": "name\tid\n"])
        defer { try? FileManager.default.removeItem(atPath: badHeader) }
        do {
            _ = try Dictionaries.load(from: [TestSupport.dictionaryDirectory, badHeader])
            Issue.record("a bad header loaded")
        } catch let e as DictionaryError {
            #expect(e.line == 1)
            #expect(e.file.hasSuffix("places-local.tsv"))
        }
    }

    /// A file saved with Windows line ends, fields padded with spaces and no-break spaces, and a
    /// list with empty items loads like its plain form (and a bad row still names its line).
    @Test func crlfLinesAndPaddedFieldsLoadLikePlainOnes() throws {
        let plain = "id\tname\tkind\tcountry\tadmin\tlat\tlon\tpopulation\taliases\nx-tel-quuxa\tTel Quuxa\tsite\tSY\t\t35.1\t36.2\t0\tTell Quuxa|Tal Quuxa\n"
        let padded = "# comment\r\nid\tname\tkind\tcountry\tadmin\tlat\tlon\tpopulation\taliases\r\n\r\n"
            + "x-tel-quuxa\t \u{A0}Tel Quuxa\u{2009}\tsite \tSY\t\t35.1\t36.2\t0\t|Tell Quuxa | | Tal Quuxa|\r\n"
        let a = try folder(["places-extra.tsv": plain])
        let b = try folder(["places-extra.tsv": padded])
        defer { for d in [a, b] { try? FileManager.default.removeItem(atPath: d) } }
        let fromPlain = try Dictionaries.load(from: [TestSupport.dictionaryDirectory, a]).gazetteer.entries.last
        let fromPadded = try Dictionaries.load(from: [TestSupport.dictionaryDirectory, b]).gazetteer.entries.last
        #expect(fromPlain?.id == "x-tel-quuxa")
        #expect(fromPadded == fromPlain)
        #expect(fromPadded?.aliases == ["Tell Quuxa", "Tal Quuxa"])
        let badLine = try folder(["places-extra.tsv": padded + "x-bad\tBad\tnowhere\tSY\r\n"])
        defer { try? FileManager.default.removeItem(atPath: badLine) }
        do {
            _ = try Dictionaries.load(from: [TestSupport.dictionaryDirectory, badLine])
            Issue.record("a bad kind loaded")
        } catch let e as DictionaryError {
            #expect(e.line == 5)
        }
    }

    @Test func missingShippedFolderIsAnError() {
        #expect(throws: DictionaryError.self) { try Dictionaries.load(from: ["/nonexistent/newsdrop/dictionaries"]) }
    }

    @Test func overrideFolderAddsAnAliasAPlaceAndATrigger() throws {
        let sentence = "The Zorblat Front frobnicated positions at Tel Quuxa on Monday."
        let before = TestSupport.extract(sentence).events
        #expect(before.isEmpty)
        let dir = try folder([
            "actors.tsv": "id\tname\tkind\tcountry\taffiliation\taliases\tadjectives\nzorblat\tZorblat Front\tarmed-group\tSY\t\tZorblat|Zorblat Front\tZorblati\n",
            "places-extra.tsv": "id\tname\tkind\tcountry\tadmin\tlat\tlon\tpopulation\taliases\nx-tel-quuxa\tTel Quuxa\tsite\tSY\t\t35.1\t36.2\t0\tTell Quuxa\n",
            "triggers-local.tsv": "id\tphrases\tpos\ttype\tcameo\troles\tcontext\nfrobnicate\tfrobnicate\tverb\tattack\t190\tagent\t\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let x = try DictionaryEventExtractor(directories: [TestSupport.dictionaryDirectory, dir])
        let e = x.extract(ArticleText(id: "t", text: sentence, fileName: "t.txt")).events
        #expect(e.count == 1)
        #expect(e.first?.type == .attack)
        #expect(e.first?.actor?.id == "zorblat")
        #expect(e.first?.place?.name == "Tel Quuxa")
    }

    @Test func overrideRowWithTheSameIDReplacesTheShippedRow() throws {
        let dir = try folder([
            "actors.tsv": "id\tname\tkind\tcountry\taffiliation\taliases\tadjectives\nhezbollah\tHezbollah\tarmed-group\tLB\t\tHizb Allah|the Party of God\t\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let x = try DictionaryEventExtractor(directories: [TestSupport.dictionaryDirectory, dir])
        let e = x.extract(ArticleText(id: "t", text: "The Party of God attacked Israeli troops near Metula on Monday.", fileName: "t.txt")).events
        #expect(e.first?.actor?.id == "hezbollah")
    }

    @Test func overrideWordListRowAddsAWordToTheList() throws {
        // a raid that makes arrests is no attack (words.tsv arrest-words); "handcuffed" is not shipped as one
        let sentence = "Police handcuffed two suspects in a raid on a house in Kirkuk on Monday."
        #expect(TestSupport.extract(sentence).events.contains { $0.type == .attack })
        let dir = try folder(["words-local.tsv": "id\twords\tlist\nmy-arrests\thandcuffed|jailed\tarrest-words\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let x = try DictionaryEventExtractor(directories: [TestSupport.dictionaryDirectory, dir])
        let e = x.extract(ArticleText(id: "t", text: sentence, fileName: "t.txt")).events
        #expect(!e.contains { $0.type == .attack }, "\(e)")
    }

    @Test func unknownWordListAndPhraseAreReportedWithFileAndLine() throws {
        for (row, message) in [("x\tquadcopter\tflying-things\n", "unknown list 'flying-things'"),
                               ("x\tsuicide drone\tair-weapons\n", "more than one word")] {
            let dir = try folder(["words-local.tsv": "id\twords\tlist\n" + row])
            defer { try? FileManager.default.removeItem(atPath: dir) }
            #expect {
                try Dictionaries.load(from: [TestSupport.dictionaryDirectory, dir])
            } throws: { error in
                guard let e = error as? DictionaryError else { return false }
                return e.description.hasPrefix(dir + "/words-local.tsv:2: ") && e.description.contains(message)
            }
        }
    }
}
