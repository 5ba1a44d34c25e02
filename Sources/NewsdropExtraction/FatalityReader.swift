/// Finds how many people a sentence says were killed: "six people were killed", "killing
/// seven", "at least eight dead", "18 commanders assassinated", "dozens" (12, as ACLED codes it).
enum FatalityReader {
    /// The count near a killing word at token `anchor` (a kill trigger or dead/died/death toll).
    static func count(_ tokens: [Token], _ range: Range<Int>, anchor: Int, anchorEnd: Int, tokenizer: Tokenizer, vocabulary: ReaderVocabulary) -> Int? {
        func value(_ k: Int) -> Int? {
            let t = tokens[k]
            if t.flags.contains(.number) && !t.flags.contains(.ordinal) {
                if t.value >= 1900 && t.value <= 2100 && t.end - t.start == 4 { return nil }
                if k + 1 < range.upperBound, tokens[k + 1].isWord, tokens[k + 1].function == .month || tokens[k + 1].function == .relativeTime { return nil }
                // "on April 1 that killed seven": a day of the month
                if k - 1 >= range.lowerBound, tokens[k - 1].isWord, tokens[k - 1].function == .month { return nil }
                if k + 1 < range.upperBound, vocabulary.unitWords.contains(tokenizer.fold(tokens[k + 1])) { return nil }
                return Int(t.value)
            }
            if t.function == .number {
                // "thirty-eight": a tens word, its hyphen and a unit word are one number, from either end
                if t.value >= 20 && t.value <= 90 && t.value % 10 == 0 && t.flags.contains(.hyphenAfter), k + 1 < range.upperBound,
                    tokens[k + 1].function == .number, tokens[k + 1].value >= 1 && tokens[k + 1].value <= 9, tokens[k + 1].start == t.end
                { return Int(t.value + tokens[k + 1].value) }
                if t.value >= 1 && t.value <= 9, k - 1 >= range.lowerBound, tokens[k - 1].function == .number, tokens[k - 1].end == t.start,
                    tokens[k - 1].flags.contains(.hyphenAfter), tokens[k - 1].value >= 20 && tokens[k - 1].value <= 90 && tokens[k - 1].value % 10 == 0
                { return Int(tokens[k - 1].value + t.value) }
                return Int(t.value)
            }
            return nil
        }
        func excluded(_ k: Int) -> Bool {
            // a number after "including" is a subset of the toll, after "of" a part
            var p = k - 1
            while p >= range.lowerBound, tokens[p].isWord, tokens[p].function == .determiner || tokens[p].function == .adverb { p -= 1 }
            return p >= range.lowerBound && (tokens[p].function == .including)
        }
        // left: "six people were killed", "18 commanders assassinated"
        var k = anchor - 1
        var steps = 0
        while k >= range.lowerBound && steps < 7 {
            let t = tokens[k]
            // "Two civilians, including a child, were killed": over the apposition to the subject
            if t.isPunct && t.mark == 0x2C, let open = (max(range.lowerBound, k - 6)..<k).last(where: { tokens[$0].isPunct && tokens[$0].mark == 0x2C }),
                open + 1 < k, tokens[open + 1].function == .including
            {
                k = open - 1
                continue
            }
            // "Four members of the Popular Mobilization Forces (PMF) were killed": over a parenthesis
            if t.isPunct && t.mark == 0x29, let open = (max(range.lowerBound, k - 8)..<k).last(where: { tokens[$0].isPunct && tokens[$0].mark == 0x28 }) {
                k = open - 1
                continue
            }
            if t.isPunct && (t.mark == 0x2C || t.mark == 0x3B || t.mark == 0x3A || t.mark == 0x28) { break }
            // "A woman was killed": one
            if t.isWord, singleWords.contains(tokenizer.fold(t)), k + 1 < anchor, tokens[k + 1].isWord, !vocabulary.groupNouns.contains(tokenizer.fold(tokens[k + 1])),
                (k + 1..<anchor).contains(where: { tokens[$0].isWord && singularBe.contains(tokenizer.fold(tokens[$0])) })
            { return 1 }
            if let v = value(k), !excluded(k) {
                // "a woman and her two children were killed": the one named and her count
                if k - 4 >= range.lowerBound, tokens[k - 1].function == .possessivePronoun, tokens[k - 2].function == .conjunction,
                    tokens[k - 3].isWord, tokens[k - 3].function == .none, singleWords.contains(tokenizer.fold(tokens[k - 4]))
                { return v + 1 }
                // "hundred": combine with a preceding number word or digit ("two hundred")
                return v
            }
            k -= 1
            // (a name counts as one word: "members of the Popular Mobilization Forces")
            if !(t.isWord && t.flags.contains(.capitalized) && k >= range.lowerBound && tokens[k].isWord && tokens[k].flags.contains(.capitalized)) { steps += 1 }
        }
        // right: "killing seven", "killed at least 8 people", "left 5 dead",
        // "killed along with six others" (the one named and six more)
        k = anchorEnd
        steps = 0
        var alongWith = false
        while k < range.upperBound && steps < 5 {
            let t = tokens[k]
            if t.isPunct && t.mark != 0x2D { break }
            // "killing a child and injuring three": the count after a wounding word is the wounded
            if t.isWord && vocabulary.woundWords.contains(tokenizer.fold(t)) { break }
            // "killing a child", "shot dead a former commander": one
            if steps == 0, t.isWord, singleWords.contains(tokenizer.fold(t)), k + 1 < range.upperBound,
                tokens[k + 1].isWord, !vocabulary.groupNouns.contains(tokenizer.fold(tokens[k + 1])) {
                // "killing a woman and her two children": the one and her count
                if k + 4 < range.upperBound, tokens[k + 2].function == .conjunction, tokens[k + 3].function == .possessivePronoun,
                    let n = value(k + 4), n < 100
                { return n + 1 }
                return alongWith ? 2 : 1
            }
            // "killing him and his son": the one named and one more
            if steps == 0, t.isWord, objectPronouns.contains(tokenizer.fold(t)) {
                if k + 2 < range.upperBound, tokens[k + 1].isWord, tokens[k + 1].function == .conjunction, tokens[k + 2].isWord, tokens[k + 2].function == .possessivePronoun,
                    k + 3 < range.upperBound, tokens[k + 3].isWord, !tokens[k + 3].flags.contains(.number), tokens[k + 3].function == .none
                { return 2 }
                return 1
            }
            // "killing its driver", "killing his son": one (not "their children", "his sons")
            if steps == 0, t.isWord, singularOwners.contains(tokenizer.fold(t)), k + 1 < range.upperBound, tokens[k + 1].isWord, tokens[k + 1].function == .none,
                let last = tokenizer.fold(tokens[k + 1]).last, last != 0x73
            { return alongWith ? 2 : 1 }
            if t.isWord && alongWords.contains(tokenizer.fold(t)) { alongWith = true }
            // "were killed and four others injured": a count before a wounding word is the wounded
            if value(k) != nil, (k + 1..<min(range.upperBound, k + 3)).contains(where: { tokens[$0].isWord && vocabulary.woundWords.contains(tokenizer.fold(tokens[$0])) }) { break }
            if let v = value(k), !excluded(k) { return alongWith ? v + 1 : v }
            k += 1
            steps += 1
        }
        return nil
    }

