/// Turns a file's bytes into article text, or says why they are not text.
///
/// UTF-8 is taken as it is (a byte-order mark is dropped). Bytes that are not valid UTF-8 are
/// read as Windows-1252 when that is plausible: no NUL, no C0 control characters other than tab,
/// line feed, form feed and carriage return, and none of the five bytes Windows-1252 leaves
/// undefined. Anything else is rejected.
public enum ArticleTextDecoder: Sendable {
    /// The decoded text, or the rejection.
    public static func decode(_ bytes: [UInt8]) -> Result<String, RejectionReason> {
        if bytes.isEmpty { return .failure(.empty) }
        if let nul = bytes.firstIndex(of: 0) { return .failure(.binary(nulAt: nul)) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let invalid = firstInvalidUTF8(body) {
            guard let text = windows1252(body) else {
                return .failure(.invalidEncoding(at: invalid))
            }
            return checkedText(text, bytes: body)
        }
        return checkedText(String(decoding: body, as: UTF8.self), bytes: body)
    }

    private static func checkedText(_ text: String, bytes: ArraySlice<UInt8>) -> Result<String, RejectionReason> {
        // Control characters other than whitespace mark binary data.
        var controls = 0
        for b in bytes where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D {
            controls += 1
        }
        if controls > 0 && controls * 100 > bytes.count {
            return .failure(RejectionReason(
                code: "binary", message: "not a text file: \(controls) control bytes"))
        }
        if text.allSatisfy({ $0.isWhitespace }) { return .failure(.empty) }
        return .success(text)
    }

    /// The offset of the first byte that breaks UTF-8, or `nil` when all is valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return i - bytes.startIndex
            }
            if i + need >= end { return i - bytes.startIndex }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i - bytes.startIndex }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return i - bytes.startIndex
            }
            i += need + 1
        }
        return nil
    }

    /// Windows-1252 → String, or `nil` when a byte is undefined there or a C0 control.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D { return nil }
            if b < 0x80 || b >= 0xA0 {
                scalars.append(Unicode.Scalar(b))
                continue
            }
            let mapped = cp1252High[Int(b - 0x80)]
            if mapped == 0 { return nil }
            scalars.append(Unicode.Scalar(mapped)!)
        }
        return String(scalars)
    }

    /// Windows-1252 bytes 0x80…0x9F; 0 where undefined.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

