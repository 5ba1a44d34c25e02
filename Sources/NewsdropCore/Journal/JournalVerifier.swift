#if canImport(Glibc)
import Glibc
#endif

/// Checks a data folder end to end: every unit's checksum, every line's JSON, seq continuity
/// across segments, each article's events, the index against the data, the archive against the
/// hashes, and the dedup checkpoint against the journal. Read-only; takes no lock.
public struct JournalVerifier: Sendable {
    public let layout: JournalLayout
    /// Also read every archived article back and check its hash.
    public var checkArchive = true

    public init(dataDirectory: String) {
        layout = JournalLayout(dataDirectory: dataDirectory)
    }

    /// One problem found.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var offset: Int64
        public var detail: String
        public var description: String { "\(file): byte \(offset): \(detail)" }
    }

    /// What was checked and found.
    public struct Report: Sendable {
        public var segments = 0
        public var units = 0
        public var lines = 0
        public var articles = 0
        public var events = 0
        public var duplicates = 0
        public var rejected = 0
        /// Bytes after the last committed unit of the last segment: a torn tail the writer cuts
        /// on its next start (not damage).
        public var uncommittedTailBytes: Int64 = 0
        public var problems: [Problem] = []
        public var isWhole: Bool { problems.isEmpty }
    }

    public func verify() throws -> Report {
        var report = Report()
        let segments = try layout.segments()
        report.segments = segments.count
        var expectSeq: UInt64 = 1
        var hashes: [ContentHash: UInt64] = [:]
        for (n, segment) in segments.enumerated() {
            let dataPath = layout.segmentData(firstSeq: segment)
            let indexPath = layout.segmentIndex(firstSeq: segment)
            if segment != expectSeq {
                report.problems.append(Problem(file: dataPath, offset: 0, detail: "segment starts at seq \(segment), expected \(expectSeq) (lines missing)"))
                expectSeq = segment
            }
            var st = stat()
            let dataSize: Int64 = stat(dataPath, &st) == 0 ? Int64(st.st_size) : 0
            let chain = try SegmentIndexFile.readChain(path: indexPath, firstSeq: segment, dataSize: dataSize)
            if let detail = chain.breakDetail {
                report.problems.append(Problem(file: indexPath, offset: chain.validLength, detail: detail))
            }
            let end = chain.entries.last?.end ?? 0
            if end < dataSize {
                if n == segments.count - 1 {
                    report.uncommittedTailBytes = dataSize - end
                } else {
                    report.problems.append(Problem(file: dataPath, offset: end, detail: "\(dataSize - end) bytes after the last indexed unit of a closed segment"))
                }
            }
            let fd = try Syscalls.open(dataPath, O_RDONLY)
            defer { Syscalls.close(fd) }
            for e in chain.entries {
                let bytes = try Syscalls.pread(fd, count: Int(e.length), at: e.offset, path: dataPath)
                report.units += 1
                if bytes.count != Int(e.length) || CRC32C.checksum(bytes) != e.crc {
                    report.problems.append(Problem(file: dataPath, offset: e.offset, detail: "checksum mismatch in the unit at seq \(e.firstSeq)"))
                    expectSeq = e.lastSeq + 1
                    continue
                }
                guard let parsed = JournalWriter.parseUnit(bytes, from: 0, firstSeq: e.firstSeq), parsed.end == bytes.count,
                    parsed.lines == Int(e.lines), parsed.kind == e.kind
                else {
                    report.problems.append(Problem(file: dataPath, offset: e.offset, detail: "the unit at seq \(e.firstSeq) is not a well-formed \(e.kind) unit of \(e.lines) lines"))
                    expectSeq = e.lastSeq + 1
                    continue
                }
                report.lines += Int(e.lines)
                let unit = JournalUnit(entry: e, segment: segment, bytes: bytes[...])
                if let first = unit.lines.first, let record = try? JournalRecordCoding.decode(first) {
                    switch record {
                    case .article(let a):
                        report.articles += 1
                        report.events += a.events
                        if let hash = ContentHash(hex: a.hash) {
                            if let earlier = hashes[hash] {
                                report.problems.append(Problem(file: dataPath, offset: e.offset, detail: "article at seq \(a.seq) repeats the content of seq \(earlier)"))
                            }
                            hashes[hash] = a.seq
                            if checkArchive {
                                if let location = a.archive {
                                    do {
                                        _ = try ArticleArchive.read(location, layout: layout, hash: hash)
                                    } catch {
                                        report.problems.append(Problem(file: layout.pack(location.pack), offset: location.offset, detail: "archive of article \(a.id) (seq \(a.seq)): \(error)"))
                                    }
                                } else {
                                    report.problems.append(Problem(file: dataPath, offset: e.offset, detail: "article \(a.id) has no archive location"))
                                }
                            }
                        }
                    case .duplicate(let d):
                        report.duplicates += 1
                        if let hash = ContentHash(hex: d.hash), hashes[hash] != d.firstSeq {
                            report.problems.append(Problem(file: dataPath, offset: e.offset, detail: "duplicate at seq \(d.seq) points at seq \(d.firstSeq), which is not the article with its hash"))
                        }
                    case .rejected: report.rejected += 1
                    case .event: break
                    }
                }
                expectSeq = e.lastSeq + 1
            }
        }
        if let checkpoint = DedupIndex.readCheckpoint(from: layout.dedupCheckpoint) {
            for (hash, seq) in hashes where seq <= checkpoint.coveredSeq {
                if checkpoint.lookup(hash) != seq {
                    report.problems.append(Problem(file: layout.dedupCheckpoint, offset: 0, detail: "dedup checkpoint lacks article seq \(seq) (\(hash.articleID)); it is rebuilt if you delete it"))
                    break
                }
            }
        } else if Syscalls.exists(layout.dedupCheckpoint) {
            report.problems.append(Problem(file: layout.dedupCheckpoint, offset: 0, detail: "dedup checkpoint unreadable or damaged; delete it and it is rebuilt from the journal"))
        }
        return report
    }
}
