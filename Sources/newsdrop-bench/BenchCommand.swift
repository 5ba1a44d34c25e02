import ArgumentParser
import Foundation
import NewsdropCore

/// `newsdrop-bench`: performance figures next to a baseline measured in the same run.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdrop-bench",
        abstract: "Measure newsdrop against baselines on this machine (see docs/performance.md).",
        subcommands: [IngestBench.self, OpenBench.self, QueryBench.self, ExtractBench.self, DaemonBench.self])
}

/// Synthetic articles: the seeds' paragraphs recombined, each with a unique line, so every file
/// is distinct and realistic in size and vocabulary.
enum SyntheticArticles {
    static func paragraphs(seeds: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        var out: [String] = []
        for name in names {
            let text = try String(contentsOfFile: seeds + "/" + name, encoding: .utf8)
            out += text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.count > 80 }
        }
        guard !out.isEmpty else { throw ValidationError("no seed paragraphs found in \(seeds)") }
        return out
    }

    /// Article `i`: a title, 4–10 paragraphs chosen deterministically, and a unique line.
    static func article(_ i: Int, paragraphs: [String]) -> String {
        var rng = SplitMix(seed: UInt64(i) &+ 0x9E37)
        let count = 4 + Int(rng.next() % 7)
        var text = "Synthetic report \(i)\n\n"
        for _ in 0..<count { text += paragraphs[Int(rng.next() % UInt64(paragraphs.count))] + "\n\n" }
        return text + "Reference: synthetic-\(i)\n"
    }

    /// Writes articles `range` as `<folder>/<prefix><i>.txt`; returns their paths and total bytes.
    static func write(_ range: Range<Int>, paragraphs: [String], into folder: String, prefix: String) throws -> (paths: [String], bytes: Int) {
        var paths: [String] = []
        var bytes = 0
        for i in range {
            let text = article(i, paragraphs: paragraphs)
            let path = folder + "/\(prefix)\(i).txt"
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
            bytes += text.utf8.count
        }
        return (paths, bytes)
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

/// Runs a program, returns its wall time in seconds; fails on non-zero exit.
func timed(_ executable: String, _ arguments: [String], quietOutput: Bool = true) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if quietOutput { process.standardOutput = FileHandle.nullDevice }
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard process.terminationStatus == 0 else {
        throw ValidationError("\(executable) exited with \(process.terminationStatus)")
    }
    return seconds
}

/// Wall time of `sha256sum` over `paths` (the baseline of the ingest benchmarks), in chunks
/// that keep its argument list under the kernel's limit.
func sha256sumSeconds(_ paths: [String]) throws -> Double {
    var seconds = 0.0
    for start in stride(from: 0, to: paths.count, by: 5_000) {
        seconds += try timed("/usr/bin/sha256sum", Array(paths[start..<min(start + 5_000, paths.count)]))
    }
    return seconds
}

/// The folder this executable is in (the build products, where `newsdrop` is too).
func productsDirectory() -> String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return (exe as NSString).deletingLastPathComponent
}

struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "newsdrop ingest of N synthetic articles vs sha256sum of the same files.")

    @Option(help: "How many articles.") var articles = 10_000
    @Option(help: "The seed articles' folder.") var seeds = "seeds"
    @Option(help: "Work folder (default: a new temp folder, removed after).") var work: String?

    func run() throws {
        let paragraphs = try SyntheticArticles.paragraphs(seeds: seeds)
        let root = work ?? NSTemporaryDirectory() + "newsdrop-bench-\(getpid())"
        let files = root + "/articles"
        try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(atPath: root) } }
        let (paths, totalBytes) = try SyntheticArticles.write(0..<articles, paragraphs: paragraphs, into: files, prefix: "")
        let newsdrop = productsDirectory() + "/newsdrop"
        let shaSeconds = try sha256sumSeconds(paths)
        let list = root + "/list"
        try paths.joined(separator: "\n").write(toFile: list, atomically: false, encoding: .utf8)
        let intakeSeconds = try timed(newsdrop, ["ingest", "--quiet", "--no-extract", "--data-dir", root + "/intake", "--files-from", list])
        let ingestSeconds = try timed(newsdrop, ["ingest", "--quiet", "--data-dir", root + "/data", "--files-from", list])
        let mb = Double(totalBytes) / 1e6
        print("articles: \(articles), \(String(format: "%.1f", mb)) MB, mean \(totalBytes / max(1, articles)) bytes")
        print(String(format: "newsdrop ingest --no-extract: %.3f s  %.0f articles/s  %.1f MB/s (read, hash, dedup, archive, journal; durable: fdatasync per batch of 256)", intakeSeconds, Double(articles) / intakeSeconds, mb / intakeSeconds))
        print(String(format: "newsdrop ingest:              %.3f s  %.0f articles/s  %.1f MB/s (the same with event extraction on all cores)", ingestSeconds, Double(articles) / ingestSeconds, mb / ingestSeconds))
        print(String(format: "sha256sum:                    %.3f s  %.0f articles/s  %.1f MB/s (baseline, same files, same run)", shaSeconds, Double(articles) / shaSeconds, mb / shaSeconds))
        print(String(format: "ratio ingest --no-extract / sha256sum: %.2f×", intakeSeconds / shaSeconds))
        let checkpoint = JournalLayout(dataDirectory: root + "/data").dedupCheckpoint
        if let index = DedupIndex.readCheckpoint(from: checkpoint) {
            print(String(format: "dedup index: %d articles in %d bytes = %.1f bytes/article", index.count, index.memoryBytes, Double(index.memoryBytes) / Double(max(1, index.count))))
        }
    }
}

struct OpenBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Time opening a journal of N articles (checkpoint + tail replay) vs reading its files with cat.")

    @Option(help: "How many articles.") var articles = 1_000_000
    @Option(help: "Units after the last checkpoint (replayed at open).") var tail = 10_000
    @Option(help: "Work folder (default: a new temp folder, removed after).") var work: String?

    func run() throws {
        let root = work ?? NSTemporaryDirectory() + "newsdrop-open-bench-\(getpid())"
        defer { if work == nil { try? FileManager.default.removeItem(atPath: root) } }
        var options = JournalWriter.Options()
        options.checkpointEveryUnits = Int.max
        options.checkpointOnCloseMinimumUnits = Int.max
        let build = DispatchTime.now().uptimeNanoseconds
        do {
            let writer = try JournalWriter(dataDirectory: root, options: options)
            var i = 0
            while i < articles {
                let n = min(10_000, articles - i)
                let units = (i..<(i + n)).map { k -> PendingUnit in
                    let bytes = Array("article \(k)\n".utf8)
                    return .article(PendingArticle(hash: ContentHash(of: bytes), file: "\(k).txt", title: "article \(k)", content: bytes, published: nil, events: [], drop: nil))
                }
                _ = try writer.append(units)
                i += n
                if i == articles - tail || (tail >= articles && i == 0) { try writer.checkpoint() }
            }
            if tail == 0 { try writer.checkpoint() }
            try writer.close()
        }
        print(String(format: "built a journal of %d articles in %.1f s", articles, Double(DispatchTime.now().uptimeNanoseconds - build) / 1e9))
        let start = DispatchTime.now().uptimeNanoseconds
        let writer = try JournalWriter(dataDirectory: root, options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "open: %.3f s (checkpoint used: %@, units replayed: %d, articles indexed: %d, %.1f bytes/article in memory)",
                     seconds, writer.recovery.checkpointUsed ? "yes" : "no", writer.recovery.replayedUnits, writer.articleCount,
                     Double(writer.dedupMemoryBytes) / Double(max(1, writer.articleCount))))
        withExtendedLifetime(writer) {}
        let segments = try JournalLayout(dataDirectory: root).segments().map { JournalLayout(dataDirectory: root).segmentData(firstSeq: $0) }
        let cat = try timed("/bin/cat", segments)
        print(String(format: "baseline: cat of the journal's segments: %.3f s", cat))
    }
}
