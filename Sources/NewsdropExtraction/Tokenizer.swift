/// Splits UTF-8 text into word and punctuation tokens and folds each word (see `NameFolding`).
/// Works on bytes; ASCII words fold without touching Foundation.
struct Tokenizer: Sendable {
    /// The folded forms of all tokens produced so far, back to back.
    var folds: [UInt8] = []

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { NameFolding.isAlnum(b) }

    /// Tokenizes `bytes[range]` and appends to `out`.
    mutating func tokenize(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [Token]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b < 0x80 && !Tokenizer.isAlnum(b) {
                // ASCII punctuation
                var mark: UInt8 = b
                switch b {
                case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2E, 0x21, 0x3F: mark = b
                case 0x22, 0x27, 0x60: mark = 0x22
                case 0x2D: mark = 0x2D
                case 0x5B: mark = 0x28
                case 0x5D: mark = 0x29
                default: mark = 0x2A
                }
                out.append(Token(start: Int32(i), end: Int32(i + 1), foldStart: Int32(folds.count), foldEnd: Int32(folds.count), flags: .punctuation, mark: mark, value: 0, function: .none))
                i += 1
                continue
            }
            if b >= 0x80 {
                let len = NameFolding.utf8Length(b)
                let e = min(end, i + len)
                if !NameFolding.isWordScalar(bytes, i, e) || NameFolding.isApostropheLike(bytes, i, e) {
                    let s = Array(bytes[i..<e])
                    var mark: UInt8 = 0x2A
                    if s == [0xE2, 0x80, 0x9C] || s == [0xE2, 0x80, 0x9D] || s == [0xE2, 0x80, 0x98] || s == [0xE2, 0x80, 0x99] || s == [0xC2, 0xAB] || s == [0xC2, 0xBB] { mark = 0x22 }
                    if s == [0xE2, 0x80, 0x93] || s == [0xE2, 0x80, 0x94] { mark = 0x2D }
                    if s == [0xE2, 0x80, 0xA6] { mark = 0x2E }
                    if s == [0xC2, 0xA0] { i = e; continue }  // no-break space
                    out.append(Token(start: Int32(i), end: Int32(e), foldStart: Int32(folds.count), foldEnd: Int32(folds.count), flags: .punctuation, mark: mark, value: 0, function: .none))
                    i = e
                    continue
                }
            }
            // a word
            let wstart = i
            // the word's bytes go straight into the fold buffer and are folded there at the end
            let fs = folds.count
            var flags: Token.Flags = []
            var isNumber = true
            var number: Int64 = 0
            var sawLetter = false
            var allUpper = true
            var firstUpper = false
            var j = i
            scan: while j < end {
                let c = bytes[j]
                if c < 0x80 {
                    if Tokenizer.isAlnum(c) {
                        if c >= 0x30 && c <= 0x39 {
                            if isNumber && !sawLetter { number = min(number * 10 + Int64(c - 0x30), 1_000_000_000) }
                        } else {
                            if folds.count == fs { firstUpper = NameFolding.isUpper(c) }
                            if !NameFolding.isUpper(c) { allUpper = false }
                            sawLetter = true
                            if folds.count > fs && isNumber { flags.insert(.ordinal) }
                            if folds.count == fs { isNumber = false }
                        }
                        folds.append(c)
                        j += 1
                        continue
                    }
                    // digit grouping and decimals: 1,000 / 2.5
                    if (c == 0x2C || c == 0x2E) && isNumber && !sawLetter && folds.count > fs && j + 1 < end
                        && bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39
                    {
                        if c == 0x2E { isNumber = true; j += 1; while j < end && bytes[j] >= 0x30 && bytes[j] <= 0x39 { folds.append(bytes[j]); j += 1 }; break scan }
                        j += 1
                        continue
                    }
                    // initials: U.S. / U.N. / P.M.
                    if c == 0x2E && (folds.count - fs) == 1 && sawLetter && j + 2 < end && Tokenizer.isAlnum(bytes[j + 1]) && !(bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39) && (j + 2 >= end || bytes[j + 2] == 0x2E) {
                        // consume letter-dot pairs
                        var k = j
                        while k + 1 < end && bytes[k] == 0x2E && Tokenizer.isAlnum(bytes[k + 1]) && (k + 2 >= end || bytes[k + 2] == 0x2E || !Tokenizer.isAlnum(bytes[k + 2])) {
                            folds.append(bytes[k + 1])
                            if !NameFolding.isUpper(bytes[k + 1]) { allUpper = false }
                            k += 2
                        }
                        if k < end && bytes[k] == 0x2E && (folds.count - fs) > 1 { k += 1 }
                        j = k
                        break scan
                    }
                    if c == 0x27 || c == 0x60 {
                        if NameFolding.isPossessiveS(bytes, after: j + 1) && j + 1 < end {
                            flags.insert(.possessive)
                            j += 2
                            break scan
                        }
                        if j + 1 < end && Tokenizer.isAlnum(bytes[j + 1]) { j += 1; continue }
                        if Tokenizer.isPluralPossessive(bytes, apostrophe: j, after: j + 1, end: end, wordLength: folds.count - fs) { j += 1 }
                        break scan
                    }
                    if c == 0x2D && j + 1 < end && (Tokenizer.isAlnum(bytes[j + 1]) || bytes[j + 1] >= 0xC0) {
                        flags.insert(.hyphenAfter)
                        j += 1
                        break scan
                    }
                    break scan
                }
                let len = NameFolding.utf8Length(c)
                let e = min(end, j + len)
                if NameFolding.isApostropheLike(bytes, j, e) {
                    if NameFolding.isPossessiveS(bytes, after: e) && e < end {
                        flags.insert(.possessive)
                        j = e + 1
                        break scan
                    }
                    if e < end && (Tokenizer.isAlnum(bytes[e]) || bytes[e] >= 0xC0) { j = e; continue }
                    if Tokenizer.isPluralPossessive(bytes, apostrophe: j, after: e, end: end, wordLength: folds.count - fs) { j = e }
                    break scan
                }
                if !NameFolding.isWordScalar(bytes, j, e) { break scan }
                if folds.count == fs { firstUpper = (String(decoding: bytes[j..<e], as: UTF8.self).first?.isUppercase ?? false) }
                sawLetter = true
                isNumber = false
                folds.append(contentsOf: bytes[j..<e])
                j = e
            }
            if j == wstart { j += 1; i = j; continue }
            if firstUpper { flags.insert(.capitalized) }
            if allUpper && sawLetter && (folds.count - fs) >= 2 { flags.insert(.allUpper) }
            if isNumber && folds.count > fs { flags.insert(.number) }
            if NameFolding.isParticle(folds[fs...]) && flags.contains(.hyphenAfter) { flags.insert(.particle) }
            if (folds.count - fs) == 2 && (folds[fs] | 0x20) == 0x61 && (folds[fs + 1] | 0x20) == 0x6C { flags.insert(.particle) }  // Al / al
            if (folds.count - fs) == 2 && (folds[fs] | 0x20) == 0x65 && (folds[fs + 1] | 0x20) == 0x6C { flags.insert(.particle) }  // El / el
            NameFolding.foldTail(&folds, from: fs)
            out.append(Token(start: Int32(wstart), end: Int32(j), foldStart: Int32(fs), foldEnd: Int32(folds.count), flags: flags, mark: 0, value: flags.contains(.number) ? Int32(truncatingIfNeeded: number) : 0, function: .none))
            i = j
        }
    }

    /// A plural possessive inside a name, "Workers' Party": an apostrophe after a word ending in
    /// s, followed by a space and a capital. It belongs to the word (it is no quote mark), so a
    /// phrase can run on through it.
    static func isPluralPossessive(_ bytes: [UInt8], apostrophe: Int, after: Int, end: Int, wordLength: Int) -> Bool {
        guard wordLength >= 3, apostrophe > 0, bytes[apostrophe - 1] | 0x20 == 0x73 else { return false }
        return after + 1 < end && bytes[after] == 0x20 && NameFolding.isUpper(bytes[after + 1])
    }

    /// The folded bytes of a token.
    @inline(__always) func fold(_ t: Token) -> ArraySlice<UInt8> { folds[Int(t.foldStart)..<Int(t.foldEnd)] }
}
