/// One row of `triggers.tsv`: words that report an event of one type.
public struct TriggerEntry: Sendable, Hashable {
    /// Part of speech, which decides the inflections generated and how arguments are read.
    public enum PartOfSpeech: String, Sendable, Hashable, CaseIterable {
        case verb, noun, both, phrase
    }
    /// How the actor and target are found.
    public enum Roles: String, Sendable, Hashable, CaseIterable {
        /// Actor = subject (or modifier / "of" / "by"), target = object.
        case agent
        /// Actor = the clause subject, target = the actor just before the trigger.
        case accusedLeft = "accused-left"
        /// Actor = the speaker, target = the clause subject.
        case accusedSubject = "accused-subject"
    }
    public var id: String
    public var phrases: [String]
    public var pos: PartOfSpeech
    public var type: EventType
    public var cameo: String?
    public var roles: Roles
    /// Folded words one of which must follow within 5 words (`next:`).
    public var next: [String]
    /// Folded words one of which must precede within 3 words (`prev:`).
    public var previous: [String]
    /// Folded words that, right after the trigger, make it part of a name rather than an event
    /// (`not-next:`: "carrier strike groups", "a strike force").
    public var notNext: [String]
    /// Whether a count within 5 words after (a number, a number word, "dozens", "millions")
    /// drops the reading (`not-count`: "leaving two dozen troops injured" counts what a strike
    /// left behind; forces leave places).
    public var notBeforeCount: Bool

    static let columns = ["id", "phrases", "pos", "type", "cameo", "roles", "context"]

    init(row: TSVRow) throws {
        id = row(0)
        phrases = TSVTable.list(row(1))
        if phrases.isEmpty { throw row.error("the phrases column is empty") }
        guard let p = PartOfSpeech(rawValue: row(2)) else {
            throw row.error("unknown pos '\(row(2))'; use verb, noun, both or phrase")
        }
        pos = p
        guard let t = EventType(rawValue: row(3)) else {
            throw row.error("unknown event type '\(row(3))'; use one of \(EventType.allCases.map(\.rawValue).joined(separator: " "))")
        }
        type = t
        let c = row(4)
        cameo = (c.isEmpty || c == "-") ? t.defaultCAMEO : c
        if let cameo, !cameo.allSatisfy(\.isNumber) { throw row.error("cameo '\(cameo)' is not a CAMEO code like 195") }
        let r = row(5).isEmpty ? "agent" : row(5)
        guard let roles = Roles(rawValue: r) else {
            throw row.error("unknown roles '\(r)'; use agent, accused-left or accused-subject")
        }
        self.roles = roles
        next = []
        previous = []
        notNext = []
        notBeforeCount = false
        let context = row(6)
        if !context.isEmpty {
            for part in context.split(separator: " ") {
                if part.hasPrefix("next:") {
                    next = TSVTable.list(String(part.dropFirst(5))).map(NameFolding.fold)
                } else if part.hasPrefix("prev:") {
                    previous = TSVTable.list(String(part.dropFirst(5))).map(NameFolding.fold)
                } else if part.hasPrefix("not-next:") {
                    notNext = TSVTable.list(String(part.dropFirst(9))).map(NameFolding.fold)
                } else if part == "not-count" {
                    notBeforeCount = true
                } else {
                    throw row.error("context '\(part)' must be next:word|word, prev:word|word, not-next:word|word or not-count")
                }
            }
        }
    }

