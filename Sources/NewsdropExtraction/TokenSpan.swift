/// Tokens `start..<end` of an article: the words of a name, a place or an actor's mention, kept as
/// two integers while the event reader and the merger work, and made into a `String` only for
/// what reaches the output (`ArticleReader.text(_:)`).
///
/// A plain value: a candidate or a mention that holds spans instead of strings is copied and
/// destroyed without reference counting.
struct TokenSpan: Sendable, Equatable {
    var start: Int32
    var end: Int32

    init(_ start: Int, _ end: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    var range: Range<Int> { Int(start)..<Int(end) }
}
