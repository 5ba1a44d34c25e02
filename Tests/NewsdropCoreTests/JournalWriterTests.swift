import Foundation
import NewsdropCore
import NewsdropExtraction
import Testing

@Suite struct JournalWriterTests {
    @Test func unitsGetGapFreeSeqsAndReadBack() throws {
        let dir = TemporaryDirectory()
        let writer = try JournalWriter(dataDirectory: dir.path)
        let committed = try writer.append([
            Fixture.article("one", file: "a.txt", events: 3), Fixture.rejection("b.txt"),
            Fixture.article("two", file: "c.txt", events: 0),
        ])
        #expect(committed.map(\.seq) == [1, 5, 6])
        #expect(committed.map(\.disposition) == [.article, .rejected, .article])
        let records = try Fixture.records(dir.path)
        #expect(records.map(\.seq) == Array(1...6))
        #expect(records.map(\.kind) == ["article", "event", "event", "event", "rejected", "article"])
        guard case .event(let e) = records[2] else { Issue.record("not an event"); return }
        #expect(e.id == ContentHash(of: Array("one".utf8)).articleID + "-2")
        #expect(e.event == Fixture.event(1))
    }

    @Test func sameBytesUnderAnotherNameIsADuplicateOfTheFirst() throws {
        let dir = TemporaryDirectory()
        do {
            let writer = try JournalWriter(dataDirectory: dir.path)
            _ = try writer.append([Fixture.article("same text", file: "first.txt", events: 2)])
            // Within one batch too.
            let r = try writer.append([Fixture.article("other", file: "x.txt", events: 0), Fixture.article("other", file: "y.txt", events: 1)])
            #expect(r.map(\.disposition) == [.article, .duplicate])
            try writer.close()
        }
        // And after reopening (from the checkpoint).
        let writer = try JournalWriter(dataDirectory: dir.path)
        let r = try writer.append([Fixture.article("same text", file: "second.txt", events: 2)])
        #expect(r[0].disposition == .duplicate)
        #expect(r[0].firstSeq == 1)
        #expect(r[0].articleID == ContentHash(of: Array("same text".utf8)).articleID)
        let records = try Fixture.records(dir.path)
        guard case .duplicate(let d) = records.last else { Issue.record("last line is not a duplicate"); return }
        #expect(d.file == "second.txt")
        #expect(d.firstSeq == 1)
    }

    @Test func aSecondWriterIsRefusedWithTheHoldersPid() throws {
        let dir = TemporaryDirectory()
        let first = try JournalWriter(dataDirectory: dir.path)
        do {
            _ = try JournalWriter(dataDirectory: dir.path)
            Issue.record("a second writer was let in")
        } catch {
            guard case .locked(_, let pid) = error else { Issue.record("wrong error \(error)"); return }
            #expect(pid == getpid())
            #expect(error.description.contains("process \(getpid())"))
        }
        withExtendedLifetime(first) {}
    }

    @Test func segmentsRollOverAndReadersCrossThem() throws {
        let dir = TemporaryDirectory()
        var options = JournalWriter.Options()
        options.segmentBytes = 2000
        let writer = try JournalWriter(dataDirectory: dir.path, options: options)
        for i in 0..<20 { _ = try writer.append([Fixture.article("article \(i)", file: "\(i).txt", events: 2)]) }
        try writer.close()
        let segments = try JournalLayout(dataDirectory: dir.path).segments()
        #expect(segments.count > 3)
        let records = try Fixture.records(dir.path)
        #expect(records.map(\.seq) == Array(1...60))
        var from30: [UInt64] = []
        try JournalReader(dataDirectory: dir.path).forEachRecord(from: 30) { from30.append($0.seq); return true }
        #expect(from30 == Array(30...60))
        let report = try JournalVerifier(dataDirectory: dir.path).verify()
        #expect(report.isWhole, "\(report.problems)")
        #expect(report.articles == 20 && report.events == 40)
    }

