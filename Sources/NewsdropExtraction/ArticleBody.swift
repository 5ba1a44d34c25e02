/// The article proper, separated from the furniture of the scraped page it came in.
///
/// Works line by line with general signals, in the spirit of jusText: lines repeated from
/// earlier (scraped titles and captions) are read once; very short lines are menus, names and
/// buttons; lines starting with teaser, caption or byline words are skipped; a short line that
/// opens a comment section ("2 Comments", "One Response", "Leave a reply") or a commenter's
/// name followed by a timestamp line ends the body: everything after it is furniture.
struct ArticleBody: Sendable {
    /// A kept line: its byte range, its tokens (in the reader's token array) and whether it is
    /// a heading (short, no closing punctuation).
    struct Block: Sendable {
        var start: Int
        var end: Int
        var tokens: Range<Int>
        var isHeading: Bool
    }
    var blocks: [Block]
    /// Lines that look like bylines or date lines, for the publication date.
    var bylines: [Block]

    /// Splits `bytes` into blocks using the furniture words of `lexicon`.
    ///
    /// Each line is tokenized once, here: the tokens of the lines kept (blocks and bylines) are
    /// appended to `tokens`, with their function words set, and their folds stay in
    /// `tokenizer`; the sentences are later read from these tokens, not tokenized again.
    static func read(_ bytes: [UInt8], lexicon: Lexicon, tokenizer: inout Tokenizer, tokens keptTokens: inout [Token]) -> ArticleBody {
        let lines = ArticleBody.lines(bytes)
        var blocks: [Block] = []
        var bylines: [Block] = []
        var seen = Set<UInt64>(minimumCapacity: lines.count)
        // about one token per five bytes of text: room for them all, grown once if ever
        keptTokens.reserveCapacity(keptTokens.count + bytes.count / 5)
        tokenizer.folds.reserveCapacity(tokenizer.folds.count + bytes.count)
        var tokens: [Token] = []
        // one buffer for every line's phrase matches
        var matches: [Lexicon.Match] = []
        // per furniture kind (its index in `furnitureKinds`), the line's last match that starts
        // where a furniture phrase must start; -1 for none (see `FurnitureStarts`)
        var furnitureStarts = FurnitureStarts()
        /// Keeps the line's tokens (their folds are already in `tokenizer`).
        func keep(_ a: Int, _ e: Int, heading: Bool) -> Block {
            let first = keptTokens.count
            // copied through a buffer: one memory copy instead of a generic copy per token
            tokens.withUnsafeBufferPointer { keptTokens.append(contentsOf: $0) }
            return Block(start: a, end: e, tokens: first..<keptTokens.count, isHeading: heading)
        }
        var lastShortName: Int? = nil  // index in blocks of a preceding very short line, if kept
        var previousWasShort = false
        // words of body text kept so far: a comment section follows a body, a byline precedes it
        var bodyWords = 0
        // after a short teaser heading ("Related Stories", "Read more:"), the linked headlines
        var inTeaserList = false
        for (lineIndex, raw) in lines.enumerated() {
            var a = raw.lowerBound, e = raw.upperBound
            while a < e && isSpace(bytes[a]) { a += 1 }
            while e > a && isSpace(bytes[e - 1]) { e -= 1 }
            if a >= e { continue }
            // the folds of a line that is not kept are dropped again at the end of the iteration
            let foldMark = tokenizer.folds.count
            var kept = false
            defer { if !kept { tokenizer.folds.removeSubrange(foldMark...) } }
            tokens.removeAll(keepingCapacity: true)
            tokenizer.tokenize(bytes, a..<e, functionWords: lexicon.functionWords, into: &tokens)
            var wordCount = 0, numberCount = 0
            for t in tokens where t.isWord {
                wordCount += 1
                if t.flags.contains(.number) { numberCount += 1 }
            }
            // comment section: a timestamp line right after a short (name) line
            if previousWasShort && bodyWords >= 60 && isTimestamp(tokens) {
                if let k = lastShortName, k == blocks.count - 1 { blocks.removeLast() }
                break
            }
            // short lines (buttons, menus) are searched whole; longer ones only at their opening words,
            // where comment, teaser, caption and byline words must stand (the tokenizer set the
            // function words)
            lexicon.phrases(tokens, 0..<tokens.count, tokenizer: tokenizer, startWords: wordCount <= 8 ? Int.max : 3, into: &matches)
            let firstWord = tokens.firstIndex(where: \.isWord) ?? 0
            // where a furniture phrase must start: the first word, or the word after a number
            // ("2 Comments", "One Response"); -1 when there is no second start
            var secondStart = -1
            if tokens.indices.contains(firstWord), tokens[firstWord].flags.contains(.number) || tokens[firstWord].function == .number {
                if let n = tokens[(firstWord + 1)...].firstIndex(where: \.isWord) { secondStart = n }
            }
            furnitureStarts.find(in: matches, firstWord: firstWord, secondStart: secondStart, wordCount: wordCount)
            func startsWith(_ kind: FurnitureEntry.Kind) -> Bool { startMatch(kind) != nil }
            func startMatch(_ kind: FurnitureEntry.Kind) -> Lexicon.Match? {
                let k = furnitureStarts[kind]
                return k < 0 ? nil : matches[k]
            }
            if startsWith(.comments) { break }
            previousWasShort = wordCount <= 4 && !endsSentence(bytes, e)
            let key = normalizedKey(tokenizer.folds[foldMark...])
            if seen.contains(key) { continue }
            seen.insert(key)
            let sentenceLike = endsSentence(bytes, e)
            if let m = startMatch(.teaser), m.end - m.start >= 2 || !sentenceLike || wordCount <= 12 {
                // a heading of its own ("Related Stories", "Most Visited", "Read more:") opens a list of links
                if wordCount - (m.end - m.start) <= 1 { inTeaserList = true }
                continue
            }
            if inTeaserList {
                if !sentenceLike || wordCount < 12 { continue }
                inTeaserList = false
            }
            func labelled(_ m: Lexicon.Match) -> Bool {
                m.end < tokens.count && tokens[m.end].isPunct && tokens[m.end].mark == 0x3A
            }
            if let m = startMatch(.caption), labelled(m) || !sentenceLike || (m.end - m.start) >= 2 && wordCount <= 30 { continue }
            if endsWithCredit(tokens) { continue }
            if let m = startMatch(.byline), wordCount <= 14, labelled(m) || !sentenceLike {
                bylines.append(keep(a, e, heading: true))
                kept = true
                continue
            }
            if wordCount <= 8 {
                let buttonByte = ArticleBody.detail(of: .button)
                if matches.contains(where: { $0.payload.kind == .furniture && $0.payload.detail == buttonByte }) { continue }
            }
            if wordCount <= 10 && isDateLine(tokens) {
                bylines.append(keep(a, e, heading: true))
                kept = true
                continue
            }
            if wordCount < 4 {
                lastShortName = nil
                continue
            }
            if lineIndex > 0 && numberCount == wordCount { continue }
            let heading = !endsSentence(bytes, e) && wordCount <= 30
            blocks.append(keep(a, e, heading: heading))
            kept = true
            if !heading { bodyWords += wordCount }
            lastShortName = nil
        }
        return ArticleBody(blocks: blocks, bylines: bylines)
    }

