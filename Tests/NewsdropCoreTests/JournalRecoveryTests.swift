import Foundation
import NewsdropCore
import Testing

/// Crash states of the last unit: cut at every byte offset, indexed or not.
@Suite struct JournalRecoveryTests {
    /// Builds a journal of 3 units, the last an article with 3 events; returns the segment's
    /// bytes and the last unit's start.
    private func makeJournal(_ dir: String) throws -> (data: [UInt8], index: [UInt8], lastStart: Int) {
        let writer = try JournalWriter(dataDirectory: dir)
        _ = try writer.append([Fixture.article("first", file: "1", events: 2)])
        _ = try writer.append([Fixture.rejection("2")])
        _ = try writer.append([Fixture.article("last", file: "3", events: 3)])
        try writer.close()
        let layout = JournalLayout(dataDirectory: dir)
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: layout.segmentData(firstSeq: 1))))
        let index = try [UInt8](Data(contentsOf: URL(fileURLWithPath: layout.segmentIndex(firstSeq: 1))))
        let records = try Fixture.records(dir)
        #expect(records.count == 8)
        // The last unit starts after the rejection line.
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        let lastStart = lines.prefix(4).reduce(0) { $0 + $1.count + 1 }
        return (data, index, lastStart)
    }

    @Test func aCutAtEveryByteOfTheLastUnitLeavesTheUnitsBeforeItAndSeqContinues() throws {
        let source = TemporaryDirectory()
        let (data, index, lastStart) = try makeJournal(source.path)
        let indexWithoutLast = Array(index.prefix(16 + 2 * 32))
        for cut in lastStart..<data.count {
            let dir = TemporaryDirectory()
            let layout = JournalLayout(dataDirectory: dir.path)
            try FileManager.default.createDirectory(atPath: layout.journalDirectory, withIntermediateDirectories: true)
            try Data(data.prefix(cut)).write(to: URL(fileURLWithPath: layout.segmentData(firstSeq: 1)))
            try Data(indexWithoutLast).write(to: URL(fileURLWithPath: layout.segmentIndex(firstSeq: 1)))
            try FileManager.default.copyItem(atPath: source.path + "/archive", toPath: layout.archiveDirectory)
            // A reader before recovery sees only the committed units.
            #expect(try Fixture.records(dir.path).map(\.seq) == [1, 2, 3, 4], "cut at \(cut)")
            let writer = try JournalWriter(dataDirectory: dir.path)
            #expect(writer.nextSeq == 5, "cut at \(cut)")
            #expect(writer.recovery.truncatedBytes == Int64(cut - lastStart))
            let r = try writer.append([Fixture.rejection("after")])
            #expect(r[0].seq == 5)
            try writer.close()
            #expect(try Fixture.records(dir.path).map(\.seq) == [1, 2, 3, 4, 5], "cut at \(cut)")
            #expect(try JournalVerifier(dataDirectory: dir.path).verify().problems.isEmpty, "cut at \(cut)")
        }
    }

    @Test func aCompleteUnitWhoseIndexEntryWasLostIsKept() throws {
        let source = TemporaryDirectory()
        let (data, index, _) = try makeJournal(source.path)
        // Lines synced, commit mark lost (crash before the index write), and a torn half entry.
        for indexLength in [16 + 2 * 32, 16 + 2 * 32 + 13] {
            let dir = TemporaryDirectory()
            let layout = JournalLayout(dataDirectory: dir.path)
            try FileManager.default.createDirectory(atPath: layout.journalDirectory, withIntermediateDirectories: true)
            try Data(data).write(to: URL(fileURLWithPath: layout.segmentData(firstSeq: 1)))
            try Data(index.prefix(indexLength)).write(to: URL(fileURLWithPath: layout.segmentIndex(firstSeq: 1)))
            let writer = try JournalWriter(dataDirectory: dir.path)
            #expect(writer.recovery.reindexedUnits == 1)
            #expect(writer.nextSeq == 9)
            #expect(try Fixture.records(dir.path).count == 8)
        }
    }

    @Test func aDamagedCommittedUnitStopsTheWriterInsteadOfBeingCut() throws {
        let dir = TemporaryDirectory()
        let (data, _, lastStart) = try makeJournal(dir.path)
        let path = JournalLayout(dataDirectory: dir.path).segmentData(firstSeq: 1)
        var damaged = data
        damaged[lastStart + 20] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        do {
            _ = try JournalWriter(dataDirectory: dir.path)
            Issue.record("opened a journal whose last committed unit is damaged")
        } catch {
            guard case .damaged(_, let offset, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(offset == Int64(lastStart))
        }
        // Nothing was cut.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == data.count)
    }

    @Test func verifyFindsAnOverwrittenByteAndItsOffset() throws {
        let dir = TemporaryDirectory()
        let (data, _, _) = try makeJournal(dir.path)
        #expect(try JournalVerifier(dataDirectory: dir.path).verify().isWhole)
        let path = JournalLayout(dataDirectory: dir.path).segmentData(firstSeq: 1)
        var damaged = data
        let target = 40  // inside the first unit
        damaged[target] = damaged[target] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        let report = try JournalVerifier(dataDirectory: dir.path).verify()
        #expect(!report.isWhole)
        #expect(report.problems.first?.offset == 0)
        #expect(report.problems.first?.detail.contains("checksum") == true)
    }
}
