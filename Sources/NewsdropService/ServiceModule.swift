// The NewsdropService module: the parts the daemon (`newsdropd`) and the CLI share around the
// core pipeline. No `exit()`, no signal handling, no global state: the executables do that.
//
// How `newsdropd` wires them, in start-up order:
//
// 1. `ServiceConfiguration.resolveForCurrentProcess(flags:configFile:)`: flag > environment >
//    file > defaults; a `ConfigurationError` names key, file and line (exit 2 or 1).
// 2. `LoggingSystem.bootstrap { LogDestination.makeLogHandler(label: $0, environment: env,
//    logLevel: configuration.logLevel) }`: the journal under systemd, stderr by hand. Log
//    `configuration.summary` so the operator sees where the daemon watches and why.
// 3. `SystemdNotifier(environment:)` and `WatchdogSchedule.current()`.
// 4. Recover the journal (core), create the drop folder if `createsDropDirectory`.
// 5. `DropFolderWatcher(folder:)`, then `scan()`, feeding the bounded queue; send
//    `extendTimeout(_:)` while a long catch-up runs; then `ready(status:)`.
// 6. For every name: `SettledFileCheck.check(path:)` for names from a scan (names from an
//    event were closed by their writer; still `lstat` them: symlinks and FIFOs are rejected,
//    never opened), then the core's ingest and disposition.
// 7. Keep `DaemonStatus` current through `StatusFile.write(_:dataDirectory:)` and
//    `notifier.status(status.summaryLine)`; ping `watchdog()` from the processing path when
//    `WatchdogSchedule.isDue(lastPing:now:)`.
// 8. SIGHUP: `reloading()`, re-resolve, `ready(status:)`. SIGTERM: `stopping()`, finish the
//    unit in flight, `watcher.stop()`, exit 0.
//
// Log with `JournalMessageID` in the `message_id` metadata key, and `article_id`, `file`,
// `events`, `seq`: they become the journal fields `MESSAGE_ID`, `ARTICLE_ID`, `FILE`, `EVENTS`,
// `SEQ`.
//
// Open every file the daemon writes with O_CLOEXEC: a child process that inherits a descriptor
// holds the file open (OpenWriterProbe sees it) and delays its IN_CLOSE_WRITE.
