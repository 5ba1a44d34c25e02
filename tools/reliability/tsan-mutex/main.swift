// Two threads add 1 to a counter 2,000 times each, every addition inside the lock; now and then
// a thread sleeps 1 ms while holding it, so the other finds it taken (a contended hand-over).
//   main mutex    Synchronization.Mutex   (futex PI hand-over in the uninstrumented stdlib)
//   main pthread  PthreadMutex            (Sources/NewsdropCore/System/PthreadMutex.swift)
// Both print "4000 of 4000": the locks exclude each other correctly. Built with
// -sanitize=thread, only `mutex` gets a race report ("Swift access race"), which is thus a false positive of
// ThreadSanitizer's, not a race. Run by tools/reliability/tsan-mutex.sh.
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The counter under one lock or the other.
final class Counter: Sendable {
    let mutex = Mutex(0)
    let pthreadMutex = PthreadMutex(0)
    let usePthread: Bool
    init(usePthread: Bool) { self.usePthread = usePthread }

    func add(holdingFor microseconds: UInt32) {
        if usePthread {
            pthreadMutex.withLock { value in
                value += 1
                if microseconds > 0 { usleep(microseconds) }
            }
        } else {
            mutex.withLock { value in
                value += 1
                if microseconds > 0 { usleep(microseconds) }
            }
        }
    }

    var value: Int { usePthread ? pthreadMutex.withLock { $0 } : mutex.withLock { $0 } }
}

/// One thread's work: `perThread` additions, every 100th holding the lock for 1 ms. A
/// function, not a closure: a closure in top-level code would be main-actor isolated.
func addAll(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let counter = Unmanaged<Counter>.fromOpaque(context!).takeUnretainedValue()
    for i in 0..<2_000 { counter.add(holdingFor: i % 100 == 0 ? 1_000 : 0) }
    return nil
}

let arguments = CommandLine.arguments
guard arguments.count == 2, ["mutex", "pthread"].contains(arguments[1]) else {
    print("usage: \(arguments[0]) mutex|pthread")
    exit(2)
}
let counter = Counter(usePthread: arguments[1] == "pthread")
let context = Unmanaged.passRetained(counter).toOpaque()

var threads: [pthread_t] = []
for _ in 0..<2 {
    var thread = pthread_t()
    let created = pthread_create(&thread, nil, addAll, context)
    precondition(created == 0, "pthread_create failed (error \(created))")
    threads.append(thread)
}
for thread in threads { pthread_join(thread, nil) }
Unmanaged<Counter>.fromOpaque(context).release()
print("\(arguments[1]): \(counter.value) of \(4_000)")
exit(counter.value == 4_000 ? 0 : 1)
