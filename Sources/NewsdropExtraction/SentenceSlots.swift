/// The mentions found in one sentence, after the longest-match pass: actors, titles, places,
/// triggers (content slots), cue phrases, honorifics, unknown proper nouns and dates.
///
/// A plain value: its slots, cues, dates and parentheses mask point into the arenas and the date
/// store of the `ArticleReader` that read the sentence, so copying a sentence retains and releases
/// nothing. Not `Sendable`: they live only as long as that reader.
struct SentenceSlots {
    /// A content mention over tokens `start..<end`.
    ///
    /// A plain value without references: its lists (actors, adjectives, titles, places,
    /// triggers) are stretches of one block of the reader's `SlotArena<Int32>`, one after the other,
    /// so copying a slot — the event reader does it thousands of times per article — is a copy of
    /// a few words, with no retain or release.
    struct Slot {
        var start: Int
        var end: Int
        /// The lists, in this order: actors, adjectives, titles, places, triggers (index << 8 | form).
        private var storage: UnsafePointer<Int32>? = nil
        /// Where the actors, adjectives, titles, places and triggers end in `storage`.
        private var actorsEnd: UInt16 = 0, adjectivesEnd: UInt16 = 0, titlesEnd: UInt16 = 0, placesEnd: UInt16 = 0, triggersEnd: UInt16 = 0
        /// A capitalised name the dictionaries do not know.
        var unknown = false
        /// An adjective that only modifies the next name ("Iranian Quds Force commander").
        var modifier = false

        init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        /// A slot whose lists are in `storage`, which the caller's arena keeps alive: `ends` are where
        /// the actors, adjectives, titles, places and triggers end in it.
        init(start: Int, end: Int, storage: UnsafePointer<Int32>, ends: (Int, Int, Int, Int, Int)) {
            self.start = start
            self.end = end
            self.storage = storage
            actorsEnd = UInt16(ends.0)
            adjectivesEnd = UInt16(ends.1)
            titlesEnd = UInt16(ends.2)
            placesEnd = UInt16(ends.3)
            triggersEnd = UInt16(ends.4)
        }

        var actors: IndexList { IndexList(storage, 0, Int(actorsEnd)) }
        var adjectives: IndexList { IndexList(storage, Int(actorsEnd), Int(adjectivesEnd)) }
        var titles: IndexList { IndexList(storage, Int(adjectivesEnd), Int(titlesEnd)) }
        var places: IndexList { IndexList(storage, Int(titlesEnd), Int(placesEnd)) }
        var triggers: TriggerList { TriggerList(storage, Int(placesEnd), Int(triggersEnd)) }

        var isActorLike: Bool { actorsEnd != 0 || (adjectivesEnd != actorsEnd && !modifier) || titlesEnd != adjectivesEnd || unknown }
    }

    /// A stretch of a slot's storage, read as values of one kind (`Reading` says how), in match
    /// order. Indexed from 0, like an array.
    struct SlotList<Reading: SlotListReading>: RandomAccessCollection {
        let base: UnsafePointer<Int32>?
        let endIndex: Int
        var startIndex: Int { 0 }
        /// The values `base[start..<end]`.
        @inline(__always) init(_ base: UnsafePointer<Int32>?, _ start: Int, _ end: Int) {
            self.base = base.map { $0 + start }
            endIndex = end - start
        }
        @inline(__always) subscript(i: Int) -> Reading.Element {
            precondition(i >= 0 && i < endIndex, "slot list index out of range")
            return Reading.read(base.unsafelyUnwrapped[i])
        }
    }

    /// How a slot list's stored words read.
    protocol SlotListReading {
        associatedtype Element
        static func read(_ stored: Int32) -> Element
    }

    /// A dictionary row index (actors, adjectives, titles or places).
    enum RowIndexReading: SlotListReading {
        @inline(__always) static func read(_ stored: Int32) -> Int { Int(stored) }
    }

    /// A trigger reading: a `triggers.tsv` row and the form the phrase matched in.
    enum TriggerReading: SlotListReading {
        @inline(__always) static func read(_ stored: Int32) -> (index: Int, form: TriggerForm) {
            (Int(stored >> 8), TriggerForm(rawValue: UInt8(truncatingIfNeeded: stored)).unsafelyUnwrapped)
        }
        /// A reading packed for storage in a slot.
        static func pack(index: Int, form: TriggerForm) -> Int32 { Int32(index) << 8 | Int32(form.rawValue) }
    }

    /// Dictionary row indices of a slot (actors, adjectives, titles or places).
    typealias IndexList = SlotList<RowIndexReading>
    /// The trigger readings of a slot.
    typealias TriggerList = SlotList<TriggerReading>

    struct Cue: Sendable {
        var start: Int
        var end: Int
        var kind: CueEntry.Kind
    }
    /// A sentence's slots or cues, in a block of the reader's arena and indexed from 0 like an
    /// array: copying a sentence copies two pointers, not two arrays' references.
    struct Buffer<Element>: RandomAccessCollection {
        let base: UnsafePointer<Element>?
        let endIndex: Int
        var startIndex: Int { 0 }
        init(_ base: UnsafePointer<Element>?, count: Int) {
            self.base = base
            endIndex = count
        }
        @inline(__always) subscript(i: Int) -> Element {
            precondition(i >= 0 && i < endIndex, "sentence buffer index out of range")
            return base.unsafelyUnwrapped[i]
        }
    }

    var tokenRange: Range<Int>
    var byteRange: Range<Int>
    var slots: Buffer<Slot>
    var cues: Buffer<Cue>
    /// The sentence's dates, in the reader's `SentenceDateStore`.
    var dates: Buffer<DateReader.Hit>
    /// Tokens inside parentheses.
    var inParens: PackedTokenMask
    var isHeading: Bool
    var block: Int
}

/// Storage for an article's slots, cues and slot lists: blocks that never move and are freed
/// together when the reader that owns the arena goes. Only for plain values (no references:
/// nothing is deinitialised).
///
/// Its state is `@exclusivity(unchecked)` (no run-time check per access): it is private, and only
/// `allocate` and `giveBack`, which call nothing that touches the arena, read and write it.
final class SlotArena<Element> {
    @exclusivity(unchecked) private var blocks: [UnsafeMutablePointer<Element>] = []
    @exclusivity(unchecked) private var next: UnsafeMutablePointer<Element>? = nil
    @exclusivity(unchecked) private var left = 0
    private let blockSize: Int

    init(blockSize: Int) {
        precondition(_isPOD(Element.self), "a slot arena holds plain values only")
        self.blockSize = blockSize
    }

    /// Room for `n` values, valid until the arena is released.
    func allocate(_ n: Int) -> UnsafeMutablePointer<Element> {
        if n > left || next == nil {
            let size = max(n, blockSize)
            let block = UnsafeMutablePointer<Element>.allocate(capacity: size)
            blocks.append(block)
            next = block
            left = size
        }
        let p = next.unsafelyUnwrapped
        next = p + n
        left -= n
        return p
    }

    /// Gives back the last `n` values of the latest `allocate` (room that was reserved but not used).
    func giveBack(_ n: Int) {
        precondition(n >= 0 && next != nil)
        next = next.unsafelyUnwrapped - n
        left += n
    }

    deinit {
        for b in blocks { b.deallocate() }
    }
}
