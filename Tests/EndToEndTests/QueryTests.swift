import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Queries over a journal of the seeds, through the real CLI.
@Suite(.serialized) struct QueryTests {
    /// One ingest of the seeds shared by the tests of this suite (read-only use).
    static let journal: TemporaryDirectory = {
        let dir = TemporaryDirectory()
        let seeds = (try? FileManager.default.contentsOfDirectory(atPath: Binaries.repository + "/seeds"))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        _ = try? run(Binaries.newsdrop, ["ingest", "--quiet", "--data-dir", dir.path + "/data"] + seeds.map { Binaries.repository + "/seeds/" + $0 })
        return dir
    }()
    var data: String { Self.journal.path + "/data" }

    func events(_ arguments: [String]) throws -> [[String: Any]] {
        let r = try run(Binaries.newsdrop, ["events", "--data-dir", data, "--format", "json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func actorIDs(_ e: [String: Any]) -> [String] {
        ["actor", "target"].compactMap { (e[$0] as? [String: Any])?["id"] as? String }
    }

    @Test func theSeedsGiveEvents() throws {
        #expect(try events([]).count >= 25)
    }

    @Test func actorSpellingsFindTheSameEvents() throws {
        let reference = try events(["--actor", "Qaani"]).map { $0["id"] as? String }
        #expect(reference.count >= 5)
        for spelling in ["Ghaani", "Qa'ani", "Ismail Qaani", "Esmail Ghaani", "QAANI"] {
            #expect(try events(["--actor", spelling]).map { $0["id"] as? String } == reference, "\(spelling)")
        }
        #expect(try events(["--actor", "Qaani"]).allSatisfy { actorIDs($0).contains("esmail-qaani") })
    }

    @Test func placeSpellingsAndWithin() throws {
        let reference = try events(["--place", "Albukamal"]).map { $0["id"] as? String }
        #expect(!reference.isEmpty)
        for spelling in ["Abu Kamal", "Al-Bukamal", "Boukamal", "Albu Kamal"] {
            #expect(try events(["--place", spelling]).map { $0["id"] as? String } == reference, "\(spelling)")
        }
        let exact = try events(["--place", "Syria"])
        let within = try events(["--place", "Syria", "--within"])
        #expect(within.count > exact.count)
        #expect(within.allSatisfy { (($0["place"] as? [String: Any])?["country"] as? String) == "SY" || (($0["place"] as? [String: Any])?["name"] as? String)?.contains("Syria") == true })
    }

    @Test func filtersCombine() throws {
        let strikes = try events(["--type", "airstrike"])
        #expect(!strikes.isEmpty && strikes.allSatisfy { $0["type"] as? String == "airstrike" })
        let both = try events(["--type", "airstrike", "--actor", "Israel"])
        #expect(!both.isEmpty && both.count <= strikes.count)
        #expect(both.allSatisfy { $0["type"] as? String == "airstrike" && actorIDs($0).contains("israel") })
        let visits = try events(["--type", "visit", "--type", "meet"])
        #expect(Set(visits.compactMap { $0["type"] as? String }) == ["visit", "meet"])
        let limited = try events(["--limit", "3"])
        #expect(limited.count == 3)
        let reversed = try events(["--reverse", "--limit", "3"])
        let all = try events([])
        #expect(reversed.map { $0["seq"] as? Int } == all.suffix(3).reversed().map { $0["seq"] as? Int })
        let article = try #require(all.first?["article"] as? String)
        #expect(try events(["--article", String(article.prefix(6))]).allSatisfy { $0["article"] as? String == article })
        let dated = try events(["--since", "2013", "--until", "2016-12-31"])
        #expect(dated.allSatisfy { (($0["date"] as? [String: Any])?["value"] as? String).map { $0 >= "2013" && $0 < "2017" } ?? false })
        #expect(try events(["--source", "SOHR"]).allSatisfy { ($0["source"] as? String)?.contains("SOHR") == true })
        #expect(try events(["--min-confidence", "0.99"]).count < all.count)
    }

    @Test func csvOfEventsParsesBack() throws {
        let r = try run(Binaries.newsdrop, ["events", "--data-dir", data, "--format", "csv"])
        let rows = parseCSV(r.stdout)
        let header = try #require(rows.first)
        #expect(header.contains("sentence") && header.contains("fatalities"))
        #expect(rows.count == (try events([])).count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let sentenceColumn = try #require(header.firstIndex(of: "sentence"))
        #expect(rows.dropFirst().contains { $0[sentenceColumn].contains(",") })
    }

    @Test func tailPrintsTheLastN() throws {
        let all = try events([])
        let r = try run(Binaries.newsdrop, ["tail", "-n", "4", "--data-dir", data, "--format", "json"])
        let seqs = r.stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["seq"] as? Int }
        #expect(seqs == all.suffix(4).compactMap { $0["seq"] as? Int })
    }
}

/// `tail -f` and cursors, against commits made by another process.
@Suite(.serialized) struct FollowTests {
    @Test func followPicksUpACommitFromAnotherProcessWithinASecondAndCursorsResumeExactly() throws {
        let dir = TemporaryDirectory()
        let data = dir.path + "/data"
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Binaries.repository + "/seeds").filter { $0.hasSuffix(".txt") }.sorted().map { Binaries.repository + "/seeds/" + $0 }
        _ = try run(Binaries.newsdrop, ["ingest", "--quiet", "--data-dir", data, seeds[0]])
        let cursor = dir.path + "/cursor"
        let out = dir.path + "/followed.jsonl"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        let follower = Process()
        follower.executableURL = URL(fileURLWithPath: Binaries.newsdrop)
        follower.arguments = ["tail", "-f", "-n", "0", "--data-dir", data, "--format", "json", "--cursor-file", cursor]
        follower.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        try follower.run()
        defer { if follower.isRunning { follower.terminate(); follower.waitUntilExit() } }
        usleep(300_000)
        _ = try run(Binaries.newsdrop, ["ingest", "--quiet", "--data-dir", data, seeds[1]])
        let committed = Date()
        func followedSeqs() -> [Int] {
            ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n")
                .compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["seq"] as? Int }
        }
        let second = try JSONSerialization.jsonObject(with: Data(try run(Binaries.newsdrop, ["events", "--data-dir", data, "--format", "json", "--article", "406f"]).stdout.split(separator: "\n")[0].utf8)) as? [String: Any]
        let firstOfSecond = try #require(second?["seq"] as? Int)
        #expect(eventually(within: 1.0) { followedSeqs().contains(firstOfSecond) })
        #expect(Date().timeIntervalSince(committed) < 1.5 * testTimeScale)
        // Stop the shipper, commit more, resume with the cursor: nothing skipped, nothing repeated.
        follower.terminate()
        follower.waitUntilExit()
        let before = followedSeqs()
        _ = try run(Binaries.newsdrop, ["ingest", "--quiet", "--data-dir", data] + Array(seeds[2...]))
        let resumed = try run(Binaries.newsdrop, ["tail", "--data-dir", data, "--format", "json", "--cursor-file", cursor])
        let after = resumed.stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["seq"] as? Int }
        let all = try run(Binaries.newsdrop, ["events", "--data-dir", data, "--format", "json"]).stdout.split(separator: "\n")
            .compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["seq"] as? Int }
        let sinceFollowStart = all.filter { $0 >= firstOfSecond }
        #expect(before + after == sinceFollowStart)
        #expect(Set(before).isDisjoint(with: after))
        // And a second resume prints nothing new.
        let again = try run(Binaries.newsdrop, ["tail", "--data-dir", data, "--format", "json", "--cursor-file", cursor])
        #expect(again.stdout.isEmpty)
    }
}
