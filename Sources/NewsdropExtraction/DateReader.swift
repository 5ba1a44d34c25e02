/// Reads date expressions from a sentence's tokens: explicit and partial dates ("September 18",
/// "22 September", "January 3rd", "early April", "mid-June 2013", "in 2016", "2024-04-13"), and
/// relative ones ("Saturday night", "yesterday", "last week") placed only against a known
/// publication date. Never invents a year: a year comes from the text or from the publication date.
struct DateReader: Sendable {
    /// A date found in a sentence, by token indices.
    struct Hit: Sendable {
        var start: Int
        var end: Int
        var date: EventDate
        /// For a weekday placed backwards from the publication date ("on Sunday"), the same weekday
        /// of the coming week: what an expected event ("is expected to visit … on Sunday") means.
        var ahead: EventDate? = nil
    }

    /// The publication date (`YYYY-MM-DD` or shorter), when known.
    var published: String?

    /// Reads every date in `tokens[range]` of the sentence `text` (bytes of the article).
    func read(_ tokens: [Token], _ range: Range<Int>, bytes: [UInt8], tokenizer: Tokenizer) -> [Hit] {
        var hits: [Hit] = []
        var i = range.lowerBound
        func word(_ k: Int) -> ArraySlice<UInt8> { tokenizer.fold(tokens[k]) }
        /// The token's length without the hyphen a word token keeps when one follows ("2024-").
        func digits(_ k: Int) -> Int { Int(tokens[k].end - tokens[k].start) - (tokens[k].flags.contains(.hyphenAfter) ? 1 : 0) }
        func isYear(_ k: Int) -> Bool {
            guard range.contains(k), tokens[k].flags.contains(.number), !tokens[k].flags.contains(.ordinal) else { return false }
            let v = tokens[k].value
            return v >= 1900 && v <= 2100 && digits(k) == 4
        }
        func isDay(_ k: Int) -> Bool {
            guard range.contains(k), tokens[k].flags.contains(.number) else { return false }
            return tokens[k].value >= 1 && tokens[k].value <= 31 && digits(k) <= 4
        }
        func isMonth(_ k: Int) -> Bool {
            guard range.contains(k), tokens[k].function == .month else { return false }
            // "may" and "march" are words too: a month only when capitalised
            return tokens[k].flags.contains(.capitalized)
        }
        func text(_ a: Int, _ b: Int) -> String {
            String(decoding: bytes[Int(tokens[a].start)..<Int(tokens[b - 1].end)], as: UTF8.self)
        }
        func qualifier(_ k: Int) -> Int? {
            // early / mid / late before a month or year: "early April", "mid-June"
            guard range.contains(k), tokens[k].isWord else { return nil }
            let w = Array(word(k))
            if w == Lex.early || w == Lex.mid || w == Lex.late || w == Lex.midst { return k }
            return nil
        }
        func separator(_ k: Int) -> UInt8? {
            guard range.contains(k), tokens[k].isPunct else { return nil }
            let b = bytes[Int(tokens[k].start)]
            return b == 0x2F || b == 0x2E ? b : nil
        }
        /// "14.03.2024" (Anadolu, European outlets): the tokenizer reads "14.03" as one decimal, then
        /// "." and the year; day first, as in the other numeric dates. A date line's two-digit year
        /// ("07.03.24 | 10:42") is read only with both day and month written in two digits, as 20yy.
        func dottedDate(_ k: Int) -> (Hit, Int)? {
            let a = Int(tokens[k].start), b = Int(tokens[k].end)
            guard b - a >= 4, b - a <= 5, range.contains(k + 2), separator(k + 1) == 0x2E,
                tokens[k + 1].start == tokens[k].end, tokens[k + 2].start == tokens[k + 1].end,
                let dot = bytes[a..<b].firstIndex(of: 0x2E), b - dot == 3, dot - a <= 2
            else { return nil }
            let shortYear = !isYear(k + 2) && b - a == 5 && tokens[k + 2].flags.contains(.number) && !tokens[k + 2].flags.contains(.ordinal)
                && digits(k + 2) == 2 && !(range.contains(k + 3) && separator(k + 3) == 0x2E && tokens[k + 3].start == tokens[k + 2].end)
            guard isYear(k + 2) || shortYear else { return nil }
            var d = 0, mo = 0
            for q in a..<dot { guard bytes[q] >= 0x30 && bytes[q] <= 0x39 else { return nil }; d = d * 10 + Int(bytes[q] - 0x30) }
            for q in dot + 1..<b { guard bytes[q] >= 0x30 && bytes[q] <= 0x39 else { return nil }; mo = mo * 10 + Int(bytes[q] - 0x30) }
            guard mo >= 1 && mo <= 12, d >= 1 && d <= 31 else { return nil }
            let value = String(shortYear ? 2000 + tokens[k + 2].value : tokens[k + 2].value) + "-" + two(Int32(mo)) + "-" + two(Int32(d))
            return (Hit(start: k, end: k + 3, date: EventDate(value: value, precision: .day, text: text(k, k + 3))), k + 3)
        }
        func numericDate(_ k: Int) -> (Hit, Int)? {
            // three numbers joined by the same separator: "/", "." or "-" (hyphens are folded into the word flags)
            guard range.contains(k), tokens[k].flags.contains(.number), !tokens[k].flags.contains(.ordinal) else { return nil }
            if let dotted = dottedDate(k) { return dotted }
            var parts: [Int] = [k]
            var q = k
            var sep: UInt8? = nil
            while parts.count < 3 {
                if tokens[q].flags.contains(.hyphenAfter), range.contains(q + 1), tokens[q + 1].flags.contains(.number), sep == nil || sep == 0x2D {
                    sep = 0x2D; q += 1
                } else if let s = separator(q + 1), sep == nil || sep == s, range.contains(q + 2), tokens[q + 2].flags.contains(.number), tokens[q + 1].start == tokens[q].end, tokens[q + 2].start == tokens[q + 1].end {
                    sep = s; q += 2
                } else { return nil }
                parts.append(q)
            }
            let v = parts.map { Int(tokens[$0].value) }
            let lens = parts.map(digits)
            var y = 0, mo = 0, d = 0
            if lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 {
                if sep == 0x2D { return nil }  // ISO, read below
                (y, mo, d) = (v[0], v[1], v[2])
            } else if lens[2] == 4 && lens[0] <= 2 && lens[1] <= 2 {
                y = v[2]
                if v[0] > 12 && v[1] <= 12 { (d, mo) = (v[0], v[1]) } else if v[1] > 12 && v[0] <= 12 { (mo, d) = (v[0], v[1]) } else {
                    // both parts could be the month: day first, the order of the region's press and of
                    // European outlets (AFP "06/10/2023", Enab Baladi "12/07/2023"); US outlets spell the month
                    (d, mo) = (v[0], v[1])
                }
            } else { return nil }
            guard y >= 1900 && y <= 2100, mo >= 1 && mo <= 12, d >= 1 && d <= 31 else { return nil }
            let value = String(y) + "-" + two(Int32(mo)) + "-" + two(Int32(d))
            return (Hit(start: k, end: q + 1, date: EventDate(value: value, precision: .day, text: text(k, q + 1))), q + 1)
        }
        while i < range.upperBound {
            // every reading below starts at a number, a month, a weekday or a relative time word
            let f = tokens[i].function
            if !tokens[i].flags.contains(.number) && f != .month && f != .weekday && f != .relativeTime { i += 1; continue }
            // ISO 2024-04-13
            if isYear(i), tokens[i].flags.contains(.hyphenAfter), isDay(i + 1), tokens[i + 1].value <= 12, tokens[i + 1].flags.contains(.hyphenAfter), isDay(i + 2) {
                let v = String(format4(tokens[i].value)) + "-" + two(tokens[i + 1].value) + "-" + two(tokens[i + 2].value)
                hits.append(Hit(start: i, end: i + 3, date: EventDate(value: v, precision: .day, text: text(i, i + 3))))
                i += 3
                continue
            }
            // numeric: 25/03/2021, 21-09-2023, 2021/03/25 (day and month told apart only when one exceeds 12)
            if let (hit, next) = numericDate(i) {
                hits.append(hit)
                i = next
                continue
            }
            // Month Day[, Year]; "Jan. 28", "December, 01, 2024"
            if isMonth(i) {
                let m = tokens[i].value
                var start = i
                if let q = qualifier(i - 1) { start = q }
                var dayAt = i + 1
                if range.contains(dayAt), tokens[dayAt].isPunct, tokens[dayAt].mark == 0x2E || tokens[dayAt].mark == 0x2C, isDay(dayAt + 1), !isYear(dayAt + 1) { dayAt += 1 }
                if isDay(dayAt) && !isYear(dayAt) {
                    var end = dayAt + 1
                    var year: Int32? = nil
                    if isYear(end) { year = tokens[end].value; end += 1 } else if range.contains(end), tokens[end].isPunct, tokens[end].mark == 0x2C, isYear(end + 1) { year = tokens[end + 1].value; end += 2 }
                    hits.append(Hit(start: start, end: end, date: make(year: year, month: m, day: tokens[dayAt].value, text: text(start, end))))
                    i = end
                    continue
                }
                var end = i + 1
                var year: Int32? = nil
                if isYear(end) { year = tokens[end].value; end += 1 }
                // a bare month needs a cue: in/early/since/during/last/of… or a year
                let cue = start != i || year != nil || (range.contains(i - 1) && [FunctionWord.locative, .preposition, .of, .by, .determiner, .from, .to].contains(tokens[i - 1].function))
                if cue {
                    hits.append(Hit(start: start, end: end, date: make(year: year, month: m, day: nil, text: text(start, end))))
                }
                i = end
                continue
            }
            // Day Month [Year]; "22 February, 2024" (Asharq Al-Awsat's date lines)
            if isDay(i) && !isYear(i) && isMonth(i + 1) {
                var end = i + 2
                var year: Int32? = nil
                if isYear(end) { year = tokens[end].value; end += 1 } else if range.contains(end), tokens[end].isPunct, tokens[end].mark == 0x2C, isYear(end + 1) { year = tokens[end + 1].value; end += 2 }
                hits.append(Hit(start: i, end: end, date: make(year: year, month: tokens[i + 1].value, day: tokens[i].value, text: text(i, end))))
                i = end
                continue
            }
            // in 2016 / since 2011 / mid-2013
            if isYear(i) {
                let prev = i - 1
                var start = i
                var ok = false
                if let q = qualifier(prev) { start = q; ok = true }
                if range.contains(prev), [FunctionWord.locative, .preposition, .of, .by].contains(tokens[prev].function) { ok = true }
                if range.contains(prev), tokens[prev].isPunct, tokens[prev].mark == 0x2C || tokens[prev].mark == 0x28 { ok = true }
                if prev < range.lowerBound { ok = true }
                if ok {
                    hits.append(Hit(start: start, end: i + 1, date: EventDate(value: String(format4(tokens[i].value)), precision: .year, text: text(start, i + 1))))
                }
                i += 1
                continue
            }
            // relative: weekdays, yesterday, last week…
            if tokens[i].function == .weekday && tokens[i].flags.contains(.capitalized) {
                var end = i + 1
                if range.contains(end), tokens[end].function == .relativeTime { end += 1 }
                var start = i
                if range.contains(i - 1), Array(word(i - 1)) == Lex.late || Array(word(i - 1)) == Lex.early { start = i - 1 }
                var value: String? = nil
                if let p = published, let (y, mo, d) = DateReader.ymd(p) {
                    let pubWeekday = DateReader.weekday(y, mo, d)
                    var back = (pubWeekday - Int(tokens[i].value) + 7) % 7
                    if back == 0 { back = 0 }
                    value = DateReader.iso(DateReader.daysFromCivil(y, mo, d) - back)
                }
                var ahead: EventDate? = nil
                if let p = published, let (y, mo, d) = DateReader.ymd(p) {
                    let back = (DateReader.weekday(y, mo, d) - Int(tokens[i].value) + 7) % 7
                    if back > 0 { ahead = EventDate(value: DateReader.iso(DateReader.daysFromCivil(y, mo, d) - back + 7), precision: .day, text: text(start, end)) }
                }
                hits.append(Hit(start: start, end: end, date: EventDate(value: value, precision: .day, text: text(start, end)), ahead: ahead))
                i = end
                continue
            }
            if tokens[i].function == .relativeTime {
                let w = Array(word(i))
                var value: String? = nil
                var precision = EventDate.Precision.day
                var start = i
                var ok = false
                let pub = published.flatMap(DateReader.ymd)
                if w == Lex.yesterday || w == Lex.today || w == Lex.tonight {
                    ok = true
                    if let (y, m, d) = pub { value = DateReader.iso(DateReader.daysFromCivil(y, m, d) - (w == Lex.yesterday ? 1 : 0)) }
                } else if range.contains(i - 1), Array(word(i - 1)) == Lex.last || Array(word(i - 1)) == Lex.this {
                    start = i - 1
                    ok = true
                    let last = Array(word(i - 1)) == Lex.last
                    if w == Lex.month, let (y, m, _) = pub {
                        precision = .month
                        var yy = y, mm = m - (last ? 1 : 0)
                        if mm == 0 { mm = 12; yy -= 1 }
                        value = String(format4(Int32(yy))) + "-" + two(Int32(mm))
                    } else if w == Lex.year, let (y, _, _) = pub {
                        precision = .year
                        value = String(format4(Int32(y - (last ? 1 : 0))))
                    } else if w == Lex.week || w == Lex.weekend {
                        precision = .day
                    } else if w == Lex.night, let (y, m, d) = pub {
                        value = DateReader.iso(DateReader.daysFromCivil(y, m, d) - (last ? 1 : 0))
                    } else if !last, Lex.partsOfDay.contains(w), let (y, m, d) = pub {
                        value = DateReader.iso(DateReader.daysFromCivil(y, m, d))
                    }
                }
                if ok {
                    hits.append(Hit(start: start, end: i + 1, date: EventDate(value: value, precision: precision, text: text(start, i + 1))))
                }
            }
            i += 1
        }
        return hits
    }