    /// The byte ranges of the lines of `bytes` (without their line feeds; a last line without
    /// one included). Bytes without a line feed are skipped eight at a time.
    static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var s = 0
            var i = 0
            while i < n {
                while i + 8 <= n && !hasLineFeed(UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                while i < n && buf[i] != 0x0A { i += 1 }
                if i < n {
                    lines.append(s..<i)
                    i += 1
                    s = i
                }
            }
            if s < n { lines.append(s..<n) }
        }
        return lines
    }

    /// Whether any of the eight bytes in `v` is a line feed (a zero byte of `v ^ 0x0A…0A`).
    @inline(__always) private static func hasLineFeed(_ v: UInt64) -> Bool {
        let x = v ^ 0x0A0A_0A0A_0A0A_0A0A
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// `FurnitureEntry.Kind.allCases`, made once (a payload's detail is an index into it).
    static let furnitureKinds = FurnitureEntry.Kind.allCases

    /// A furniture kind's index in `furnitureKinds` (the payload's detail byte) without searching
    /// the array; `ArticleLinesTests` holds the two together.
    static func detail(of kind: FurnitureEntry.Kind) -> UInt8 {
        switch kind {
        case .comments: return 0
        case .teaser: return 1
        case .caption: return 2
        case .byline: return 3
        case .button: return 4
        }
    }

    /// Per furniture kind, the position in a line's matches of the last furniture phrase of that
    /// kind that starts where furniture must start (the line's first word, or the word after a
    /// number: "2 Comments"), found in one pass over the matches: the body reader asks for up to
    /// five kinds per line, and a search of the matches per question cost ~265 instructions each.
    struct FurnitureStarts {
        /// By `FurnitureEntry.Kind` in `allCases` order (five kinds); -1 for none.
        private var last: (Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1)

        /// Finds the starts in `matches`; a comment-section phrase counts only on a short line
        /// (at most 8 words), or when it has two words or more on a line of at most 40.
        mutating func find(in matches: [Lexicon.Match], firstWord: Int, secondStart: Int, wordCount: Int) {
            last = (-1, -1, -1, -1, -1)
            let comments = ArticleBody.detail(of: .comments)
            for (k, m) in matches.enumerated() where m.payload.kind == .furniture && (m.start == firstWord || m.start == secondStart) {
                if m.payload.detail == comments && !(wordCount <= 8 || (m.end - m.start) >= 2 && wordCount <= 40) { continue }
                switch m.payload.detail {
                case 0: last.0 = k
                case 1: last.1 = k
                case 2: last.2 = k
                case 3: last.3 = k
                case 4: last.4 = k
                default: break
                }
            }
        }

        /// The position of the last start of `kind`, or -1.
        subscript(kind: FurnitureEntry.Kind) -> Int {
            switch ArticleBody.detail(of: kind) {
            case 0: return last.0
            case 1: return last.1
            case 2: return last.2
            case 3: return last.3
            default: return last.4
            }
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// Whether the line ends like a sentence (. ! ? or a closing quote after one, or a colon).
    static func endsSentence(_ bytes: [UInt8], _ end: Int) -> Bool {
        var k = end - 1
        // skip closing quotes and brackets
        while k >= 0 {
            let b = bytes[k]
            if b == 0x22 || b == 0x27 || b == 0x29 { k -= 1; continue }
            if k >= 2 && bytes[k - 2] == 0xE2 && bytes[k - 1] == 0x80 && (b == 0x9D || b == 0x99) { k -= 3; continue }
            break
        }
        guard k >= 0 else { return false }
        let b = bytes[k]
        if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3A { return true }
        if k >= 2 && bytes[k - 2] == 0xE2 && bytes[k - 1] == 0x80 && b == 0xA6 { return true }  // …
        return false
    }

    /// A line ending in a parenthesised photo credit: "… following an attack. (SANA)".
    static func endsWithCredit(_ tokens: [Token]) -> Bool {
        guard let last = tokens.last, last.isPunct, last.mark == 0x29 else { return false }
        guard let open = tokens.lastIndex(where: { $0.isPunct && $0.mark == 0x28 }) else { return false }
        let inside = tokens[(open + 1)..<(tokens.count - 1)]
        let words = inside.filter(\.isWord)
        guard !words.isEmpty, words.count <= 6, words.first!.flags.contains(.capitalized) || words.first!.flags.contains(.allUpper) else { return false }
        // the credit follows a finished sentence or a caption-length line
        if open > 0, tokens[open - 1].isPunct, tokens[open - 1].mark == 0x2E { return true }
        return tokens.filter(\.isWord).count <= 30
    }

    /// "2020-03-11 09:42", "March 12, 2020 at 9:42 am": digits, dashes, colons, month names.
    static func isTimestamp(_ tokens: [Token]) -> Bool {
        var words = 0, numbers = 0
        for t in tokens where t.isWord {
            words += 1
            if t.flags.contains(.number) { numbers += 1 }
            if words > 8 { return false }
        }
        guard words > 0 else { return false }
        return numbers >= 3 && tokens.contains(where: { $0.isPunct && $0.mark == 0x3A })
    }

    /// A line that is only a date: "March 12, 2024", "12 March 2024", "2024-03-12", "07.04.24 | 21:35".
    static func isDateLine(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord)
        guard !words.isEmpty else { return false }
        // "07.04.24": the tokenizer's decimal "07.04", a dot, a two-digit year, all adjacent
        if tokens.count <= 8, tokens.indices.dropLast(2).contains(where: { i in
            tokens[i].flags.contains(.number) && tokens[i].end - tokens[i].start == 5 && tokens[i + 1].isPunct && tokens[i + 1].mark == 0x2E
                && tokens[i + 2].flags.contains(.number) && tokens[i + 2].end - tokens[i + 2].start == 2
                && tokens[i + 1].start == tokens[i].end && tokens[i + 2].start == tokens[i + 1].end
        }) { return true }
        let dateish = words.filter { $0.flags.contains(.number) || $0.function == .month || $0.function == .weekday }.count
        return dateish >= 2 && dateish * 2 >= words.count && words.contains { $0.flags.contains(.number) && $0.value >= 1900 && $0.value <= 2100 }
    }

    /// A 64-bit hash of a line's folded words: lines repeated from earlier are read once. Eight
    /// bytes at a time (a multiply and a shift each), not a multiply per byte as FNV-1a was.
    static func normalizedKey(_ folds: ArraySlice<UInt8>) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        return folds.withUnsafeBufferPointer { buf -> UInt64 in
            let n = buf.count
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(n)
            guard n > 0 else { return h }
            let raw = UnsafeRawPointer(buf.baseAddress!)
            var i = 0
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(buf[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* k
            return h ^ (h >> 32)
        }
    }
}
