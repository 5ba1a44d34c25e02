/// Answers remembered for pairs of small non-negative integers (dictionary rows) and a question
/// number: the merger asks whether two actors are related or two places compatible many times
/// per article for few distinct pairs, and each answer reads strings of the dictionaries.
///
/// A linear list: an article's merge asks about a few dozen pairs at most.
struct PairMemo {
    private var keys: [UInt64] = []
    private var answers: [Bool] = []

    /// `a` and `b` in 0..<2^28, `question` in 0..<256.
    @inline(__always) private static func key(_ question: Int, _ a: Int, _ b: Int) -> UInt64 {
        precondition(a >= 0 && a < 1 << 28 && b >= 0 && b < 1 << 28 && question >= 0 && question < 256, "pair memo key out of range")
        return UInt64(question) << 56 | UInt64(a) << 28 | UInt64(b)
    }

    /// The answer remembered for `question` about `(a, b)`, if any.
    func answer(_ question: Int, _ a: Int, _ b: Int) -> Bool? {
        let k = PairMemo.key(question, a, b)
        for i in keys.indices where keys[i] == k { return answers[i] }
        return nil
    }

    /// Remembers `value` as the answer to `question` about `(a, b)`.
    mutating func remember(_ question: Int, _ a: Int, _ b: Int, _ value: Bool) {
        keys.append(PairMemo.key(question, a, b))
        answers.append(value)
    }

    /// How many answers are remembered.
    var count: Int { keys.count }
}
