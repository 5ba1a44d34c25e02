/// Sizes written the way configuration files write them: `16MiB`, `512k`, `1048576`.
///
/// Suffixes are case-insensitive and, as in systemd's unit files, all count in powers of
/// 1024: `k`/`kb`/`kib` = 1024, `m`/`mb`/`mib` = 1024², `g`/`gb`/`gib` = 1024³,
/// `t`/`tb`/`tib` = 1024⁴; no suffix or `b` means bytes. Whitespace may separate number and
/// suffix; the number is a whole number.
public enum ByteSize: Sendable {
    /// Parses a size.
    ///
    /// - Parameter text: For example `16MiB`, `512k`, `1048576`, `2 G`.
    /// - Returns: The size in bytes, or `nil` when the text is not a size or does not fit.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let suffix = trimmed.dropFirst(digits.count).trimmingWhitespace().lowercased()
        let exponent: Int
        switch suffix {
        case "", "b": exponent = 0
        case "k", "kb", "kib": exponent = 1
        case "m", "mb", "mib": exponent = 2
        case "g", "gb", "gib": exponent = 3
        case "t", "tb", "tib": exponent = 4
        default: return nil
        }
        var result = number
        for _ in 0..<exponent {
            let (product, overflow) = result.multipliedReportingOverflow(by: 1024)
            if overflow { return nil }
            result = product
        }
        return result
    }

    /// Writes a size in the largest binary unit that divides it: `16777216` → `16MiB`.
    ///
    /// - Parameter bytes: A size in bytes.
    public static func format(_ bytes: Int) -> String {
        let units = ["", "KiB", "MiB", "GiB", "TiB"]
        var value = bytes
        var index = 0
        while index < units.count - 1, value != 0, value % 1024 == 0 {
            value /= 1024
            index += 1
        }
        return "\(value)\(units[index])"
    }
}
