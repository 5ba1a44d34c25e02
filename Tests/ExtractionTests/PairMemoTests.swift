import Testing
@testable import NewsdropExtraction

@Suite struct PairMemoTests {
    @Test func anAnswerIsRememberedForItsQuestionAndOrderedPairOnly() {
        var memo = PairMemo()
        #expect(memo.answer(0, 3, 7) == nil)
        memo.remember(0, 3, 7, true)
        memo.remember(1, 3, 7, false)
        #expect(memo.answer(0, 3, 7) == true)
        #expect(memo.answer(1, 3, 7) == false)
        // another question, the pair the other way round, or another pair: not answered
        #expect(memo.answer(2, 3, 7) == nil)
        #expect(memo.answer(0, 7, 3) == nil)
        #expect(memo.answer(0, 3, 8) == nil)
        #expect(memo.count == 2)
    }

    @Test func largeRowsDoNotCollide() {
        var memo = PairMemo()
        let big = (1 << 28) - 1
        memo.remember(255, big, 0, true)
        memo.remember(255, 0, big, false)
        #expect(memo.answer(255, big, 0) == true)
        #expect(memo.answer(255, 0, big) == false)
        #expect(memo.answer(254, big, 0) == nil)
    }
}
