import Foundation

/// The one normalizer for actor and place names (and for every token the matchers see).
///
/// Folding removes what varies between transliterations of the same Arabic or Persian name and
/// keeps what distinguishes names: case, diacritics, apostrophes and ʿayn/hamza marks, hyphens
/// and spaces, the article prefixes `al-`/`el-`/`ad-`/`as-`/`ash-`…, and the common transliteration
/// pairs (q/gh/kh/k, e/i, o/ou/u, y/i, ai/i) and doubled letters. `Qaani`, `Ghaani`, `Qa'ani`
/// fold alike; so do `Albukamal`, `Al-Bukamal`, `Abu Kamal`, `Albu Kamal` and `Boukamal`.
///
/// The folded form is a key for comparison only, never shown to users.
public enum NameFolding: Sendable {
    /// Folds a name (one or several words) to its comparison key.
    public static func fold(_ s: String) -> String {
        let bytes = Array(s.utf8)
        // the words' kept bytes back to back (apostrophes inside a word dropped: Qa'ani), and where each ends
        var letters: [UInt8] = []
        letters.reserveCapacity(bytes.count)
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { gatherWords($0, into: &letters, ends: &ends) }
        // article particles go, unless the name is nothing else
        var words: [Range<Int>] = []
        var start = 0
        for e in ends {
            words.append(start..<e)
            start = e
        }
        let kept = words.count > 1 ? words.filter { !isParticle(letters[$0]) } : words
        var out: [UInt8] = []
        out.reserveCapacity(letters.count)
        for w in kept.isEmpty ? words : kept {
            foldToken(letters[w], into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits a name into words for `fold`: appends each word's kept bytes to `letters` and its
    /// end to `ends`.
    private static func gatherWords(_ b: UnsafeBufferPointer<UInt8>, into letters: inout [UInt8], ends: inout [Int]) {
        var i = 0
        while i < b.count {
            let c = b[i]
            var wordEnds = false
            if c < 0x80 {
                if isAlnum(c) { letters.append(c) } else if c == 0x27 || c == 0x60 {
                    // possessive 's ends the word; any other apostrophe is dropped (Qa'ani)
                    if isPossessiveS(b, after: i + 1, end: b.count) { wordEnds = true; i += 1 }
                } else { wordEnds = true }
                i += 1
            } else {
                let end = min(b.count, i + utf8Length(c))
                if isApostropheLike(b, i, end) {
                    // a possessive ’s ends the word and is skipped with its s
                    if isPossessiveS(b, after: end, end: b.count) { wordEnds = true; i = end + 1 } else { i = end }
                } else {
                    if isWordScalar(b, i, end) { letters.append(contentsOf: b[i..<end]) } else { wordEnds = true }
                    i = end
                }
            }
            if wordEnds && letters.count > (ends.last ?? 0) { ends.append(letters.count) }
        }
        if letters.count > (ends.last ?? 0) { ends.append(letters.count) }
    }

    /// Whether `bytes[after]` is an `s` that ends the word within `..<end` (a possessive `'s`).
    @inline(__always) static func isPossessiveS(_ bytes: UnsafeBufferPointer<UInt8>, after: Int, end: Int) -> Bool {
        guard after < end, bytes[after] | 0x20 == 0x73 else { return false }
        let n = after + 1
        return n >= end || !(isAlnum(bytes[n]) || bytes[n] >= 0x80)
    }

    /// Whether a lower- or upper-case word is an Arabic article that folding drops (`al`, `el`, `ad`…).
    static func isParticle<Bytes: RandomAccessCollection<UInt8>>(_ w: Bytes) -> Bool where Bytes.Index == Int {
        guard w.count == 2 || w.count == 3 else { return false }
        let s = w.startIndex
        let a = w[s] | 0x20, c = w[s + 1] | 0x20
        if w.count == 2 {
            if (a == 0x61 || a == 0x65) && (c == 0x6C || c == 0x64 || c == 0x73 || c == 0x74 || c == 0x7A || c == 0x72) {
                return true  // al el ad ed as es at et az ez ar er
            }
            return a == 0x75 && (c == 0x6C || c == 0x64)  // ul ud
        }
        return (a == 0x61 || a == 0x65) && c == 0x73 && w[s + 2] | 0x20 == 0x68  // ash esh
    }

    /// Appends the folded form of one word (UTF-8 bytes, no separators) to `out`.
    static func foldToken(_ word: ArraySlice<UInt8>, into out: inout [UInt8]) {
        let base = out.count
        out.append(contentsOf: word)
        foldTail(&out, from: base)
    }

    /// Folds in place the word that `out` holds from `base` to its end (UTF-8 bytes, no
    /// separators): the tokenizer writes a word straight into its fold buffer and folds it there.
    static func foldTail(_ out: inout [UInt8], from base: Int) {
        // every step below only shortens the word, so nothing allocates on the hot path (ASCII
        // words: lower-cased and stripped of non-alphanumerics in place)
        var ascii = true
        for i in base..<out.count where out[i] >= 0x80 { ascii = false; break }
        if !ascii && !foldLatinInPlace(&out, from: base) {
            let word = String(decoding: out[base...], as: UTF8.self)
            out.removeSubrange(base...)
            appendFoundationFold(of: word, to: &out)
        }
        let n = out.count - base
        if n == 0 { return }
        let kept: Int = out.withUnsafeMutableBufferPointer { buf -> Int in
            let p = buf.baseAddress! + base
            var len = n
            if ascii {
                var m = 0
                for i in 0..<n {
                    let b = p[i]
                    if isAlnum(b) { p[m] = isUpper(b) ? b | 0x20 : b; m += 1 }
                }
                len = m
            }
            return foldLowerCaseWord(p, len)
        }
        out.removeLast(n - kept)
    }

    /// Folds in place a lower-case word of `len` ASCII letters and digits (or already
    /// case-folded UTF-8) at `p`, returning its folded length: the glued article, Abu/Bou,
    /// the transliteration pairs and doubled letters. `foldTail` and the tokenizer share it.
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
        // transliteration pairs, doubled letters collapsed as they are written: each byte's
        // output from `foldCodes`, the byte after it read only for the five letters that may
        // start a pair (g k d c p; ou and oo need no look-ahead: see `foldCodes`)
        var r = 0
        var i = from
        // the byte written last, or 0x100 before the first
        var last: UInt32 = 0x100
        // whether an "a" was written right before an "i" (the only case the pass below changes)
        var aBeforeI = false
        foldCodes.withUnsafeBufferPointer { codes in
            while i < len {
                let c = p[i]
                let code = codes[Int(c)]
                var o = UInt8(truncatingIfNeeded: code)
                var step = 1
                if code & 0x100 != 0 && i &+ 1 < len {
                    let nx = p[i &+ 1]
                    switch c {
                    case 0x67: if nx == 0x68 { o = 0x6B; step = 2 }  // gh → k
                    case 0x6B, 0x64: if nx == 0x68 { step = 2 }  // kh → k, dh → d
                    case 0x63: if nx == 0x6B { o = 0x6B; step = 2 }  // ck → k
                    case 0x70: if nx == 0x68 { o = 0x66; step = 2 }  // ph → f
                    default: break
                    }
                }
                if UInt32(o) != last {
                    if o == 0x69 && last == 0x61 { aBeforeI = true }
                    p[r] = o
                    r &+= 1
                    last = UInt32(o)
                }
                i &+= step
            }
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

    /// Per byte, what `foldLowerCaseWord` writes for it alone (o → u, q → k, e and y → i, any
    /// other byte itself), with 0x100 set for the letters that may start a pair with the next
    /// (gh, kh, ck, ph, dh). The pairs ou and oo (→ u) need no look-ahead: o is written as u, and
    /// the u or o after it, written as u as well, is collapsed as a doubled letter — the same
    /// bytes, and one test less for every o.
    /// Written out as a literal: the optimizer initializes such an array statically, so reading
    /// it costs no lazy-initialization check per call (a table built by `map` cost two).
    private static let foldCodes: [UInt16] = [
        0x000, 0x001, 0x002, 0x003, 0x004, 0x005, 0x006, 0x007, 0x008, 0x009, 0x00A, 0x00B, 0x00C, 0x00D, 0x00E, 0x00F,
        0x010, 0x011, 0x012, 0x013, 0x014, 0x015, 0x016, 0x017, 0x018, 0x019, 0x01A, 0x01B, 0x01C, 0x01D, 0x01E, 0x01F,
        0x020, 0x021, 0x022, 0x023, 0x024, 0x025, 0x026, 0x027, 0x028, 0x029, 0x02A, 0x02B, 0x02C, 0x02D, 0x02E, 0x02F,
        0x030, 0x031, 0x032, 0x033, 0x034, 0x035, 0x036, 0x037, 0x038, 0x039, 0x03A, 0x03B, 0x03C, 0x03D, 0x03E, 0x03F,
        0x040, 0x041, 0x042, 0x043, 0x044, 0x045, 0x046, 0x047, 0x048, 0x049, 0x04A, 0x04B, 0x04C, 0x04D, 0x04E, 0x04F,
        0x050, 0x051, 0x052, 0x053, 0x054, 0x055, 0x056, 0x057, 0x058, 0x059, 0x05A, 0x05B, 0x05C, 0x05D, 0x05E, 0x05F,
        0x060, 0x061, 0x062, 0x163, 0x164, 0x069, 0x066, 0x167, 0x068, 0x069, 0x06A, 0x16B, 0x06C, 0x06D, 0x06E, 0x075,
        0x170, 0x06B, 0x072, 0x073, 0x074, 0x075, 0x076, 0x077, 0x078, 0x069, 0x07A, 0x07B, 0x07C, 0x07D, 0x07E, 0x07F,
        0x080, 0x081, 0x082, 0x083, 0x084, 0x085, 0x086, 0x087, 0x088, 0x089, 0x08A, 0x08B, 0x08C, 0x08D, 0x08E, 0x08F,
        0x090, 0x091, 0x092, 0x093, 0x094, 0x095, 0x096, 0x097, 0x098, 0x099, 0x09A, 0x09B, 0x09C, 0x09D, 0x09E, 0x09F,
        0x0A0, 0x0A1, 0x0A2, 0x0A3, 0x0A4, 0x0A5, 0x0A6, 0x0A7, 0x0A8, 0x0A9, 0x0AA, 0x0AB, 0x0AC, 0x0AD, 0x0AE, 0x0AF,
        0x0B0, 0x0B1, 0x0B2, 0x0B3, 0x0B4, 0x0B5, 0x0B6, 0x0B7, 0x0B8, 0x0B9, 0x0BA, 0x0BB, 0x0BC, 0x0BD, 0x0BE, 0x0BF,
        0x0C0, 0x0C1, 0x0C2, 0x0C3, 0x0C4, 0x0C5, 0x0C6, 0x0C7, 0x0C8, 0x0C9, 0x0CA, 0x0CB, 0x0CC, 0x0CD, 0x0CE, 0x0CF,
        0x0D0, 0x0D1, 0x0D2, 0x0D3, 0x0D4, 0x0D5, 0x0D6, 0x0D7, 0x0D8, 0x0D9, 0x0DA, 0x0DB, 0x0DC, 0x0DD, 0x0DE, 0x0DF,
        0x0E0, 0x0E1, 0x0E2, 0x0E3, 0x0E4, 0x0E5, 0x0E6, 0x0E7, 0x0E8, 0x0E9, 0x0EA, 0x0EB, 0x0EC, 0x0ED, 0x0EE, 0x0EF,
        0x0F0, 0x0F1, 0x0F2, 0x0F3, 0x0F4, 0x0F5, 0x0F6, 0x0F7, 0x0F8, 0x0F9, 0x0FA, 0x0FB, 0x0FC, 0x0FD, 0x0FE, 0x0FF,
    ]

    /// The general fold of a non-ASCII word: Foundation's case- and diacritic-insensitive
    /// folding, then dotless i → i, ß → ss, apostrophe marks dropped, ASCII kept only when
    /// alphanumeric, the rest lower-cased; appended to `out`.
    private static func appendFoundationFold(of word: String, to out: inout [UInt8]) {
        let folded = word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        for u in folded.unicodeScalars {
            if u.value == 0x131 { out.append(0x69); continue }  // dotless i
            if u.value == 0xDF { out.append(0x73); out.append(0x73); continue }
            if apostropheScalars.contains(u.value) { continue }
            if u.value < 0x80 {
                let b = UInt8(u.value)
                if isAlnum(b) { out.append(b | (isUpper(b) ? 0x20 : 0)) }
            } else {
                out.append(contentsOf: String(Character(u)).lowercased().utf8)
            }
        }
    }

    /// Case- and diacritic-folds in place the word that `out` holds from `base` when every
    /// scalar of it is precomposed Latin (ASCII, Latin-1, Latin Extended-A/B and Additional),
    /// from a table of each such scalar's fold; false, leaving `out` untouched, for any other
    /// script or a combining mark (whose fold depends on the letter before it). Most non-ASCII
    /// names (Türkiye, Abū Ẓabī, Ḥalab) are Latin, and folding them through Foundation one
    /// string at a time made loading the gazetteer slow.
    private static func foldLatinInPlace(_ out: inout [UInt8], from base: Int) -> Bool {
        let word = String(decoding: out[base...], as: UTF8.self)
        for u in word.unicodeScalars where u.value >= 0x80 && latinFolds[u.value] == nil { return false }
        out.removeSubrange(base...)
        for u in word.unicodeScalars {
            if u.value < 0x80 {
                let b = UInt8(u.value)
                if isAlnum(b) { out.append(isUpper(b) ? b | 0x20 : b) }
            } else {
                out.append(contentsOf: latinFolds[u.value]!)
            }
        }
        return true
    }

    /// The fold of each Latin non-ASCII scalar, computed once by the general path
    /// (`appendFoundationFold`) on the scalar alone.
    private static let latinFolds: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        for range in [0x80..<0x250, 0x1E00..<0x1F00] as [Range<UInt32>] {
            for v in range {
                guard let u = Unicode.Scalar(v) else { continue }
                var bytes: [UInt8] = []
                appendFoundationFold(of: String(u), to: &bytes)
                table[v] = bytes
            }
        }
        return table
    }()

    static let apostropheScalars: Set<UInt32> = [0x27, 0x60, 0x2019, 0x2018, 0x2BF, 0x2BE, 0x2BC, 0xB4, 0x2032]

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    @inline(__always) static func utf8Length(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Whether the scalar `bytes[i..<e]` (UTF-8) is an apostrophe mark: ’ ‘ ʿ ʾ ʼ ´ ′.
    @inline(__always) static func isApostropheLike(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Bool {
        let n = e - i
        if n == 3 { return bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 || bytes[i + 2] == 0xB2) }
        if n == 2 { return (bytes[i] == 0xCA && (bytes[i + 1] == 0xBF || bytes[i + 1] == 0xBE || bytes[i + 1] == 0xBC)) || (bytes[i] == 0xC2 && bytes[i + 1] == 0xB4) }
        return false
    }

    /// Whether the non-ASCII scalar `bytes[i..<e]` (UTF-8) is part of a word: letters of Latin,
    /// Arabic, Hebrew, Persian… — not punctuation (U+2000–U+2FFF), no-break space, « », ·,
    /// × ÷, CJK punctuation or byte-order and replacement marks.
    @inline(__always) static func isWordScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Bool {
        let n = e - i
        if n == 3 && bytes[i] == 0xE2 { return false }
        if n == 2 && bytes[i] == 0xC2 { return false }
        if n == 2 && bytes[i] == 0xC3 && (bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7) { return false }
        if n == 3 && bytes[i] == 0xE3 && bytes[i + 1] == 0x80 { return false }
        if n == 3 && bytes[i] == 0xEF && (bytes[i + 1] == 0xBB || bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBF) { return false }
        return true
    }
}
