import ArgumentParser
import Foundation
import NewsdropCore

#if canImport(Glibc)
import Glibc
#endif

/// `newsdrop-bench daemon`: the real newsdropd on temp folders. Drop→committed latency with the
/// daemon idle, next to the cost of one durable write (write + fdatasync of the same bytes in
/// the same file system); then a burst of files dropped at once: throughput and the daemon's
/// peak RSS, next to sha256sum of the same files.
struct DaemonBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon", abstract: "newsdropd: drop→committed latency p50/p99 and a burst's throughput and peak RSS.")

    @Option(help: "Drops timed one at a time (daemon idle between them).") var drops = 200
    @Option(help: "Files in the burst.") var burst = 20_000
    @Option(help: "The seed articles' folder.") var seeds = "seeds"
    @Option(help: "Dictionary folder for the daemon's extractor.") var dictionaries = "dictionaries"
    @Option(help: "Work folder (default: a new temp folder, removed after).") var work: String?

    func run() throws {
        let paragraphs = try SyntheticArticles.paragraphs(seeds: seeds)
        let root = work ?? NSTemporaryDirectory() + "newsdrop-daemon-bench-\(getpid())"
        defer { if work == nil { try? FileManager.default.removeItem(atPath: root) } }
        let drop = root + "/incoming", data = root + "/data", staging = root + "/staging"
        for dir in [drop, staging] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: productsDirectory() + "/newsdropd")
        daemon.arguments = ["--drop-dir", drop, "--data-dir", data, "--dictionaries-dirs", dictionaries]
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer {
            if daemon.isRunning {
                kill(daemon.processIdentifier, SIGTERM)
                daemon.waitUntilExit()
            }
        }
        let reader = JournalReader(dataDirectory: data)
        // Ready when the status file appears (after recovery, dictionaries and the watch).
        let started = DispatchTime.now().uptimeNanoseconds
        while !FileManager.default.fileExists(atPath: data + "/status.json") {
            guard DispatchTime.now().uptimeNanoseconds - started < 60_000_000_000 else { throw ValidationError("newsdropd did not start") }
            usleep(10_000)
        }
        let waiter = try JournalChangeWaiter(dataDirectory: data)

        // 1. Latency, one drop at a time.
        var latencies: [Double] = []
        var baseline: [Double] = []
        for i in 0..<drops {
            let text = SyntheticArticles.article(1_000_000 + i, paragraphs: paragraphs)
            let staged = staging + "/lat-\(i).txt"
            try text.write(toFile: staged, atomically: false, encoding: .utf8)
            // Baseline: the same bytes written and made durable once.
            let t0 = DispatchTime.now().uptimeNanoseconds
            let fd = open(root + "/baseline.tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            _ = text.utf8CString.withUnsafeBytes { write(fd, $0.baseAddress, $0.count - 1) }
            fdatasync(fd)
            close(fd)
            baseline.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)

            let before = try reader.nextSeq()
            let start = DispatchTime.now().uptimeNanoseconds
            guard rename(staged, drop + "/lat-\(i).txt") == 0 else { throw ValidationError("rename failed: errno \(errno)") }
            while try reader.nextSeq() == before {
                _ = waiter.wait(timeoutMilliseconds: 1_000)
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            usleep(20_000)
        }
        func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
        print(String(format: "drop→committed, daemon idle, %d drops: p50 %.1f ms  p99 %.1f ms  max %.1f ms",
                     drops, percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.max() ?? 0))
        print(String(format: "baseline: write + fdatasync of the same bytes: p50 %.1f ms  p99 %.1f ms (same run, same file system)",
                     percentile(baseline, 0.5), percentile(baseline, 0.99)))

        // 2. A burst: every file renamed in at once.
        guard burst > 0 else { return }
        let (paths, bytes) = try SyntheticArticles.write(0..<burst, paragraphs: paragraphs, into: staging, prefix: "burst-")
        let shaSeconds = try sha256sumSeconds(paths)
        // Committed files leave the drop folder (unlinked, or moved to rejected/): the bench
        // counts those departures with inotify, blocked in read(2), so it takes no CPU from the
        // daemon (listing a folder of 20,000 names every 50 ms took most of a core).
        let departures = try DepartureCounter(folder: drop)
        let cpuBefore = processCPUSeconds(daemon.processIdentifier)
        let start = DispatchTime.now().uptimeNanoseconds
        for (i, path) in paths.enumerated() {
            guard rename(path, drop + "/burst-\(i).txt") == 0 else { throw ValidationError("rename failed: errno \(errno)") }
        }
        let renamed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try departures.wait(for: burst, deadline: start + 1_800_000_000_000)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = processCPUSeconds(daemon.processIdentifier) - cpuBefore
        let status = (try? String(contentsOfFile: "/proc/\(daemon.processIdentifier)/status", encoding: .utf8)) ?? ""
        let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) } ?? "?"
        let mb = Double(bytes) / 1e6
        print(String(format: "burst of %d files (%.1f MB), renamed in within %.2f s: all committed in %.2f s = %.0f articles/s, %.1f MB/s; daemon peak RSS %@",
                     burst, mb, renamed, seconds, Double(burst) / seconds, mb / seconds, hwm))
        print(String(format: "daemon CPU during the burst: %.2f s user+system = %.2f cores busy on average", cpu, cpu / seconds))
        print(String(format: "baseline: sha256sum of the same files: %.2f s = %.0f files/s (same run)", shaSeconds, Double(burst) / shaSeconds))
    }
}

/// Counts files leaving a folder (`IN_DELETE`, `IN_MOVED_FROM`) with inotify. If the kernel's
/// queue overflows, the count falls back to listing the folder until it is empty.
final class DepartureCounter {
    private let fd: Int32
    private let folder: String

    init(folder: String) throws {
        self.folder = folder
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0, inotify_add_watch(fd, folder, UInt32(IN_DELETE | IN_MOVED_FROM)) >= 0 else {
            throw ValidationError("inotify on \(folder) failed: errno \(errno)")
        }
    }

    deinit { close(fd) }

    /// Returns once `count` files have left the folder; throws after `deadline` (uptime ns).
    func wait(for count: Int, deadline: UInt64) throws {
        var left = count
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while left > 0 {
            guard DispatchTime.now().uptimeNanoseconds < deadline else { throw ValidationError("the burst did not finish in time (\(left) left)") }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 1_000) <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { continue }
            var offset = 0
            var overflowed = false
            buffer.withUnsafeBytes { raw in
                while offset + MemoryLayout<inotify_event>.size <= n {
                    let mask = raw.load(fromByteOffset: offset + 4, as: UInt32.self)
                    let nameLength = Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self))
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
                    if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { left -= 1 }
                    offset += MemoryLayout<inotify_event>.size + nameLength
                }
            }
            if overflowed {
                // events were lost: count what remains instead, slowly
                while try FileManager.default.contentsOfDirectory(atPath: folder).count > 0 {
                    guard DispatchTime.now().uptimeNanoseconds < deadline else { throw ValidationError("the burst did not finish in time") }
                    usleep(200_000)
                }
                return
            }
        }
    }
}

/// User plus system CPU time of process `pid` so far, from `/proc/<pid>/stat` (fields 14 and 15).
func processCPUSeconds(_ pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return 0 }
    // fields after the command name: state is field 3, utime 14, stime 15
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}
