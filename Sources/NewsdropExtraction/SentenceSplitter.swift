/// Splits a block of text into sentences by byte ranges. A period ends a sentence only when
/// followed by space and a capital, digit or quote, and not after an abbreviation (Gen., Lt.,
/// Brig., Maj.-Gen., U.S., initials, decimals).
enum SentenceSplitter {
    /// Abbreviations that do not end a sentence (lower-cased, without the period).
    static let abbreviations: Set<String> = [
        "gen", "lt", "col", "brig", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "cdr", "gov", "sen", "rep",
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "no", "nos", "vol", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "vs", "etc",
        "approx", "est", "fig", "pres", "gens", "lieut", "cpl", "pvt", "rev", "hon", "sheikh", "km", "kms",
        "al", "jr", "sr", "u.s", "u.n", "u.k", "e.g", "i.e", "p.m", "a.m", "op", "pp",
    ]
    /// `abbreviations` with each word's bytes packed into an integer (all are at most 8 bytes):
    /// looked up without making a string per period.
    static let packedAbbreviations: Set<UInt64> = Set(abbreviations.map { w in
        precondition(w.utf8.count <= 8)
        return w.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    })

    /// Sentence byte ranges in `bytes[range]`, trimmed of spaces.
    static func split(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        /// Keeps a non-empty sentence, cut into pieces when it is too long.
        func emit(_ r: Range<Int>) {
            if r.isEmpty { return }
            if r.count <= maximumSentenceBytes { out.append(r) } else { out.append(contentsOf: bounded(bytes, r)) }
        }
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        bytes.withUnsafeBufferPointer { text in
            while i < end {
                // most bytes end nothing: skip them eight at a time, then one by one
                while i + 8 <= end && !SentenceSplitter.mayEnd(UnsafeRawPointer(text.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                while i < end, text[i] != 0x2E && text[i] != 0x21 && text[i] != 0x3F && text[i] != 0xE2 { i += 1 }
                if i >= end { break }
                let b = bytes[i]
                var isEnd = false
                var after = i + 1
                if b == 0x2E || b == 0x21 || b == 0x3F {
                    isEnd = true
                } else if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6 {
                    isEnd = true
                    after = i + 3
                }
                if isEnd {
                    // swallow more terminators and closing quotes/brackets
                    var k = after
                    while k < end {
                        let c = bytes[k]
                        if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x22 || c == 0x27 || c == 0x29 { k += 1; continue }
                        if c == 0xE2 && k + 2 < end && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0x9D || bytes[k + 2] == 0x99) { k += 3; continue }
                        break
                    }
                    // must be followed by space, then a capital, digit or opening quote
                    var m = k
                    var sawSpace = false
                    while m < end && (bytes[m] == 0x20 || bytes[m] == 0x09) { m += 1; sawSpace = true }
                    var breaks = false
                    if m >= end {
                        breaks = true
                    } else if sawSpace {
                        let c = bytes[m]
                        let opensQuote = c == 0x22 || (c == 0xE2 && m + 2 < end && bytes[m + 1] == 0x80 && (bytes[m + 2] == 0x9C || bytes[m + 2] == 0x98))
                        if (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || opensQuote || c >= 0xC3 { breaks = true }
                    }
                    if breaks && b == 0x2E && isAbbreviation(bytes, before: i, lowerBound: start) { breaks = false }
                    if breaks {
                        emit(trim(bytes, start..<k))
                        start = m
                        i = m
                        continue
                    }
                    i = k
                    continue
                }
                i += 1
            }
        }
        if start < end { emit(trim(bytes, start..<end)) }
        return out
    }

    /// Whether any of the eight bytes in `v` is `.`, `!`, `?` or 0xE2 (the lead byte of `…`): the
    /// bytes where a sentence may end (a zero-byte test per candidate, as in `strlen`).
    ///
    /// The zero-byte test of `x = v ^ c…c` is `(x - 1…1) & ~x & 80…80`. For the three ASCII marks
    /// (`c` < 0x80), `~x & 80…80` is `~v & 80…80` alike, so their three tests share one mask: the
    /// or of the three differences, masked once (the same answer as three tests, in about half
    /// the instructions); for 0xE2 the mask is `v & 80…80`.
    @inline(__always) static func mayEnd(_ v: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let ascii = ((v ^ (ones &* 0x2E)) &- ones) | ((v ^ (ones &* 0x21)) &- ones) | ((v ^ (ones &* 0x3F)) &- ones)
        let lead = (v ^ (ones &* 0xE2)) &- ones
        return (ascii & ~v | lead & v) & highs != 0
    }

    /// The longest sentence the reader gets, in bytes. Real sentences stay far below (a long
    /// news sentence is 300–600 bytes); text with no sentence ends (a list, a hostile file)
    /// is cut into pieces of at most this size, so the reader's work per sentence, which grows
    /// faster than its length, stays bounded and extraction time stays linear in the input.
    static let maximumSentenceBytes = 2_000

    /// `r` cut at spaces into pieces of at most ``maximumSentenceBytes`` (at any byte that does
    /// not continue a UTF-8 character when a piece has no space).
    static func bounded(_ bytes: [UInt8], _ r: Range<Int>) -> [Range<Int>] {
        guard r.count > maximumSentenceBytes else { return [r] }
        var pieces: [Range<Int>] = []
        var start = r.lowerBound
        while r.upperBound - start > maximumSentenceBytes {
            var cut = start + maximumSentenceBytes
            var k = cut
            while k > start + maximumSentenceBytes / 2 && bytes[k] != 0x20 { k -= 1 }
            if bytes[k] == 0x20 {
                cut = k
            } else {
                while cut > start + 1 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            }
            let piece = trim(bytes, start..<cut)
            if !piece.isEmpty { pieces.append(piece) }
            start = cut
        }
        let last = trim(bytes, start..<r.upperBound)
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }

    /// `packedAbbreviations` in an open-addressing table of 256 slots (0: empty; a packed word
    /// is never 0): a lookup is a multiply and a probe or two, where the `Set` hashed the word
    /// with `Hasher` (~9,200 lookups per 500 articles).
    static let abbreviationSlots: [UInt64] = {
        var slots = [UInt64](repeating: 0, count: 256)
        for p in packedAbbreviations {
            var i = abbreviationSlot(p)
            while slots[i] != 0 { i = (i + 1) & 255 }
            slots[i] = p
        }
        return slots
    }()

    @inline(__always) static func abbreviationSlot(_ p: UInt64) -> Int {
        Int(truncatingIfNeeded: ((p ^ (p &>> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// Whether `packed` (a word of at most 8 bytes, lower-cased, packed first byte lowest) is
    /// one of `abbreviations`.
    static func isPackedAbbreviation(_ packed: UInt64) -> Bool {
        abbreviationSlots.withUnsafeBufferPointer { slots in
            var i = abbreviationSlot(packed)
            while true {
                let e = slots[i]
                if e == packed { return true }
                if e == 0 { return false }
                i = (i &+ 1) & 255
            }
        }
    }

    /// Whether the word before the period at `dot` is an abbreviation or an initial.
    static func isAbbreviation(_ bytes: [UInt8], before dot: Int, lowerBound: Int) -> Bool {
        // read through the buffer: every index is in lowerBound..<dot, inside `bytes`
        bytes.withUnsafeBufferPointer { b in
            var k = dot - 1
            // whether the word has a period (initials); most words have none, and the pass over
            // them for initials is skipped
            var hasPeriod = false
            while k >= lowerBound {
                let c = b[k]
                if c == 0x2E { hasPeriod = true } else if !NameFolding.isAlnum(c) { break }
                k -= 1
            }
            // the word is ASCII letters, digits and periods
            let n = dot - (k + 1)
            if n == 0 { return false }
            if n <= 8 {
                var packed: UInt64 = 0
                for j in 0..<n {
                    let c = b[k + 1 + j]
                    packed |= UInt64(NameFolding.isUpper(c) ? c | 0x20 : c) << (8 * UInt64(j))
                }
                if isPackedAbbreviation(packed) { return true }
            }
            // single capital initial (J. Smith) or dotted initials (U.S.): periods between single characters
            if n == 1 && b[dot - 1] >= 0x41 && b[dot - 1] <= 0x5A { return true }
            if !hasPeriod { return false }
            var run = 0, longestRun = 0
            for j in (k + 1)..<dot {
                if b[j] == 0x2E { run = 0 } else { run += 1; longestRun = max(longestRun, run) }
            }
            return longestRun <= 1
        }
    }

    static func trim(_ bytes: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, e = r.upperBound
        while a < e && ArticleBody.isSpace(bytes[a]) { a += 1 }
        while e > a && ArticleBody.isSpace(bytes[e - 1]) { e -= 1 }
        return a..<e
    }
}
