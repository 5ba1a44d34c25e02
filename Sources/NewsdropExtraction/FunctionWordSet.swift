/// A fixed set of function-word classes as bits (one per raw value), for the event reader's tests
/// of a token's class in its loops: `FunctionWordSet.auxiliaries.contains(t.function)` is a shift
/// and a mask, where an array literal (`[.adverb, .be, .have, .modal].contains(t.function)`) was,
/// in some of `events(in:)`'s nested functions, built on the heap at each evaluation.
struct FunctionWordSet: Sendable, Equatable {
    let bits: UInt64

    init(_ words: FunctionWord...) {
        bits = words.reduce(0) { $0 | FunctionWordSet.bit($1) }
    }

    @inline(__always) func contains(_ f: FunctionWord) -> Bool { bits & FunctionWordSet.bit(f) != 0 }

    @inline(__always) static func bit(_ f: FunctionWord) -> UInt64 {
        precondition(f.rawValue < 64, "a function-word class past the 64th has no bit")
        return 1 << UInt64(f.rawValue)
    }

    /// Adverbs and auxiliaries: the words between a subject and its verb ("has also been").
    static let auxiliaries = FunctionWordSet(.adverb, .be, .have, .modal)
    /// Auxiliaries, adverbs and determiners: what stands between a verb and an apposition's comma.
    static let auxiliariesAndDeterminers = FunctionWordSet(.adverb, .be, .have, .modal, .the, .determiner)
}