    func make(year: Int32?, month: Int32, day: Int32?, text: String) -> EventDate {
        var y = year
        if y == nil, let p = published, let (py, pm, pd) = DateReader.ymd(p) {
            // the publication year, or the year before for a date later in the year than publication
            let later = Int(month) > pm || (Int(month) == pm && (day.map { Int($0) > pd } ?? false))
            y = Int32(later ? py - 1 : py)
        }
        if let d = day {
            if let y { return EventDate(value: "\(format4(y))-\(two(month))-\(two(d))", precision: .day, text: text) }
            return EventDate(value: "--\(two(month))-\(two(d))", precision: .day, text: text)
        }
        if let y { return EventDate(value: "\(format4(y))-\(two(month))", precision: .month, text: text) }
        return EventDate(value: "--\(two(month))", precision: .month, text: text)
    }

    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    func format4(_ v: Int32) -> String { String(v) }

    /// Parses `YYYY-MM-DD`.
    static func ymd(_ s: String) -> (Int, Int, Int)? {
        let p = s.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
        return (y, m, d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func iso(_ days: Int) -> String {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        let yy = m <= 2 ? y + 1 : y
        return String(format: "%04d-%02d-%02d", yy, m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    static func weekday(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let days = daysFromCivil(y, m, d)  // 1970-01-01 was a Thursday (3)
        return ((days % 7) + 7 + 3) % 7
    }

    /// Folded forms of the words the reader compares against.
    enum Lex {
        static let early = f("early"), mid = f("mid"), midst = f("middle"), late = f("late")
        static let yesterday = f("yesterday"), today = f("today"), tonight = f("tonight")
        static let last = f("last"), this = f("this"), month = f("month"), year = f("year"), week = f("week")
        static let weekend = f("weekend"), night = f("night")
        /// "this morning", "this afternoon": the publication day
        static let partsOfDay = [f("morning"), f("afternoon"), f("evening"), f("dawn")]
        static func f(_ s: String) -> [UInt8] { Array(NameFolding.fold(s).utf8) }
    }
}

private func String(format: String, _ a: Int, _ b: Int, _ c: Int) -> String {
    func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
    return pad(a, 4) + "-" + pad(b, 2) + "-" + pad(c, 2)
}
