extension ArticleReader {
    /// "The armed forces also targeted …" after "the Yemeni Armed Forces announced …": a national-army
    /// phrase (cue kind `coref-force`) whose words end a longer actor name the article gave before it
    /// is that name's actor — before the national force of the country last named, which here would
    /// be the side the forces fight.
    func namedForce(endingWith c: SentenceSlots.Cue) -> EventMention.Actor? {
        var a = c.start
        if tokens[a].function == .the { a += 1 }
        guard a < c.end, let k = sentenceIndex(containing: c.start) else { return nil }
        let n = c.end - a
        for j in stride(from: k, through: 0, by: -1) {
            for slot in sentences[j].slots.reversed() where !slot.actors.isEmpty && slot.end - slot.start > n && (j < k || slot.end <= c.start) {
                let off = slot.end - n
                if (0..<n).allSatisfy({ tokens[off + $0].isWord && word(off + $0).elementsEqual(word(a + $0)) }) {
                    let i = slot.actors[0]
                    return EventMention.Actor(row: i, text: span(c.start, c.end))
                }
            }
        }
        return nil
    }
}
