#if canImport(Glibc)
import Glibc
#endif
import NewsdropExtraction

/// The one writer of a data folder: appends units durably, keeps the dedup index, the archive
/// and the recent drop identities. Not thread-safe: one task or thread owns it.
///
/// A batch of units is one group commit: the archive entries are written and synced, the
/// units' lines are written to the segment and synced (`fdatasync`), and only then are their
/// index entries written — the commit marks readers go by. See docs/store-format.md.
public final class JournalWriter {
    /// Tunables; the defaults suit production.
    public struct Options: Sendable {
        /// A segment is closed once it reaches this size (the next batch starts a new one).
        public var segmentBytes: Int64 = 64 << 20
        /// A dedup checkpoint is written after this many new units (and on close).
        public var checkpointEveryUnits: Int = 100_000
        /// At close, a checkpoint is written only if at least this many units came since the
        /// last one (small CLI runs need not rewrite a large table).
        public var checkpointOnCloseMinimumUnits: Int = 1
        /// How many recent units' drop identities are remembered (and loaded at open): enough
        /// for the units a crash can leave committed but not removed (a batch or two of 256).
        /// The daemon keeps the few files whose removal keeps failing itself, so the table need
        /// not grow with a burst (65,536 whole `CommittedUnit`s took 17.8 MB in a 100,000-file
        /// burst).
        public var recentIdentities: Int = 4096

        public init() {}
    }

    public let layout: JournalLayout
    public let options: Options
    private let lock: DataDirectoryLock
    private let archive: ArticleArchive
    /// The dedup index, behind a lock so a batch prepared on another thread can consult it.
    public let committedHashes: CommittedHashes
    private var unitsSinceCheckpoint = 0

    private var segmentFirstSeq: UInt64
    private var dataFD: Int32 = -1
    private var indexFD: Int32 = -1
    private var dataEnd: Int64 = 0
    private var indexEnd: Int64 = 0
    private var indexDirty = false
    /// Commit marks of durable units whose write to the `.idx` failed: written before the next
    /// batch's (an entry must follow the one before it, or the next open refuses the chain).
    private var unwrittenIndexEntries: [UInt8] = []
    /// A failed batch may have left bytes after `dataEnd` that a failed `ftruncate` could not
    /// remove; they are cut before the next batch is written (a shorter next batch must not
    /// leave old, complete-looking units behind it).
    private var dataTailUnclean = false
    /// The seq the next line gets.
    public private(set) var nextSeq: UInt64

    /// The recent drops' units, by identity, without their strings (see ``RecentUnit``): about
    /// 0.4 MB at the bound of 4,096 (whole `CommittedUnit`s took ~270 bytes an entry).
    private var recent: [DropIdentity: RecentUnit] = [:]
    /// The reasons of the rejected units in `recent`, by seq (the one string kept).
    private var recentReasons: [UInt64: RejectionReason] = [:]
    private var recentOrder: [DropIdentity] = []
    private var recentHead = 0

    /// What opening found and did, for the log.
    public private(set) var recovery: RecoveryReport

    /// Whether ``append(_:)`` keeps a ``JournalCommit`` of what it wrote (for ``takeLastCommit()``).
    var recordsCommits = false
    private var lastCommit: JournalCommit?

    /// The units the last ``append(_:)`` committed, once; `nil` when commits are not recorded,
    /// after a failed or empty append, or when the commit marks could not be written.
    func takeLastCommit() -> JournalCommit? {
        defer { lastCommit = nil }
        return lastCommit
    }

    /// What ``JournalWriter/init(dataDirectory:options:)`` found.
    public struct RecoveryReport: Sendable {
        /// Bytes of a torn tail cut from the last segment.
        public var truncatedBytes: Int64 = 0
        /// Complete units found after the last index entry and indexed.
        public var reindexedUnits: Int = 0
        /// Units replayed into the dedup index after its checkpoint.
        public var replayedUnits: Int = 0
        /// Whether a usable checkpoint was found.
        public var checkpointUsed = false
    }

