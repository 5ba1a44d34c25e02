import Foundation

/// Everything the extractor reads from data files: actors and titles, places, event triggers,
/// cues, the rules' word lists and site-furniture words. Load once, share freely (immutable, `Sendable`).
public struct Dictionaries: Sendable {
    public let actors: ActorDictionary
    public let gazetteer: Gazetteer
    public let triggers: [TriggerEntry]
    public let cues: [CueEntry]
    public let furniture: [FurnitureEntry]
    /// The word lists the event rules read (`words.tsv`).
    public let words: ReaderVocabulary
    /// The files read, in order, for messages.
    public let files: [String]

    /// The file families, each `<name>.tsv` then `<name>-*.tsv` in name order.
    static let families = ["actors", "titles", "places", "triggers", "cues", "words", "furniture"]

    /// Loads every known file from each folder in order: the shipped folder first, then override
    /// folders. Later files add rows; a row whose id was already loaded replaces it.
    ///
    /// - Throws: `DictionaryError` naming the file and line of a malformed row, or the folder
    ///   when the first (shipped) folder is missing or lacks `actors.tsv`, `triggers.tsv` or
    ///   `words.tsv`, or when a word list has no words.
    ///   Missing later folders are skipped.
    public static func load(from directories: [String]) throws -> Dictionaries {
        let fm = FileManager.default
        var actors = OrderedRows<ActorEntry>()
        var titles = OrderedRows<ActorTitle>()
        var places = OrderedRows<PlaceEntry>()
        var triggers = OrderedRows<TriggerEntry>()
        var cues = OrderedRows<CueEntry>()
        var furniture = OrderedRows<FurnitureEntry>()
        var words = OrderedRows<WordListEntry>()
        var files: [String] = []
        guard let first = directories.first else {
            throw DictionaryError(file: "(none)", line: nil, message: "no dictionary folder given; set NEWSDROP_DICTIONARIES or install the shipped dictionaries")
        }
        for (n, dir) in directories.enumerated() {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                if n == 0 {
                    throw DictionaryError(file: dir, line: nil, message: "the dictionary folder does not exist; reinstall newsdrop or point NEWSDROP_DICTIONARIES at the shipped dictionaries folder")
                }
                continue
            }
            let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".tsv") }.sorted()
            if n == 0 {
                for required in ["actors.tsv", "triggers.tsv", "words.tsv"] where !names.contains(required) {
                    throw DictionaryError(file: (first as NSString).appendingPathComponent(required), line: nil, message: "missing from the shipped dictionary folder")
                }
            }
            for family in families {
                let mine = names.filter { $0 == family + ".tsv" } + names.filter { $0.hasPrefix(family + "-") }
                for name in mine {
                    let path = (dir as NSString).appendingPathComponent(name)
                    files.append(path)
                    switch family {
                    case "actors":
                        for r in try TSVTable.read(path: path, columns: ActorEntry.columns, minimumFields: 3).rows { actors.put(try ActorEntry(row: r), id: r(0)) }
                    case "titles":
                        for r in try TSVTable.read(path: path, columns: ActorTitle.columns, minimumFields: 3).rows { titles.put(try ActorTitle(row: r), id: r(0)) }
                    case "places":
                        for r in try TSVTable.read(path: path, columns: PlaceEntry.columns, minimumFields: 3).rows { places.put(try PlaceEntry(row: r), id: r(0)) }
                    case "triggers":
                        for r in try TSVTable.read(path: path, columns: TriggerEntry.columns, minimumFields: 4).rows { triggers.put(try TriggerEntry(row: r), id: r(0)) }
                    case "cues":
                        for r in try TSVTable.read(path: path, columns: CueEntry.columns, minimumFields: 3).rows { cues.put(try CueEntry(row: r), id: r(0)) }
                    case "words":
                        for r in try TSVTable.read(path: path, columns: WordListEntry.columns, minimumFields: 3).rows { words.put(try WordListEntry(row: r), id: r(0)) }
                    default:
                        for r in try TSVTable.read(path: path, columns: FurnitureEntry.columns, minimumFields: 3).rows { furniture.put(try FurnitureEntry(row: r), id: r(0)) }
                    }
                }
            }
        }
        // cross-references
        let actorIDs = Set(actors.rows.map(\.id))
        for a in actors.rows where !a.affiliation.isEmpty && !actorIDs.contains(a.affiliation) {
            throw DictionaryError(file: files.first { $0.hasSuffix("actors.tsv") } ?? first, line: nil, message: "actor \(a.id) has affiliation '\(a.affiliation)', which no actors row defines")
        }
        for t in titles.rows where !actorIDs.contains(t.actor) {
            throw DictionaryError(file: files.first { $0.contains("titles") } ?? first, line: nil, message: "title \(t.id) points at actor '\(t.actor)', which no actors row defines")
        }
        var lists: [ReaderVocabulary.List: [String]] = [:]
        for row in words.rows { lists[row.list, default: []].append(contentsOf: row.words) }
        let vocabulary = try ReaderVocabulary(words: lists, file: files.first { $0.hasSuffix("/words.tsv") } ?? first)
        return Dictionaries(
            actors: ActorDictionary(entries: actors.rows, titles: titles.rows),
            gazetteer: Gazetteer(entries: places.rows), triggers: triggers.rows, cues: cues.rows,
            words: vocabulary, furniture: furniture.rows, files: files)
    }

    init(actors: ActorDictionary, gazetteer: Gazetteer, triggers: [TriggerEntry], cues: [CueEntry], words: ReaderVocabulary, furniture: [FurnitureEntry], files: [String]) {
        self.actors = actors
        self.gazetteer = gazetteer
        self.triggers = triggers
        self.cues = cues
        self.words = words
        self.furniture = furniture
        self.files = files
    }
}

/// Rows in load order where a later row with the same id replaces the earlier one in place.
struct OrderedRows<Row: Sendable>: Sendable {
    var rows: [Row] = []
    var index: [String: Int] = [:]
    mutating func put(_ row: Row, id: String) {
        if let i = index[id] { rows[i] = row } else { index[id] = rows.count; rows.append(row) }
    }
}
