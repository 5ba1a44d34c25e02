#if canImport(Glibc)
import Glibc
#endif

/// Gives a dropped entry whose name is not UTF-8 a name that is.
///
/// The journal is UTF-8 JSON and Swift strings repair invalid bytes into U+FFFD, so a name
/// such as `caf\xE9.txt` (Latin-1) could neither be opened by its decoded name nor recorded:
/// it would sit in the drop folder forever. Instead the entry is renamed inside the drop folder
/// to its escaped name, each byte of an invalid sequence written as `%XX` (`caf%E9.txt`), and
/// taken under that name like any other file. The rename never overwrites: `name.1`, `name.2`,
/// … are tried when the escaped name is taken.
enum DropFolderNameRepair {
    /// The escaped form of `bytes`, or `nil` when they are valid UTF-8 already.
    static func escapedName(_ bytes: [UInt8]) -> String? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var out = ""
        var i = 0
        outer: while i < bytes.count {
            for length in 1...4 where i + length <= bytes.count {
                if let scalar = String(validating: bytes[i..<(i + length)], as: UTF8.self) {
                    out += scalar
                    i += length
                    continue outer
                }
            }
            let hex = Array("0123456789ABCDEF".utf8)
            out += "%" + String(decoding: [hex[Int(bytes[i] >> 4)], hex[Int(bytes[i] & 0xF)]], as: UTF8.self)
            i += 1
        }
        return out
    }

    /// Renames `folder/rawName` to its escaped name when `rawName` is not UTF-8.
    ///
    /// The corresponding C functions are `fstatat` and `renameat`.
    ///
    /// - Returns: The new name, or `nil` when the name was valid, the entry is gone, or the
    ///   rename failed (`failure` then holds the `errno`).
    static func repair(folderFD: Int32, rawName: [UInt8], failure: inout Int32) -> String? {
        guard let escaped = escapedName(rawName) else { return nil }
        var candidate = escaped
        var n = 0
        var st = stat()
        while fstatat(folderFD, candidate, &st, AT_SYMLINK_NOFOLLOW) == 0 {
            n += 1
            candidate = escaped + ".\(n)"
        }
        let renamed = rawName.withUnsafeBufferPointer { raw -> Int32 in
            var cName = Array(raw) + [0]
            return cName.withUnsafeMutableBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { renameat(folderFD, $0, folderFD, candidate) }
            }
        }
        if renamed != 0 {
            failure = errno
            return nil
        }
        return candidate
    }
}