    /// Opens (creating if needed) the data folder for writing: takes the lock, recovers the
    /// last segment's torn tail, loads the dedup index from its checkpoint and replays the rest.
    public init(dataDirectory: String, options: Options = Options()) throws(JournalError) {
        layout = JournalLayout(dataDirectory: dataDirectory)
        self.options = options
        do {
            try Syscalls.makeDirectories(layout.journalDirectory)
            try Syscalls.makeDirectories(layout.indexDirectory)
        } catch { throw .system(error) }
        lock = try DataDirectoryLock(path: layout.lockFile)
        do {
            archive = try ArticleArchive(layout: layout)
        } catch { throw .system(error) }
        recovery = RecoveryReport()
        segmentFirstSeq = 1
        nextSeq = 1
        committedHashes = CommittedHashes(DedupIndex())
        do {
            let segments = try layout.segments()
            if let last = segments.last {
                try openSegment(last)
                try recoverTail()
            } else {
                try createSegment(firstSeq: 1)
            }
        } catch let error as JournalError {
            closeFiles()
            throw error
        } catch let error as SystemError {
            closeFiles()
            throw .system(error)
        } catch {
            closeFiles()
            throw .system(SystemError("open journal", path: layout.journalDirectory, errno: EIO))
        }
        do {
            try loadDedupIndex()
            try loadRecentIdentities()
        } catch let error as JournalError {
            closeFiles()
            throw error
        } catch {
            closeFiles()
            throw .damaged(file: layout.journalDirectory, offset: 0, detail: "\(error)")
        }
    }

    deinit { closeFiles() }

    private func closeFiles() {
        if dataFD >= 0 { Syscalls.close(dataFD); dataFD = -1 }
        if indexFD >= 0 { Syscalls.close(indexFD); indexFD = -1 }
    }

    // MARK: Segments

    /// Creates segment `firstSeq` and switches to it. On failure the current segment stays in
    /// use and the new files are removed (a stray empty segment would break the seq chain).
    private func createSegment(firstSeq: UInt64) throws(SystemError) {
        let dataPath = layout.segmentData(firstSeq: firstSeq)
        let indexPath = layout.segmentIndex(firstSeq: firstSeq)
        let newData = try Syscalls.open(dataPath, O_RDWR | O_CREAT, mode: 0o644)
        var newIndex: Int32 = -1
        do {
            newIndex = try Syscalls.open(indexPath, O_RDWR | O_CREAT | O_TRUNC, mode: 0o644)
            let header = SegmentIndexFile.header(firstSeq: firstSeq)
            try Syscalls.pwriteAll(newIndex, header, at: 0, path: indexPath)
            try Syscalls.fdatasync(newIndex, path: indexPath)
            try Syscalls.fsyncDirectory(layout.journalDirectory)
        } catch {
            if newIndex >= 0 { Syscalls.close(newIndex) }
            Syscalls.close(newData)
            _ = unlink(indexPath)
            _ = unlink(dataPath)
            throw error
        }
        closeFiles()
        dataFD = newData
        indexFD = newIndex
        segmentFirstSeq = firstSeq
        nextSeq = firstSeq
        dataEnd = 0
        indexEnd = Int64(SegmentIndexFile.headerSize)
    }

    private func openSegment(_ firstSeq: UInt64) throws(SystemError) {
        dataFD = try Syscalls.open(layout.segmentData(firstSeq: firstSeq), O_RDWR)
        let indexPath = layout.segmentIndex(firstSeq: firstSeq)
        if !Syscalls.exists(indexPath) {
            indexFD = try Syscalls.open(indexPath, O_RDWR | O_CREAT, mode: 0o644)
            let header = SegmentIndexFile.header(firstSeq: firstSeq)
            try Syscalls.pwriteAll(indexFD, header, at: 0, path: indexPath)
        } else {
            indexFD = try Syscalls.open(indexPath, O_RDWR)
        }
        segmentFirstSeq = firstSeq
    }

