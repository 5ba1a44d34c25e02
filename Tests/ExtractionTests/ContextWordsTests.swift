import Testing
@testable import NewsdropExtraction

@Suite struct ContextWordsTests {
    /// The answers of the byte comparison it replaces, for short, 8-byte, long and odd words.
    @Test func aFoldIsFoundExactlyWhenItsBytesAreAWord() {
        let list = ["drone", "missile", "missiles", "helicopters", "", "a\u{0}b", "é"]
        let words = ContextWords(list)
        let probes = ["drone", "drones", "dron", "missile", "missiles", "missilesx", "helicopters", "helicopter",
                      "", "a\u{0}b", "a", "é", "e", "x"]
        for p in probes {
            let bytes = Array(p.utf8)[...]
            let expected = list.contains { $0.utf8.count == bytes.count && bytes.elementsEqual($0.utf8) }
            #expect(words.contains(bytes) == expected, "\(p)")
        }
    }

    @Test func emptyOnlyWithoutWords() {
        #expect(ContextWords([]).isEmpty)
        #expect(!ContextWords([""]).isEmpty)
        #expect(!ContextWords(["with"]).isEmpty)
        #expect(!ContextWords([]).contains(Array("with".utf8)[...]))
    }

    /// A slice that does not start at 0 (as the tokenizer's folds do) is read from its own start.
    @Test func aSliceIsReadFromItsStart() {
        let folds = Array("xxdronexx".utf8)
        #expect(ContextWords(["drone"]).contains(folds[2..<7]))
        #expect(!ContextWords(["drone"]).contains(folds[1..<6]))
    }
}
