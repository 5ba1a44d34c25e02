import Foundation

/// The factor every wait and time limit in these tests is multiplied by: the number in
/// `NEWSDROP_TEST_TIME_SCALE` (at least 1), else 1.
///
/// tools/reliability/sanitize.sh sets it, because binaries built with AddressSanitizer or
/// ThreadSanitizer in debug mode run many times slower (an ASan newsdropd took over a minute to
/// load the dictionaries). A normal run leaves it unset, so it checks the times as written.
let testTimeScale: Double = {
    guard let text = ProcessInfo.processInfo.environment["NEWSDROP_TEST_TIME_SCALE"] else { return 1 }
    guard let value = Double(text), value >= 1 else {
        fatalError("NEWSDROP_TEST_TIME_SCALE=\(text): set a number of at least 1 (e.g. 20), or unset it")
    }
    return value
}()
