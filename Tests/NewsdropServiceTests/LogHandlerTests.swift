import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsdropService

struct StderrLogHandlerTests {
    @Test func aLineHasIdentifierLevelMessageAndSortedMetadata() {
        let line = StderrLogHandler.format(
            identifier: "newsdropd", level: .info, message: "ingested 000.txt",
            metadata: ["seq": "17", "article_id": "3f0c2a", "file": "000.txt"])
        #expect(line == "newsdropd: info: ingested 000.txt (article_id=3f0c2a file=000.txt seq=17)\n")
    }

    @Test func valuesWithSpacesAreQuotedAndLineBreaksEscaped() {
        let line = StderrLogHandler.format(
            identifier: "newsdropd", level: .warning, message: "two\nlines",
            metadata: ["file": "my article.txt", "reason": "say \"hi\""])
        #expect(line == "newsdropd: warning: two\\nlines (file=\"my article.txt\" reason=\"say \\\"hi\\\"\")\n")
    }

    @Test func messageIDIsLeftToTheJournal() {
        let line = StderrLogHandler.format(
            identifier: "newsdropd", level: .error, message: "boom",
            metadata: [JournalMessageID.metadataKey: JournalMessageID.error.metadataValue])
        #expect(line == "newsdropd: error: boom\n")
    }

    @Test func loggerWritesOneLinePerMessageAndFiltersByLevel() throws {
        // A close-on-exec socket pair rather than a pipe: other tests spawn children meanwhile,
        // and one that inherited the write end would keep the read below waiting.
        var pipeDescriptors: [Int32] = [0, 0]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        try #require(socketpair(AF_UNIX, type, 0, &pipeDescriptors) == 0)
        defer { close(pipeDescriptors[0]) }
        var logger = Logger(label: "test") { _ in
            StderrLogHandler(logLevel: .info, fileDescriptor: pipeDescriptors[1])
        }
        logger[metadataKey: "drop_dir"] = "/srv/in"
        logger.debug("hidden")
        logger.info("watching", metadata: ["events": "3"])
        close(pipeDescriptors[1])
        var buffer = [UInt8](repeating: 0, count: 1024)
        var output: [UInt8] = []
        while case let count = read(pipeDescriptors[0], &buffer, buffer.count), count > 0 {
            output += buffer[0..<count]
        }
        #expect(String(decoding: output, as: UTF8.self) == "newsdropd: info: watching (drop_dir=/srv/in events=3)\n")
    }
}

struct JournalLogHandlerTests {
    @Test(arguments: [
        ("article_id", "ARTICLE_ID"),
        ("file.name", "FILE_NAME"),
        ("_secret", "SECRET"),
        ("__x-y", "X_Y"),
        ("9lives", "F9LIVES"),
        ("message", "META_MESSAGE"),
        ("priority", "META_PRIORITY"),
        ("", "FIELD"),
        ("___", "FIELD"),
        ("café", "CAF__"),
    ])
    func metadataKeysBecomeValidFieldNames(key: String, expected: String) {
        let name = JournalFieldName.sanitize(key)
        #expect(name == expected)
        #expect(JournalFieldName.isValid(name))
    }

    @Test func longKeysAreCutToTheJournalLimit() {
        let name = JournalFieldName.sanitize(String(repeating: "k", count: 100))
        #expect(name.utf8.count == 64)
        #expect(JournalFieldName.isValid(name))
    }

    @Test func invalidNamesAreRecognised() {
        #expect(!JournalFieldName.isValid("_PID"))
        #expect(!JournalFieldName.isValid("lower"))
        #expect(!JournalFieldName.isValid("1ABC"))
        #expect(!JournalFieldName.isValid(""))
        #expect(JournalFieldName.isValid("MESSAGE_ID"))
    }

