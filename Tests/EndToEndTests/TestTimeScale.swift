import Foundation

/// The factor every wait and time limit in these tests is multiplied by: the number in
/// `NEWSDROP_TEST_TIME_SCALE` (at least 1), else 1.
///
/// tools/reliability/sanitize.sh sets it (20), because the whole suite built with AddressSanitizer
/// or ThreadSanitizer runs about 3 times as long and its tests compete for 2 cores: with 1, five
/// tests miss their times under ASan (a daemon not ready within 10 s, a writer not seen within
/// 30 s). A normal run leaves it unset, so it checks the times as written.
let testTimeScale: Double = {
    guard let text = ProcessInfo.processInfo.environment["NEWSDROP_TEST_TIME_SCALE"] else { return 1 }
    guard let value = Double(text), value >= 1 else {
        fatalError("NEWSDROP_TEST_TIME_SCALE=\(text): set a number of at least 1 (e.g. 20), or unset it")
    }
    return value
}()
