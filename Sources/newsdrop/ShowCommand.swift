import ArgumentParser
import Foundation
import NewsdropCore
import NewsdropExtraction

/// `newsdrop show ID`: one article with its events and the sentence each was read from.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one article (id prefix accepted): its events, their sentences, its text.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The article id or a prefix of it.")
    var id: String

    @Flag(help: "Leave out the article's text.")
    var noText = false

    func run() throws {
        let data = common.resolvedDataDirectory
        var found: [(ArticleRecord, [EventRecord], [ArraySlice<UInt8>])] = []
        do {
            try JournalReader(dataDirectory: data).forEachUnit { unit in
                guard unit.entry.kind == .article else { return true }
                let lines = unit.lines
                guard case .article(let a) = try JournalRecordCoding.decode(lines[0]), a.id.hasPrefix(id.lowercased()) else { return true }
                let events = try lines.dropFirst().compactMap { line -> EventRecord? in
                    if case .event(let e) = try JournalRecordCoding.decode(line) { return e }
                    return nil
                }
                found.append((a, events, lines))
                return true
            }
        } catch {
            throw CommandFailure(message: "cannot read the journal in \(data): \(error)")
        }
        guard !found.isEmpty else { throw CommandFailure(message: "no article with an id starting '\(id)'") }
        guard found.count == 1 else {
            throw CommandFailure(message: "'\(id)' matches \(found.count) articles (\(found.prefix(5).map(\.0.id).joined(separator: ", "))…); give more digits")
        }
        let (article, events, lines) = found[0]
        if common.resolvedFormat == .json {
            for line in lines { Output.standard.write(bytes: line); Output.standard.write("\n") }
            return
        }
        Output.standard.write("""
            article  \(article.id)  (seq \(article.seq))
            file     \(article.file)
            title    \(article.title)
            bytes    \(article.bytes)   published \(article.published ?? "-")   ingested \(article.ingestedAt)
            events   \(article.events)

            """)
        for e in events {
            let ev = e.event
            var who = ev.actor?.name ?? "?"
            if let t = ev.target { who += " → \(t.name)" }
            var facts: [String] = [ev.type.rawValue, who]
            if let p = ev.place { facts.append("at \(p.name)" + (p.country.map { " (\($0))" } ?? "")) }
            if let d = ev.date { facts.append("on \(d.value ?? d.text)") }
            if let f = ev.fatalities { facts.append("\(f) killed") }
            if let s = ev.source { facts.append("per \(s)") }
            if ev.modality != .asserted { facts.append(ev.modality.rawValue) }
            Output.standard.write("  \(e.id)  \(facts.joined(separator: "  "))  [\(String(format: "%.2f", ev.confidence))]\n")
            Output.standard.write("      “\(ev.sentence)”\n")
        }
        guard !noText, let location = article.archive else { return }
        do {
            let bytes = try ArticleArchive.read(location, layout: JournalLayout(dataDirectory: data), hash: ContentHash(hex: article.hash))
            Output.standard.write("\n")
            Output.standard.write(bytes: bytes)
            if bytes.last != 0x0A { Output.standard.write("\n") }
        } catch {
            throw CommandFailure(message: "cannot read the article's text from the archive: \(error)")
        }
    }
}

/// `newsdrop stats`: counts by type, actor, place, source and day.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count events by type, actor, place, source and day.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var query: EventQueryOptions

    @Option(help: "Show the N largest counts of each.")
    var top = 10

    func run() throws {
        let (filter, ingestedSince) = try query.makeFilter()
        var total = 0
        var byType: [String: Int] = [:], byActor: [String: Int] = [:], byPlace: [String: Int] = [:]
        var bySource: [String: Int] = [:], byDay: [String: Int] = [:]
        var killed = 0
        try EventScan(dataDirectory: common.resolvedDataDirectory, filter: filter, ingestedSince: ingestedSince).run { found in
            let e = try found.record().event
            total += 1
            byType[e.type.rawValue, default: 0] += 1
            byActor[e.actor?.name ?? "(none)", default: 0] += 1
            byPlace[e.place?.name ?? "(none)", default: 0] += 1
            bySource[e.source ?? "(none)", default: 0] += 1
            byDay[e.date?.value ?? "(undated)", default: 0] += 1
            killed += e.fatalities ?? 0
            return true
        }
        let groups: [(String, [String: Int])] = [("type", byType), ("actor", byActor), ("place", byPlace), ("source", bySource), ("day", byDay)]
        func ranked(_ d: [String: Int]) -> [(String, Int)] {
            d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top).map { ($0.key, $0.value) }
        }
        switch common.resolvedFormat {
        case .json:
            Output.standard.write("{\"events\":\(total),\"fatalities\":\(killed)")
            for (name, d) in groups {
                Output.standard.write(",\"\(name)\":{" + ranked(d).map { "\(jsonString($0.0)):\($0.1)" }.joined(separator: ",") + "}")
            }
            Output.standard.write("}\n")
        case .csv:
            Output.standard.write("group,key,count\r\n")
            for (name, d) in groups {
                for (k, v) in ranked(d) { Output.standard.write("\(name),\(EventPrinter.csvField(k)),\(v)\r\n") }
            }
        case .table:
            Output.standard.write("\(total) events, \(killed) killed\n")
            for (name, d) in groups {
                Output.standard.write("\nby \(name):\n")
                for (k, v) in ranked(d) { Output.standard.write("  \(String(v).padding(toLength: 7, withPad: " ", startingAt: 0)) \(k)\n") }
            }
        }
    }
}
