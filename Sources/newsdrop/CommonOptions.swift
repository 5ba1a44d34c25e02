import ArgumentParser
import Foundation
import NewsdropCore
import NewsdropExtraction
import NewsdropService

/// Options every subcommand takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder holding the journal.", valueName: "dir"))
    var dataDir: String?

    @Option(name: .long, help: "Output format: table (default on a terminal), json (JSON Lines, default in a pipe), csv.")
    var format: OutputFormat?

    /// The data folder: flag > $NEWSDROP_DATA_DIR > data_dir in the config file > default.
    var resolvedDataDirectory: String {
        DataDirectoryDefaults.resolve(flag: dataDir)
    }

    var resolvedFormat: OutputFormat {
        if let format { return format }
        return isatty(1) != 0 ? .table : .json
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Where the data folder is when nothing says: the same rule as the daemon's.
enum DataDirectoryDefaults {
    static func resolve(flag: String?) -> String {
        if let flag { return flag }
        let env = ProcessInfo.processInfo.environment
        if let dir = env["NEWSDROP_DATA_DIR"], !dir.isEmpty { return dir }
        if let dir = configFileValue("data_dir", env: env) { return dir }
        if Syscalls.exists("/var/lib/newsdrop/journal") { return "/var/lib/newsdrop" }
        return FileManager.default.currentDirectoryPath + "/newsdrop-data/data"
    }

    /// A `key = value` from the config file, if set there.
    static func configFileValue(_ key: String, env: [String: String]) -> String? {
        let path = env["NEWSDROP_CONFIG"] ?? "/etc/newsdrop/newsdrop.conf"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") else { continue }
            if parts[0].trimmingCharacters(in: .whitespaces) == key {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}

/// Loads the extractor from the dictionaries.
enum ExtractorLoading {
    static func load(directories: [String] = []) throws -> any EventExtracting {
        do {
            return try ExtractorFactory.make(configured: directories)
        } catch {
            throw CommandFailure(message: "cannot load the dictionaries: \(error)")
        }
    }
}
