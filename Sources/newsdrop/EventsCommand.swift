import ArgumentParser
import NewsdropCore
import NewsdropExtraction

/// `newsdrop events`: committed events, filtered.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Print committed events, oldest first.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var query: EventQueryOptions

    @Option(help: "Print at most this many events.")
    var limit: Int?

    @Flag(help: "Newest first.")
    var reverse = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let (filter, ingestedSince) = try query.makeFilter()
        let printer = EventPrinter(format: common.resolvedFormat)
        printer.begin()
        if limit == 0 { return }
        let scan = EventScan(dataDirectory: common.resolvedDataDirectory, filter: filter, ingestedSince: ingestedSince)
        if reverse {
            // Newest first needs the matches before printing; keep only what --limit will show.
            var kept = RecentEvents(limit: limit)
            try scan.run { found in
                kept.append(found)
                return true
            }
            for found in kept.last.reversed() { try printer.print(found) }
        } else {
            var printed = 0
            try scan.run { found in
                try printer.print(found)
                printed += 1
                return limit.map { printed < $0 } ?? true
            }
        }
        printer.end()
    }
}

/// Streams the events of the journal that pass a filter, through the segments' event indexes
/// (decoding only what is printed).
struct EventScan {
    var dataDirectory: String
    var filter: EventFilter
    var ingestedSince: String?

    /// Calls `body` for each matching event from `fromSeq` on until it returns false; returns
    /// the seq after the last unit read.
    @discardableResult
    func run(from fromSeq: UInt64 = 1, _ body: (FoundEvent) throws -> Bool) throws -> UInt64 {
        do {
            return try EventIndexQuery(dataDirectory: dataDirectory, filter: filter, ingestedSince: ingestedSince)
                .run(from: fromSeq, body)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "cannot read the journal in \(dataDirectory): \(error)")
        }
    }
}

/// The last `limit` events seen (all of them when `limit` is nil), in order.
struct RecentEvents {
    var limit: Int?
    private(set) var events: [FoundEvent] = []
    private var start = 0

    init(limit: Int?) {
        self.limit = limit
    }

    mutating func append(_ event: FoundEvent) {
        events.append(event)
        // Drop the oldest in batches so keeping the last N of M costs O(M), not O(M·N).
        if let limit, events.count >= 2 * max(limit, 1) {
            events.removeFirst(events.count - limit)
        }
    }

    /// The kept events, oldest first.
    var last: ArraySlice<FoundEvent> {
        guard let limit else { return events[...] }
        return events.suffix(limit)
    }
}
