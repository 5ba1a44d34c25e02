import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Keeps the segments' event indexes (``SegmentEventIndex``) up to date from the writer's side,
/// so queries by users who may not write to the data folder find them ready.
///
/// After each commit the writer's owner calls ``update()``: the index of the segment being
/// written is extended in memory with the new units only, and written out at most every
/// `saveInterval` (and at rollover and ``flush()``), so small commits do not rewrite the file
/// each time. Whatever the file lags behind, queries add the missing units themselves; the
/// index never changes what a query returns, only how fast it runs.
public final class EventIndexMaintainer {
    private let reader: JournalReader
    private let saveInterval: Double
    private var current: SegmentEventIndex?
    private var unsaved = false
    /// Sealed segments known to have an index, counted from the first.
    private var sealedChecked = 0
    /// Every sealed segment has an index (then only the segment being written needs work).
    private var allSealedIndexed = false
    private var lastSave = DispatchTime.now()
    /// Units added from a ``JournalCommit`` rather than read from the journal.
    private(set) var unitsAddedFromCommits = 0

    public init(dataDirectory: String, saveInterval: Double = 2) {
        reader = JournalReader(dataDirectory: dataDirectory)
        self.saveInterval = saveInterval
    }

    /// Brings the index of every segment up to the committed units; saves if due. Failures are
    /// returned, not thrown: the index is a cache, and a commit must not fail because of it.
    @discardableResult
    public func update() -> (any Error)? {
        do {
            // The common case: the segment being written got new units. Read only the new
            // `.idx` entries (no directory listing, no rereading the whole chain).
            if allSealedIndexed, let tail = current?.lastEntry, tail.length > 0 {
                let new = try reader.entries(of: current!.segment, after: current!.coveredUnits, following: tail)
                if !new.isEmpty {
                    try current!.add(new[...], reader: reader)
                    unsaved = true
                    saveIfDue()
                    return nil
                }
                // Nothing new here: the writer rolled over; look at the folder.
            }
            let segments = try reader.layout.segments()
            guard let last = segments.last else { return nil }
            if let current, current.segment != last {
                // Rolled over: finish the sealed segment's index.
                try finish(current)
            }
            let state = try reader.segmentState(last)
            if current == nil || current!.segment != last {
                current = SegmentEventIndex.load(SegmentEventIndex.path(reader.layout, segment: last))
                    .flatMap { $0.isPrefix(of: state.entries) ? $0 : nil } ?? SegmentEventIndex(segment: last)
            }
            // Sealed segments without an index (a journal from before indexes): one per call, so
            // the catch-up never stalls commits for long.
            while sealedChecked < segments.count - 1 {
                let s = segments[sealedChecked]
                if !Syscalls.exists(SegmentEventIndex.path(reader.layout, segment: s)) {
                    _ = try SegmentEventIndex.current(reader: reader, segment: s, entries: reader.segmentState(s).entries)
                    sealedChecked += 1
                    break
                }
                sealedChecked += 1
            }
            allSealedIndexed = sealedChecked >= segments.count - 1
            if current!.coveredUnits < state.entries.count {
                try current!.add(state.entries[current!.coveredUnits...], reader: reader)
                unsaved = true
            }
            saveIfDue()
            return nil
        } catch {
            current = nil
            return error
        }
    }

    /// Adds the units of `commit` from the events the writer encoded when they continue the
    /// index of the segment being written, without reading the journal; in every other case
    /// (no commit recorded, the first commit after opening, a rollover, units an earlier update
    /// already read) it does what ``update()`` does. Failures are returned, as there.
    @discardableResult
    func update(with commit: JournalCommit?) -> (any Error)? {
        if let commit, allSealedIndexed, current != nil, current!.segment == commit.segment {
            if current!.add(commit) {
                unitsAddedFromCommits += commit.entries.count
                unsaved = true
                saveIfDue()
                return nil
            }
            if let tail = current!.lastEntry, tail.length > 0, let last = commit.entries.last, tail.lastSeq >= last.lastSeq {
                return nil  // read already by an update that ran after the commit
            }
        }
        return update()
    }

    private func saveIfDue() {
        if unsaved && Double(DispatchTime.now().uptimeNanoseconds - lastSave.uptimeNanoseconds) / 1e9 >= saveInterval {
            flush()
        }
    }

    /// Writes the index of the segment being written if it has unsaved rows.
    public func flush() {
        guard let current, unsaved else { return }
        current.save(SegmentEventIndex.path(reader.layout, segment: current.segment))
        unsaved = false
        lastSave = DispatchTime.now()
    }

    private func finish(_ index: SegmentEventIndex) throws {
        let entries = try reader.segmentState(index.segment).entries
        var index = index
        if index.isPrefix(of: entries), index.coveredUnits < entries.count {
            try index.add(entries[index.coveredUnits...], reader: reader)
        }
        index.save(SegmentEventIndex.path(reader.layout, segment: index.segment))
        current = nil
        unsaved = false
    }

    deinit { flush() }
}

@available(*, unavailable)
extension EventIndexMaintainer: Sendable {}
