/// The closed-class words the argument reader needs (grammar, not dictionary data): prepositions,
/// determiners, pronouns, auxiliaries, conjunctions, relatives, adverbs, number words, directions,
/// months and weekdays, and the generic nouns that head a force or an area.
enum FunctionWord: UInt8, Sendable {
    case none = 0
    case locative, preposition, of, by, from, determiner, pronoun, be, have, modal, conjunction, relative
    case adverb, number, direction, forceNoun, areaNoun, month, weekday, relativeTime, the, to, that, possessivePronoun
    case including

    /// Every word with its class and, for numbers, months and weekdays, a value.
    static let table: [(String, FunctionWord, Int32)] = {
        var t: [(String, FunctionWord, Int32)] = []
        for w in ["in", "near", "at", "around", "inside", "on", "into", "over", "across", "outside", "within", "toward", "towards", "throughout", "along", "through", "off", "nearby", "outskirts"] {
            t.append((w, .locative, 0))
        }
        t.append(("to", .to, 0))
        t.append(("of", .of, 0))
        t.append(("by", .by, 0))
        t.append(("from", .from, 0))
        t.append(("the", .the, 0))
        t.append(("that", .that, 0))
        t.append(("including", .including, 0))
        for w in ["for", "with", "about", "against", "under", "after", "before", "since", "during", "amid", "amidst", "despite", "following", "among", "alongside", "between", "like", "than", "via", "per", "upon", "without", "behind", "beyond", "until", "till", "as"] {
            t.append((w, .preposition, 0))
        }
        for w in ["a", "an", "this", "these", "those", "some", "several", "many", "any", "each", "every", "another", "other", "both", "all", "such", "new", "latest", "recent", "last", "first"] {
            t.append((w, .determiner, 0))
        }
        for w in ["its", "his", "her", "their", "our", "my", "your"] { t.append((w, .possessivePronoun, 0)) }
        for w in ["he", "she", "they", "it", "we", "i", "you", "him", "them", "who"] where w != "who" { t.append((w, .pronoun, 0)) }
        for w in ["is", "are", "was", "were", "be", "been", "being", "am"] { t.append((w, .be, 0)) }
        for w in ["has", "have", "had", "having"] { t.append((w, .have, 0)) }
        for w in ["will", "would", "could", "should", "might", "must", "shall", "can", "did", "does", "do"] { t.append((w, .modal, 0)) }
        for w in ["and", "or", "but", "while", "whereas", "so", "yet", "then"] { t.append((w, .conjunction, 0)) }
        for w in ["which", "who", "whom", "whose", "where", "when"] { t.append((w, .relative, 0)) }
        for w in ["recently", "also", "reportedly", "later", "quickly", "immediately", "just", "still", "now", "already", "allegedly", "again", "previously", "earlier", "subsequently", "jointly", "currently", "finally", "secretly", "openly", "successfully", "partially", "fully", "completely", "largely", "mostly", "further", "even", "only", "apparently", "reportedly", "reported", "purportedly", "once", "twice", "heavily", "directly", "indeed", "personally", "briefly", "separately", "together", "simultaneously", "newly", "repeatedly", "reportedly"] {
            t.append((w, .adverb, 0))
        }
        let numbers: [(String, Int32)] = [
            ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
            ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
            ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
            ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100),
            ("dozen", 12), ("dozens", 12), ("hundreds", 100), ("scores", 20),
        ]
        for (w, v) in numbers { t.append((w, .number, v)) }
        for w in ["east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest", "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west"] {
            t.append((w, .direction, 0))
        }
        for w in ["forces", "force", "troops", "fighters", "militants", "soldiers", "members", "personnel", "units", "advisors", "advisers", "officers", "commanders", "operatives", "militias", "militia", "servicemen", "army", "military", "warplanes", "warplane", "jets", "aircraft", "drones", "drone", "helicopters", "navy", "officials", "official", "proxies", "groups", "factions", "elements", "gunmen", "politicians", "sources"] {
            t.append((w, .forceNoun, 0))
        }
        for w in ["area", "areas", "region", "city", "town", "village", "province", "governorate", "countryside", "suburbs", "suburb", "outskirts", "border", "district", "territory", "territories", "vicinity", "desert", "countrysides", "base", "airport", "crossing", "provinces", "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "villages", "towns", "cities", "districts", "regions", "bases", "camps", "camp", "positions", "sites", "countryside", "quarter", "quarters", "port", "harbor", "harbour", "airbase", "coast", "island", "capital", "valley", "strip", "hills", "mountains", "side", "slopes", "edge", "bank", "banks"] {
            t.append((w, .areaNoun, 0))
        }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, m) in months.enumerated() {
            t.append((m, .month, Int32(i + 1)))
            if m.count > 4 { t.append((String(m.prefix(3)), .month, Int32(i + 1))) }
        }
        t.append(("sept", .month, 9))
        t.append(("jun", .month, 6))  // "21 Jun 2024", "21 Jul 2024": four-letter months get no 3-letter form above
        t.append(("jul", .month, 7))
        for (i, d) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
            t.append((d, .weekday, Int32(i)))
        }
        for w in ["yesterday", "today", "tonight", "ago", "week", "weekend", "month", "year", "night", "morning", "evening", "afternoon", "dawn"] {
            t.append((w, .relativeTime, 0))
        }
        return t
    }()
}
