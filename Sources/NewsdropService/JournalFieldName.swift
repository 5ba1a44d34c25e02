/// Turns arbitrary metadata keys into valid journal field names.
///
/// journald accepts field names made of `A`–`Z`, `0`–`9` and `_`, not starting with `_`
/// (those are trusted fields set by journald itself) or a digit, at most 64 characters long;
/// an entry with an invalid name is dropped whole. Keys are uppercased, other characters become
/// `_`, leading underscores are removed, a leading digit gets an `F` in front, and names that
/// would collide with the fields the handler sets itself get a `META_` prefix.
public enum JournalFieldName: Sendable {
    /// The longest field name journald accepts.
    public static let maximumLength = 64

    /// Fields the log handler writes itself; metadata may not overwrite them.
    public static let reserved: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
    ]

    /// Whether `name` is a field name journald accepts from a client.
    ///
    /// - Parameter name: A candidate field name.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= maximumLength else { return false }
        if first == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return false
        }
        return name.utf8.allSatisfy(isFieldByte)
    }

    /// A valid field name for a metadata key: `article_id` → `ARTICLE_ID`,
    /// `file.name` → `FILE_NAME`, `_secret` → `SECRET`, `message` → `META_MESSAGE`.
    ///
    /// - Parameter key: A swift-log metadata key.
    /// - Returns: A name for which ``isValid(_:)`` holds.
    public static func sanitize(_ key: String) -> String {
        var bytes: [UInt8] = key.utf8.map { byte in
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { return byte - 32 }
            return isFieldByte(byte) ? byte : UInt8(ascii: "_")
        }
        while bytes.first == UInt8(ascii: "_") { bytes.removeFirst() }
        if bytes.isEmpty { bytes = Array("FIELD".utf8) }
        if let first = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            bytes.insert(UInt8(ascii: "F"), at: 0)
        }
        var name = String(decoding: bytes, as: UTF8.self)
        if reserved.contains(name) { name = "META_" + name }
        if name.utf8.count > maximumLength { name = String(name.prefix(maximumLength)) }
        return name
    }

    private static func isFieldByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_")
    }
}
