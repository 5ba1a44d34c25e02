import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real executables, next to this test bundle in the build products folder.
enum Binaries {
    static let products: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = (exe as NSString).deletingLastPathComponent
        // The test runner may live inside a .xctest bundle folder.
        while !FileManager.default.fileExists(atPath: dir + "/newsdrop") && dir != "/" {
            dir = (dir as NSString).deletingLastPathComponent
        }
        return dir
    }()
    static var newsdrop: String { products + "/newsdrop" }
    static var newsdropd: String { products + "/newsdropd" }

    /// The repository's root (for seeds/ and dictionaries/).
    static let repository: String = {
        var dir = (#filePath as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: dir + "/Package.swift") && dir != "/" {
            dir = (dir as NSString).deletingLastPathComponent
        }
        return dir
    }()
}

/// The result of running a program to its end.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program with arguments and waits; stdout and stderr are captured through files so a
/// large output never blocks the child.
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> RunResult {
    let dir = TemporaryDirectory()
    let out = dir.path + "/out", err = dir.path + "/err"
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    if let stdin {
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        pipe.fileHandleForWriting.write(Data(stdin.utf8))
        try pipe.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
}

/// Polls `condition` every 20 ms until it holds or `seconds` (times ``testTimeScale``) pass.
func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds * testTimeScale)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}

/// The journal's lines as JSON objects, read straight from the segment files (an independent
/// reader: it does not use the project's code).
func journalObjects(_ dataDirectory: String) throws -> [[String: Any]] {
    let dir = dataDirectory + "/journal"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
    var out: [[String: Any]] = []
    for name in names.filter({ $0.hasSuffix(".jsonl") }).sorted() {
        let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CocoaError(.coderReadCorrupt)
            }
            out.append(object)
        }
    }
    return out
}
