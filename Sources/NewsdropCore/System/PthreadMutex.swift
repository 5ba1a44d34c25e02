#if canImport(Glibc)
import Glibc
#endif

/// A value guarded by a `pthread_mutex_t`: the same interface as `Synchronization.Mutex`
/// (``withLock(_:)``), with a lock that ThreadSanitizer sees.
///
/// Why not `Mutex`: on Linux, Swift's `Mutex` hands a contended lock over with
/// `FUTEX_LOCK_PI`/`FUTEX_UNLOCK_PI` system calls made inside the (uninstrumented) standard
/// library. ThreadSanitizer does not intercept `futex`, so after a contended hand-over it sees
/// no happens-before edge and reports every access to the guarded value as a data race.
/// `tools/reliability/tsan-mutex.sh` shows this with a short program (a `Mutex` counter: a
/// report in every run; this type: none; both counts exact). `pthread_mutex_lock`/`unlock` are
/// intercepted by ThreadSanitizer, so with this type a report under `sanitize.sh thread` is a
/// real one. glibc's mutex is a futex too: uncontended, one compare-and-swap and a call.
///
/// A class, so the `pthread_mutex_t` never moves (POSIX forbids copying a mutex); the lock
/// lives in its own allocation for the same reason.
public final class PthreadMutex<Value>: @unchecked Sendable {
    // @unchecked: `value` is read and written only inside `withLock`, between
    // `pthread_mutex_lock` and `pthread_mutex_unlock` on `mutex`, which is initialised in `init`
    // and destroyed in `deinit` when no thread can hold it. `Value: Sendable` is not required,
    // as with `Mutex`: the value goes in with `sending` and the body's result leaves with
    // `sending`, so no non-Sendable state is shared between threads through this box.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// Creates the mutex holding `initialValue`.
    public init(_ initialValue: sending Value) {
        value = initialValue
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let result = pthread_mutex_init(mutex, nil)
        precondition(result == 0, "pthread_mutex_init failed (error \(result)): out of memory?")
    }

    deinit {
        let result = pthread_mutex_destroy(mutex)
        assert(result == 0, "pthread_mutex_destroy failed (error \(result)): the mutex is still locked")
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    ///
    /// The lock is not recursive: `body` must not call `withLock` on the same instance.
    /// The corresponding C functions are `pthread_mutex_lock` and `pthread_mutex_unlock`.
    public func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        let locked = pthread_mutex_lock(mutex)
        precondition(locked == 0, "pthread_mutex_lock failed (error \(locked))")
        defer {
            let unlocked = pthread_mutex_unlock(mutex)
            precondition(unlocked == 0, "pthread_mutex_unlock failed (error \(unlocked))")
        }
        return try body(&value)
    }
}
