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
            var kept: [(EventRecord, ArraySlice<UInt8>)] = []
            try scan.run { record, line in
                kept.append((record, line))
                if let limit, kept.count > limit { kept.removeFirst(kept.count - limit) }
                return true
            }
            for (record, line) in kept.reversed() { printer.print(record, line: line) }
        } else {
            var printed = 0
            try scan.run { record, line in
                printer.print(record, line: line)
                printed += 1
                return limit.map { printed < $0 } ?? true
            }
        }
        printer.end()
    }
}

/// Streams the events of the journal that pass a filter, with their raw lines.
struct EventScan {
    var dataDirectory: String
    var filter: EventFilter
    var ingestedSince: String?

    /// Calls `body` for each matching event from `fromSeq` on until it returns false; returns
    /// the seq after the last unit read.
    @discardableResult
    func run(from fromSeq: UInt64 = 1, _ body: (EventRecord, ArraySlice<UInt8>) throws -> Bool) throws -> UInt64 {
        let reader = JournalReader(dataDirectory: dataDirectory)
        var next = fromSeq
        do {
            try reader.forEachUnit(from: fromSeq) { unit in
                next = unit.entry.lastSeq + 1
                guard unit.entry.kind == .article, unit.entry.lines > 1 else { return true }
                let lines = unit.lines
                if let ingestedSince {
                    guard case .article(let a) = try JournalRecordCoding.decode(lines[0]), a.ingestedAt >= ingestedSince else { return true }
                }
                for line in lines.dropFirst() {
                    guard case .event(let record) = try JournalRecordCoding.decode(line), record.seq >= fromSeq else { continue }
                    guard filter.matches(record) else { continue }
                    if try !body(record, line) { return false }
                }
                return true
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "cannot read the journal in \(dataDirectory): \(error)")
        }
        return next
    }
}
