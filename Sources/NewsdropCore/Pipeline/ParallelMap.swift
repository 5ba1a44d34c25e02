import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps the elements on all cores (`DispatchQueue.concurrentPerform`), keeping order.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let input = self
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Safe: every index is written exactly once, by one iteration, and the buffer is
            // read only after concurrentPerform has returned.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: input.count) { i in
                (output.baseAddress! + i).initialize(to: transform(input[i]))
            }
            initialized = input.count
        }
    }
}

extension Array where Element: Sendable {
    /// Maps the elements on `width` threads of its own, keeping order: for calls that wait in
    /// the kernel rather than compute, where one thread per core leaves the cores idle. (On
    /// ext4 mounted with `discard`, `unlink` waits for the device to trim the file's blocks:
    /// 4,000 unlinks took 1.6 s on 2 threads and 0.24 s on 8 on this machine.)
    ///
    /// The threads are started for the call and joined before it returns.
    public func blockingParallelMap<T: Sendable>(width: Int, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let threads = Swift.min(width, count)
        guard threads > 1 else { return map(transform) }
        let input = self
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Safe: every index is claimed once through `next`, so written exactly once by one
            // thread, and the buffer is read only after every thread has finished (`done`).
            nonisolated(unsafe) let output = buffer
            let next = WorkCounter()
            let work: @Sendable () -> Void = {
                while true {
                    let i = next.claim()
                    guard i < input.count else { return }
                    (output.baseAddress! + i).initialize(to: transform(input[i]))
                }
            }
            let done = DispatchGroup()
            for _ in 1..<threads {
                done.enter()
                Thread { work(); done.leave() }.start()
            }
            work()
            done.wait()
            initialized = input.count
        }
    }
}

/// Hands out 0, 1, 2, … to whichever thread asks.
private final class WorkCounter: Sendable {
    private let value = Atomic<Int>(0)

    func claim() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
