import ArgumentParser
import Foundation
import NewsdropCore
import NewsdropExtraction

/// `newsdrop ingest FILE…`: the daemon's pipeline, run directly on files.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest files into the journal directly (the daemon's pipeline, without the drop folder).",
        discussion: "Files are not moved or removed. Refuses while a daemon holds the data folder.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Largest file accepted, in bytes.", valueName: "bytes"))
    var maxFileBytes: Int = 16 * 1024 * 1024

    @Option(help: ArgumentHelp("Files committed per group commit (one sync each).", valueName: "n"))
    var batchSize: Int = 256

    @Option(help: ArgumentHelp("Dictionary folders, ':'-separated (default: the installed ones).", valueName: "dirs"))
    var dictionariesDirs: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(inversion: .prefixedNo, help: "Extract events (--no-extract: record the articles only, e.g. to measure intake alone).")
    var extract = true

    @Option(help: ArgumentHelp(
        "Read the files' paths from this file, one a line ('-': standard input). Use it for thousands of files.",
        valueName: "list"))
    var filesFrom: String?

    @Argument(help: "The files to ingest.")
    var arguments: [String] = []

    func validate() throws {
        if arguments.isEmpty && filesFrom == nil { throw ValidationError("name the files to ingest, or --files-from LIST") }
    }

    /// The paths given as arguments, then those of --files-from.
    private func paths() throws -> [String] {
        guard let filesFrom else { return arguments }
        let data: Data
        if filesFrom == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: filesFrom) else {
                throw CommandFailure(message: "cannot read the list of files \(filesFrom)")
            }
            data = d
        }
        let listed = data.split(whereSeparator: { $0 == 0x0A || $0 == 0 }).map { String(decoding: $0, as: UTF8.self) }
        return arguments + listed.filter { !$0.isEmpty }
    }

    func run() throws {
        let files = try paths()
        guard batchSize > 0 else { throw CommandFailure(message: "--batch-size must be at least 1", exitCode: 2) }
        let writer: JournalWriter
        do {
            writer = try JournalWriter(dataDirectory: common.resolvedDataDirectory)
        } catch {
            throw CommandFailure(message: error.description)
        }
        let pipeline = IngestPipeline(
            writer: writer,
            extractor: extract
                ? try ExtractorLoading.load(directories: dictionariesDirs.map { $0.split(separator: ":").map(String.init) } ?? [])
                : NoEventExtractor(),
            fileReader: DroppedFileReader(maxBytes: maxFileBytes))
        var counts = (articles: 0, duplicates: 0, rejected: 0, events: 0, vanished: 0)
        let json = common.resolvedFormat == .json
        // Two stages: batch k+1 is read and extracted in the background while batch k commits.
        let batches = stride(from: 0, to: files.count, by: batchSize).map { Array(files[$0..<min($0 + batchSize, files.count)]) }
        // Texts already in the journal (a file ingested before) are read and hashed, not extracted.
        func prepare(_ k: Int) -> BackgroundWork<IngestPipeline.PreparedBatch>? {
            guard k < batches.count else { return nil }
            return pipeline.startPreparing(batches[k].map { IngestSource(path: $0) })
        }
        var next = prepare(0)
        for (k, batch) in batches.enumerated() {
            guard let current = next else { break }
            let prepared = current.wait()
            next = prepare(k + 1)
            let outcomes: [IngestOutcome]
            do {
                outcomes = try pipeline.commit(prepared, recogniseCommittedDrops: false)
            } catch {
                _ = next?.wait()
                throw CommandFailure(message: error.description)
            }
            for (path, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .committed(let unit), .alreadyCommitted(let unit):
                    switch unit.disposition {
                    case .article: counts.articles += 1; counts.events += unit.events
                    case .duplicate: counts.duplicates += 1
                    case .rejected: counts.rejected += 1
                    }
                    if !quiet { report(path, unit, json: json) }
                case .vanished:
                    counts.vanished += 1
                    Output.error("newsdrop: \(path): no such file")
                }
            }
        }
        do { try writer.close() } catch { throw CommandFailure(message: error.description) }
        if !quiet && !json {
            Output.standard.write("\(counts.articles) articles (\(counts.events) events), \(counts.duplicates) duplicates, \(counts.rejected) rejected\n")
        }
        if counts.vanished > 0 { throw CommandFailure(message: "\(counts.vanished) files could not be found") }
    }

    private func report(_ path: String, _ unit: CommittedUnit, json: Bool) {
        if json {
            var line = "{\"file\":\(jsonString(path)),\"disposition\":\"\(unit.disposition.rawValue)\",\"seq\":\(unit.seq)"
            if let id = unit.articleID { line += ",\"article\":\"\(id)\"" }
            if unit.disposition == .article { line += ",\"events\":\(unit.events)" }
            if let r = unit.reason { line += ",\"reason\":\(jsonString(r.code)),\"message\":\(jsonString(r.message))" }
            Output.standard.write(line + "}\n")
            return
        }
        switch unit.disposition {
        case .article: Output.standard.write("article    \(unit.articleID ?? "")  \(unit.events) events  \(path)\n")
        case .duplicate: Output.standard.write("duplicate  \(unit.articleID ?? "")  of seq \(unit.firstSeq ?? 0)  \(path)\n")
        case .rejected: Output.standard.write("rejected   \(unit.reason?.description ?? "")  \(path)\n")
        }
    }
}

/// A JSON string literal.
func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 || u.value == 0x7F {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}
