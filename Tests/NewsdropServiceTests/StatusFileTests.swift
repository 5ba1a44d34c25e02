import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsdropService

struct StatusFileTests {
    private func sampleStatus(pid: Int32) -> DaemonStatus {
        DaemonStatus(
            pid: pid, startedAt: Date(timeIntervalSince1970: 1_795_000_000.125),
            updatedAt: Date(timeIntervalSince1970: 1_795_000_060.5), state: .ready,
            dropDirectory: "/srv/in", queueDepth: 3,
            counts: .init(ingested: 12, duplicates: 1, rejected: 2, errors: 1),
            lastIngest: .init(time: Date(timeIntervalSince1970: 1_795_000_050), file: "a.txt", articleID: "3f0c2a1b2c3d4e5f"),
            lastError: .init(time: Date(timeIntervalSince1970: 1_795_000_040), message: "cannot read b.txt"))
    }

    @Test func aWrittenStatusReadsBackWithTheDaemonRunning() async throws {
        try await withTemporaryFolder { folder in
            let status = sampleStatus(pid: getpid())
            try StatusFile.write(status, dataDirectory: folder)
            let report = try #require(try StatusFile.read(dataDirectory: folder))
            #expect(report.status == status)
            #expect(report.isRunning)
            // Only the status file is left: the temporary name was renamed.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["status.json"])
        }
    }

    @Test func theFileIsSnakeCaseJSONWithUTCTimestamps() async throws {
        try await withTemporaryFolder { folder in
            var status = sampleStatus(pid: 42)
            status.lastError = nil
            try StatusFile.write(status, dataDirectory: folder)
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/status.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(Set(object.keys) == [
                "pid", "started_at", "updated_at", "state", "drop_dir", "queue_depth", "counts",
                "last_ingest", "last_error",
            ])
            #expect(object["started_at"] as? String == "2026-11-18T11:06:40.125Z")
            #expect(object["state"] as? String == "ready")
            #expect(object["last_error"] is NSNull)
            let lastIngest = try #require(object["last_ingest"] as? [String: Any])
            #expect(lastIngest["article_id"] as? String == "3f0c2a1b2c3d4e5f")
            #expect(data.last == UInt8(ascii: "\n"))
        }
    }

    @Test func aStatusLeftByAGoneProcessSaysNotRunning() async throws {
        try await withTemporaryFolder { folder in
            let child = try startShell("exit 0")
            child.waitUntilExit()
            try StatusFile.write(sampleStatus(pid: child.processIdentifier), dataDirectory: folder)
            let report = try #require(try StatusFile.read(dataDirectory: folder))
            #expect(!report.isRunning)
        }
    }

    @Test func theSummaryLineFitsSystemdStatus() {
        #expect(sampleStatus(pid: 1).summaryLine == "ready: 12 ingested, 1 duplicates, 2 rejected, 1 errors; queue 3")
    }

    @Test func processProbing() {
        #expect(StatusFile.isProcessAlive(getpid()))
        #expect(StatusFile.isProcessAlive(1))  // init exists; EPERM counts as alive
        #expect(!StatusFile.isProcessAlive(0))
        #expect(!StatusFile.isProcessAlive(-1))
    }

    @Test func noStatusFileMeansNeverStarted() async throws {
        try await withTemporaryFolder { folder in
            let report = try StatusFile.read(dataDirectory: folder)
            #expect(report == nil)
        }
    }

    @Test func aCorruptStatusFileIsAnErrorNamingIt() async throws {
        try await withTemporaryFolder { folder in
            try writeFile(folder + "/status.json", "{\"pid\": ")
            let error = #expect(throws: StatusFileError.self) { try StatusFile.read(dataDirectory: folder) }
            #expect(error?.path == folder + "/status.json")
            #expect(error?.description.contains("rewritten when the daemon starts") == true)
        }
    }

    @Test func writingIntoAMissingFolderNamesItAndTheOperation() async throws {
        try await withTemporaryFolder { folder in
            let error = #expect(throws: SystemCallError.self) {
                try StatusFile.write(sampleStatus(pid: 1), dataDirectory: folder + "/missing")
            }
            #expect(error?.errno == ENOENT)
            #expect(error?.description.contains(folder + "/missing/") == true)
            #expect(error?.description.contains("cannot write status file") == true)
        }
    }
}
