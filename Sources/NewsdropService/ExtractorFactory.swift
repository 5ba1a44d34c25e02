public import NewsdropExtraction
import Foundation

/// Builds the extractor both executables use, from the dictionary folders: the configured ones
/// (`dictionaries_dirs`, `--dictionaries-dirs`), or else the installed ones found from the
/// executable's own path plus the local override folder (`DictionaryLocation`).
public enum ExtractorFactory: Sendable {
    /// The folders that will be loaded, in order.
    public static func directories(configured: [String]) -> [String] {
        if !configured.isEmpty { return configured }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        return DictionaryLocation.defaultDirectories(
            executablePath: executable, environment: ProcessInfo.processInfo.environment)
    }

    /// Loads and compiles the dictionaries; throws a `DictionaryError` naming file and line.
    public static func make(configured: [String] = []) throws -> any EventExtracting {
        try DictionaryEventExtractor(directories: directories(configured: configured))
    }
}
