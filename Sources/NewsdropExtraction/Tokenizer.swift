/// Splits UTF-8 text into word and punctuation tokens and folds each word (see `NameFolding`).
/// Works on bytes; ASCII words fold without touching Foundation.
struct Tokenizer: Sendable {
    /// The folded forms of all tokens produced so far, back to back.
    var folds: [UInt8] = []

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { NameFolding.isAlnum(b) }

    /// Tokenizes `bytes[range]` and appends to `out`.
    mutating func tokenize(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [Token]) {
        tokenize(bytes, range, functionWords: nil, into: &out)
    }

    /// Tokenizes `bytes[range]` and appends to `out`; with `functionWords`, each word's
    /// closed-class role (and the value of number words, months and weekdays) is set as well, as
    /// `Lexicon.markFunctionWords` would set it.
    ///
    /// One pass over the bytes: a word is gathered straight into `folds` (letters and digits
    /// only; apostrophes, grouping commas and initials' dots dropped), looked up as a function
    /// word there, and folded in place when it is ASCII. The folds and the tokens are written
    /// into room made ahead (a word's fold is never longer than the bytes it was gathered from;
    /// a token takes at least one byte), not appended one by one; what room is left is cut off on
    /// return. A non-ASCII word whose fold would not fit, or a full token room, ends a round of
    /// `scan`, and the room is made again.
    mutating func tokenize(_ bytes: [UInt8], _ range: Range<Int>, functionWords: FunctionWordTable?, into out: inout [Token]) {
        if range.isEmpty { return }
        let end = range.upperBound
        var line = LineState(i: range.lowerBound, cursor: folds.count, produced: out.count)
        var extraFoldRoom = 0
        bytes.withUnsafeBufferPointer { src in
            while line.i < end {
                // the rest of the line's folds, and 16 bytes over for word-wide loads
                let foldRoom = line.cursor + (end - line.i) + 16 + extraFoldRoom
                if folds.count < foldRoom { Tokenizer.appendRoom(foldRoom - folds.count, of: Tokenizer.zeros, to: &folds) }
                // about one token per six bytes of text: room for one per five and 16 over (each
                // token of room is written once as a blank); `scan` stops when the room is full
                let tokenRoom = line.produced + 16 + (end - line.i) / 5
                if out.count < tokenRoom { Tokenizer.appendRoom(tokenRoom - out.count, of: Tokenizer.blanks, to: &out) }
                extraFoldRoom += folds.withUnsafeMutableBufferPointer { f in
                    out.withUnsafeMutableBufferPointer { o in
                        Tokenizer.scan(src, end, &line, folds: f.baseAddress!, foldRoom: f.count, tokens: o.baseAddress!, tokenRoom: o.count, functionWords)
                    }
                }
            }
        }
        folds.removeLast(folds.count - line.cursor)
        out.removeLast(out.count - line.produced)
    }

    /// Appends `count` elements of room to `array`, copied from `filler` (all alike) a block at
    /// a time: a copy of memory, where `append(contentsOf: repeatElement(…))` wrote element by
    /// element (~860 instructions a line for the token room).
    @inline(__always) private static func appendRoom<T>(_ count: Int, of filler: [T], to array: inout [T]) {
        var left = count
        while left > 0 {
            let n = min(left, filler.count)
            array.append(contentsOf: filler[..<n])
            left -= n
        }
    }

    /// Blank tokens and zero bytes to make room from (`appendRoom`).
    private static let blanks = [Token](repeating: Token.blank, count: 256)
    private static let zeros = [UInt8](repeating: 0, count: 1024)

    /// Where a round of `scan` stopped: the next byte, the end of the folds, the tokens written.
    private struct LineState {
        var i: Int
        var cursor: Int
        var produced: Int
    }

