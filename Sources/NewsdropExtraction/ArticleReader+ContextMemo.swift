/// `contextMatches` remembered for the sentence being read: `events(in:)` asks it once to find
/// the sentence's trigger slots and again for the readings of each of them (the same answers:
/// it depends only on the trigger row, the slot and the sentence's tokens).
struct ContextMatchMemo {
    struct Entry {
        var start: Int32
        var end: Int32
        var trigger: Int32
        var matches: Bool
    }
    var range: Range<Int> = 0..<0
    var entries: [Entry] = []
}

extension ArticleReader {
    /// `contextMatches(dict.triggers[trigger], slot, range)`, computed once per slot and trigger
    /// row of the sentence `range` (and the trigger row is read in place).
    func contextMatches(trigger: Int, _ slot: SentenceSlots.Slot, _ range: Range<Int>) -> Bool {
        if contextMemo.range != range {
            contextMemo.range = range
            contextMemo.entries.removeAll(keepingCapacity: true)
        }
        let start = Int32(truncatingIfNeeded: slot.start), end = Int32(truncatingIfNeeded: slot.end), t = Int32(truncatingIfNeeded: trigger)
        for e in contextMemo.entries where e.start == start && e.end == end && e.trigger == t { return e.matches }
        // through the buffer: the row is passed in place, not copied out of the array
        let matches = dict.triggers.withUnsafeBufferPointer { contextMatches($0[trigger], slot, range) }
        contextMemo.entries.append(ContextMatchMemo.Entry(start: start, end: end, trigger: t, matches: matches))
        return matches
    }
}
