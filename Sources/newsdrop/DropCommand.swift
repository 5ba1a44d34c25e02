import ArgumentParser
import CLinux
import Foundation
import NewsdropCore
import NewsdropService
#if canImport(Glibc)
import Glibc
#endif

/// `newsdrop drop FILE…`: puts files into the drop folder safely, so the daemon never sees a
/// half-written one: each is copied to a hidden temp name, synced, then renamed into place.
struct DropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Place files safely into the drop folder (hidden temp name, fsync, rename).")

    @Option(help: ArgumentHelp("The drop folder (default: the daemon's, from env/config; else /var/spool/newsdrop/incoming when it exists).", valueName: "dir"))
    var dropDir: String?

    @Option(help: ArgumentHelp("The config file to read drop_dir from.", valueName: "file"))
    var config: String?

    @Argument(help: "The files to drop.")
    var files: [String]

    func run() throws {
        let folder: String
        if let dropDir {
            folder = dropDir
        } else {
            do {
                let configuration = try ServiceConfiguration.resolveForCurrentProcess(configFile: config)
                // Nothing configured and newsdropd.service installed (the .deb): drop where the
                // service watches, as the data folder defaults to /var/lib/newsdrop.
                if configuration.sources[.dropDir] == .defaultValue, !configuration.usesSystemdDefaults,
                    Syscalls.exists(Self.serviceDropDirectory)
                {
                    folder = Self.serviceDropDirectory
                } else {
                    folder = configuration.dropDirectory
                }
            } catch {
                throw CommandFailure(message: "\(error)")
            }
        }
        guard Syscalls.exists(folder) else {
            throw CommandFailure(message: "the drop folder \(folder) does not exist; start newsdropd or pass --drop-dir")
        }
        var failed = 0
        for file in files {
            do {
                let name = try Self.drop(file, into: folder)
                Output.standard.write("dropped \(file) → \(folder)/\(name)\n")
            } catch {
                failed += 1
                Output.error("newsdrop: cannot drop \(file): \(error)")
            }
        }
        if failed > 0 { throw CommandFailure(message: "\(failed) of \(files.count) files were not dropped") }
    }

    /// The drop folder of the packaged newsdropd.service (packaging/tmpfiles.d/newsdrop.conf).
    static let serviceDropDirectory = "/var/spool/newsdrop/incoming"

    /// Copies `path` into `folder` under its own name (or `name.1`, … if taken) via a hidden temp
    /// file; returns the final name.
    static func drop(_ path: String, into folder: String) throws -> String {
        let source = try Syscalls.open(path, O_RDONLY)
        defer { Syscalls.close(source) }
        let base = Syscalls.baseName(of: path)
        let temp = folder + "/.\(base).\(getpid()).part"
        let target = try Syscalls.open(temp, O_WRONLY | O_CREAT | O_EXCL, mode: 0o640)
        do {
            // Readable by the folder's group (the service's, through the setgid drop folder)
            // whatever the analyst's umask: with umask 077 the daemon could not read the file.
            if fchmod(target, 0o640) != 0 { throw SystemError("set the mode of", path: temp, errno: errno) }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw SystemError("read", path: path, errno: errno) }
                if n == 0 { break }
                try Syscalls.writeAll(target, Array(buffer[0..<n]), path: temp)
            }
            try Syscalls.fsync(target, path: temp)
            Syscalls.close(target)
        } catch {
            Syscalls.close(target)
            unlink(temp)
            throw error
        }
        // RENAME_NOREPLACE: a drop never overwrites another file of the same name, and the
        // daemon sees one rename-in (IN_MOVED_TO) of a complete file.
        var name = base
        var n = 0
        while newsdrop_rename_noreplace(temp, folder + "/" + name) != 0 {
            guard errno == EEXIST else {
                let error = SystemError("rename into", path: folder, errno: errno)
                unlink(temp)
                throw error
            }
            n += 1
            name = "\(base).\(n)"
        }
        return name
    }
}

/// `newsdrop status`: whether the daemon runs, its queue, last ingest, totals.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Whether the daemon runs, its queue, last ingest and totals.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let data = common.resolvedDataDirectory
        let report: StatusFile.Report?
        do {
            report = try StatusFile.read(dataDirectory: data)
        } catch {
            throw CommandFailure(message: "\(error)")
        }
        guard let report else {
            Output.standard.write("newsdropd: not running (no status in \(data))\n")
            throw CommandFailure(message: "the daemon is not running", exitCode: 3)
        }
        let s = report.status
        if common.resolvedFormat == .json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            let data = (try? encoder.encode(s)) ?? Data()
            Output.standard.write(String(decoding: data, as: UTF8.self).dropLast() + ",\"running\":\(report.isRunning)}\n")
        } else {
            Output.standard.write(report.isRunning ? "newsdropd: running (pid \(s.pid)) since \(s.startedAt)\n" : "newsdropd: not running (last pid \(s.pid))\n")
            Output.standard.write("  \(s.summaryLine)\n  drop folder: \(s.dropDirectory)\n")
            if let last = s.lastIngest { Output.standard.write("  last ingest: \(last.time) \(last.file) (article \(last.articleID))\n") }
            if let e = s.lastError { Output.standard.write("  last error: \(e.time) \(e.message)\n") }
        }
        // Like `systemctl status`: exit 3 when not running.
        if !report.isRunning { throw CommandFailure(message: "the daemon is not running", exitCode: 3) }
    }
}
