@testable import NewsdropExtraction

/// The tokenizer as it was before the speed8 steps (commit 7abd9be), word for word but for its
/// name and its fold (`ReferenceFold.foldLowerCaseWord`, the routine of that commit): the new
/// one must give the same tokens and folds.
struct ReferenceTokenizer {
    /// The folded forms of all tokens produced so far, back to back.
    var folds: [UInt8] = []

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { NameFolding.isAlnum(b) }

    /// Tokenizes `bytes[range]` and appends to `out`.
    ///
    /// One pass over the bytes: a word is gathered into a scratch buffer (letters and digits
    /// only; apostrophes, grouping commas and initials' dots dropped), folded there when it is
    /// ASCII, and written to `folds` once.
    mutating func tokenize(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [Token]) {
        if range.isEmpty { return }
        out.reserveCapacity(out.count + range.count / 4 + 4)
        bytes.withUnsafeBufferPointer { src in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { scratch in
                tokenize(src, range, scratch: scratch.baseAddress!, into: &out)
            }
        }
    }

    private mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch w: UnsafeMutablePointer<UInt8>, into out: inout [Token]) {
        var i = range.lowerBound
        let end = range.upperBound
        // The folds of the line's ASCII words are written into room made here for all of them (a
        // word's fold is never longer than the bytes it was gathered from), not appended one by
        // one: `cursor` is where the folds end, and the room left is cut off on return.
        var cursor = folds.count
        folds.append(contentsOf: repeatElement(0, count: end - i))
        defer { folds.removeLast(folds.count - cursor) }
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b < 0x80 && !ReferenceTokenizer.isAlnum(b) {
                // ASCII punctuation
                let mark: UInt8
                switch b {
                case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2E, 0x21, 0x3F: mark = b
                case 0x22, 0x27, 0x60: mark = 0x22
                case 0x2D: mark = 0x2D
                case 0x5B: mark = 0x28
                case 0x5D: mark = 0x29
                default: mark = 0x2A
                }
                out.append(punctuation(i, i + 1, mark, cursor))
                i += 1
                continue
            }
            if b >= 0x80 {
                let e = min(end, i + NameFolding.utf8Length(b))
                if !NameFolding.isWordScalar(bytes, i, e) || NameFolding.isApostropheLike(bytes, i, e) {
                    // a no-break space separates; quotes, dashes and the ellipsis have their ASCII mark
                    if e - i == 2 && b == 0xC2 && bytes[i + 1] == 0xA0 { i = e; continue }
                    out.append(punctuation(i, e, ReferenceTokenizer.markOfPunctuationScalar(bytes, i, e), cursor))
                    i = e
                    continue
                }
            }
            // a word
            let wstart = i
            var n = 0  // bytes of the word gathered in `w`
            var flags: Token.Flags = []
            var isNumber = true
            var number: Int64 = 0
            var sawLetter = false
            var allUpper = true
            var firstUpper = false
            var ascii = true
            var j = i
            scan: while j < end {
                let c = bytes[j]
                if c >= 0x61 && c <= 0x7A {
                    // a run of lower-case letters, the common case
                    if n == 0 { isNumber = false } else if isNumber { flags.insert(.ordinal) }
                    allUpper = false
                    sawLetter = true
                    repeat {
                        w[n] = bytes[j]
                        n += 1
                        j += 1
                    } while j < end && bytes[j] >= 0x61 && bytes[j] <= 0x7A
                    continue
                }
                if c < 0x80 {
                    if ReferenceTokenizer.isAlnum(c) {
                        if c <= 0x39 {
                            if isNumber && !sawLetter { number = min(number * 10 + Int64(c - 0x30), 1_000_000_000) }
                        } else {
                            let upper = NameFolding.isUpper(c)
                            if n == 0 { firstUpper = upper; isNumber = false } else if isNumber { flags.insert(.ordinal) }
                            if !upper { allUpper = false }
                            sawLetter = true
                        }
                        w[n] = c
                        n += 1
                        j += 1
                        continue
                    }
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
                    if c == 0x2E && n == 1 && sawLetter && j + 2 < end && ReferenceTokenizer.isAlnum(bytes[j + 1]) && !(bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39) && (j + 2 >= end || bytes[j + 2] == 0x2E) {
                        // consume letter-dot pairs
                        var k = j
                        while k + 1 < end && bytes[k] == 0x2E && ReferenceTokenizer.isAlnum(bytes[k + 1]) && (k + 2 >= end || bytes[k + 2] == 0x2E || !ReferenceTokenizer.isAlnum(bytes[k + 2])) {
                            w[n] = bytes[k + 1]
                            n += 1
                            if !NameFolding.isUpper(bytes[k + 1]) { allUpper = false }
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
                        if j + 1 < end && ReferenceTokenizer.isAlnum(bytes[j + 1]) { j += 1; continue }
                        if ReferenceTokenizer.isPluralPossessive(bytes, apostrophe: j, after: j + 1, end: end, wordLength: n) { j += 1 }
                        break scan
                    }
                    if c == 0x2D && j + 1 < end && (ReferenceTokenizer.isAlnum(bytes[j + 1]) || bytes[j + 1] >= 0xC0) {
                        flags.insert(.hyphenAfter)
                        j += 1
                        break scan
                    }
                    break scan
                }
                let e = min(end, j + NameFolding.utf8Length(c))
                if NameFolding.isApostropheLike(bytes, j, e) {
                    if NameFolding.isPossessiveS(bytes, after: e, end: end) {
                        flags.insert(.possessive)
                        j = e + 1
                        break scan
                    }
                    if e < end && (ReferenceTokenizer.isAlnum(bytes[e]) || bytes[e] >= 0xC0) { j = e; continue }
                    if ReferenceTokenizer.isPluralPossessive(bytes, apostrophe: j, after: e, end: end, wordLength: n) { j = e }
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
            let fs = cursor
            if ascii {
                // the word is ASCII letters and digits: lower-case and fold it where it was gathered
                for k in 0..<n where NameFolding.isUpper(w[k]) { w[k] |= 0x20 }
                let k = ReferenceFold.foldLowerCaseWord(w, n)
                if cursor + k <= folds.count {
                    folds.withUnsafeMutableBufferPointer { f in
                        let d = f.baseAddress! + cursor
                        for x in 0..<k { d[x] = w[x] }
                    }
                } else {
                    // no room left (not expected): append
                    folds.removeLast(folds.count - cursor)
                    folds.append(contentsOf: UnsafeBufferPointer(start: w, count: k))
                }
                cursor += k
            } else {
                // `foldTail` works on the array's end: cut the room off, fold, make room again
                folds.removeLast(folds.count - cursor)
                folds.append(contentsOf: UnsafeBufferPointer(start: w, count: n))
                NameFolding.foldTail(&folds, from: fs)
                cursor = folds.count
                folds.append(contentsOf: repeatElement(0, count: end - j))
            }
            out.append(Token(start: Int32(wstart), end: Int32(j), foldStart: Int32(fs), foldEnd: Int32(cursor), flags: flags, mark: 0, value: flags.contains(.number) ? Int32(truncatingIfNeeded: number) : 0, function: .none))
            i = j
        }
    }

    /// A punctuation token; `folds` is the end of the folds so far (it has no fold of its own).
    @inline(__always) private func punctuation(_ start: Int, _ end: Int, _ mark: UInt8, _ folds: Int) -> Token {
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

/// `NameFolding.foldLowerCaseWord` as it was at commit 7abd9be.
enum ReferenceFold {
    /// Folds in place a lower-case word of `len` ASCII letters and digits (or already
    /// case-folded UTF-8) at `p`, returning its folded length: the glued article, Abu/Bou,
    /// the transliteration pairs and doubled letters. `foldTail` and the tokenizer shared it.
    @inline(__always)
    static func foldLowerCaseWord(_ p: UnsafeMutablePointer<UInt8>, _ len: Int) -> Int {
        if len == 0 { return 0 }
        var len = len
        var from = 0
        // glued article: Albukamal → bukamal
        if len >= 7 && p[0] == 0x61 && p[1] == 0x6C && p[2] >= 0x61 { from = 2 }
        // Abu / Abou / Albu / Bou / Abo as a word → bu
        if from == 0 && (len == 3 || len == 4) {
            let a = p[0], b = p[1], c = p[2], d: UInt8 = len == 4 ? p[3] : 0
            let abu = len == 3 && a == 0x61 && b == 0x62 && c == 0x75
            let bou = len == 3 && a == 0x62 && b == 0x6F && c == 0x75
            let abo = len == 3 && a == 0x61 && b == 0x62 && c == 0x6F
            let abou = len == 4 && a == 0x61 && b == 0x62 && c == 0x6F && d == 0x75
            let albu = len == 4 && a == 0x61 && b == 0x6C && c == 0x62 && d == 0x75
            if abu || bou || abo || abou || albu { p[0] = 0x62; p[1] = 0x75; len = 2 }
        }
        // transliteration pairs, doubled letters collapsed as they are written
        var r = 0
        var i = from
        // whether an "a" was written right before an "i" (the only case the pass below changes)
        var aBeforeI = false
        while i < len {
            let c = p[i]
            let nx: UInt8 = i + 1 < len ? p[i + 1] : 0
            var o = c
            var step = 1
            switch c {
            case 0x6F: o = 0x75; if nx == 0x75 || nx == 0x6F { step = 2 }  // o, ou, oo → u
            case 0x67: if nx == 0x68 { o = 0x6B; step = 2 }  // gh → k
            case 0x6B: if nx == 0x68 { step = 2 }  // kh → k
            case 0x63: if nx == 0x6B { o = 0x6B; step = 2 }  // ck → k
            case 0x70: if nx == 0x68 { o = 0x66; step = 2 }  // ph → f
            case 0x64: if nx == 0x68 { step = 2 }  // dh → d
            case 0x71: o = 0x6B  // q → k
            case 0x65, 0x79: o = 0x69  // e, y → i
            default: break
            }
            if r == 0 || p[r - 1] != o {
                if o == 0x69 && r > 0 && p[r - 1] == 0x61 { aBeforeI = true }
                p[r] = o
                r += 1
            }
            i += step
        }
        // ai → i, collapsing again. Without an "ai" (or in two letters) the pass changes nothing —
        // the loop above left no letter doubled — and is skipped: most words.
        if !aBeforeI || r <= 2 { return r }
        let d = r
        var e = 0
        var j = 0
        while j < d {
            if p[j] == 0x61 && j + 1 < d && p[j + 1] == 0x69 && d > 2 {
                p[e] = 0x69; e += 1; j += 2; continue
            }
            if e == 0 || p[e - 1] != p[j] { p[e] = p[j]; e += 1 }
            j += 1
        }
        return e
    }
}
