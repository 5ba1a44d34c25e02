#if canImport(Glibc)
import Glibc
#endif

/// Runs a system call, repeating it while it fails with `EINTR`.
///
/// The call must follow the C convention of returning `-1` and setting `errno` on failure.
///
/// - Parameters:
///   - retryOnInterrupt: Whether to repeat the call when a signal interrupted it.
///   - body: The system call.
/// - Returns: The call's result; `-1` with `errno` set on any failure other than a retried `EINTR`.
@inline(__always)
func retryingOnInterrupt<Result: BinaryInteger>(
    retryOnInterrupt: Bool = true,
    _ body: () -> Result
) -> Result {
    while true {
        let result = body()
        if result == -1 && retryOnInterrupt && errno == EINTR { continue }
        return result
    }
}
