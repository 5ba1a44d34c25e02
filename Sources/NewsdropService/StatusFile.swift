import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's status file, `<data_dir>/status.json`, read by `newsdrop status`.
///
/// The daemon rewrites it whenever its state or counts change (write to a temporary name in
/// the same folder, then rename: a reader never sees half a file; no `fsync`, it is rebuilt
/// on start). Readers learn whether the daemon still runs by probing its pid.
///
/// ```swift
/// try StatusFile.write(status, dataDirectory: configuration.dataDirectory)
/// if let report = try StatusFile.read(dataDirectory: dataDir) {
///     print(report.isRunning ? "running, pid \(report.status.pid)" : "not running")
/// }
/// ```
public enum StatusFile: Sendable {
    /// The file name inside the data folder.
    public static let fileName = "status.json"

    /// What ``read(dataDirectory:)`` found.
    public struct Report: Sendable, Equatable {
        /// The status as last written.
        public var status: DaemonStatus
        /// Whether a process with the recorded pid exists (`kill(pid, 0)` succeeds or fails
        /// with `EPERM`). If it does not, the daemon is not running, whatever `state` says.
        public var isRunning: Bool
    }

    /// The status file's path for a data folder.
    ///
    /// - Parameter dataDirectory: The data folder.
    public static func path(dataDirectory: String) -> String {
        (dataDirectory.hasSuffix("/") ? dataDirectory : dataDirectory + "/") + fileName
    }

    /// Replaces the status file atomically.
    ///
    /// The corresponding C functions are `open`, `write` and `rename`.
    ///
    /// - Parameters:
    ///   - status: The status to write.
    ///   - dataDirectory: The data folder; it must exist.
    /// - Throws: ``SystemCallError`` naming the file when it cannot be written.
    public static func write(_ status: DaemonStatus, dataDirectory: String) throws(SystemCallError) {
        let target = path(dataDirectory: dataDirectory)
        let temporary = (dataDirectory.hasSuffix("/") ? dataDirectory : dataDirectory + "/")
            + ".\(fileName).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let data: Data
        do {
            data = try encoder().encode(status) + Data("\n".utf8)
        } catch {
            // Encoding plain strings, numbers and dates does not fail; report it all the same.
            throw SystemCallError(
                operation: "cannot encode daemon status for", function: "JSONEncoder.encode", path: target,
                errno: EINVAL, advice: "\(error)")
        }
        let descriptor = retryingOnInterrupt { open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else {
            throw SystemCallError(
                operation: "cannot write status file", function: "open", path: temporary, errno: errno,
                advice: "check that the data folder exists and the service user may write it; `newsdrop status` shows stale data meanwhile")
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = retryingOnInterrupt { Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset) }
                if written < 0 {
                    failure = errno
                    return
                }
                offset += written
            }
        }
        close(descriptor)
        if failure != 0 {
            unlink(temporary)
            throw SystemCallError(
                operation: "cannot write status file", function: "write", path: temporary, errno: failure,
                advice: "free space in the data folder; `newsdrop status` shows stale data meanwhile")
        }
        if retryingOnInterrupt({ rename(temporary, target) }) != 0 {
            let error = errno
            unlink(temporary)
            throw SystemCallError(
                operation: "cannot replace status file", function: "rename", path: target, errno: error,
                advice: "check the data folder's permissions")
        }
    }

    /// Reads the status file and probes the recorded pid.
    ///
    /// - Parameter dataDirectory: The data folder.
    /// - Returns: The report, or `nil` when there is no status file (the daemon never ran
    ///   with this data folder).
    /// - Throws: ``StatusFileError`` when the file cannot be read or decoded.
    public static func read(dataDirectory: String) throws(StatusFileError) -> Report? {
        let file = path(dataDirectory: dataDirectory)
        let text: String?
        do {
            text = try readTextFile(file)
        } catch {
            throw StatusFileError(path: file, reason: error.description)
        }
        guard let text else { return nil }
        let status: DaemonStatus
        do {
            status = try decoder().decode(DaemonStatus.self, from: Data(text.utf8))
        } catch {
            throw StatusFileError(
                path: file,
                reason: "not a valid status file (\(error)); it is rewritten when the daemon starts")
        }
        return Report(status: status, isRunning: isProcessAlive(status.pid))
    }

    /// Whether a process exists: `kill(pid, 0)` succeeds, or fails with `EPERM` (it exists but
    /// belongs to another user).
    ///
    /// The corresponding C function is `kill`.
    ///
    /// - Parameter pid: A process id; 0 and negative ids (process groups) are never alive.
    public static func isProcessAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// The encoder: snake-case keys come from ``DaemonStatus``'s coding keys; dates are
    /// ISO 8601 UTC with milliseconds, like the journal's `ingested_at`.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestampFormatter().string(from: date))
        }
        return encoder
    }

    /// The decoder matching ``encoder()``; also accepts timestamps without fractional seconds.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = timestampFormatter().date(from: text) { return date }
            let plain = ISO8601DateFormatter()
            if let date = plain.date(from: text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO 8601 timestamp, found '\(text)'")
        }
        return decoder
    }

    private static func timestampFormatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
