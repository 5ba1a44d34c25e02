import Foundation
public import NewsdropExtraction

/// A file to ingest: where it is and the name its record gets.
public struct IngestSource: Sendable, Hashable {
    /// The path to read.
    public var path: String
    /// The file name for the journal (no folders).
    public var name: String

    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? Syscalls.baseName(of: path)
    }
}

/// What became of one source.
public enum IngestOutcome: Sendable, Hashable {
    /// Committed now as an article, a duplicate or a rejection.
    case committed(CommittedUnit)
    /// This very drop (same device, inode, size, mtime) was committed before the process
    /// stopped; only its removal from the drop folder is left.
    case alreadyCommitted(CommittedUnit)
    /// The file disappeared before it could be read: nothing to record.
    case vanished
}

/// Intake → extraction → journal for a batch of files. The batch is one group commit.
///
/// Reading, hashing and decoding run on all cores; duplicates are found before extraction so
/// their text is never extracted; the unique articles are extracted on all cores; the writer
/// commits everything with one sync.
public final class IngestPipeline {
    public let writer: JournalWriter
    public var extractor: any EventExtracting
    public var fileReader: DroppedFileReader
    /// Keeps the event indexes current after each commit, in the background (`nil`: leave
    /// them to queries).
    private let eventIndex: BackgroundEventIndexUpdater?

    public init(
        writer: JournalWriter, extractor: any EventExtracting, fileReader: DroppedFileReader = DroppedFileReader(),
        maintainsEventIndex: Bool = true
    ) {
        self.writer = writer
        self.extractor = extractor
        self.fileReader = fileReader
        eventIndex = maintainsEventIndex ? BackgroundEventIndexUpdater(dataDirectory: writer.layout.dataDirectory) : nil
        writer.recordsCommits = maintainsEventIndex
    }

    deinit { eventIndex?.finish() }

    /// Brings the event index up to the last commit and writes it out (also done when the
    /// pipeline is released). Call before exiting without releasing it.
    public func finishEventIndex() {
        eventIndex?.finish()
    }

    /// The sources of the last ``commit(_:recogniseCommittedDrops:)`` call that were not read
    /// because of a transient failure (only with ``DroppedFileReader/defersTransientErrors``):
    /// their outcome is ``IngestOutcome/vanished``, but the file is still there and should be
    /// tried again later.
    public private(set) var deferred: [(source: IngestSource, error: SystemError)] = []

    /// A batch read and extracted by ``prepare(_:reader:extractor:isCommitted:)``, to be
    /// committed by ``commit(_:recogniseCommittedDrops:)``.
    public struct PreparedBatch: Sendable {
        /// The files, in order.
        public let sources: [IngestSource]
        fileprivate let prepared: [Prepared]
        /// Extractions by position in `sources` (first occurrences of new texts only).
        fileprivate let extractions: [Int: Extraction]
        /// Positions whose text was not extracted because its hash was already committed.
        fileprivate let knownCommitted: Set<Int>

        /// How many texts were not extracted because the journal already held them (they
        /// commit as `duplicate` lines).
        public var skippedExtractions: Int { knownCommitted.count }
    }

    fileprivate enum Prepared: Sendable {
        case vanished
        case deferred(SystemError)
        case rejected(PendingRejection)
        case text(hash: ContentHash, content: [UInt8], text: String, title: String, drop: DropIdentity)

        /// The file was found and read (or judged) at preparation.
        var wasRead: Bool {
            switch self {
            case .vanished, .deferred: false
            case .rejected, .text: true
            }
        }
    }

    /// Ingests `sources` as one batch, in one stage: ``prepare(_:reader:extractor:isCommitted:)``
    /// then ``commit(_:recogniseCommittedDrops:)``. Texts already committed are found before
    /// extraction and not extracted again.
    public func ingest(_ sources: [IngestSource]) throws(JournalError) -> [IngestOutcome] {
        let committed = writer.committedHashes
        let batch = Self.prepare(sources, reader: fileReader, extractor: extractor, isCommitted: committed.contains)
        return try commit(batch, recogniseCommittedDrops: false)
    }

    /// Starts reading, hashing and extracting `sources` in the background (``prepare(_:reader:extractor:isCommitted:)``
    /// on a global queue) while this pipeline's owner commits the batch before: the first stage
    /// of the daemon and of `newsdrop ingest`.
    ///
    /// Texts whose hash the journal already holds (``JournalWriter/committedHashes``, read under
    /// its lock) are not extracted: a re-dropped article costs a read and a hash, not an
    /// extraction. ``commit(_:recogniseCommittedDrops:)`` still decides what is a duplicate.
    ///
    /// - Parameter sources: The files of the batch, in order.
    /// - Returns: The work; `wait()` on it gives the batch to commit.
    public func startPreparing(_ sources: [IngestSource]) -> BackgroundWork<PreparedBatch> {
        let reader = fileReader, extractor = self.extractor, committed = writer.committedHashes
        return BackgroundWork { Self.prepare(sources, reader: reader, extractor: extractor, isCommitted: committed.contains) }
    }