    @Test func reopeningUsesTheCheckpointAndReplaysOnlyTheTail() throws {
        let dir = TemporaryDirectory()
        var options = JournalWriter.Options()
        options.checkpointEveryUnits = 50
        options.checkpointOnCloseMinimumUnits = 1_000
        do {
            let writer = try JournalWriter(dataDirectory: dir.path, options: options)
            for i in 0..<120 { _ = try writer.append([Fixture.article("a\(i)", file: "\(i)", events: 0)]) }
            try writer.close()  // 20 units after the last checkpoint: below the close minimum
        }
        let writer = try JournalWriter(dataDirectory: dir.path, options: options)
        #expect(writer.recovery.checkpointUsed)
        #expect(writer.recovery.replayedUnits == 20)
        #expect(writer.articleCount == 120)
        #expect(try writer.append([Fixture.article("a7", file: "again", events: 0)])[0].disposition == .duplicate)
    }

    @Test func aDamagedCheckpointIsRebuiltFromTheJournal() throws {
        let dir = TemporaryDirectory()
        do {
            let writer = try JournalWriter(dataDirectory: dir.path)
            _ = try writer.append([Fixture.article("x", file: "x", events: 0)])
            try writer.close()
        }
        let path = JournalLayout(dataDirectory: dir.path).dedupCheckpoint
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 3] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let writer = try JournalWriter(dataDirectory: dir.path)
        #expect(!writer.recovery.checkpointUsed)
        #expect(try writer.append([Fixture.article("x", file: "y", events: 0)])[0].disposition == .duplicate)
    }

    @Test func committedDropsAreRecognisedByIdentity() throws {
        let dir = TemporaryDirectory()
        let identity = DropIdentity(device: 1, inode: 42, size: 3, modifiedNanoseconds: 99)
        do {
            let writer = try JournalWriter(dataDirectory: dir.path)
            _ = try writer.append([.article(PendingArticle(
                hash: ContentHash(of: [1, 2, 3]), file: "f", title: "t", content: [1, 2, 3], published: nil, events: [],
                drop: identity))])
        }
        let writer = try JournalWriter(dataDirectory: dir.path)
        let unit = writer.committedUnit(for: identity, named: "f")
        #expect(unit?.seq == 1)
        #expect(unit?.disposition == .article)
        #expect(unit?.articleID == ContentHash(of: [1, 2, 3]).articleID)
        var other = identity
        other.modifiedNanoseconds += 1
        #expect(writer.committedUnit(for: other, named: "f") == nil)
    }

    @Test func recentDropsKeepTheirUnitsWithinTheBound() throws {
        let dir = TemporaryDirectory()
        var options = JournalWriter.Options()
        options.recentIdentities = 2
        let writer = try JournalWriter(dataDirectory: dir.path, options: options)
        func identity(_ inode: UInt64) -> DropIdentity { DropIdentity(device: 1, inode: inode, size: 3, modifiedNanoseconds: 7) }
        // An article id with leading zero digits survives the trip through a number.
        var bytes: [UInt8] = [0]
        while !ContentHash(of: bytes).articleID.hasPrefix("0") { bytes[0] += 1 }
        let hash = ContentHash(of: bytes)
        _ = try writer.append([.article(PendingArticle(hash: hash, file: "a", title: "t", content: bytes, published: nil, events: [], drop: identity(1)))])
        _ = try writer.append([.article(PendingArticle(hash: hash, file: "b", title: "t", content: bytes, published: nil, events: [], drop: identity(2)))])
        let duplicate = writer.committedUnit(for: identity(2), named: "b")
        #expect(duplicate?.disposition == .duplicate)
        #expect(duplicate?.articleID == hash.articleID)
        #expect(duplicate?.firstSeq == 1)
        #expect(writer.committedUnit(for: identity(1), named: "a")?.articleID == hash.articleID)
        _ = try writer.append([.rejected(PendingRejection(file: "c", reason: .empty, bytes: 0, hash: nil, drop: identity(3)))])
        // The oldest is forgotten at the bound; the rejection keeps its reason.
        #expect(writer.committedUnit(for: identity(1), named: "a") == nil)
        #expect(writer.committedUnit(for: identity(3), named: "c")?.reason == .empty)
        #expect(writer.recentIdentityCount == 2)
    }
}
