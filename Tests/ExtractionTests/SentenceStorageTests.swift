import Testing
@testable import NewsdropExtraction

@Suite struct SentenceStorageTests {
    @Test func aPackedMaskHoldsTheMembersOfItsRangeOnly() {
        let arena = SlotArena<UInt64>(blockSize: 4)
        // 200 tokens from 1000: past the first word, and more words than one arena block
        let range = 1000..<1200
        let members: Set<Int> = [1000, 1001, 1063, 1064, 1127, 1128, 1199]
        let mask = PackedTokenMask(range, in: arena) { members.contains($0) }
        for i in 990..<1210 { #expect(mask.contains(i) == members.contains(i), "\(i)") }
        // a second mask from the same arena does not disturb the first
        let other = PackedTokenMask(0..<10, in: arena) { $0 % 2 == 0 }
        #expect(other.contains(4) && !other.contains(5) && !other.contains(10))
        for i in range { #expect(mask.contains(i) == members.contains(i)) }
    }

    @Test func anEmptyRangeHasNoMembers() {
        let mask = PackedTokenMask(5..<5, in: SlotArena<UInt64>(blockSize: 4)) { _ in true }
        #expect(!mask.contains(5) && !mask.contains(4))
    }

    @Test func theMembershipTestIsAskedOncePerTokenInOrder() {
        var asked: [Int] = []
        _ = PackedTokenMask(3..<9, in: SlotArena<UInt64>(blockSize: 4)) { asked.append($0); return false }
        #expect(asked == Array(3..<9))
    }

    @Test func storedDatesReadBackInOrder() {
        let store = SentenceDateStore()
        let hits = [
            DateReader.Hit(start: 3, end: 5, date: EventDate(value: "2024-04-13", precision: .day, text: "13 April")),
            DateReader.Hit(start: 9, end: 10, date: EventDate(value: nil, precision: .day, text: "Sunday")),
        ]
        let kept = store.store(hits)
        let none = store.store([])
        #expect(kept.count == 2 && none.isEmpty)
        #expect(kept.map(\.start) == [3, 9])
        #expect(kept[0].date == hits[0].date && kept[1].date == hits[1].date)
        #expect(kept.first(where: { $0.date.value == nil })?.end == 10)
    }
}
