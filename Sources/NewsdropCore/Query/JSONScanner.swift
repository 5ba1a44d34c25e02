/// A small, strict JSON reader for the journal's own lines, about ten times faster than
/// `JSONDecoder` for what the event index needs. It parses any JSON value (so key order and
/// unknown keys do not matter) into ``JSONScanner/Value`` and fails on anything that is not
/// JSON; the index builder falls back to `JSONDecoder` when it does.
struct JSONScanner {
    indirect enum Value: Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([String: Value])

        subscript(key: String) -> Value? {
            if case .object(let o) = self { return o[key] }
            return nil
        }

        var string: String? {
            if case .string(let s) = self { return s }
            return nil
        }

        var number: Double? {
            if case .number(let n) = self { return n }
            return nil
        }

        var isNull: Bool {
            if case .null = self { return true }
            return false
        }
    }

    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private var i = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses one JSON value filling all of `line` (whitespace around it allowed).
    static func parse(_ line: ArraySlice<UInt8>) throws(Malformed) -> Value {
        let result: Result<Value, Malformed> = line.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            guard let v = try? scanner.value() else { return .failure(Malformed()) }
            scanner.skipSpace()
            guard scanner.i == raw.count else { return .failure(Malformed()) }
            return .success(v)
        }
        return try result.get()
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func expect(_ literal: StaticString) throws(Malformed) {
        let n = literal.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw Malformed() }
        for k in 0..<n where bytes[i + k] != literal.utf8Start[k] { throw Malformed() }
        i += n
    }

    private mutating func value() throws(Malformed) -> Value {
        skipSpace()
        guard i < bytes.count else { throw Malformed() }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var object: [String: Value] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Malformed() }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Malformed() }
                i += 1
                object[key] = try value()
                skipSpace()
                guard i < bytes.count else { throw Malformed() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
                throw Malformed()
            }
        case UInt8(ascii: "["):
            i += 1
            var array: [Value] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(array) }
            while true {
                array.append(try value())
                skipSpace()
                guard i < bytes.count else { throw Malformed() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(array) }
                throw Malformed()
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        default:
            return .number(try number())
        }
    }

    /// A string at `i` (which is its opening quote), escapes resolved.
    private mutating func string() throws(Malformed) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") {
            guard bytes[i] >= 0x20 else { throw Malformed() }
            i += 1
        }
        guard i < bytes.count else { throw Malformed() }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return try validated(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
        }
        var out = Array(bytes[start..<i])
        while true {
            guard i < bytes.count else { throw Malformed() }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw Malformed() }
                return s
            }
            guard b >= 0x20 else { throw Malformed() }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { throw Malformed() }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { throw Malformed() }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw Malformed()
                }
                guard let u = Unicode.Scalar(scalar) else { throw Malformed() }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw Malformed()
            }
        }
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard i + 4 <= bytes.count else { throw Malformed() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw Malformed()
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func validated(_ raw: UnsafeRawBufferPointer) throws(Malformed) -> String {
        guard let s = String(validating: raw, as: UTF8.self) else { throw Malformed() }
        return s
    }

    /// A number per JSON's grammar, converted as Swift's `Double(String)` does.
    private mutating func number() throws(Malformed) -> Double {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ s: inout JSONScanner) -> Int {
            let from = s.i
            while s.i < s.bytes.count, (0x30...0x39).contains(s.bytes[s.i]) { s.i += 1 }
            return s.i - from
        }
        guard digits(&self) > 0 else { throw Malformed() }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw Malformed() }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw Malformed() }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let v = Double(text) else { throw Malformed() }
        return v
    }
}
