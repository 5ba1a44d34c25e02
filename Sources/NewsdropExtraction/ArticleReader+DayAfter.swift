extension ArticleReader {
    /// A day counted from the event told before: "retaliated the following day", "the next day",
    /// "a day later", "two days later" (days after it), "later in the day", "later that day", "on
    /// the same day" (its day). The days the sentence's phrase adds and where the phrase stands, or
    /// nil when `range` has none (found once per sentence: see `dayCounted`).
    func dayCountPhrase(_ range: Range<Int>) -> (Int, Range<Int>)? {
        // every phrase holds "day", "days" or "later": most sentences hold none, and are done in one pass
        // (the words read once, not through their lazy statics per token; a fold's length and first
        // byte are tested before it is sliced and compared)
        let dayFold = ArticleReader.dayWord, daysFold = ArticleReader.daysWord, laterFold = ArticleReader.laterWord
        let folds = tokenizer.folds
        let anchor = range.contains { k in
            let t = tokens[k]
            let n = t.foldEnd - t.foldStart
            guard t.isWord, n == 2 || n == 3 || n == 5 else { return false }
            let b = folds[Int(t.foldStart)]
            guard b == dayFold[0] || b == daysFold[0] || b == laterFold[0] else { return false }
            let w = word(k)
            return w.elementsEqual(dayFold) || w.elementsEqual(daysFold) || w.elementsEqual(laterFold)
        }
        guard anchor else { return nil }
        let firstBytes = ArticleReader.dayPhraseFirstBytes
        for q in range where tokens[q].isWord {
            // only a word whose first byte starts one of the phrases is tried against them
            if tokens[q].foldEnd > tokens[q].foldStart, firstBytes & (1 << UInt64(folds[Int(tokens[q].foldStart)] & 63)) != 0 {
                for (words, days) in ArticleReader.dayAfterPhrases where q + words.count <= range.upperBound {
                    if words.indices.allSatisfy({ tokens[q + $0].isWord && word(q + $0).elementsEqual(words[$0]) }) {
                        return (days, q..<q + words.count)
                    }
                }
            }
            // "two days later", "3 days later"
            if q + 2 < range.upperBound, tokens[q].function == .number || tokens[q].flags.contains(.number), tokens[q].value >= 1, tokens[q].value <= 9,
                tokens[q + 1].isWord, word(q + 1).elementsEqual(ArticleReader.daysWord), tokens[q + 2].isWord, word(q + 2).elementsEqual(ArticleReader.laterWord)
            {
                return (Int(tokens[q].value), q..<q + 3)
            }
        }
        return nil
    }

    /// The date of the last mention with a full date — in `told` (this sentence's, so far), else in
    /// `before` (the article's, before it) — moved by `days`; its text is the phrase's.
    func dayCounted(_ days: Int, _ phrase: Range<Int>, told: [EventMention], before: [EventMention]) -> EventDate? {
        func fullDate(_ m: EventMention) -> Bool { (m.date?.value).map { $0.count == 10 && !$0.hasPrefix("-") } == true }
        guard let last = told.last(where: fullDate) ?? before.last(where: fullDate), let (y, m, d) = DateReader.ymd(last.date!.value!) else { return nil }
        let text = String(decoding: bytes[Int(tokens[phrase.lowerBound].start)..<Int(tokens[phrase.upperBound - 1].end)], as: UTF8.self)
        return EventDate(value: DateReader.iso(DateReader.daysFromCivil(y, m, d) + days), precision: .day, text: text)
    }

    /// Phrases that count days from the event told before, folded, with the days they add.
    static let dayAfterPhrases: [([[UInt8]], Int)] = [
        (["the", "following", "day"], 1), (["the", "next", "day"], 1), (["a", "day", "later"], 1), (["one", "day", "later"], 1),
        (["later", "in", "the", "day"], 0), (["later", "that", "day"], 0), (["the", "same", "day"], 0), (["that", "same", "day"], 0),
        (["earlier", "in", "the", "day"], 0), (["earlier", "that", "day"], 0), (["hours", "later"], 0), (["a", "few", "hours", "later"], 0), (["minutes", "later"], 0),
    ].map { (words, days) in (words.map { Array(NameFolding.fold($0).utf8) }, days) }
    /// The first bytes of `dayAfterPhrases`' first words, one bit each (a byte's low six bits: a
    /// digit or other byte sharing a letter's bit only costs a phrase test), derived from the table
    /// so that a new phrase needs no other edit.
    static let dayPhraseFirstBytes: UInt64 = dayAfterPhrases.reduce(0) { $0 | 1 << UInt64($1.0[0][0] & 63) }
    static let dayWord = Array(NameFolding.fold("day").utf8)
    static let daysWord = Array(NameFolding.fold("days").utf8)
    static let laterWord = Array(NameFolding.fold("later").utf8)
}
