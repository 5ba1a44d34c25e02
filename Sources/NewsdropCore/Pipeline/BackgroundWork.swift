import Dispatch
import Synchronization

/// Work started on a global dispatch queue, whose result one thread collects later: the daemon
/// and `newsdrop ingest` prepare their next batch this way while the current one commits.
public final class BackgroundWork<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    /// Starts `work` at once.
    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// Blocks until the work has finished and returns its result. Call it once.
    public func wait() -> Value {
        done.wait()
        return result.withLock { value in
            guard let v = value else { preconditionFailure("BackgroundWork.wait() called twice") }
            value = nil
            return v
        }
    }
}
