import Foundation

/// One data row of a dictionary file, with where it came from.
struct TSVRow: Sendable {
    var fields: [String]
    var file: String
    var line: Int

    /// The field under `column` of the header; empty when the row is shorter.
    func callAsFunction(_ index: Int) -> String { index < fields.count ? fields[index] : "" }

    func error(_ message: String) -> DictionaryError {
        DictionaryError(file: file, line: line, message: message)
    }
}

/// A tab-separated dictionary file: `#` comment lines, blank lines, one header line, rows.
struct TSVTable: Sendable {
    var file: String
    var header: [String]
    var rows: [TSVRow]

    /// Reads and checks a file against the columns it must have (in this order).
    static func read(path: String, columns: [String], minimumFields: Int? = nil) throws -> TSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DictionaryError(file: path, line: nil, message: "cannot read the file; check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DictionaryError(file: path, line: nil, message: "the file is not valid UTF-8; save it as UTF-8")
        }
        var header: [String]? = nil
        var rows: [TSVRow] = []
        var lineNumber = 0
        let required = minimumFields ?? 2
        // Lines and fields are found on the UTF-8 bytes: splitting a String walks grapheme
        // clusters (and "\r\n" is one cluster, so a String split on "\n" would not see CRLF lines).
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            let line = lineStart..<end
            if trimmed(bytes, line).isEmpty || (end > lineStart && bytes[lineStart] == 0x23) { continue }
            var fields: [String] = []
            var fieldStart = lineStart
            for k in lineStart...end where k == end || bytes[k] == 0x09 {
                fields.append(String(decoding: bytes[trimmed(bytes, fieldStart..<k)], as: UTF8.self))
                fieldStart = k + 1
            }
            if header == nil {
                let wanted = columns.map { $0.lowercased() }
                let got = fields.map { $0.lowercased() }
                if Array(got.prefix(wanted.count)) != wanted {
                    throw DictionaryError(
                        file: path, line: lineNumber,
                        message: "the header must be the tab-separated columns \(columns.joined(separator: ", ")); found \(fields.joined(separator: ", "))")
                }
                header = fields
                continue
            }
            if fields.count > columns.count {
                throw DictionaryError(
                    file: path, line: lineNumber,
                    message: "\(fields.count) tab-separated fields, at most \(columns.count) expected (\(columns.joined(separator: ", "))); check for a stray tab")
            }
            if fields.count < required {
                throw DictionaryError(
                    file: path, line: lineNumber,
                    message: "\(fields.count) tab-separated field(s), at least \(required) expected (\(columns.prefix(required).joined(separator: ", "))); separate columns with tabs, not spaces")
            }
            if fields[0].isEmpty {
                throw DictionaryError(file: path, line: lineNumber, message: "the first column (\(columns[0])) is empty")
            }
            rows.append(TSVRow(fields: fields, file: path, line: lineNumber))
        }
        guard let header else {
            throw DictionaryError(file: path, line: nil, message: "no header line; the first non-comment line must be: \(columns.joined(separator: "\t"))")
        }
        return TSVTable(file: path, header: header, rows: rows)
    }

    /// Splits a `|`-separated list, dropping empty items.
    static func list(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        var items: [String] = []
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x7C {
            let r = trimmed(bytes, start..<k)
            if !r.isEmpty { items.append(String(decoding: bytes[r], as: UTF8.self)) }
            start = k + 1
        }
        return items
    }

    /// `bytes[range]` without leading and trailing whitespace (spaces, tabs, no-break spaces and
    /// the other Unicode white space), as a range of `bytes`.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, let n = whitespaceLength(bytes, start, end) { start += n }
        while end > start {
            // the last scalar: step back over continuation bytes
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard let n = whitespaceLength(bytes, lead, end), lead + n == end else { break }
            end = lead
        }
        return start..<end
    }

    /// The byte length of the white-space scalar at `bytes[i]`, or nil when it is none.
    private static func whitespaceLength(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int? {
        let b = bytes[i]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : nil }
        let n = NameFolding.utf8Length(b)
        guard i + n <= end, let scalar = String(decoding: bytes[i..<(i + n)], as: UTF8.self).unicodeScalars.first,
            scalar.value >= 0x80, scalar.properties.isWhitespace
        else { return nil }
        return n
    }
}
