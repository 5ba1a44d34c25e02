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
        // Native Substring work only: Foundation's trimming bridges every field through NSString,
        // which made loading the 9,500-row gazetteer take most of a query's time.
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if trimmed(line).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String(trimmed($0)) }
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
        s.split(separator: "|").map { String(trimmed($0)) }.filter { !$0.isEmpty }
    }

    /// `s` without leading and trailing whitespace (spaces, tabs, no-break spaces…).
    static func trimmed(_ s: Substring) -> Substring {
        var start = s.startIndex, end = s.endIndex
        while start < end, s[start].isWhitespace { start = s.index(after: start) }
        while end > start, s[s.index(before: end)].isWhitespace { end = s.index(before: end) }
        return s[start..<end]
    }
}