    /// Cuts the last segment back to its last complete unit and indexes complete units that
    /// were written (and synced) but not yet indexed when the writer stopped.
    private func recoverTail() throws {
        let dataPath = layout.segmentData(firstSeq: segmentFirstSeq)
        let indexPath = layout.segmentIndex(firstSeq: segmentFirstSeq)
        let dataSize = try Syscalls.fileSize(dataFD, path: dataPath)
        var chain = try SegmentIndexFile.readChain(path: indexPath, firstSeq: segmentFirstSeq, dataSize: dataSize)
        if chain.validLength < Int64(SegmentIndexFile.headerSize) {
            // Missing or torn header: rewrite it; every unit is then re-found by the scan.
            let header = SegmentIndexFile.header(firstSeq: segmentFirstSeq)
            try Syscalls.pwriteAll(indexFD, header, at: 0, path: indexPath)
            chain = SegmentIndexFile.Chain(entries: [], validLength: Int64(SegmentIndexFile.headerSize), breakDetail: nil)
        } else if let detail = chain.breakDetail {
            // Includes an entry that reaches past the end of the data: its lines were synced
            // before the entry was written, so the data was cut afterwards (not a torn write).
            throw JournalError.damaged(file: indexPath, offset: chain.validLength, detail: detail)
        }
        // The last committed unit must still be whole.
        if let last = chain.entries.last {
            let bytes = try Syscalls.pread(dataFD, count: Int(last.length), at: last.offset, path: dataPath)
            if bytes.count != Int(last.length) || CRC32C.checksum(bytes) != last.crc {
                throw JournalError.damaged(
                    file: dataPath, offset: last.offset,
                    detail: "the last committed unit (seq \(last.firstSeq)) fails its checksum")
            }
        }
        dataEnd = chain.entries.last?.end ?? 0
        indexEnd = chain.validLength
        nextSeq = chain.entries.last.map { $0.lastSeq + 1 } ?? segmentFirstSeq
        // Scan what lies after the last indexed unit.
        let tail = try Syscalls.pread(dataFD, count: Int(max(0, dataSize - dataEnd)), at: dataEnd, path: dataPath)
        var newEntries: [UnitIndexEntry] = []
        var scanned = 0
        var seq = nextSeq
        while let unit = Self.parseUnit(tail, from: scanned, firstSeq: seq) {
            let length = unit.end - scanned
            let crc = tail.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[scanned..<unit.end])) }
            newEntries.append(UnitIndexEntry(
                offset: dataEnd + Int64(scanned), length: UInt32(length), crc: crc, firstSeq: seq,
                lines: UInt32(unit.lines), kind: unit.kind))
            seq += UInt64(unit.lines)
            scanned = unit.end
        }
        if scanned < tail.count {
            try Syscalls.ftruncate(dataFD, dataEnd + Int64(scanned), path: dataPath)
            try Syscalls.fdatasync(dataFD, path: dataPath)
            recovery.truncatedBytes = Int64(tail.count - scanned)
        }
        dataEnd += Int64(scanned)
        nextSeq = seq
        var raw: [UInt8] = []
        for e in newEntries { e.append(to: &raw) }
        try Syscalls.ftruncate(indexFD, indexEnd, path: indexPath)
        if !raw.isEmpty {
            try Syscalls.pwriteAll(indexFD, raw, at: indexEnd, path: indexPath)
            indexEnd += Int64(raw.count)
        }
        try Syscalls.fdatasync(indexFD, path: indexPath)
        recovery.reindexedUnits = newEntries.count
    }

    /// A complete, well-formed unit starting at `from` in `bytes` with seqs from `firstSeq`, or
    /// `nil` (torn, malformed, or out of sequence).
    static func parseUnit(_ bytes: [UInt8], from: Int, firstSeq: UInt64) -> (end: Int, lines: Int, kind: UnitIndexEntry.Kind)? {
        func nextLine(_ start: Int) -> Int? {
            var i = start
            while i < bytes.count {
                if bytes[i] == 0x0A { return i }
                i += 1
            }
            return nil
        }
        guard from < bytes.count, let firstEnd = nextLine(from) else { return nil }
        guard let first = try? JournalRecordCoding.decode(bytes[from..<firstEnd]), first.seq == firstSeq else { return nil }
        switch first {
        case .duplicate: return (firstEnd + 1, 1, .duplicate)
        case .rejected: return (firstEnd + 1, 1, .rejected)
        case .event: return nil
        case .article(let article):
            var end = firstEnd + 1
            for k in 0..<article.events {
                guard let lineEnd = nextLine(end),
                    case .event(let e)? = try? JournalRecordCoding.decode(bytes[end..<lineEnd]),
                    e.seq == firstSeq + UInt64(k) + 1, e.article == article.id
                else { return nil }
                end = lineEnd + 1
            }
            return (end, article.events + 1, .article)
        }
    }

    // MARK: Dedup index and recent identities

    private func loadDedupIndex() throws {
        let reader = JournalReader(dataDirectory: layout.dataDirectory)
        var dedup: DedupIndex
        if let checkpoint = DedupIndex.readCheckpoint(from: layout.dedupCheckpoint), checkpoint.coveredSeq < nextSeq {
            dedup = checkpoint
            recovery.checkpointUsed = true
        } else {
            dedup = DedupIndex()
        }
        var replayed = 0
        let covered = dedup.coveredSeq
        try reader.forEachUnit(from: covered + 1) { unit in
            if unit.entry.firstSeq <= covered { return true }
            replayed += 1
            if unit.entry.kind == .article, let hash = Self.hashField(in: unit.bytes) {
                dedup.insert(hash, seq: unit.entry.firstSeq)
            }
            return true
        }
        dedup.coveredSeq = nextSeq - 1
        committedHashes.index.withLock { [dedup] in $0 = dedup }
        recovery.replayedUnits = replayed
        unitsSinceCheckpoint = replayed
    }

    /// The `"hash":"sha256:…"` value of a line, found without a JSON parse.
    static func hashField(in bytes: ArraySlice<UInt8>) -> ContentHash? {
        let needle = Array("\"hash\":\"sha256:".utf8)
        guard bytes.count > needle.count + 64 else { return nil }
        var i = bytes.startIndex
        let limit = bytes.endIndex - needle.count - 64
        while i <= limit {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                let start = i + needle.count
                let hex = String(decoding: bytes[start..<(start + 64)], as: UTF8.self)
                return ContentHash(hex: hex)
            }
            i += 1
        }
        return nil
    }

    private func loadRecentIdentities() throws {
        let reader = JournalReader(dataDirectory: layout.dataDirectory)
        let segments = try layout.segments()
        var entries: [(UInt64, UnitIndexEntry)] = []
        for segment in segments.reversed() {
            let state = try reader.segmentState(segment)
            entries.insert(contentsOf: state.entries.suffix(options.recentIdentities).map { (segment, $0) }, at: 0)
            if entries.count >= min(options.recentIdentities, 4096) { break }
        }
        let wanted = entries.suffix(min(options.recentIdentities, 4096))
        guard let from = wanted.first?.1.firstSeq else { return }
        try reader.forEachUnit(from: from) { unit in
            guard let first = unit.lines.first, let record = try? JournalRecordCoding.decode(first) else { return true }
            switch record {
            case .article(let a):
                if let d = a.drop { self.remember(d, CommittedUnit(disposition: .article, seq: a.seq, file: a.file, articleID: a.id, events: a.events)) }
            case .duplicate(let d):
                if let drop = d.drop { self.remember(drop, CommittedUnit(disposition: .duplicate, seq: d.seq, file: d.file, articleID: d.article, events: 0, firstSeq: d.firstSeq)) }
            case .rejected(let r):
                if let drop = r.drop { self.remember(drop, CommittedUnit(disposition: .rejected, seq: r.seq, file: r.file, events: 0, reason: RejectionReason(code: r.reason, message: r.message))) }
            case .event: break
            }
            return true
        }
    }

    private func remember(_ identity: DropIdentity, _ unit: CommittedUnit) {
        let limit = max(1, options.recentIdentities)
        if let replaced = recent[identity] {
            recentReasons[replaced.seq] = nil
        } else if recentOrder.count < limit {
            recentOrder.append(identity)
        } else {
            if let evicted = recent.removeValue(forKey: recentOrder[recentHead]) { recentReasons[evicted.seq] = nil }
            recentOrder[recentHead] = identity
            recentHead = (recentHead + 1) % limit
        }
        recent[identity] = RecentUnit(unit)
        if let reason = unit.reason { recentReasons[unit.seq] = reason }
    }

    /// The committed unit of a recent drop with exactly this identity (same device, inode,
    /// size and mtime): the file was committed and only its removal is left to finish.
    ///
    /// - Parameters:
    ///   - identity: The file's identity now.
    ///   - file: The file's name now, for the unit's `file` (names are not kept in memory; it
    ///     is the name the unit was committed under unless the file was renamed in the folder).
    public func committedUnit(for identity: DropIdentity, named file: String) -> CommittedUnit? {
        guard let unit = recent[identity] else { return nil }
        return unit.committedUnit(file: file, reason: recentReasons[unit.seq])
    }

    /// Drop identities remembered (at most ``Options/recentIdentities``).
    public var recentIdentityCount: Int { recent.count }

    /// The seq of the committed article with this content, if any.
    public func articleSeq(for hash: ContentHash) -> UInt64? {
        committedHashes.index.withLock { $0.lookup(hash) }
    }

    /// Articles in the dedup index.
    public var articleCount: Int { committedHashes.index.withLock { $0.count } }

    /// Bytes of memory the dedup index holds.
    public var dedupMemoryBytes: Int { committedHashes.index.withLock { $0.memoryBytes } }

    // MARK: Appending

    /// Commits `units` as one group: durable when this returns. Articles whose content is
    /// already committed (or earlier in this batch) become `duplicate` lines.
    public func append(_ units: [PendingUnit]) throws(JournalError) -> [CommittedUnit] {
        lastCommit = nil
        guard !units.isEmpty else { return [] }
        if dataEnd >= options.segmentBytes {
            do {
                if dataTailUnclean {
                    try Syscalls.ftruncate(dataFD, dataEnd, path: layout.segmentData(firstSeq: segmentFirstSeq))
                    dataTailUnclean = false
                }
                try syncIndex()
                try createSegment(firstSeq: nextSeq)
            } catch { throw .system(error) }
        }
        let now = Timestamp.now()
        var writer = JSONLineWriter(reservingCapacity: 16 * 1024)
        var data: [UInt8] = []
        var entries: [UnitIndexEntry] = []
        var results: [CommittedUnit] = []
        var batchArticles: [ContentHash: (seq: UInt64, id: String)] = [:]
        var committedArticles: [JournalCommit.Article] = []
        var seq = nextSeq
        var offset = dataEnd
        do {
            for unit in units {
                writer.removeAll()
                let start = seq
                let kind: UnitIndexEntry.Kind
                var result: CommittedUnit
                switch unit {
                case .rejected(let r):
                    JournalRecordCoding.encode(.rejected(RejectedRecord(
                        seq: seq, file: r.file, reason: r.reason.code, message: r.reason.message, bytes: r.bytes,
                        hash: r.hash?.prefixed, ingestedAt: now, drop: r.drop)), into: &writer)
                    kind = .rejected
                    result = CommittedUnit(disposition: .rejected, seq: seq, file: r.file, events: 0, reason: r.reason)
                    seq += 1
                case .article(let a):
                    let firstSeq = articleSeq(for: a.hash) ?? batchArticles[a.hash]?.seq
                    if let firstSeq {
                        let id = a.hash.articleID
                        JournalRecordCoding.encode(.duplicate(DuplicateRecord(
                            seq: seq, article: id, hash: a.hash.prefixed, file: a.file, bytes: a.content.count,
                            firstSeq: firstSeq, ingestedAt: now, drop: a.drop)), into: &writer)
                        kind = .duplicate
                        result = CommittedUnit(disposition: .duplicate, seq: seq, file: a.file, articleID: id, events: 0, firstSeq: firstSeq)
                        seq += 1
                    } else {
                        let id = a.hash.articleID
                        let location = try archive.stage(a.content)
                        JournalRecordCoding.encode(.article(ArticleRecord(
                            seq: seq, id: id, hash: a.hash.prefixed, file: a.file, title: a.title, bytes: a.content.count,
                            published: a.published, ingestedAt: now, events: a.events.count, archive: location,
                            drop: a.drop)), into: &writer)
                        var lineOffsets: [Int64] = []
                        var lineLengths: [UInt32] = []
                        if recordsCommits {
                            lineOffsets.reserveCapacity(a.events.count)
                            lineLengths.reserveCapacity(a.events.count)
                        }
                        for (n, event) in a.events.enumerated() {
                            let lineStart = writer.bytes.count
                            JournalRecordCoding.encode(.event(EventRecord(
                                seq: seq + UInt64(n) + 1, id: "\(id)-\(n + 1)", article: id, event: event)), into: &writer)
                            if recordsCommits {
                                lineOffsets.append(offset + Int64(lineStart))
                                lineLengths.append(UInt32(writer.bytes.count - lineStart - 1))
                            }
                        }
                        if recordsCommits && !a.events.isEmpty {
                            committedArticles.append(JournalCommit.Article(
                                unit: entries.count, id: id, events: a.events, lineOffsets: lineOffsets, lineLengths: lineLengths))
                        }
                        batchArticles[a.hash] = (seq, id)
                        kind = .article
                        result = CommittedUnit(disposition: .article, seq: seq, file: a.file, articleID: id, events: a.events.count)
                        seq += UInt64(a.events.count) + 1
                    }
                }
                let crc = writer.bytes.withUnsafeBytes { CRC32C.checksum($0) }
                entries.append(UnitIndexEntry(
                    offset: offset, length: UInt32(writer.bytes.count), crc: crc, firstSeq: start,
                    lines: UInt32(seq - start), kind: kind))
                offset += Int64(writer.bytes.count)
                data.append(contentsOf: writer.bytes)
                results.append(result)
            }
            // 1. The archive's bytes, durable.
            try archive.flush()
        } catch {
            archive.discardStaged()
            throw .system(error)
        }
        // 2. The lines, durable. On failure, cut back what may have reached the file.
        let dataPath = layout.segmentData(firstSeq: segmentFirstSeq)
        do {
            if dataTailUnclean {
                try Syscalls.ftruncate(dataFD, dataEnd, path: dataPath)
                dataTailUnclean = false
            }
            try Syscalls.pwriteAll(dataFD, data, at: dataEnd, path: dataPath)
            try Syscalls.fdatasync(dataFD, path: dataPath)
        } catch {
            // After a failed fdatasync the kernel may have dropped the dirty pages: never retry
            // the sync, rewrite the whole batch next time.
            if Glibc.ftruncate(dataFD, off_t(dataEnd)) != 0 { dataTailUnclean = true }
            throw .system(error)
        }
        // 3. The commit marks. The lines are durable already: if this write fails, the next
        // open re-indexes them, so report the failure but keep the state moving forward.
        dataEnd = offset
        nextSeq = seq
        committedHashes.index.withLock { [batchArticles] dedup in
            for (hash, value) in batchArticles { dedup.insert(hash, seq: value.seq) }
            dedup.coveredSeq = seq - 1
        }
        for (unit, result) in zip(units, results) {
            switch unit {
            case .article(let a): if let d = a.drop { remember(d, result) }
            case .rejected(let r): if let d = r.drop { remember(d, result) }
            }
        }
        var raw = unwrittenIndexEntries
        raw.reserveCapacity(raw.count + entries.count * UnitIndexEntry.size)
        for e in entries { e.append(to: &raw) }
        unitsSinceCheckpoint += units.count
        // The batch is committed: what fails from here on is not the caller's to retry.
        do {
            try writeIndexEntries(raw)
        } catch {
            lastDeferredFailure = error
            return results
        }
        if recordsCommits {
            lastCommit = JournalCommit(segment: segmentFirstSeq, entries: entries, ingestedAt: now, articles: committedArticles)
        }
        if unitsSinceCheckpoint >= options.checkpointEveryUnits {
            // The checkpoint is a cache (rebuilt from the journal when missing); try again later.
            do { try checkpoint() } catch { lastDeferredFailure = error }
        }
        return results
    }

    /// The last failure after a commit (writing commit marks to the `.idx`, or the dedup
    /// checkpoint): the units are durable and counted as committed, readers see them once the
    /// marks are written (retried with every append and at close; the next open re-indexes
    /// them anyway). `nil` once a later write succeeds.
    public private(set) var lastDeferredFailure: SystemError?

    /// Writes commit marks at the end of the index; keeps them for the next try on failure.
    private func writeIndexEntries(_ raw: [UInt8]) throws(SystemError) {
        guard !raw.isEmpty else { return }
        let indexPath = layout.segmentIndex(firstSeq: segmentFirstSeq)
        do {
            try Syscalls.pwriteAll(indexFD, raw, at: indexEnd, path: indexPath)
        } catch {
            unwrittenIndexEntries = raw
            throw error
        }
        unwrittenIndexEntries = []
        lastDeferredFailure = nil
        indexEnd += Int64(raw.count)
        indexDirty = true
    }

    private func syncIndex() throws(SystemError) {
        try writeIndexEntries(unwrittenIndexEntries)
        guard indexDirty else { return }
        try Syscalls.fdatasync(indexFD, path: layout.segmentIndex(firstSeq: segmentFirstSeq))
        indexDirty = false
    }

    /// Writes the dedup checkpoint now (after syncing the index it refers to).
    public func checkpoint() throws(SystemError) {
        try syncIndex()
        let path = layout.dedupCheckpoint
        try committedHashes.index.withLock { (dedup) throws(SystemError) in try dedup.writeCheckpoint(to: path) }
        unitsSinceCheckpoint = 0
    }

    /// Syncs the index and writes a checkpoint if enough has changed. The lock is released when
    /// the writer is released.
    public func close() throws(SystemError) {
        try syncIndex()
        if unitsSinceCheckpoint >= options.checkpointOnCloseMinimumUnits {
            try checkpoint()
        }
    }
}

