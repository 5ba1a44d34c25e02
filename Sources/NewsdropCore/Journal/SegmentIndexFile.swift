#if canImport(Glibc)
import Glibc
#endif

/// Reading a segment's `.idx` file: a 16-byte header (`NDJIDX1\n` and the segment's first seq)
/// followed by ``UnitIndexEntry`` records.
enum SegmentIndexFile {
    static let magic: [UInt8] = Array("NDJIDX1\n".utf8)
    static let headerSize = 16

    static func header(firstSeq: UInt64) -> [UInt8] {
        var out = magic
        withUnsafeBytes(of: firstSeq.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// The entries that form an unbroken chain from the segment's start, and where the chain
    /// broke if it did (a torn last entry is not a break: it is ignored).
    struct Chain {
        var entries: [UnitIndexEntry]
        /// Bytes of the `.idx` file that hold whole, chained entries (header included).
        var validLength: Int64
        /// Set when an entry does not chain onto the one before (damage, not a torn tail).
        var breakDetail: String?
    }

    /// Reads and checks the chain: each entry starts where the previous ended, seqs continue,
    /// and no entry reaches past `dataSize` bytes of the segment.
    ///
    /// With `resume` (how many entries are known and the last of them), reads and checks only
    /// the entries after those: what a follower of the segment needs after each commit.
    static func readChain(
        path: String, firstSeq: UInt64, dataSize: Int64, resume: (count: Int, last: UnitIndexEntry)? = nil
    ) throws(SystemError) -> Chain {
        let fd = try Syscalls.open(path, O_RDONLY)
        defer { Syscalls.close(fd) }
        let size = try Syscalls.fileSize(fd, path: path)
        let start = resume.map { Int64(headerSize + $0.count * UnitIndexEntry.size) } ?? 0
        let raw = try Syscalls.pread(fd, count: Int(max(0, size - start)), at: start, path: path)
        var chain = Chain(entries: [], validLength: start, breakDetail: nil)
        var expectOffset: Int64 = 0
        var expectSeq = firstSeq
        var first = 0
        if let resume {
            expectOffset = resume.last.end
            expectSeq = resume.last.lastSeq + 1
        } else {
            if raw.count < headerSize {
                return Chain(entries: [], validLength: 0, breakDetail: raw.isEmpty ? nil : "short header")
            }
            if Array(raw[0..<8]) != magic {
                return Chain(entries: [], validLength: 0, breakDetail: "bad header magic")
            }
            chain.validLength = Int64(headerSize)
            first = headerSize
        }
        raw.withUnsafeBytes { buffer in
            var at = first
            while at + UnitIndexEntry.size <= buffer.count {
                guard let e = UnitIndexEntry.read(buffer, at: at) else {
                    chain.breakDetail = "unknown unit kind at index entry \(chain.entries.count)"
                    return
                }
                if e.offset != expectOffset || e.firstSeq != expectSeq || e.lines == 0 || e.length == 0 {
                    chain.breakDetail = "index entry \(chain.entries.count) does not follow the one before "
                        + "(offset \(e.offset), expected \(expectOffset); seq \(e.firstSeq), expected \(expectSeq))"
                    return
                }
                if e.end > dataSize {
                    // Points past the data: the data it names was lost (torn), so neither is committed.
                    chain.breakDetail = "index entry \(chain.entries.count) reaches past the end of the segment"
                    return
                }
                chain.entries.append(e)
                expectOffset = e.end
                expectSeq = e.lastSeq + 1
                at += UnitIndexEntry.size
                chain.validLength = start + Int64(at)
            }
        }
        return chain
    }
}
