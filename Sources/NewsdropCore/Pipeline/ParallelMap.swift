import Dispatch

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
