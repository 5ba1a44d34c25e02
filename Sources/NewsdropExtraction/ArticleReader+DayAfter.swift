extension ArticleReader {
    /// A day counted from the event told before: "retaliated the following day", "the next day",
    /// "a day later", "two days later" (days after it), "later in the day", "later that day", "on
    /// the same day" (its day). Returns the date of the last mention in `told` with a full date,
    /// moved by the phrase's days, or nil when the sentence has no such phrase or no such mention.
    func dayCountedFromPreviousEvent(_ range: Range<Int>, told: [EventMention]) -> EventDate? {
        var shift: Int? = nil
        var phrase = range.lowerBound..<range.lowerBound
        search: for q in range where tokens[q].isWord {
            for (words, days) in ArticleReader.dayAfterPhrases where q + words.count <= range.upperBound {
                if words.indices.allSatisfy({ tokens[q + $0].isWord && word(q + $0).elementsEqual(words[$0]) }) {
                    shift = days; phrase = q..<q + words.count; break search
                }
            }
            // "two days later", "3 days later"
            if q + 2 < range.upperBound, tokens[q].function == .number || tokens[q].flags.contains(.number), tokens[q].value >= 1, tokens[q].value <= 9,
                tokens[q + 1].isWord, word(q + 1).elementsEqual(ArticleReader.daysWord), tokens[q + 2].isWord, word(q + 2).elementsEqual(ArticleReader.laterWord)
            {
                shift = Int(tokens[q].value); phrase = q..<q + 3; break
            }
        }
        guard let days = shift,
            let before = told.last(where: { ($0.date?.value).map { $0.count == 10 && !$0.hasPrefix("-") } == true }),
            let (y, m, d) = DateReader.ymd(before.date!.value!)
        else { return nil }
        let text = String(decoding: bytes[Int(tokens[phrase.lowerBound].start)..<Int(tokens[phrase.upperBound - 1].end)], as: UTF8.self)
        return EventDate(value: DateReader.iso(DateReader.daysFromCivil(y, m, d) + days), precision: .day, text: text)
    }

    /// Phrases that count days from the event told before, folded, with the days they add.
    static let dayAfterPhrases: [([[UInt8]], Int)] = [
        (["the", "following", "day"], 1), (["the", "next", "day"], 1), (["a", "day", "later"], 1), (["one", "day", "later"], 1),
        (["later", "in", "the", "day"], 0), (["later", "that", "day"], 0), (["the", "same", "day"], 0), (["that", "same", "day"], 0),
        (["earlier", "in", "the", "day"], 0), (["earlier", "that", "day"], 0),
    ].map { (words, days) in (words.map { Array(NameFolding.fold($0).utf8) }, days) }
    static let daysWord = Array(NameFolding.fold("days").utf8)
    static let laterWord = Array(NameFolding.fold("later").utf8)
}
