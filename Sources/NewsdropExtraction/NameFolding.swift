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
        var out: [UInt8] = []
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(s.utf8)
        var i = 0
        func flush() {
            if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if isAlnum(b) { current.append(b) } else if b == 0x27 || b == 0x60 {
                    // possessive 's ends the word; any other apostrophe is dropped (Qa'ani)
                    if isPossessiveS(bytes, after: i + 1) { flush(); i += 2; continue }
                } else { flush() }
                i += 1
            } else {
                let len = utf8Length(b)
                let end = min(bytes.count, i + len)
                let scalarBytes = Array(bytes[i..<end])
                if isApostropheLike(scalarBytes) {
                    if isPossessiveS(bytes, after: end) { flush(); i = end + 1; continue }
                } else if isWordScalar(scalarBytes) {
                    current.append(contentsOf: scalarBytes)
                } else { flush() }
                i = end
            }
        }
        flush()
        let keep = words.count > 1 ? words.filter { !isParticle($0[...]) } : words
        for w in (keep.isEmpty ? words : keep) {
            foldToken(w[...], into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `bytes[after]` is an `s` that ends the word (a possessive `'s`).
    static func isPossessiveS(_ bytes: [UInt8], after: Int) -> Bool {
        guard after < bytes.count, bytes[after] | 0x20 == 0x73 else { return false }
        let n = after + 1
        return n >= bytes.count || !(isAlnum(bytes[n]) || bytes[n] >= 0x80)
    }

    /// Whether a lower- or upper-case word is an Arabic article that folding drops (`al`, `el`, `ad`…).
    static func isParticle(_ w: ArraySlice<UInt8>) -> Bool {
        guard w.count == 2 || w.count == 3 else { return false }
        var l: [UInt8] = []
        for b in w { l.append(b | 0x20) }
        switch l.count {
        case 2:
            let a = l[0], c = l[1]
            if (a == 0x61 || a == 0x65) && (c == 0x6C || c == 0x64 || c == 0x73 || c == 0x74 || c == 0x7A || c == 0x72) {
                return true  // al el ad ed as es at et az ez ar er
            }
            if a == 0x75 && (c == 0x6C || c == 0x64) { return true }  // ul ud
            return false
        default:
            return (l == [0x61, 0x73, 0x68]) || (l == [0x65, 0x73, 0x68])  // ash esh
        }
    }

    /// Appends the folded form of one word (UTF-8 bytes, no separators) to `out`.
    static func foldToken(_ word: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var w: [UInt8]
        if word.contains(where: { $0 >= 0x80 }) {
            let s = String(decoding: word, as: UTF8.self)
                .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            w = []
            for u in s.unicodeScalars {
                if u.value == 0x131 { w.append(0x69); continue }  // dotless i
                if u.value == 0xDF { w.append(0x73); w.append(0x73); continue }
                if apostropheScalars.contains(u.value) { continue }
                if u.value < 0x80 {
                    let b = UInt8(u.value)
                    if isAlnum(b) { w.append(b | (isUpper(b) ? 0x20 : 0)) }
                } else {
                    w.append(contentsOf: Array(String(Character(u)).lowercased().utf8))
                }
            }
        } else {
            w = word.map { isUpper($0) ? $0 | 0x20 : $0 }
        }
        if w.isEmpty { return }
        // glued article: Albukamal → bukamal
        if w.count >= 7 && w[0] == 0x61 && w[1] == 0x6C && w[2] >= 0x61 {
            w.removeFirst(2)
        }
        // Abu / Abou / Albu / Bou as the first word of a name → bu
        if w == Array("abu".utf8) || w == Array("abou".utf8) || w == Array("albu".utf8)
            || w == Array("bou".utf8) || w == Array("abo".utf8)
        {
            w = Array("bu".utf8)
        }
        var r: [UInt8] = []
        r.reserveCapacity(w.count)
        var i = 0
        while i < w.count {
            let c = w[i]
            let n: UInt8 = i + 1 < w.count ? w[i + 1] : 0
            switch c {
            case 0x6F:  // o
                if n == 0x75 || n == 0x6F { r.append(0x75); i += 2; continue }  // ou oo → u
                r.append(0x75)
            case 0x67:  // g
                if n == 0x68 { r.append(0x6B); i += 2; continue }  // gh → k
                r.append(c)
            case 0x6B:  // k
                if n == 0x68 { r.append(0x6B); i += 2; continue }  // kh → k
                r.append(c)
            case 0x63:  // c
                if n == 0x6B { r.append(0x6B); i += 2; continue }  // ck → k
                r.append(c)
            case 0x70:  // p
                if n == 0x68 { r.append(0x66); i += 2; continue }  // ph → f
                r.append(c)
            case 0x64:  // d
                if n == 0x68 { r.append(0x64); i += 2; continue }  // dh → d
                r.append(c)
            case 0x71: r.append(0x6B)  // q → k
            case 0x65, 0x79: r.append(0x69)  // e, y → i
            default: r.append(c)
            }
            i += 1
        }
        // collapse doubles, then ai → i, then collapse again
        var d: [UInt8] = []
        d.reserveCapacity(r.count)
        for c in r where d.last != c { d.append(c) }
        var e: [UInt8] = []
        e.reserveCapacity(d.count)
        var j = 0
        while j < d.count {
            if d[j] == 0x61 && j + 1 < d.count && d[j + 1] == 0x69 && d.count > 2 {
                e.append(0x69); j += 2; continue
            }
            if e.last != d[j] { e.append(d[j]) }
            j += 1
        }
        out.append(contentsOf: e)
    }

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

    /// ’ ‘ ʿ ʾ ʼ and friends.
    static func isApostropheLike(_ s: [UInt8]) -> Bool {
        s == [0xE2, 0x80, 0x99] || s == [0xE2, 0x80, 0x98] || s == [0xCA, 0xBF] || s == [0xCA, 0xBE]
            || s == [0xCA, 0xBC] || s == [0xC2, 0xB4] || s == [0xE2, 0x80, 0xB2]
    }

    /// Whether a non-ASCII scalar (as UTF-8) is part of a word: letters of Latin, Arabic, Hebrew,
    /// Persian… — not punctuation, quotes, dashes or spaces.
    static func isWordScalar(_ s: [UInt8]) -> Bool {
        if s.count == 3 && s[0] == 0xE2 { return false }  // U+2000–U+2FFF: punctuation, symbols
        if s.count == 2 && s[0] == 0xC2 { return false }  // U+0080–U+00BF: nbsp, «, », ·…
        if s == [0xC3, 0x97] || s == [0xC3, 0xB7] { return false }  // × ÷
        if s.count == 3 && s[0] == 0xE3 && s[1] == 0x80 { return false }  // CJK punctuation
        if s.count == 3 && s[0] == 0xEF && (s[1] == 0xBB || s[1] == 0xBC || s[1] == 0xBF) { return false }
        return true
    }
}
