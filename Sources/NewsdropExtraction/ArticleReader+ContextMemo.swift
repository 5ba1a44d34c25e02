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
        // the row is read in place (a `TriggerEntry` passed by value was copied per call: a
        // retain and a release for each of its eight strings and arrays)
        let matches = dict.triggers.withUnsafeBufferPointer { rows in
            triggerContexts.withUnsafeBufferPointer { words in
                contextMatches(TriggerRowView(row: rows.baseAddress.unsafelyUnwrapped + trigger, words: words.baseAddress.unsafelyUnwrapped + trigger), slot, range)
            }
        }
        contextMemo.entries.append(ContextMatchMemo.Entry(start: start, end: end, trigger: t, matches: matches))
        return matches
    }
}

/// The fields of a `triggers.tsv` row that `contextMatches` reads, each read in place from the
/// row without copying the row, and its context words packed (`TriggerContextWords`). Valid only
/// inside the `withUnsafeBufferPointer`s of the triggers and their context words.
struct TriggerRowView {
    let row: UnsafePointer<TriggerEntry>
    let words: UnsafePointer<TriggerContextWords>
    var type: EventType { row.pointee.type }
    var next: ContextWords { words.pointee.next }
    var previous: ContextWords { words.pointee.previous }
    var notNext: ContextWords { words.pointee.notNext }
    var notBeforeCount: Bool { row.pointee.notBeforeCount }
}
