import ArgumentParser
import NewsdropCore

/// `newsdrop verify`: exit 0 only when the journal is whole.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the journal's integrity: checksums, lines, seq continuity, units, index, archive.",
        discussion: "Exit status 0 when the journal is whole, 1 with the first bad file and byte offset otherwise.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Skip reading every archived article back.")
    var skipArchive = false

    func run() throws {
        var verifier = JournalVerifier(dataDirectory: common.resolvedDataDirectory)
        verifier.checkArchive = !skipArchive
        let report: JournalVerifier.Report
        do {
            report = try verifier.verify()
        } catch {
            throw CommandFailure(message: "cannot verify \(common.resolvedDataDirectory): \(error)")
        }
        let summary = "\(report.segments) segments, \(report.units) units, \(report.lines) lines: \(report.articles) articles, \(report.events) events, \(report.duplicates) duplicates, \(report.rejected) rejected"
        if report.isWhole {
            Output.standard.write("ok: \(summary)\n")
            if report.uncommittedTailBytes > 0 {
                Output.standard.write("note: \(report.uncommittedTailBytes) uncommitted bytes after the last unit (a torn tail; the writer cuts it on its next start)\n")
            }
            return
        }
        Output.standard.write("damaged: \(summary)\n")
        for p in report.problems { Output.standard.write("  \(p)\n") }
        let first = report.problems[0]
        throw CommandFailure(message: "journal damaged: first problem in \(first.file) at byte \(first.offset): \(first.detail)")
    }
}
