import ArgumentParser
import Foundation
import NewsdropCore
import NewsdropExtraction
#if canImport(Glibc)
import Glibc
#endif

/// `newsdrop tail`: the last events, and with `-f` the ones committed from now on.
struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print the last events; -f follows new commits until interrupted.",
        discussion: """
            With --cursor-file F, prints only the events after the cursor stored in F (all of them, \
            not just the last N) and stores the cursor of each printed event in F, so that a \
            shipper (`newsdrop tail -f --cursor-file pos | …`) resumes exactly where it stopped.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var query: EventQueryOptions

    @Option(name: [.customShort("n"), .customLong("lines")], help: "How many of the last events to print first.")
    var lines = 10

    @Flag(name: .shortAndLong, help: "Follow: keep printing new events as they are committed.")
    var follow = false

    @Option(help: ArgumentHelp("Resume after the cursor stored in this file and keep it updated.", valueName: "file"))
    var cursorFile: String?

    func validate() throws {
        if lines < 0 { throw ValidationError("-n must be 0 or more") }
    }

    func run() throws {
        let data = common.resolvedDataDirectory
        let (filter, ingestedSince) = try query.makeFilter()
        let scan = EventScan(dataDirectory: data, filter: filter, ingestedSince: ingestedSince)
        let printer = EventPrinter(format: common.resolvedFormat)
        printer.begin()
        let cursor = try cursorFile.flatMap(Cursor.read)
        // Where to start following from, and what to print first.
        var next: UInt64
        if let cursor {
            next = try scan.run(from: cursor + 1) { found in
                try printer.print(found)
                try saveCursor(found.seq)
                return true
            }
        } else {
            var recent = RecentEvents(limit: lines)
            if lines > 0 {
                next = try scan.run { found in
                    recent.append(found)
                    return true
                }
            } else {
                next = try JournalReader(dataDirectory: data).nextSeq()
            }
            for found in recent.last {
                try printer.print(found)
            }
            if let seq = recent.last.last?.seq { try saveCursor(seq) }
        }
        Output.standard.flush()
        guard follow else { return }
        let waiter: JournalChangeWaiter
        do {
            waiter = try JournalChangeWaiter(dataDirectory: data)
        } catch {
            throw CommandFailure(message: "cannot follow \(data): \(error)")
        }
        // New commits may have landed between the first read and the watch: read again first.
        while true {
            next = try scan.run(from: next) { found in
                try printer.print(found)
                Output.standard.flush()
                try saveCursor(found.seq)
                return true
            }
            Output.standard.flush()
            if case .hangup = waiter.wait(hangupFD: 1) { return }
        }
    }

    private func saveCursor(_ seq: UInt64) throws {
        guard let cursorFile else { return }
        // The output is flushed before the cursor moves, so a stop in between repeats at most
        // the last event, never skips one.
        Output.standard.flush()
        try Cursor.write(seq, to: cursorFile)
    }
}

/// A position in the journal: the seq of the last event handed on, stored as `s=<seq>`.
enum Cursor {
    static func read(_ path: String) throws -> UInt64? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure(message: "cannot read the cursor file \(path)")
        }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return nil }
        guard t.hasPrefix("s="), let seq = UInt64(t.dropFirst(2)) else {
            throw CommandFailure(message: "the cursor file \(path) holds '\(t.prefix(40))', not a cursor (s=<seq>); remove it to start over")
        }
        return seq
    }

    /// Replaces the file atomically (temp + rename).
    static func write(_ seq: UInt64, to path: String) throws {
        let temp = path + ".tmp"
        do {
            try Data("s=\(seq)\n".utf8).write(to: URL(fileURLWithPath: temp))
            try Syscalls.rename(temp, path)
        } catch {
            throw CommandFailure(message: "cannot write the cursor file \(path): \(error)")
        }
    }
}
