import Testing
@testable import NewsdropExtraction

@Suite struct FunctionWordSetTests {
    /// Every class up to the last one has a bit of its own, so a set holds exactly its classes.
    @Test func aSetHoldsExactlyItsClasses() {
        let all = (0...UInt8.max).compactMap(FunctionWord.init(rawValue:))
        #expect(all.count > 20)
        for f in all {
            #expect(FunctionWordSet.auxiliaries.contains(f) == [.adverb, .be, .have, .modal].contains(f), "\(f)")
            #expect(FunctionWordSet.auxiliariesAndDeterminers.contains(f) == [.adverb, .be, .have, .modal, .the, .determiner].contains(f), "\(f)")
            let one = FunctionWordSet(f)
            #expect(all.filter { one.contains($0) } == [f])
        }
        #expect(FunctionWordSet().bits == 0)
    }
}