    @Test func anEntryCarriesMessagePrioritySyslogIdentifierAndMetadataFields() {
        let fields = SystemdJournalLogHandler.fields(
            identifier: "newsdropd", level: .error, message: "cannot read x",
            metadata: [
                JournalMessageID.metadataKey: JournalMessageID.error.metadataValue,
                "article_id": "3f0c2a", "file": "x.txt", "events": "6", "seq": "42",
            ])
        let byName = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(byName.count == fields.count, "no field twice")
        #expect(byName["MESSAGE"] == "cannot read x")
        #expect(byName["PRIORITY"] == "3")
        #expect(byName["SYSLOG_IDENTIFIER"] == "newsdropd")
        #expect(byName["MESSAGE_ID"] == "cd4ab40affd04ce480626605994c082c")
        #expect(byName["ARTICLE_ID"] == "3f0c2a")
        #expect(byName["FILE"] == "x.txt")
        #expect(byName["EVENTS"] == "6")
        #expect(byName["SEQ"] == "42")
        #expect(fields.allSatisfy { JournalFieldName.isValid($0.name) })
    }

    @Test func levelsMapToSyslogPriorities() {
        let priorities = Logger.Level.allCases.map(\.syslogPriority)
        #expect(priorities == [7, 7, 6, 5, 4, 3, 2])
    }

    /// There is no journald in this test environment, so the entry cannot be read back; what
    /// can be checked is that `sd_journal_sendv` takes the `iovec`s and returns its documented
    /// result: 0 (also when journald's socket is missing: libsystemd then drops the entry), and
    /// `-EINVAL` for a field without a name, which it validates before sending.
    @Test func sendingReturnsZeroOrTheDocumentedError() {
        let result = SystemdJournalLogHandler.send([
            ("MESSAGE", "newsdrop test entry\nwith a second line"), ("PRIORITY", "7"),
            ("SYSLOG_IDENTIFIER", "newsdrop-tests"), ("ARTICLE_ID", "3f0c2a"),
        ])
        #expect(result == 0)
        #expect(SystemdJournalLogHandler.send([("MESSAGE", "x"), ("", "nameless")]) == -EINVAL)
    }

    @Test func loggingThroughTheJournalHandlerDoesNotCrash() {
        let logger = Logger(label: "test") { _ in SystemdJournalLogHandler(identifier: "newsdrop-tests") }
        logger.info("entry", metadata: ["file": "a.txt", "weird key!": "x"])
    }

    @Test func messageIDsAre32LowercaseHexDigitsAndDistinct() {
        let ids = JournalMessageID.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.utf8.count == 32)
            #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }
}

struct LogDestinationTests {
    @Test func journalWhenSystemdVariablesAreSet() {
        #expect(LogDestination.detect(environment: ["JOURNAL_STREAM": "8:12345"]) == .journal)
        #expect(LogDestination.detect(environment: ["INVOCATION_ID": "0123abcd"]) == .journal)
    }

    @Test func stderrWhenRunByHand() {
        #expect(LogDestination.detect(environment: ["HOME": "/home/ana", "TERM": "xterm"]) == .stderr)
        #expect(LogDestination.detect(environment: ["INVOCATION_ID": ""]) == .stderr)
    }

    @Test func theFactoryMakesTheMatchingHandlerWithTheLevel() async throws {
        try await withTemporaryFolder { folder in
            let socket = folder + "/journal.socket"
            try writeFile(socket, "")
            let journal = LogDestination.makeLogHandler(
                label: "x", environment: ["INVOCATION_ID": "1"], logLevel: .debug, journalSocket: socket)
            #expect(journal is SystemdJournalLogHandler)
            #expect(journal.logLevel == .debug)
            let stderr = LogDestination.makeLogHandler(label: "x", environment: [:], journalSocket: socket)
            #expect(stderr is StderrLogHandler)
            #expect(stderr.logLevel == .info)
        }
    }

    @Test func withoutJournaldTheFactoryFallsBackToStderr() async throws {
        try await withTemporaryFolder { folder in
            let handler = LogDestination.makeLogHandler(
                label: "x", environment: ["JOURNAL_STREAM": "8:1"], journalSocket: folder + "/missing")
            #expect(handler is StderrLogHandler)
        }
    }
}
