import ArgumentParser
import NewsdropCore
#if canImport(Glibc)
import Glibc
#endif

/// `newsdrop`: the analyst's command line over the event journal.
@main
struct NewsdropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdrop",
        abstract: "Ingest news articles and query the events extracted from them.",
        discussion: """
            The journal lives in a data folder (--data-dir, $NEWSDROP_DATA_DIR, data_dir in \
            /etc/newsdrop/newsdrop.conf). Output is a table on a terminal and JSON Lines in a pipe.
            """,
        subcommands: [
            IngestCommand.self, DropCommand.self, EventsCommand.self, TailCommand.self, ArticlesCommand.self,
            ShowCommand.self, StatsCommand.self, StatusCommand.self,
            VerifyCommand.self,
        ]
    )

    static func main() {
        // A closed pipe (`newsdrop events | head -1`) must end the program quietly: take EPIPE
        // from write() instead of dying of SIGPIPE, and exit 0 there.
        signal(SIGPIPE, SIG_IGN)
        // A parent may have spawned us with SIGTERM/SIGINT blocked; `tail -f` must still stop.
        SignalMask.unblock(SignalMask.stopAndReload)
        do {
            var command = try parseAsRoot()
            try command.run()
            Output.standard.flush()
        } catch let failure as CommandFailure {
            Output.standard.flush()
            Output.error("newsdrop: \(failure.message)")
            Glibc.exit(failure.exitCode)
        } catch {
            Output.standard.flush()
            // Bad usage exits 2, as SPEC says (ArgumentParser's own code for it is 64).
            if exitCode(for: error) == .validationFailure {
                Output.error(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// An error the user can act on, printed as one line on stderr.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}
