import Foundation
import NewsdropExtraction

/// Writes events and articles in the SPEC's JSON shapes (the `newsdrop events/articles --format
/// json` lines), so that `score.py` can score the extractor's output by hand.
enum EventJSON {
    static func string(_ s: String?) -> String {
        guard let s else { return "null" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func number(_ d: Double?) -> String { d.map { String($0) } ?? "null" }

    static func event(_ e: ExtractedEvent, article: String, n: Int) -> String {
        func actor(_ a: ActorMention?) -> String {
            guard let a else { return "null" }
            return "{\"name\":\(string(a.name)),\"id\":\(string(a.id)),\"text\":\(string(a.text))}"
        }
        let place = e.place.map { p in
            "{\"name\":\(string(p.name)),\"country\":\(string(p.country)),\"lat\":\(number(p.latitude)),\"lon\":\(number(p.longitude)),\"geonames\":\(p.geonamesID.map(String.init) ?? "null"),\"text\":\(string(p.text))}"
        } ?? "null"
        let date = e.date.map { "{\"value\":\(string($0.value)),\"precision\":\(string($0.precision.rawValue)),\"text\":\(string($0.text))}" } ?? "null"
        return "{\"kind\":\"event\",\"id\":\(string("\(article)-\(n)")),\"article\":\(string(article)),\"type\":\(string(e.type.rawValue)),\"cameo\":\(string(e.cameo)),\"actor\":\(actor(e.actor)),\"target\":\(actor(e.target)),\"place\":\(place),\"date\":\(date),\"fatalities\":\(e.fatalities.map(String.init) ?? "null"),\"source\":\(string(e.source)),\"modality\":\(string(e.modality.rawValue)),\"sentence\":\(string(e.sentence)),\"confidence\":\(e.confidence)}"
    }

    /// Extracts every `.txt` in `folder` and writes `events.jsonl` and `articles.jsonl` to `out`.
    static func dump(folder: URL, out: URL, extractor: DictionaryEventExtractor) throws {
        var events = ""
        var articles = ""
        for f in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where f.hasSuffix(".txt") {
            let a = TestSupport.article(folder.appendingPathComponent(f))
            let x = extractor.extract(a)
            articles += "{\"kind\":\"article\",\"id\":\(string(a.id)),\"file\":\(string(f)),\"published\":\(string(x.published)),\"events\":\(x.events.count)}\n"
            for (i, e) in x.events.enumerated() { events += event(e, article: a.id, n: i + 1) + "\n" }
        }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try events.write(to: out.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
        try articles.write(to: out.appendingPathComponent("articles.jsonl"), atomically: true, encoding: .utf8)
    }
}
