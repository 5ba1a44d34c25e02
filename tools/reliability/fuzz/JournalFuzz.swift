// libFuzzer target: any bytes as journal lines and as a segment tail, no crash.
// Built by tools/reliability/fuzz/fuzz.sh with Sources/NewsdropCore (ContentHash stubbed:
// the fuzzer needs no real SHA-256).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Each line alone, as readers decode them.
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
        if let record = try? JournalRecordCoding.decode(line) {
            // What decodes must encode and decode to the same seq.
            var writer = JSONLineWriter(reservingCapacity: 256)
            JournalRecordCoding.encode(record, into: &writer)
            guard let again = try? JournalRecordCoding.decode(writer.bytes.dropLast()), again.seq == record.seq else {
                fatalError("a decoded record does not survive encode/decode")
            }
        }
    }
    // The whole input as the tail the writer scans on open.
    var from = 0
    var seq: UInt64 = 1
    while let unit = JournalWriter.parseUnit(bytes, from: from, firstSeq: seq) {
        precondition(unit.end > from && unit.end <= bytes.count && unit.lines > 0)
        from = unit.end
        seq += UInt64(unit.lines)
    }
    return 0
}