/// Owned by one task or thread at a time; not shared.
@available(*, unavailable)
extension JournalWriter: Sendable {}

/// What ``JournalWriter`` keeps of a recent drop's unit, to recognise the drop if its removal
/// from the drop folder was interrupted: a ``CommittedUnit`` without strings, 32 bytes and no
/// allocation of its own. The article id is its 16 hex digits as a number, the file name is
/// the caller's, a rejection's reason is kept beside it.
struct RecentUnit {
    var seq: UInt64
    /// For a duplicate: the first article's seq; 0 for none.
    var firstSeq: UInt64
    /// The article id as a number (valid with `hasArticleID`).
    var articleKey: UInt64
    var events: UInt32
    var disposition: CommittedUnit.Disposition
    var hasArticleID: Bool

    init(_ unit: CommittedUnit) {
        seq = unit.seq
        firstSeq = unit.firstSeq ?? 0
        events = UInt32(clamping: unit.events)
        disposition = unit.disposition
        // Article ids are 16 lowercase hex digits (the hash's first 8 bytes).
        if let id = unit.articleID, id.utf8.count == 16, let key = UInt64(id, radix: 16) {
            articleKey = key
            hasArticleID = true
        } else {
            articleKey = 0
            hasArticleID = false
        }
    }

    func committedUnit(file: String, reason: RejectionReason?) -> CommittedUnit {
        var id: String?
        if hasArticleID {
            let hex = String(articleKey, radix: 16)
            id = String(repeating: "0", count: 16 - hex.utf8.count) + hex
        }
        return CommittedUnit(
            disposition: disposition, seq: seq, file: file, articleID: id, events: Int(events), reason: reason,
            firstSeq: firstSeq == 0 ? nil : firstSeq)
    }
}
