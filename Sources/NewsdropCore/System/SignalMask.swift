#if canImport(Glibc)
import Glibc
#endif

/// The calling thread's signal mask.
///
/// A process inherits the mask of the thread that spawned it: a child started from a worker
/// thread of a thread pool (libdispatch's block almost every signal) begins life with SIGTERM
/// and SIGINT blocked, so `kill` and `systemctl stop` would leave it running forever. The
/// executables call ``unblock(_:)`` first thing, before any other thread exists, so every
/// thread they start inherits a mask that lets the stop signals through.
public enum SignalMask: Sendable {
    /// Removes `signals` from the calling thread's blocked set. The corresponding C function
    /// is `pthread_sigmask` with `SIG_UNBLOCK`.
    public static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for signo in signals { sigaddset(&set, signo) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether `signo` is blocked in the calling thread.
    public static func isBlocked(_ signo: Int32) -> Bool {
        var current = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &current)
        return sigismember(&current, signo) == 1
    }

    /// The signals that ask a program to stop or reload: SIGTERM, SIGINT, SIGHUP, SIGQUIT.
    public static let stopAndReload: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT]
}
