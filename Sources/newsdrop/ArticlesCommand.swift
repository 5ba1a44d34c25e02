import Foundation
import ArgumentParser
import NewsdropCore

/// `newsdrop articles`: one line per ingested article.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles", abstract: "List ingested articles: id, file, title, size, events, duplicates seen.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Print at most this many articles.")
    var limit: Int?

    func run() throws {
        let reader = JournalReader(dataDirectory: common.resolvedDataDirectory)
        var articles: [ArticleRecord] = []
        var index: [String: Int] = [:]
        var duplicates: [String: Int] = [:]
        do {
            try reader.forEachUnit { unit in
                switch unit.entry.kind {
                case .article:
                    if let first = unit.lines.first, case .article(let a) = try JournalRecordCoding.decode(first) {
                        index[a.id] = articles.count
                        articles.append(a)
                    }
                case .duplicate:
                    if let first = unit.lines.first, case .duplicate(let d) = try JournalRecordCoding.decode(first) {
                        duplicates[d.article, default: 0] += 1
                    }
                case .rejected: break
                }
                return true
            }
        } catch {
            throw CommandFailure(message: "cannot read the journal in \(common.resolvedDataDirectory): \(error)")
        }
        let shown = limit.map { Array(articles.prefix($0)) } ?? articles
        switch common.resolvedFormat {
        case .json:
            for a in shown {
                Output.standard.write("{\"seq\":\(a.seq),\"kind\":\"article\",\"id\":\"\(a.id)\",\"hash\":\"\(a.hash)\",\"file\":\(jsonString(a.file)),\"title\":\(jsonString(a.title)),\"bytes\":\(a.bytes),\"published\":\(a.published.map(jsonString) ?? "null"),\"ingested_at\":\"\(a.ingestedAt)\",\"events\":\(a.events),\"duplicates\":\(duplicates[a.id] ?? 0)}\n")
            }
        case .csv:
            Output.standard.write("seq,id,file,title,bytes,events,duplicates,ingested_at\r\n")
            for a in shown {
                Output.standard.write([String(a.seq), a.id, a.file, a.title, String(a.bytes), String(a.events), String(duplicates[a.id] ?? 0), a.ingestedAt].map(EventPrinter.csvField).joined(separator: ",") + "\r\n")
            }
        case .table:
            Output.standard.write("ID                EVENTS  DUPS  BYTES    FILE / TITLE\n")
            for a in shown {
                let events = String(a.events).padding(toLength: 6, withPad: " ", startingAt: 0)
                let dups = String(duplicates[a.id] ?? 0).padding(toLength: 4, withPad: " ", startingAt: 0)
                let bytes = String(a.bytes).padding(toLength: 7, withPad: " ", startingAt: 0)
                Output.standard.write("\(a.id)  \(events)  \(dups)  \(bytes)  \(a.file) — \(a.title.prefix(60))\n")
            }
        }
    }
}
