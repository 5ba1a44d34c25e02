import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NewsdropExtraction

/// `newsdrop-bench extract`: the dictionary extractor on the seed articles replicated, single
/// thread, next to a plain scan of the same bytes measured in the same run.
struct ExtractBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extraction MB/s and articles/s on one core (seed articles replicated) vs a plain byte scan of the same text.")

    @Option(help: "The seed articles' folder.") var seeds = "seeds"
    @Option(help: "The shipped dictionaries' folder.") var dictionaries = "dictionaries"
    @Option(help: "How many articles to extract (the seeds, repeated).") var articles = 5_000
    @Option(help: "Timed rounds; the best round is reported.") var rounds = 3
    @Option(help: "Instead of timing: write each article's events (one JSON line per article, sorted keys) to this file, to compare two builds' output.")
    var dump: String? = nil

    func run() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw ValidationError("no .txt articles in \(seeds)") }
        let texts = try names.map { try String(contentsOfFile: seeds + "/" + $0, encoding: .utf8) }
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let extractor = try DictionaryEventExtractor(directories: [dictionaries])
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        if let dump {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var out = Data()
            for (name, text) in zip(names, texts) {
                let e = extractor.extract(ArticleText(id: name, text: text, fileName: name))
                out.append(Data("\(name)\t".utf8))
                out.append(try encoder.encode(e.events))
                out.append(Data("\t\(e.published ?? "-")\n".utf8))
            }
            try out.write(to: URL(fileURLWithPath: dump))
            return
        }
        let batch = (0..<articles).map { i in
            ArticleText(id: "bench-\(i)", text: texts[i % texts.count], fileName: names[i % names.count])
        }
        let totalBytes = batch.reduce(0) { $0 + $1.text.utf8.count }
        let mb = Double(totalBytes) / 1e6

        var bestScan = Double.infinity
        var bestExtract = Double.infinity
        var bestExtractCPU = Double.infinity
        var bestScanCPU = Double.infinity
        var events = 0
        var words = 0
        for _ in 0..<max(1, rounds) {
            // baseline: one pass over the UTF-8 bytes counting word starts
            var t0 = DispatchTime.now().uptimeNanoseconds
            var c0 = threadCPUSeconds()
            var w = 0
            for a in batch {
                var inWord = false
                for b in a.text.utf8 {
                    let isWord = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b >= 0x80
                    if isWord && !inWord { w += 1 }
                    inWord = isWord
                }
            }
            bestScan = min(bestScan, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            bestScanCPU = min(bestScanCPU, threadCPUSeconds() - c0)
            words = w
            // the extractor
            t0 = DispatchTime.now().uptimeNanoseconds
            c0 = threadCPUSeconds()
            var n = 0
            for a in batch { n += extractor.extract(a).events.count }
            bestExtract = min(bestExtract, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            bestExtractCPU = min(bestExtractCPU, threadCPUSeconds() - c0)
            events = n
        }
        print("articles: \(articles) (\(names.count) seeds repeated), \(String(format: "%.1f", mb)) MB, mean \(totalBytes / max(1, articles)) bytes; dictionaries loaded in \(String(format: "%.2f", loadSeconds)) s")
        print(String(format: "extract:   %.3f s  %.0f articles/s  %.1f MB/s  (%d events; one thread, best of %d)", bestExtract, Double(articles) / bestExtract, mb / bestExtract, events, rounds))
        print(String(format: "byte scan: %.3f s  %.0f articles/s  %.1f MB/s  (baseline: word count over the same bytes, %d words)", bestScan, Double(articles) / bestScan, mb / bestScan, words))
        print(String(format: "per core (thread CPU time, robust to other load): extract %.1f MB/s %.0f articles/s; scan %.1f MB/s", mb / bestExtractCPU, Double(articles) / bestExtractCPU, mb / bestScanCPU))
        print(String(format: "ratio extract/scan: %.1f× wall, %.1f× CPU", bestExtract / bestScan, bestExtractCPU / bestScanCPU))
    }

    /// CPU time this thread has used, in seconds (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`): a
    /// per-core figure that other processes on a shared machine do not inflate.
    func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
