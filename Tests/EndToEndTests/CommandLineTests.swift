import Foundation
import Testing

@Suite struct CommandLineTests {
    private func seeds() throws -> [String] {
        let dir = Binaries.repository + "/seeds"
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
    }

    @Test func ingestThenListAndVerify() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let ingest = try run(Binaries.newsdrop, ["ingest", "--data-dir", data, "--format", "json"] + seeds())
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.split(separator: "\n").count == 5)
        let articles = try run(Binaries.newsdrop, ["articles", "--data-dir", data, "--format", "json"])
        let lines = articles.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["file"] as? String == "000_7e37a96c67a979a1.txt")
        #expect((first?["id"] as? String)?.count == 16)
        let again = try run(Binaries.newsdrop, ["ingest", "--data-dir", data, "--format", "json", try seeds()[0]])
        #expect(again.stdout.contains("\"disposition\":\"duplicate\""))
        let verify = try run(Binaries.newsdrop, ["verify", "--data-dir", data])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("ok:"))
        // Every line of the journal is JSON with seq 1, 2, 3, … and a known kind.
        let objects = try journalObjects(data)
        #expect(objects.map { $0["seq"] as? Int } == Array(1...objects.count).map { Optional($0) })
        #expect(objects.allSatisfy { ["article", "event", "duplicate", "rejected"].contains($0["kind"] as? String ?? "") })
    }

    @Test func verifyExitsOneAndNamesTheOffsetOfDamage() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        _ = try run(Binaries.newsdrop, ["ingest", "--data-dir", data] + seeds())
        let segment = data + "/journal/0000000000000001.jsonl"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: segment)))
        let at = bytes.count / 2
        bytes[at] = bytes[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let verify = try run(Binaries.newsdrop, ["verify", "--data-dir", data])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("0000000000000001.jsonl at byte"))
    }

    @Test func aSecondWriterIsRefusedWithAClearMessage() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let drop = dir.path + "/in"
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: Binaries.newsdropd)
        daemon.arguments = ["--drop-dir", drop, "--data-dir", data]
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer { daemon.terminate(); daemon.waitUntilExit() }
        // Generous: the daemon loads its dictionaries first, slow in a debug build on a busy machine.
        #expect(eventually(within: 30) { FileManager.default.fileExists(atPath: data + "/status.json") })
        let ingest = try run(Binaries.newsdrop, ["ingest", "--data-dir", data, try seeds()[0]])
        #expect(ingest.status == 1)
        #expect(ingest.stderr.contains("in use by process \(daemon.processIdentifier)"))
    }

    @Test func dropPlacesWholeGroupReadableFilesAndNeverOverwrites() throws {
        let dir = TemporaryDirectory()
        let folder = dir.path + "/in"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let article = dir.file("report.txt", "A report\n\nIsraeli jets struck a depot.\n")
        // Twice the same name, under the strictest umask an analyst might have.
        let r = try run("/bin/sh", ["-c", "umask 077; exec \"$0\" drop --drop-dir \"$1\" \"$2\" \"$2\"", Binaries.newsdrop, folder, article])
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["report.txt", "report.txt.1"], "no temp file left, the second copy renamed, none overwritten")
        for name in names {
            var st = stat()
            #expect(stat(folder + "/" + name, &st) == 0)
            #expect(st.st_mode & 0o777 == 0o640, "\(name) is readable by the folder's group whatever the umask")
            #expect(FileManager.default.contents(atPath: folder + "/" + name) == FileManager.default.contents(atPath: article))
        }
    }

    @Test func badUsageExitsTwoAndUnknownTypesListTheValidOnes() throws {
        let r = try run(Binaries.newsdrop, ["events", "--type", "picnic", "--data-dir", "/nonexistent"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("airstrike"))
        #expect(try run(Binaries.newsdrop, ["frobnicate"]).status == 2)
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        var list: [String] = []
        for i in 0..<800 { list.append(dir.file("\(i).txt", "Report number \(i)\nSomething happened.\n")) }
        let ingest = try run(Binaries.newsdrop, ["ingest", "--quiet", "--data-dir", data, "--files-from", "-"], stdin: list.joined(separator: "\n"))
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let r = try run("/bin/bash", ["-c", "set -o pipefail; '\(Binaries.newsdrop)' articles --format json --data-dir '\(data)' | head -1 >/dev/null; echo \"${PIPESTATUS[0]}\""])
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(r.stderr.isEmpty)
    }

    @Test func csvOutputParsesBack() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        _ = try run(Binaries.newsdrop, ["ingest", "--data-dir", data] + seeds())
        let csv = try run(Binaries.newsdrop, ["articles", "--data-dir", data, "--format", "csv"])
        let rows = parseCSV(csv.stdout)
        #expect(rows.first == ["seq", "id", "file", "title", "bytes", "events", "duplicates", "ingested_at"])
        #expect(rows.count == 6)
        #expect(rows.dropFirst().allSatisfy { $0.count == 8 })
        // A title with commas survives quoting.
        #expect(rows[4][3] == "BEIRUT, LEBANON (10:45 P.M.) – The new commander of Iran’s Quds Force, Brigadier General Esmail Ghaani, has reportedly visited Aleppo, marking the first time he has visited Syria since the death of General Qassem Soleimani in Baghdad on January 3rd.".prefix(300).description)
    }
}

/// RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)
    chars.append("\u{0}")
    var i = 0
    while i < chars.count - 1 {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r\n" || c == "\n" {
            row.append(field); field = ""
            rows.append(row); row = []
        } else {
            field.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
