import Crypto
import Foundation

/// The SHA-256 of a file's bytes: the identity of an article. Two files with the same bytes are
/// the same article, whatever their names.
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// Hashes `data` with swift-crypto (BoringSSL, SHA-NI where the CPU has it).
    public init(of data: [UInt8]) {
        self.bytes = Array(SHA256.hash(data: data))
    }

    /// Wraps a digest; `nil` unless it has 32 bytes.
    public init?(digest: [UInt8]) {
        guard digest.count == 32 else { return nil }
        self.bytes = digest
    }

    /// Parses 64 hex digits, with or without the `sha256:` prefix.
    public init?(hex: some StringProtocol) {
        var text = Substring(hex)
        if text.hasPrefix("sha256:") { text = text.dropFirst(7) }
        guard text.utf8.count == 64, let digest = HexDigits.decode(text) else { return nil }
        self.bytes = digest
    }

    /// The 64 lowercase hex digits.
    public var hex: String { HexDigits.encode(bytes) }

    /// `sha256:` followed by the hex digits, as the journal writes it.
    public var prefixed: String { "sha256:" + hex }

    /// The article id: the first 16 hex digits (what `sha256sum | cut -c1-16` prints).
    public var articleID: String { HexDigits.encode(bytes[0..<8]) }

    /// The first 16 bytes as two integers, the dedup index's key.
    var indexKey: (UInt64, UInt64) {
        var hi: UInt64 = 0
        var lo: UInt64 = 0
        for i in 0..<8 { hi = hi << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { lo = lo << 8 | UInt64(bytes[i]) }
        return (hi, lo)
    }

    public var description: String { prefixed }
}

/// Lowercase hex encoding and decoding.
enum HexDigits {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: Substring) -> [UInt8]? {
        var out = [UInt8]()
        var high: UInt8? = nil
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return high == nil ? out : nil
    }
}
