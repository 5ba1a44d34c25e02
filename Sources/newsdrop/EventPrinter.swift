import Foundation
import NewsdropCore
import NewsdropExtraction
#if canImport(Glibc)
import Glibc
#endif

/// Prints events as JSON Lines (the journal's own lines), an aligned table, or CSV.
struct EventPrinter {
    var format: OutputFormat
    /// Terminal width for the table, when stdout is a terminal.
    var width: Int? = EventPrinter.terminalWidth()
    /// ANSI colour in the table (a terminal without `NO_COLOR`).
    var colour: Bool = EventPrinter.wantsColour()

    static let columns = ["date", "type", "actor", "target", "place", "killed", "source"]

    func begin() {
        switch format {
        case .csv: Output.standard.write("seq,id,article,date,type,cameo,actor,target,place,country,lat,lon,fatalities,source,modality,confidence,sentence\r\n")
        case .table: Output.standard.write(row(Self.columns.map { $0.uppercased() }, header: true))
        case .json: break
        }
    }

    func end() {}

    /// Prints one found event; JSON prints its journal line as is, the other formats decode it.
    func print(_ found: FoundEvent) throws {
        if format == .json {
            Output.standard.write(bytes: found.line)
            Output.standard.write("\n")
        } else {
            print(try found.record())
        }
    }

    func print(_ record: EventRecord) {
        let e = record.event
        switch format {
        case .json:
            Output.standard.write(bytes: JournalRecordCoding.line(.event(record)))
        case .csv:
            let fields: [String] = [
                "\(record.seq)", record.id, record.article, e.date?.value ?? "", e.type.rawValue, e.cameo ?? "",
                e.actor?.name ?? "", e.target?.name ?? "", e.place?.name ?? "", e.place?.country ?? "",
                e.place?.latitude.map { "\($0)" } ?? "", e.place?.longitude.map { "\($0)" } ?? "",
                e.fatalities.map { "\($0)" } ?? "", e.source ?? "", e.modality.rawValue, "\(e.confidence)", e.sentence,
            ]
            Output.standard.write(fields.map(Self.csvField).joined(separator: ",") + "\r\n")
        case .table:
            Output.standard.write(row([
                e.date?.value ?? "-", e.type.rawValue, e.actor?.name ?? "-", e.target?.name ?? "-",
                e.place?.name ?? "-", e.fatalities.map { "\($0)" } ?? "-", e.source ?? "-",
            ]))
        }
    }

    private static let widths = [10, 11, 22, 20, 20, 6, 20]

    private func row(_ cells: [String], header: Bool = false) -> String {
        var line = ""
        var visible = 0
        for (i, cell) in cells.enumerated() {
            let w = Self.widths[i]
            let clipped = cell.count > w ? String(cell.prefix(w - 1)) + "…" : cell
            var text = i == cells.count - 1 ? clipped : clipped.padding(toLength: w, withPad: " ", startingAt: 0)
            let separator = i == 0 ? "" : "  "
            // Cut at the terminal's width, counting only what shows.
            if let width {
                let room = width - visible - separator.count
                if room <= 0 { break }
                if text.count > room { text = String(text.prefix(room)) }
            }
            visible += separator.count + text.count
            line += separator
            if colour, let code = header ? "1" : (i == 1 ? Self.colourCode(forType: cell) : nil) {
                line += "\u{1B}[" + code + "m" + text + "\u{1B}[0m"
            } else {
                line += text
            }
        }
        return line + "\n"
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    static func wantsColour() -> Bool {
        guard isatty(1) != 0 else { return false }
        if let noColour = getenv("NO_COLOR"), noColour.pointee != 0 { return false }
        return true
    }

    /// SGR colour of an event type: violence red, movements yellow, diplomacy blue.
    static func colourCode(forType type: String) -> String? {
        switch EventType(rawValue: type) {
        case .airstrike, .attack, .kill: return "31"
        case .withdraw, .deploy, .establish, .exercise: return "33"
        case .visit, .meet, .support: return "34"
        case .accuse, .investigate: return "35"
        case nil: return nil
        }
    }

    /// RFC 4180: quote when needed, double the quotes.
    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func terminalWidth() -> Int? {
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        return nil
    }
}
