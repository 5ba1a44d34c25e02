import Foundation
import NewsdropCore
import NewsdropExtraction
import Testing

/// The two-stage ingest of the daemon and `newsdrop ingest`: a batch is prepared in the
/// background (`IngestPipeline.startPreparing`) while the one before commits.
@Suite struct TwoStageIngestTests {
    /// Finds nothing, and notes the file name of every text it was asked to extract.
    final class CountingExtractor: EventExtracting {
        let extracted = PthreadMutex<[String]>([])
        func extract(_ article: ArticleText) -> Extraction {
            extracted.withLock { $0.append(article.fileName) }
            return Extraction(published: nil, events: [])
        }
        var names: [String] { extracted.withLock { $0 } }
    }

    @Test func aReDroppedArticleAlreadyInTheJournalIsNotExtractedAndCommitsAsOneDuplicate() throws {
        let dir = TemporaryDirectory()
        let text = "Israeli jets struck near Abu Kamal on Tuesday.\nThe strike hit a depot.\n"
        let first = dir.file("first.txt", text)
        let again = dir.file("again.txt", text)
        let fresh = dir.file("fresh.txt", "A new article.\nWith a body.\n")
        let writer = try JournalWriter(dataDirectory: dir.path + "/data")
        let extractor = CountingExtractor()
        let pipeline = IngestPipeline(writer: writer, extractor: extractor, maintainsEventIndex: false)
        let committed = try pipeline.commit(pipeline.startPreparing([IngestSource(path: first)]).wait(), recogniseCommittedDrops: false)
        guard case .committed(let article) = committed.first else { Issue.record("first.txt not committed"); return }
        #expect(extractor.names == ["first.txt"])

        // Without a view of the journal (the code before), the copy is extracted again.
        let blind = IngestPipeline.prepare([IngestSource(path: again)], reader: pipeline.fileReader, extractor: extractor)
        #expect(blind.skippedExtractions == 0)
        #expect(extractor.names == ["first.txt", "again.txt"])

        let batch = pipeline.startPreparing([IngestSource(path: again), IngestSource(path: fresh)]).wait()
        #expect(batch.skippedExtractions == 1)
        #expect(extractor.names == ["first.txt", "again.txt", "fresh.txt"], "again.txt was extracted a second time")
        let outcomes = try pipeline.commit(batch, recogniseCommittedDrops: false)
        guard case .committed(let duplicate) = outcomes.first, case .committed(let new) = outcomes.last else {
            Issue.record("not committed: \(outcomes)"); return
        }
        #expect(duplicate.disposition == .duplicate)
        #expect(duplicate.firstSeq == article.seq)
        #expect(new.disposition == .article)
        try writer.close()
        let kinds = try Fixture.records(dir.path + "/data").map { record -> String in
            switch record {
            case .article(let a): "article \(a.file)"
            case .duplicate(let d): "duplicate \(d.file)"
            case .rejected(let r): "rejected \(r.file)"
            case .event: "event"
            }
        }
        #expect(kinds == ["article first.txt", "duplicate again.txt", "article fresh.txt"])
    }

    @Test func aTextCommittedWhileItsBatchWasPreparedIsStillOneDuplicate() throws {
        let dir = TemporaryDirectory()
        let text = "Talks resumed in Doha on Monday.\nBoth delegations attended.\n"
        let early = dir.file("early.txt", text)
        let late = dir.file("late.txt", text)
        let writer = try JournalWriter(dataDirectory: dir.path + "/data")
        let extractor = CountingExtractor()
        let pipeline = IngestPipeline(writer: writer, extractor: extractor, maintainsEventIndex: false)
        // Prepared before its twin is committed: extracted (the view cannot know yet) …
        let prepared = pipeline.startPreparing([IngestSource(path: late)]).wait()
        #expect(prepared.skippedExtractions == 0)
        _ = try pipeline.ingest([IngestSource(path: early)])
        // … and the commit, not the preparation, decides: a duplicate, not a second article.
        let outcomes = try pipeline.commit(prepared, recogniseCommittedDrops: false)
        guard case .committed(let unit) = outcomes.first else { Issue.record("not committed"); return }
        #expect(unit.disposition == .duplicate)
        try writer.close()
        #expect(try Fixture.records(dir.path + "/data").map(\.kind) == ["article", "duplicate"])
    }

    @Test func aHashWronglyReportedCommittedIsExtractedAtCommit() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("only.txt", "Shelling reported near Kharkiv.\nNo casualties.\n")
        let writer = try JournalWriter(dataDirectory: dir.path + "/data")
        let extractor = CountingExtractor()
        let pipeline = IngestPipeline(writer: writer, extractor: extractor, maintainsEventIndex: false)
        // A view that is wrong (say, another journal's): the text is skipped at preparation …
        let batch = IngestPipeline.prepare([IngestSource(path: path)], reader: pipeline.fileReader, extractor: extractor) { _ in true }
        #expect(batch.skippedExtractions == 1)
        #expect(extractor.names.isEmpty)
        // … and extracted at commit, since this journal does not hold it: an article with its events.
        let outcomes = try pipeline.commit(batch, recogniseCommittedDrops: false)
        guard case .committed(let unit) = outcomes.first else { Issue.record("not committed"); return }
        #expect(unit.disposition == .article)
        #expect(extractor.names == ["only.txt"])
    }
}