    /// "the death toll rose to 12", "the toll climbed to ten", "raising the death toll to 18": the new
    /// toll of an event told before, in a sentence that tells no event of its own.
    static func raisedToll(_ tokens: [Token], _ range: Range<Int>, tokenizer: Tokenizer, vocabulary: ReaderVocabulary) -> Int? {
        let n = Int32(tollWord.count)
        // (the tokens read through their buffer, without an index check each: every index read is
        // inside `range`, and `range` inside `tokens`)
        precondition(range.lowerBound >= 0 && range.upperBound <= tokens.count, "sentence range outside the tokens")
        let anchor: Int? = tokens.withUnsafeBufferPointer { tokens in
            // (the fold's length first: most words are not "toll", and this runs on every sentence without an event)
            for q in range where tokens[q].isWord && tokens[q].foldEnd - tokens[q].foldStart == n && tokenizer.fold(tokens[q]).elementsEqual(tollWord) {
                let rises = q + 1 < range.upperBound && tokens[q + 1].isWord && vocabulary.tollRiseVerbs.contains(tokenizer.fold(tokens[q + 1]))
                let raising = q - 2 >= range.lowerBound && tokens[q - 2].isWord && vocabulary.tollRaisingVerbs.contains(tokenizer.fold(tokens[q - 2]))
                    || q - 3 >= range.lowerBound && tokens[q - 3].isWord && vocabulary.tollRaisingVerbs.contains(tokenizer.fold(tokens[q - 3]))
                guard rises || raising else { continue }
                return q
            }
            return nil
        }
        // the first "toll" that rises or is raised gives the count (or none)
        guard let q = anchor else { return nil }
        return count(tokens, range, anchor: q, anchorEnd: q + 1, tokenizer: tokenizer, vocabulary: vocabulary)
    }
    static let tollWord = Array(NameFolding.fold("toll").utf8)
    static let singleWords = FoldedWordSet(["a", "an"])
    static let singularOwners = FoldedWordSet(["his", "her", "its"])
    static let objectPronouns = FoldedWordSet(["him", "her"])
    static let singularBe = FoldedWordSet(["was", "is"])

    /// "along with", "together with": the count that follows is in addition to the subject.
    static let alongWords = FoldedWordSet(["along", "together"])
}
