/// The content hashes a ``JournalWriter`` has committed, readable from any thread while the
/// writer keeps committing: the writer's own dedup index behind a lock, not a copy.
///
/// It lets a batch be prepared in the background (read, hashed, extracted) without extracting
/// texts that are already in the journal: ``IngestPipeline/startPreparing(_:)`` skips the
/// extraction of a hash for which ``contains(_:)`` is true. The answer is only advice — a hash
/// committed after the look-up is missed and its text extracted needlessly — while the
/// writer's ``JournalWriter/append(_:)`` still decides, under the same lock, what is an article
/// and what a duplicate. Hashes are never removed, so a "committed" answer stays true.
///
/// The lock is a ``PthreadMutex`` (ThreadSanitizer sees it); the writer holds it for one
/// look-up or insertion at a time, and while it writes a checkpoint (every 100,000 units and at
/// close), so a look-up can wait for that write.
public final class CommittedHashes: Sendable {
    let index: PthreadMutex<DedupIndex>

    init(_ index: DedupIndex) {
        self.index = PthreadMutex(index)
    }

    /// Whether an article with this content hash is committed.
    public func contains(_ hash: ContentHash) -> Bool {
        index.withLock { $0.lookup(hash) != nil }
    }

    /// The number of committed articles.
    public var count: Int { index.withLock { $0.count } }
}
