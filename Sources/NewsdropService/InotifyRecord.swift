#if canImport(Glibc)
import Glibc
#endif

/// One `struct inotify_event` as read from an inotify file descriptor.
///
/// Swift does not import the flexible `name` member, so records are decoded by hand: `wd` at
/// offset 0, `mask` at 4, `cookie` at 8, `len` at 12, then `len` bytes of NUL-padded name.
struct InotifyRecord: Sendable, Equatable {
    /// The watch descriptor the event belongs to; -1 for `IN_Q_OVERFLOW`.
    var watchDescriptor: Int32
    /// The `IN_*` bits.
    var mask: UInt32
    /// Links the two halves of a rename.
    var cookie: UInt32
    /// The entry's name inside the watched folder; empty for events on the folder itself.
    var name: String
    /// Whether the name's bytes are valid UTF-8 (`name` repairs invalid bytes into U+FFFD, so
    /// it names no entry when this is false).
    var nameIsValid: Bool = true

    /// The size of the fixed part of `struct inotify_event`.
    static let headerSize = 16

    /// Decodes every complete record in `bytes`.
    ///
    /// - Parameter bytes: What one `read(2)` returned; the kernel never splits a record.
    /// - Returns: The records, in order; a truncated record at the end is ignored.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [InotifyRecord] {
        var records: [InotifyRecord] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watchDescriptor = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + length <= bytes.count else { break }
            var nameBytes = bytes[nameStart..<(nameStart + length)]
            if let end = nameBytes.firstIndex(of: 0) { nameBytes = nameBytes[nameBytes.startIndex..<end] }
            records.append(InotifyRecord(
                watchDescriptor: watchDescriptor, mask: mask, cookie: cookie,
                name: String(decoding: nameBytes, as: UTF8.self),
                nameIsValid: String(validating: nameBytes, as: UTF8.self) != nil))
            offset = nameStart + length
        }
        return records
    }

    /// Whether any of the bits of `flag` (an `IN_*` constant, imported as `Int32`) is set.
    func has(_ flag: Int32) -> Bool {
        mask & UInt32(bitPattern: flag) != 0
    }
}
