/// Where things live in a data folder (see docs/store-format.md).
///
///     <data>/lock                          the writer's lock (flock) with its pid
///     <data>/journal/<first seq>.jsonl     segments: the records, one JSON object per line
///     <data>/journal/<first seq>.idx       one 32-byte entry per committed unit
///     <data>/archive/<n>.pack              article bytes, content-addressed through the journal
///     <data>/index/dedup.checkpoint        the dedup index as of a seq
public struct JournalLayout: Sendable, Hashable {
    public var dataDirectory: String

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    public var lockFile: String { dataDirectory + "/lock" }
    public var journalDirectory: String { dataDirectory + "/journal" }
    public var archiveDirectory: String { dataDirectory + "/archive" }
    public var indexDirectory: String { dataDirectory + "/index" }
    public var dedupCheckpoint: String { indexDirectory + "/dedup.checkpoint" }

    static let segmentDigits = 16

    public func segmentData(firstSeq: UInt64) -> String {
        journalDirectory + "/" + Self.padded(firstSeq) + ".jsonl"
    }

    public func segmentIndex(firstSeq: UInt64) -> String {
        journalDirectory + "/" + Self.padded(firstSeq) + ".idx"
    }

    public func pack(_ number: Int) -> String {
        archiveDirectory + "/" + Self.padded(UInt64(number), digits: 8) + ".pack"
    }

    static func padded(_ n: UInt64, digits: Int = segmentDigits) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// The first seqs of the segments present, ascending.
    public func segments() throws(SystemError) -> [UInt64] {
        guard Syscalls.exists(journalDirectory) else { return [] }
        return try Syscalls.listDirectory(journalDirectory).compactMap { name -> UInt64? in
            guard name.hasSuffix(".jsonl"), name.count == Self.segmentDigits + 6 else { return nil }
            return UInt64(name.prefix(Self.segmentDigits))
        }.sorted()
    }

    /// The pack numbers present, ascending.
    public func packs() throws(SystemError) -> [Int] {
        guard Syscalls.exists(archiveDirectory) else { return [] }
        return try Syscalls.listDirectory(archiveDirectory).compactMap { name -> Int? in
            guard name.hasSuffix(".pack") else { return nil }
            return Int(name.dropLast(5))
        }.sorted()
    }
}
