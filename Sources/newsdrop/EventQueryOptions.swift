import ArgumentParser
import Foundation
import NewsdropCore
import NewsdropExtraction
import NewsdropService

/// The event filters `events`, `tail` and `stats` share. They combine (all must hold).
struct EventQueryOptions: ParsableArguments {
    @Option(name: .customLong("type"), help: ArgumentHelp("Only this event type (repeatable).", valueName: "type"))
    var types: [String] = []

    @Option(name: .customLong("article"), help: ArgumentHelp("Only events of articles whose id starts with this (repeatable).", valueName: "id"))
    var articles: [String] = []

    @Option(help: ArgumentHelp("Events dated on or after this: 2024-04-01, 2024-04, today, yesterday, -7d.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Events dated on or before this (same forms as --since).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only events of articles ingested at or after this (same forms; or a full ISO time).", valueName: "time"))
    var ingestedSince: String?

    @Option(name: .customLong("actor"), help: ArgumentHelp("Only events with this actor or target, by any alias or spelling (Ghaani finds Qaani; repeatable).", valueName: "name"))
    var actors: [String] = []

    @Option(name: .customLong("place"), help: ArgumentHelp("Only events at this place, by any alias or spelling (Abu Kamal finds Albukamal; repeatable).", valueName: "name"))
    var places: [String] = []

    @Flag(help: "With --place: also events inside the named country or region (--place Syria --within).")
    var within = false

    @Option(help: ArgumentHelp("Dictionary folders for --actor/--place, ':'-separated (default: the installed ones).", valueName: "dirs"))
    var dictionariesDirs: String?

    @Option(name: .customLong("source"), help: ArgumentHelp("Only events attributed to this source (SOHR, Tasnim…; repeatable).", valueName: "name"))
    var sources: [String] = []

    @Option(help: ArgumentHelp("Only events at least this confident (0–1).", valueName: "x"))
    var minConfidence: Double?

    func validate() throws {
        for t in types where EventType(rawValue: t) == nil {
            throw ValidationError("unknown event type '\(t)'; valid types: \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (flag, value) in [("--since", since), ("--until", until), ("--ingested-since", ingestedSince)] {
            if let value, DateArgument.resolve(value) == nil {
                throw ValidationError("\(flag) '\(value)' is not a date: use 2024-04-01, 2024-04, 2024, today, yesterday or -7d")
            }
        }
        if let m = minConfidence, !(0...1).contains(m) { throw ValidationError("--min-confidence takes a number from 0 to 1") }
    }

    /// The filter, and the ingest-time bound (checked per article).
    func makeFilter() throws -> (EventFilter, ingestedSince: String?) {
        var filter = EventFilter()
        filter.types = Set(types.compactMap(EventType.init(rawValue:)))
        filter.articlePrefixes = articles
        filter.since = since.flatMap { DateArgument.resolve($0) }
        filter.until = until.flatMap { DateArgument.resolve($0) }
        filter.sources = sources
        filter.minimumConfidence = minConfidence
        if !actors.isEmpty || !places.isEmpty {
            let folders = ExtractorFactory.directories(configured: dictionariesDirs.map { $0.split(separator: ":").map(String.init) } ?? [])
            let dictionaries: Dictionaries
            do {
                dictionaries = try Dictionaries.load(from: folders)
            } catch {
                throw CommandFailure(message: "cannot load the dictionaries for --actor/--place: \(error)")
            }
            if !actors.isEmpty { filter.actorMatches = ActorMatcher(actors, dictionaries.actors).matches }
            if !places.isEmpty { filter.placeMatches = PlaceMatcher(places, dictionaries.gazetteer, within: within).matches }
        }
        return (filter, ingestedSince.flatMap { DateArgument.resolve($0) })
    }
}

/// Dates on the command line: ISO (partial) dates, `today`, `yesterday`, `-Nd`.
enum DateArgument {
    static func resolve(_ text: String, now: Date = Date()) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        func day(_ offset: Int) -> String {
            let date = now.addingTimeInterval(Double(offset) * 86_400)
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd"
            return f.string(from: date)
        }
        switch t {
        case "today": return day(0)
        case "yesterday": return day(-1)
        default: break
        }
        if t.hasPrefix("-"), t.hasSuffix("d"), let n = Int(t.dropFirst().dropLast()) { return day(-n) }
        if t.range(of: #"^\d{4}(-\d{2}(-\d{2}(t[\d:.]+z?)?)?)?$"#, options: .regularExpression) != nil { return text.uppercased() }
        return nil
    }
}

/// `--actor`: an event's actor or target matches when its dictionary id is one the name resolves
/// to, or (for actors not in the dictionary) when its name or words fold to the same.
struct ActorMatcher: Sendable {
    let ids: Set<String>
    let folded: Set<String>

    init(_ names: [String], _ actors: ActorDictionary) {
        ids = Set(names.flatMap { actors.resolve($0) })
        folded = Set(names.map(NameFolding.fold))
    }

    func matches(_ actor: ActorMention) -> Bool {
        if let id = actor.id, ids.contains(id) { return true }
        return folded.contains(NameFolding.fold(actor.name)) || folded.contains(NameFolding.fold(actor.text))
    }
}

/// `--place`: an event's place matches when it is one of the gazetteer's entries for the name
/// (by GeoNames id or canonical name) or folds to the same words; with `within`, also when it
/// lies in the named country or governorate/region.
struct PlaceMatcher: Sendable {
    let geonames: Set<Int>
    let folded: Set<String>
    let countries: Set<String>
    let admins: Set<String>
    let gazetteer: Gazetteer?

    init(_ names: [String], _ gazetteer: Gazetteer, within: Bool) {
        let entries = names.flatMap { gazetteer.resolve($0) }
        geonames = Set(entries.compactMap(\.geonamesID))
        folded = Set(names.map(NameFolding.fold) + entries.map { NameFolding.fold($0.name) })
        countries = within ? Set(entries.filter { $0.kind == .country }.map(\.country)) : []
        admins = within ? Set(entries.filter { $0.kind != .country && $0.kind != .city && $0.kind != .site }.map { NameFolding.fold($0.name) }) : []
        self.gazetteer = within ? gazetteer : nil
    }

    func matches(_ place: PlaceMention) -> Bool {
        if let id = place.geonamesID, geonames.contains(id) { return true }
        if folded.contains(NameFolding.fold(place.name)) || folded.contains(NameFolding.fold(place.text)) { return true }
        guard let gazetteer else { return false }
        if let c = place.country, countries.contains(c) { return true }
        if !admins.isEmpty, let entry = gazetteer.resolve(place.name).first, !entry.admin.isEmpty {
            return admins.contains(NameFolding.fold(entry.admin))
        }
        return false
    }
}
