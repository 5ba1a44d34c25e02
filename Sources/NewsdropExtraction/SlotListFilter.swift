/// Filters whose result is a `SlotList` in the reader's slot-list arena instead of a new array:
/// the event reader's lists of a sentence's trigger slots and of a trigger's readings (~35,000
/// arrays per 500 articles, each a heap allocation and a free). The result is indexed from 0
/// like an array and valid as long as the arena; the same elements in the same order as
/// `filter(_:)`. `isIncluded` must not allocate from the arena (the unused room is given back).
extension Range where Bound == Int {
    /// The indices for which `isIncluded` holds (each must fit an `Int32`: slot indices do).
    func filter(in arena: SlotArena<Int32>, _ isIncluded: (Int) -> Bool) -> SentenceSlots.IndexList {
        let room = arena.allocate(count)
        var n = 0
        for i in self where isIncluded(i) {
            room[n] = Int32(truncatingIfNeeded: i)
            n += 1
        }
        arena.giveBack(count - n)
        return SentenceSlots.IndexList(UnsafePointer(room), 0, n)
    }
}

extension SentenceSlots.SlotList {
    /// The elements for which `isIncluded` holds; the list itself (no copy) when all do.
    func filter(in arena: SlotArena<Int32>, _ isIncluded: (Reading.Element) -> Bool) -> SentenceSlots.SlotList<Reading> {
        guard let base, endIndex > 0 else { return self }
        let room = arena.allocate(endIndex)
        var n = 0
        for i in 0..<endIndex where isIncluded(Reading.read(base[i])) {
            room[n] = base[i]
            n += 1
        }
        if n == endIndex {
            arena.giveBack(endIndex)
            return self
        }
        arena.giveBack(endIndex - n)
        return SentenceSlots.SlotList(UnsafePointer(room), 0, n)
    }
}
