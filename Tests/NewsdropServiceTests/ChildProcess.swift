import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts `/bin/sh -c script` with `arguments` as `$1`…, for tests that need another process
/// holding a file open. The caller terminates it.
func startShell(_ script: String, _ arguments: String...) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, "sh"] + arguments
    try process.run()
    return process
}

/// How long a child that holds a file open sleeps (60 s times ``testTimeScale``): longer than
/// any test waits for it, since ``finish(_:)`` kills it first.
let holderSeconds = Int(60 * testTimeScale)

/// Kills a child (`SIGKILL`: the test runner's children may not react to `SIGTERM`) and
/// waits for it.
func finish(_ process: Process) {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
}
