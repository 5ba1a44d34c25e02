/// The dates of an article's sentences: each sentence's date hits copied into memory of their
/// own, which `SentenceSlots.dates` points into, deinitialised and freed with the store (the
/// reader's). A sentence then holds its dates as a pointer and a count: copying it retains and
/// releases nothing (an `[DateReader.Hit]` was retained and released per copy, ~70,000 times per
/// 500 articles).
///
/// Not `Sendable`: the buffers it hands out live as long as the store.
final class SentenceDateStore {
    private var blocks: [(start: UnsafeMutablePointer<DateReader.Hit>, count: Int)] = []

    /// `hits`, kept until the store goes; no memory for none.
    func store(_ hits: [DateReader.Hit]) -> SentenceSlots.Buffer<DateReader.Hit> {
        if hits.isEmpty { return SentenceSlots.Buffer(nil, count: 0) }
        let p = UnsafeMutablePointer<DateReader.Hit>.allocate(capacity: hits.count)
        hits.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress.unsafelyUnwrapped, count: hits.count) }
        blocks.append((p, hits.count))
        return SentenceSlots.Buffer(UnsafePointer(p), count: hits.count)
    }

    deinit {
        for b in blocks {
            b.start.deinitialize(count: b.count)
            b.start.deallocate()
        }
    }
}