    /// Tokenizes from `line.i` to `end`, writing folds at `folds + line.cursor` and tokens at
    /// `tokens + line.produced`. Stops early when the token room is full (returning 0) or when a
    /// non-ASCII word's fold does not fit (returning how many more fold bytes it needs; the word
    /// is read again in the next round).
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, _ line: inout LineState, folds f: UnsafeMutablePointer<UInt8>, foldRoom: Int,
        tokens o: UnsafeMutablePointer<Token>, tokenRoom: Int, _ functionWords: FunctionWordTable?
    ) -> Int {
        var i = line.i
        var cursor = line.cursor
        var produced = line.produced
        defer { line = LineState(i: i, cursor: cursor, produced: produced) }
        let byteClasses = Tokenizer.byteClasses
        while i < end {
            if produced == tokenRoom { return 0 }
            let b = bytes[i]
            let cls = byteClasses[Int(b)]
            if cls == Tokenizer.space { i += 1; continue }
            if cls >= Tokenizer.firstMark {
                // ASCII punctuation: the class is its mark
                o[produced] = punctuation(i, i + 1, cls, cursor)
                produced += 1
                i += 1
                continue
            }
            if cls == Tokenizer.nonASCII {
                let e = min(end, i + NameFolding.utf8Length(b))
                if !NameFolding.isWordScalar(bytes, i, e) || NameFolding.isApostropheLike(bytes, i, e) {
                    // a no-break space separates; quotes, dashes and the ellipsis have their ASCII mark
                    if e - i == 2 && b == 0xC2 && bytes[i + 1] == 0xA0 { i = e; continue }
                    o[produced] = punctuation(i, e, Tokenizer.markOfPunctuationScalar(bytes, i, e), cursor)
                    produced += 1
                    i = e
                    continue
                }
            }
            if cls == Tokenizer.lower || cls == Tokenizer.upper {
                // most words: a letter, then lower-case letters up to a space or a punctuation mark
                // that cannot go on with the word (not an apostrophe or a hyphen, nor the dot of
                // initials); nothing else of the general path below applies to them
                let w = f + cursor
                w[0] = b
                var j = i &+ 1
                while j < end && bytes[j] &- 0x61 < 26 {
                    w[j &- i] = bytes[j]
                    j &+= 1
                }
                let n = j &- i
                if j == end || Tokenizer.endsPlainWord(bytes[j], byteClasses[Int(bytes[j])], length: n) {
                    var flags: Token.Flags = cls == Tokenizer.upper ? .capitalized : []
                    if n == 2 && (b | 0x20 == 0x61 || b | 0x20 == 0x65) && w[1] == 0x6C { flags.insert(.particle) }  // Al / al / El / el
                    var function = FunctionWord.none
                    var value: Int32 = 0
                    // the fold's length, once written
                    var k = 0
                    var anyCaseRoot: UInt16 = 0
                    if let table = functionWords, n <= FunctionWordTable.maxLength {
                        if let row = Tokenizer.functionWord(w, n, table) {
                            function = row.function
                            if function == .number || function == .month || function == .weekday { value = row.value }
                            // a word the table holds comes with its fold: copied, 16 bytes at
                            // `w` (the fold room has them), not folded again
                            if row.foldCount > 0 {
                                let raw = UnsafeMutableRawPointer(w)
                                raw.storeBytes(of: row.foldLow, as: UInt64.self)
                                raw.storeBytes(of: row.foldHigh, toByteOffset: 8, as: UInt64.self)
                                k = Int(row.foldCount)
                                anyCaseRoot = row.anyCaseRoot
                            }
                        }
                    }
                    if k == 0 {
                        w[0] = b | 0x20
                        k = NameFolding.foldLowerCaseWord(w, n)
                    }
                    o[produced] = Token(
                        start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: j), foldStart: Int32(truncatingIfNeeded: cursor),
                        foldEnd: Int32(truncatingIfNeeded: cursor &+ k), flags: flags, mark: 0, value: value, function: function,
                        anyCaseRoot: anyCaseRoot)
                    produced &+= 1
                    cursor &+= k
                    i = j
                    continue
                }
            }
            // a word, gathered where its fold goes
            let w = f + cursor
            let wstart = i
            var n = 0  // bytes of the word gathered in `w`
            // bytes gathered before the first that is no ASCII letter or digit of the text
            // (the spelling a function word is looked up by); -1 while there is none
            var plain = -1
            var flags: Token.Flags = []
            var isNumber = true
            var number: Int64 = 0
            var sawLetter = false
            var sawUpper = false
            var allUpper = true
            var firstUpper = false
            var ascii = true
            var j = i
            scan: while j < end {
                let c = bytes[j]
                if c &- 0x61 < 26 {
                    // a run of lower-case letters, the common case
                    if n == 0 { isNumber = false } else if isNumber { flags.insert(.ordinal) }
                    allUpper = false
                    sawLetter = true
                    repeat {
                        w[n] = bytes[j]
                        n += 1
                        j += 1
                    } while j < end && bytes[j] &- 0x61 < 26
                    continue
                }
                if c < 0x80 {
                    if Tokenizer.isAlnum(c) {
                        if c <= 0x39 {
                            if isNumber && !sawLetter { number = min(number * 10 + Int64(c - 0x30), 1_000_000_000) }
                        } else {
                            // an upper-case letter
                            if n == 0 { firstUpper = true; isNumber = false } else if isNumber { flags.insert(.ordinal) }
                            sawUpper = true
                            sawLetter = true
                        }
                        w[n] = c
                        n += 1
                        j += 1
                        continue
                    }
                    if plain < 0 { plain = n }
                    // digit grouping and decimals: 1,000 / 2.5
                    if (c == 0x2C || c == 0x2E) && isNumber && !sawLetter && n > 0 && j + 1 < end
                        && bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39
                    {
                        if c == 0x2E {
                            j += 1
                            while j < end && bytes[j] >= 0x30 && bytes[j] <= 0x39 { w[n] = bytes[j]; n += 1; j += 1 }
                            break scan
                        }
                        j += 1
                        continue
                    }
                    // initials: U.S. / U.N. / P.M.
                    if c == 0x2E && n == 1 && sawLetter && j + 2 < end && Tokenizer.isAlnum(bytes[j + 1]) && !(bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39) && (j + 2 >= end || bytes[j + 2] == 0x2E) {
                        // consume letter-dot pairs
                        var k = j
                        while k + 1 < end && bytes[k] == 0x2E && Tokenizer.isAlnum(bytes[k + 1]) && (k + 2 >= end || bytes[k + 2] == 0x2E || !Tokenizer.isAlnum(bytes[k + 2])) {
                            w[n] = bytes[k + 1]
                            n += 1
                            if !NameFolding.isUpper(bytes[k + 1]) { allUpper = false } else { sawUpper = true }
                            k += 2
                        }
                        if k < end && bytes[k] == 0x2E && n > 1 { k += 1 }
                        j = k
                        break scan
                    }
                    if c == 0x27 || c == 0x60 {
                        if NameFolding.isPossessiveS(bytes, after: j + 1, end: end) {
                            flags.insert(.possessive)
                            j += 2
                            break scan
                        }
                        if j + 1 < end && Tokenizer.isAlnum(bytes[j + 1]) { j += 1; continue }
                        if Tokenizer.isPluralPossessive(bytes, apostrophe: j, after: j + 1, end: end, wordLength: n) { j += 1 }
                        break scan
                    }
                    if c == 0x2D && j + 1 < end && (Tokenizer.isAlnum(bytes[j + 1]) || bytes[j + 1] >= 0xC0) {
                        flags.insert(.hyphenAfter)
                        j += 1
                        break scan
                    }
                    break scan
                }
                if plain < 0 { plain = n }
                let e = min(end, j + NameFolding.utf8Length(c))
                if NameFolding.isApostropheLike(bytes, j, e) {
                    if NameFolding.isPossessiveS(bytes, after: e, end: end) {
                        flags.insert(.possessive)
                        j = e + 1
                        break scan
                    }
                    if e < end && (Tokenizer.isAlnum(bytes[e]) || bytes[e] >= 0xC0) { j = e; continue }
                    if Tokenizer.isPluralPossessive(bytes, apostrophe: j, after: e, end: end, wordLength: n) { j = e }
                    break scan
                }
                if !NameFolding.isWordScalar(bytes, j, e) { break scan }
                if n == 0 { firstUpper = String(decoding: UnsafeBufferPointer(rebasing: bytes[j..<e]), as: UTF8.self).first?.isUppercase ?? false }
                sawLetter = true
                isNumber = false
                ascii = false
                for k in j..<e { w[n] = bytes[k]; n += 1 }
                j = e
            }
            if j == wstart { i = j + 1; continue }
            if firstUpper { flags.insert(.capitalized) }
            if allUpper && sawLetter && n >= 2 { flags.insert(.allUpper) }
            if isNumber && n > 0 { flags.insert(.number) }
            if flags.contains(.hyphenAfter) && NameFolding.isParticle(UnsafeBufferPointer(start: w, count: n)) { flags.insert(.particle) }
            if n == 2 && (w[0] | 0x20 == 0x61 || w[0] | 0x20 == 0x65) && w[1] | 0x20 == 0x6C { flags.insert(.particle) }  // Al / al / El / el
            var function = FunctionWord.none
            var value: Int32 = flags.contains(.number) ? Int32(truncatingIfNeeded: number) : 0
            if let table = functionWords {
                let m = plain < 0 ? n : plain
                if m <= FunctionWordTable.maxLength, let row = Tokenizer.functionWord(w, m, table) {
                    function = row.function
                    if function == .number || function == .month || function == .weekday { value = row.value }
                }
            }
            if ascii {
                // ASCII letters and digits: `| 0x20` lower-cases them all
                if sawUpper { for k in 0..<n { w[k] |= 0x20 } }
                cursor += NameFolding.foldLowerCaseWord(w, n)
            } else {
                var word = Array(UnsafeBufferPointer(start: w, count: n))
                NameFolding.foldTail(&word, from: 0)
                // the room is counted for the rest of the line as if each byte had a fold byte
                let need = cursor + word.count + (end - j) + 16
                if need > foldRoom { return need - foldRoom }
                for (k, x) in word.enumerated() { w[k] = x }
                cursor += word.count
            }
            o[produced] = Token(start: Int32(wstart), end: Int32(j), foldStart: Int32(w - f), foldEnd: Int32(cursor), flags: flags, mark: 0, value: value, function: function)
            produced += 1
            i = j
        }
        return 0
    }

    /// The function word spelled by the `m` (at most 16) ASCII letters and digits at `w`, any
    /// case, or nil; reads 16 bytes at `w` (the fold room has them).
    @inline(__always) private static func functionWord(_ w: UnsafeMutablePointer<UInt8>, _ m: Int, _ table: FunctionWordTable) -> FunctionWordTable.Entry? {
        let raw = UnsafeRawPointer(w)
        // `| 0x20` lower-cases an ASCII letter and leaves a digit as it is
        let lowMask: UInt64 = m >= 8 ? ~0 : (1 &<< UInt64(8 &* m)) &- 1
        let highMask: UInt64 = m <= 8 ? 0 : m >= 16 ? ~0 : (1 &<< UInt64(8 &* (m &- 8))) &- 1
        let low = (raw.loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020) & lowMask
        let high = (raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) | 0x2020_2020_2020_2020) & highMask
        return table.entry(low: low, high: high)
    }

    /// Whether the byte `c` (of class `cls`) after a word of `length` letters ends it with
    /// nothing more to read: a space or a punctuation mark other than an apostrophe, a hyphen,
    /// or the dot after a single letter (initials).
    @inline(__always) private static func endsPlainWord(_ c: UInt8, _ cls: UInt8, length: Int) -> Bool {
        if cls == space { return true }
        return cls >= firstMark && c != 0x27 && c != 0x60 && c != 0x2D && (c != 0x2E || length >= 2)
    }

    /// The byte classes of `byteClasses`; an ASCII punctuation mark's class is its mark (all
    /// at least `firstMark`).
    private static let space: UInt8 = 0, lower: UInt8 = 1, upper: UInt8 = 2, digit: UInt8 = 3, nonASCII: UInt8 = 4
    private static let firstMark: UInt8 = 0x20

    /// Per byte: space (blank, tab, line ends), lower- or upper-case letter, digit, a non-ASCII
    /// byte, or the mark of an ASCII punctuation byte (`,` `;` `:` `(` `)` `.` `!` `?` as
    /// themselves, quotes `"`, `-`, brackets as parentheses, anything else `*`).
    private static let byteClasses: [UInt8] = (0..<256).map { v -> UInt8 in
        let b = UInt8(v)
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return space }
        if b >= 0x80 { return nonASCII }
        if b >= 0x61 && b <= 0x7A { return lower }
        if b >= 0x41 && b <= 0x5A { return upper }
        if b >= 0x30 && b <= 0x39 { return digit }
        switch b {
        case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2E, 0x21, 0x3F: return b
        case 0x22, 0x27, 0x60: return 0x22
        case 0x2D: return 0x2D
        case 0x5B: return 0x28
        case 0x5D: return 0x29
        default: return 0x2A
        }
    }

    /// A punctuation token; `folds` is the end of the folds so far (it has no fold of its own).
    @inline(__always) private static func punctuation(_ start: Int, _ end: Int, _ mark: UInt8, _ folds: Int) -> Token {
        Token(start: Int32(start), end: Int32(end), foldStart: Int32(folds), foldEnd: Int32(folds), flags: .punctuation, mark: mark, value: 0, function: .none)
    }

    /// The ASCII mark of a non-ASCII punctuation scalar `bytes[i..<e]`: quotes `"`, dashes `-`,
    /// the ellipsis `.`, anything else `*`.
    static func markOfPunctuationScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> UInt8 {
        if e - i == 3 && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 {
            switch bytes[i + 2] {
            case 0x9C, 0x9D, 0x98, 0x99: return 0x22  // “ ” ‘ ’
            case 0x93, 0x94: return 0x2D  // – —
            case 0xA6: return 0x2E  // …
            default: return 0x2A
            }
        }
        if e - i == 2 && bytes[i] == 0xC2 && (bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB) { return 0x22 }  // « »
        return 0x2A
    }

    /// A plural possessive inside a name, "Workers' Party": an apostrophe after a word ending in
    /// s, followed by a space and a capital. It belongs to the word (it is no quote mark), so a
    /// phrase can run on through it.
    static func isPluralPossessive(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Int, after: Int, end: Int, wordLength: Int) -> Bool {
        guard wordLength >= 3, apostrophe > 0, bytes[apostrophe - 1] | 0x20 == 0x73 else { return false }
        return after + 1 < end && bytes[after] == 0x20 && NameFolding.isUpper(bytes[after + 1])
    }

    /// The folded bytes of a token.
    @inline(__always) func fold(_ t: Token) -> ArraySlice<UInt8> { folds[Int(t.foldStart)..<Int(t.foldEnd)] }
}