    /// The surface forms to match, each with its grammatical form.
    func forms() -> [(String, TriggerForm)] {
        var out: [(String, TriggerForm)] = []
        for (index, phrase) in phrases.enumerated() {
            switch pos {
            case .phrase:
                out.append((phrase, .noun))
            case .noun:
                out.append((phrase, .noun))
                out.append((TriggerEntry.inflect(phrase, TriggerEntry.plural), .plural))
            case .verb, .both:
                if index > 0 && TriggerEntry.looksIrregular(phrase, lemma: phrases[0]) {
                    out.append((phrase, .past))
                    continue
                }
                out.append((phrase, .base))
                let first = phrase.split(separator: " ").first.map(String.init) ?? phrase
                if TriggerEntry.unchangedPast.contains(first) { out.append((phrase, .past)) }
                out.append((TriggerEntry.inflect(phrase, TriggerEntry.thirdPerson), .third))
                out.append((TriggerEntry.inflect(phrase, TriggerEntry.past), .past))
                out.append((TriggerEntry.inflect(phrase, TriggerEntry.gerund), .gerund))
                if pos == .both { out.append((phrase, .noun)); out.append((TriggerEntry.inflect(phrase, TriggerEntry.plural), .plural)) }
            }
        }
        return out
    }

    /// A listed form that is not a regular lemma (met, struck, left): anything that does not
    /// inflect like a base form of its own.
    static func looksIrregular(_ phrase: String, lemma: String) -> Bool {
        let w = phrase.split(separator: " ").first.map(String.init) ?? phrase
        return w.hasSuffix("ed") || irregularPast.contains(w) || w.hasSuffix("en")
    }

    /// Past forms of English irregular verbs a trigger row may list after its lemma (a form that
    /// is not in here and does not end in -ed or -en is read as another lemma).
    static let irregularPast: Set<String> = [
        "met", "struck", "stricken", "left", "withdrew", "withdrawn", "fought", "sent", "held", "slain", "hit", "set",
        "shot", "brought", "fled", "took", "overran", "overrun", "flew", "shelled", "began", "swept", "kept", "drove",
        "rode", "stole", "fell", "rose", "broke", "sought", "caught", "led", "lost", "won", "ran", "came", "went",
        "gave", "made", "told", "found", "stood", "threw", "blew", "drew", "knew", "tore", "bit", "hid", "lit",
        "stuck", "hung", "shook", "laid", "paid", "sold", "built", "spent", "bent", "burnt", "dealt", "meant", "rang",
        "sank", "slew", "spoke", "stung", "swore", "thrust", "woke", "wrote", "bought", "crept",
        "dug", "fed", "bled", "forbade", "forgave", "froze", "got", "heard", "leapt", "lent", "saw",
        "shed", "shrank", "slid", "slung", "spat", "spun", "sprang", "stank", "strode", "strove", "swam", "swung",
        "taught", "thought", "trod", "underwent", "upheld", "withheld", "wove",
    ]

    /// Verbs whose past form is the base form.
    static let unchangedPast: Set<String> = ["hit", "cut", "set", "put", "shut", "hurt", "cast", "spread", "burst", "beat", "quit"]

    static func inflect(_ phrase: String, _ f: (String) -> String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return phrase }
        words[0] = f(words[0])
        return words.joined(separator: " ")
    }
    static func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }
    static func thirdPerson(_ w: String) -> String {
        if w.hasSuffix("s") || w.hasSuffix("sh") || w.hasSuffix("ch") || w.hasSuffix("x") || w.hasSuffix("z") { return w + "es" }
        if w.hasSuffix("y"), w.count > 1, !isVowel(w[w.index(w.endIndex, offsetBy: -2)]) { return String(w.dropLast()) + "ies" }
        return w + "s"
    }
    static func plural(_ w: String) -> String { thirdPerson(w) }
    static func past(_ w: String) -> String {
        if w.hasSuffix("e") { return w + "d" }
        if w.hasSuffix("y"), w.count > 1, !isVowel(w[w.index(w.endIndex, offsetBy: -2)]) { return String(w.dropLast()) + "ied" }
        return w + "ed"
    }
    static func gerund(_ w: String) -> String {
        if w.hasSuffix("ee") { return w + "ing" }
        if w.hasSuffix("e") && w.count > 2 { return String(w.dropLast()) + "ing" }
        return w + "ing"
    }
}

/// The grammatical form a trigger was matched in.
enum TriggerForm: UInt8, Sendable {
    case base, third, past, gerund, noun, plural
    var isVerbal: Bool { self == .base || self == .third || self == .past || self == .gerund }
}
