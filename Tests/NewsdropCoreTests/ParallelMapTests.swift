import Foundation
@testable import NewsdropCore
import Synchronization
import Testing

@Suite struct ParallelMapTests {
    @Test func blockingParallelMapKeepsOrderAndMapsEachElementOnce() {
        let calls = CallCounter()
        let input = Array(0..<1000)
        let output = input.blockingParallelMap(width: 16) { n -> Int in
            calls.tick()
            return n * 3
        }
        #expect(output == input.map { $0 * 3 })
        #expect(calls.count == 1000)
        #expect([7].blockingParallelMap(width: 16) { $0 + 1 } == [8])
        #expect([Int]().blockingParallelMap(width: 16) { $0 } == [])
    }

    /// Calls that wait overlap beyond the number of cores: that is what the daemon's unlinks need.
    @Test func blockingParallelMapRunsMoreCallsAtOnceThanThereAreCores() {
        let calls = CallCounter()
        _ = Array(0..<64).blockingParallelMap(width: 16) { _ in
            calls.enter()
            usleep(20_000)
            calls.leave()
        }
        #expect(calls.mostAtOnce > ProcessInfo.processInfo.activeProcessorCount)
        #expect(calls.mostAtOnce <= 16)
    }
}

private final class CallCounter: Sendable {
    private let total = Atomic<Int>(0)
    private let inside = Atomic<Int>(0)
    private let most = Atomic<Int>(0)

    var count: Int { total.load(ordering: .relaxed) }
    var mostAtOnce: Int { most.load(ordering: .relaxed) }

    func tick() { total.add(1, ordering: .relaxed) }

    func enter() {
        let now = inside.add(1, ordering: .relaxed).newValue
        _ = most.max(now, ordering: .relaxed)
    }

    func leave() { inside.subtract(1, ordering: .relaxed) }
}
