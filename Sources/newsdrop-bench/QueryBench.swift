import ArgumentParser
import Foundation
import NewsdropCore
import NewsdropExtraction

#if canImport(Glibc)
import Glibc
#endif

/// `newsdrop-bench query`: a filtered `newsdrop events` over a journal of N events against
/// `jq -c 'select(…)'` over the same segment files, with peak memory of each.
struct QueryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "newsdrop events with filters on a journal of N events vs jq select over the same files.")

    @Option(help: "How many events in the journal.") var events = 1_000_000
    @Option(help: "The seed articles' folder (their extracted events are recombined).") var seeds = "seeds"
    @Option(help: "Work folder (default: a new temp folder, removed after). An existing journal there is reused.") var work: String?
    @Flag(help: "Skip the jq baseline.") var noJq = false

    func run() throws {
        let root = work ?? NSTemporaryDirectory() + "newsdrop-query-bench-\(getpid())"
        defer { if work == nil { try? FileManager.default.removeItem(atPath: root) } }
        let newsdrop = productsDirectory() + "/newsdrop"
        let data = root + "/data"
        if !FileManager.default.fileExists(atPath: data + "/journal") {
            try build(root: root, data: data, newsdrop: newsdrop)
        }
        let layout = JournalLayout(dataDirectory: data)
        let segments = try layout.segments().map { layout.segmentData(firstSeq: $0) }
        let bytes = segments.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        print(String(format: "journal: %d segments, %.0f MB", segments.count, Double(bytes) / 1e6))

        // The event indexes: built by the first query when the journal was written without them
        // (here: by JournalWriter directly; the daemon and `newsdrop ingest` keep them current).
        try? FileManager.default.removeItem(atPath: data + "/index/events")
        let cold = try measured(newsdrop, ["events", "--data-dir", data, "--format", "json", "--source", "no-such-source"])
        print(String(format: "first query, building the event indexes of all segments: %.3f s, peak %.0f MB", cold.seconds, cold.peakMB))
        let queries: [(String, [String], String)] = [
            ("--type airstrike", ["--type", "airstrike"], #"select(.kind=="event" and .type=="airstrike")"#),
            ("--type airstrike --place \"Abu Kamal\"", ["--type", "airstrike", "--place", "Abu Kamal"],
             #"select(.kind=="event" and .type=="airstrike" and .place.name=="Abu Kamal")"#),
            ("--actor Ghaani --type visit", ["--actor", "Ghaani", "--type", "visit"],
             #"select(.kind=="event" and .type=="visit" and (.actor.id=="esmail-qaani" or .target.id=="esmail-qaani"))"#),
            ("--since 2010-01-01 --until 2012-12-31", ["--since", "2010-01-01", "--until", "2012-12-31"],
             #"select(.kind=="event" and .date.value != null and (.date.value | startswith("--") | not) and (.date.value as $v | ($v >= "2010-01-01" or ("2010-01-01" | startswith($v))) and ($v <= "2012-12-31" or ($v | startswith("2012-12-31")))))"#),
            ("--min-confidence 0.9", ["--min-confidence", "0.9"], #"select(.kind=="event" and .confidence >= 0.9)"#),
        ]
        for (label, arguments, jqFilter) in queries {
            let ours = try measured(newsdrop, ["events", "--data-dir", data, "--format", "json"] + arguments)
            print(String(format: "newsdrop events %@: %.3f s, %d lines, peak %.0f MB", label, ours.seconds, ours.lines, ours.peakMB))
            guard !noJq else { continue }
            let jq = try measured("/usr/bin/jq", ["-c", jqFilter] + segments)
            print(String(format: "  jq -c '%@': %.3f s, %d lines, peak %.0f MB; ratio newsdrop/jq %.3f×", jqFilter, jq.seconds, jq.lines, jq.peakMB, ours.seconds / jq.seconds))
        }
    }

    /// Ingests the seeds with the real extractor, then appends their events recombined (dates
    /// spread over years, articles distinct) until the journal holds `events` events.
    private func build(root: String, data: String, newsdrop: String) throws {
        let sample = root + "/sample"
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        _ = try timed(newsdrop, ["ingest", "--quiet", "--data-dir", sample] + names.map { seeds + "/" + $0 })
        var samples: [ExtractedEvent] = []
        try JournalReader(dataDirectory: sample).forEachRecord { record in
            if case .event(let e) = record { samples.append(e.event) }
            return true
        }
        guard !samples.isEmpty else { throw ValidationError("the seeds gave no events to recombine") }
        let start = DispatchTime.now().uptimeNanoseconds
        var options = JournalWriter.Options()
        options.checkpointEveryUnits = 50_000
        let writer = try JournalWriter(dataDirectory: data, options: options)
        var rng = SyntheticArticles.SplitMix(seed: 42)
        var written = 0
        var article = 0
        while written < events {
            var batch: [PendingUnit] = []
            for _ in 0..<1_000 where written < events {
                let count = min(events - written, 1 + Int(rng.next() % 8))
                var chosen: [ExtractedEvent] = []
                for _ in 0..<count {
                    var e = samples[Int(rng.next() % UInt64(samples.count))]
                    if var date = e.date, let value = date.value, value.count >= 4, let year = Int(value.prefix(4)) {
                        date.value = String(year - 6 + Int(rng.next() % 8)) + value.dropFirst(4)
                        e.date = date
                    }
                    chosen.append(e)
                }
                let bytes = Array("Synthetic article \(article)\n".utf8)
                batch.append(.article(PendingArticle(
                    hash: ContentHash(of: bytes), file: "synthetic-\(article).txt", title: "Synthetic article \(article)",
                    content: bytes, published: nil, events: chosen, drop: nil)))
                written += count
                article += 1
            }
            _ = try writer.append(batch)
        }
        try writer.close()
        print(String(format: "built a journal of %d events in %d articles in %.1f s", written, article,
                     Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }

    struct Measurement {
        var seconds: Double
        var lines: Int
        var peakMB: Double
    }

    /// Runs a program with its output into a pipe (counted, not kept); returns wall time, the
    /// number of output lines and the child's own peak resident memory (`wait4`'s rusage).
    private func measured(_ executable: String, _ arguments: [String]) throws -> Measurement {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ValidationError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(fds[1])
        guard rc == 0 else { close(fds[0]); throw ValidationError("cannot start \(executable): errno \(rc)") }
        var lines = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            for i in 0..<n where buffer[i] == 10 { lines += 1 }
        }
        close(fds[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard status == 0 else { throw ValidationError("\(executable) exited with status \(status)") }
        return Measurement(seconds: seconds, lines: lines, peakMB: Double(usage.ru_maxrss) / 1024)
    }
}
