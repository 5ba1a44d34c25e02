import ArgumentParser
import NewsdropCore
import NewsdropExtraction

/// `newsdrop events`: committed events, filtered.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Print committed events, oldest first.")

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("type"), help: ArgumentHelp("Only this event type (repeatable).", valueName: "type"))
    var types: [String] = []

    @Option(name: .customLong("article"), help: ArgumentHelp("Only events of articles whose id starts with this (repeatable).", valueName: "id"))
    var articles: [String] = []

    @Option(help: "Print at most this many events.")
    var limit: Int?

    func validate() throws {
        for t in types where EventType(rawValue: t) == nil {
            throw ValidationError("unknown event type '\(t)'; valid types: \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        var filter = EventFilter()
        filter.types = Set(types.compactMap(EventType.init(rawValue:)))
        filter.articlePrefixes = articles
        let printer = EventPrinter(format: common.resolvedFormat)
        printer.begin()
        var printed = 0
        if limit == 0 { return }
        let reader = JournalReader(dataDirectory: common.resolvedDataDirectory)
        do {
            try reader.forEachUnit { unit in
                guard unit.entry.kind == .article, unit.entry.lines > 1 else { return true }
                let lines = unit.lines
                // The article's id is in every event line; check the article filter first.
                for line in lines.dropFirst() {
                    guard case .event(let record) = try JournalRecordCoding.decode(line) else { continue }
                    guard filter.matches(record) else { continue }
                    printer.print(record, line: line)
                    printed += 1
                    if let limit, printed >= limit { return false }
                }
                return true
            }
        } catch {
            throw CommandFailure(message: "cannot read the journal in \(common.resolvedDataDirectory): \(error)")
        }
        printer.end()
    }
}
