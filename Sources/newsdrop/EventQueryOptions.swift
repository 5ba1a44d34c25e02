import ArgumentParser
import Foundation
import NewsdropCore
import NewsdropExtraction

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
    func makeFilter() -> (EventFilter, ingestedSince: String?) {
        var filter = EventFilter()
        filter.types = Set(types.compactMap(EventType.init(rawValue:)))
        filter.articlePrefixes = articles
        filter.since = since.flatMap { DateArgument.resolve($0) }
        filter.until = until.flatMap { DateArgument.resolve($0) }
        filter.sources = sources
        filter.minimumConfidence = minConfidence
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
