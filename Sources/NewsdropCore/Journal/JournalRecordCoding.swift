public import Foundation
import NewsdropExtraction

/// Encodes records as journal lines (hand-written, fast, keys in SPEC order) and decodes lines
/// back (Foundation's `JSONDecoder`; readers are not the hot path of ingest).
public enum JournalRecordCoding: Sendable {
    /// Appends `record` as one `\n`-terminated JSON line.
    static func encode(_ record: JournalRecord, into w: inout JSONLineWriter) {
        w.beginObject()
        w.key("seq"); w.int(record.seq)
        w.key("kind"); w.string(record.kind)
        switch record {
        case .article(let a):
            w.key("id"); w.string(a.id)
            w.key("hash"); w.string(a.hash)
            w.key("file"); w.string(a.file)
            w.key("title"); w.string(a.title)
            w.key("bytes"); w.int(a.bytes)
            w.key("published"); w.string(a.published)
            w.key("ingested_at"); w.string(a.ingestedAt)
            w.key("events"); w.int(a.events)
            if let archive = a.archive {
                w.key("archive"); w.beginObject()
                w.key("pack"); w.int(archive.pack)
                w.key("offset"); w.int(archive.offset)
                w.endObject()
            }
            encodeDrop(a.drop, into: &w)
        case .event(let e):
            let ev = e.event
            w.key("id"); w.string(e.id)
            w.key("article"); w.string(e.article)
            w.key("type"); w.string(ev.type.rawValue)
            w.key("cameo"); w.string(ev.cameo)
            w.key("actor"); encodeActor(ev.actor, into: &w)
            w.key("target"); encodeActor(ev.target, into: &w)
            w.key("place")
            if let p = ev.place {
                w.beginObject()
                w.key("name"); w.string(p.name)
                w.key("country"); w.string(p.country)
                w.key("lat"); w.double(p.latitude)
                w.key("lon"); w.double(p.longitude)
                w.key("geonames"); w.int(p.geonamesID)
                w.key("text"); w.string(p.text)
                w.endObject()
            } else {
                w.null()
            }
            w.key("date")
            if let d = ev.date {
                w.beginObject()
                w.key("value"); w.string(d.value)
                w.key("precision"); w.string(d.precision.rawValue)
                w.key("text"); w.string(d.text)
                w.endObject()
            } else {
                w.null()
            }
            w.key("fatalities"); w.int(ev.fatalities)
            w.key("source"); w.string(ev.source)
            w.key("modality"); w.string(ev.modality.rawValue)
            w.key("sentence"); w.string(ev.sentence)
            w.key("sentence_offset"); w.int(ev.sentenceOffset)
            w.key("confidence"); w.double((ev.confidence * 100).rounded() / 100)
        case .duplicate(let d):
            w.key("article"); w.string(d.article)
            w.key("hash"); w.string(d.hash)
            w.key("file"); w.string(d.file)
            w.key("bytes"); w.int(d.bytes)
            w.key("first_seq"); w.int(d.firstSeq)
            w.key("ingested_at"); w.string(d.ingestedAt)
            encodeDrop(d.drop, into: &w)
        case .rejected(let r):
            w.key("file"); w.string(r.file)
            w.key("reason"); w.string(r.reason)
            w.key("message"); w.string(r.message)
            w.key("bytes"); w.int(r.bytes)
            w.key("hash"); w.string(r.hash)
            w.key("ingested_at"); w.string(r.ingestedAt)
            encodeDrop(r.drop, into: &w)
        }
        w.endObject()
        w.endLine()
    }

    private static func encodeActor(_ actor: ActorMention?, into w: inout JSONLineWriter) {
        guard let actor else { w.null(); return }
        w.beginObject()
        w.key("name"); w.string(actor.name)
        w.key("id"); w.string(actor.id)
        w.key("text"); w.string(actor.text)
        w.endObject()
    }

    private static func encodeDrop(_ drop: DropIdentity?, into w: inout JSONLineWriter) {
        guard let drop else { return }
        w.key("drop"); w.beginObject()
        w.key("dev"); w.int(drop.device)
        w.key("ino"); w.int(drop.inode)
        w.key("size"); w.int(drop.size)
        w.key("mtime_ns"); w.int(drop.modifiedNanoseconds)
        w.endObject()
    }

    /// The bytes of one record's line, with its `\n`.
    public static func line(_ record: JournalRecord) -> [UInt8] {
        var w = JSONLineWriter()
        encode(record, into: &w)
        return w.bytes
    }

    /// Parses one line (without or with its `\n`).
    public static func decode(_ line: some DataProtocol) throws -> JournalRecord {
        let data = Data(line)
        let decoder = JSONDecoder()
        let head = try decoder.decode(Head.self, from: data)
        switch head.kind {
        case "article": return .article(try decoder.decode(ArticleRecord.self, from: data))
        case "event": return .event(try decoder.decode(EventRecordWire.self, from: data).record)
        case "duplicate": return .duplicate(try decoder.decode(DuplicateRecord.self, from: data))
        case "rejected": return .rejected(try decoder.decode(RejectedRecord.self, from: data))
        default:
            throw DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription: "unknown kind '\(head.kind)'"))
        }
    }

    private struct Head: Decodable {
        var seq: UInt64
        var kind: String
    }

    private struct EventRecordWire: Decodable {
        var seq: UInt64
        var id: String
        var article: String
        var type: EventType
        var cameo: String?
        var actor: ActorMention?
        var target: ActorMention?
        var place: PlaceMention?
        var date: EventDate?
        var fatalities: Int?
        var source: String?
        var modality: Modality
        var sentence: String
        var sentence_offset: Int?
        var confidence: Double

        var record: EventRecord {
            EventRecord(
                seq: seq, id: id, article: article,
                event: ExtractedEvent(
                    type: type, cameo: cameo, actor: actor, target: target, place: place, date: date,
                    fatalities: fatalities, source: source, modality: modality, sentence: sentence,
                    sentenceOffset: sentence_offset ?? 0, confidence: confidence))
        }
    }
}
