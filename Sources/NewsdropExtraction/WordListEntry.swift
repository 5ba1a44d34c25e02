/// One row of `words.tsv`: words added to one of the word lists the event rules read
/// (`ReaderVocabulary`).
public struct WordListEntry: Sendable, Hashable {
    public var id: String
    public var words: [String]
    public var list: ReaderVocabulary.List

    static let columns = ["id", "words", "list"]

    init(row: TSVRow) throws {
        id = row(0)
        words = TSVTable.list(row(1))
        if words.isEmpty { throw row.error("the words column is empty") }
        if let w = words.first(where: { $0.contains(" ") }) {
            throw row.error("'\(w)' is more than one word; the lists hold single words (add a phrase as a trigger or cue instead)")
        }
        guard let l = ReaderVocabulary.List(rawValue: row(2)) else {
            throw row.error("unknown list '\(row(2))'; use one of \(ReaderVocabulary.List.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        list = l
    }
}