    /// Reads, hashes, decodes and extracts a batch on all cores, writing no journal state: the
    /// daemon prepares the next batch with this while the previous one commits
    /// (``startPreparing(_:)``).
    ///
    /// - Parameters:
    ///   - isCommitted: whether an article with this hash is known to be committed already (its
    ///     text is then not extracted); `nil` to extract every first occurrence in the batch.
    ///     It may be called from any thread and need not be exact: a hash it misses is
    ///     extracted needlessly, and a hash it reports is extracted at commit if the journal
    ///     turns out not to hold it after all.
    public static func prepare(
        _ sources: [IngestSource], reader: DroppedFileReader, extractor: any EventExtracting,
        isCommitted: ((ContentHash) -> Bool)? = nil
    ) -> PreparedBatch {
        let prepared: [Prepared] = sources.parallelMap { source in Self.prepare(source, reader: reader) }
        // Find duplicates (in the batch and in the journal) before extracting.
        var seen = Set<ContentHash>()
        var toExtract: [Int] = []
        var knownCommitted = Set<Int>()
        for (k, p) in prepared.enumerated() {
            if case .text(let hash, _, _, _, _) = p {
                if isCommitted?(hash) ?? false {
                    knownCommitted.insert(k)
                } else if seen.insert(hash).inserted {
                    toExtract.append(k)
                }
            }
        }
        let extracted: [Extraction] = toExtract.map { k -> ArticleText in
            guard case .text(let hash, _, let text, _, _) = prepared[k] else { fatalError("unreachable") }
            return ArticleText(id: hash.articleID, text: text, fileName: sources[k].name)
        }.parallelMap { extractor.extract($0) }
        var extractions: [Int: Extraction] = [:]
        for (n, k) in toExtract.enumerated() { extractions[k] = extracted[n] }
        return PreparedBatch(sources: sources, prepared: prepared, extractions: extractions, knownCommitted: knownCommitted)
    }

    /// Commits a prepared batch as one group commit; returns one outcome per source, in order.
    /// With `recogniseCommittedDrops`, a file whose identity matches a recently committed drop
    /// is ``IngestOutcome/alreadyCommitted(_:)`` and not written again (the daemon's
    /// exactly-once removal after a crash, and a file that was still in the drop folder when
    /// its next batch was prepared). Duplicates are decided here, by the writer, whatever
    /// `prepare` extracted.
    public func commit(_ batch: PreparedBatch, recogniseCommittedDrops: Bool) throws(JournalError) -> [IngestOutcome] {
        deferred = []
        let sources = batch.sources
        var outcomes = [IngestOutcome?](repeating: nil, count: sources.count)
        var units: [PendingUnit] = []
        var unitSource: [Int] = []
        for (i, p) in batch.prepared.enumerated() {
            if recogniseCommittedDrops {
                let identity = DroppedFileReader.currentIdentity(of: sources[i].path)
                if let identity, let unit = writer.committedUnit(for: identity, named: sources[i].name) {
                    outcomes[i] = .alreadyCommitted(unit)
                    continue
                }
                // Gone since it was read (its dropper deleted it): nothing to record. This also
                // keeps a batch prepared while the previous one committed from recording again a
                // file that batch committed and removed.
                if identity == nil, p.wasRead {
                    outcomes[i] = .vanished
                    continue
                }
            }
            switch p {
            case .vanished:
                outcomes[i] = .vanished
            case .deferred(let error):
                outcomes[i] = .vanished
                deferred.append((sources[i], error))
            case .rejected(var r):
                r.file = sources[i].name
                units.append(.rejected(r))
                unitSource.append(i)
            case .text(let hash, let content, let text, let title, let drop):
                var extraction = batch.extractions[i]
                if extraction == nil, batch.knownCommitted.contains(i), writer.articleSeq(for: hash) == nil,
                    !units.contains(where: { if case .article(let a) = $0 { a.hash == hash } else { false } })
                {
                    // Reported committed at preparation but not in this writer's journal (a
                    // view of another writer): extract now rather than commit an article
                    // without its events.
                    extraction = extractor.extract(ArticleText(id: hash.articleID, text: text, fileName: sources[i].name))
                }
                units.append(.article(PendingArticle(
                    hash: hash, file: sources[i].name, title: title, content: content,
                    published: extraction?.published, events: extraction?.events ?? [], drop: drop)))
                unitSource.append(i)
            }
        }
        let committed = try writer.append(units)
        for (n, unit) in committed.enumerated() { outcomes[unitSource[n]] = .committed(unit) }
        // A cache, kept in the background: a failure or a lag leaves queries to read the new
        // units themselves.
        eventIndex?.committed(writer.takeLastCommit())
        return outcomes.map { $0 ?? .vanished }
    }

    fileprivate static func prepare(_ source: IngestSource, reader: DroppedFileReader) -> Prepared {
        let result: DroppedFileReadResult
        do {
            result = try reader.read(source.path)
        } catch {
            return error.errno == ENOENT ? .vanished : .deferred(error)
        }
        switch result {
        case .rejected(let reason, let identity):
            return .rejected(PendingRejection(file: source.name, reason: reason, bytes: identity.map { Int($0.size) }, hash: nil, drop: identity))
        case .file(let file):
            let hash = ContentHash(of: file.bytes)
            switch ArticleTextDecoder.decode(file.bytes) {
            case .failure(let reason):
                return .rejected(PendingRejection(file: source.name, reason: reason, bytes: file.bytes.count, hash: hash, drop: file.identity))
            case .success(let text):
                return .text(hash: hash, content: file.bytes, text: text, title: Self.title(of: text), drop: file.identity)
            }
        }
    }

    /// The first non-empty line, trimmed, at most 300 characters.
    public static func title(of text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            var start = 0
            while start < utf8.count {
                var end = start
                while end < utf8.count && utf8[end] != 0x0A && utf8[end] != 0x0D { end += 1 }
                let line = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { return String(trimmed.prefix(300)) }
                start = end + 1
            }
            return ""
        }
    }
}

/// Owned by one task or thread at a time, like its writer.
@available(*, unavailable)
extension IngestPipeline: Sendable {}
