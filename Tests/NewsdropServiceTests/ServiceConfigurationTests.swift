import Logging
import Testing
@testable import NewsdropService

struct ServiceConfigurationTests {
    /// A file system of configuration files, for ``ServiceConfiguration/resolve``.
    private func files(_ contents: [String: String]) -> (String) throws -> String? {
        { path in contents[path] }
    }

    private let handEnvironment = ["HOME": "/home/ana"]

    @Test func byHandWithNothingConfiguredTheXDGDataFolderIsUsed() throws {
        let configuration = try ServiceConfiguration.resolve(
            environment: handEnvironment, currentDirectory: "/work", readFile: files([:]))
        #expect(configuration.dropDirectory == "/home/ana/.local/share/newsdrop/incoming")
        #expect(configuration.dataDirectory == "/home/ana/.local/share/newsdrop/data")
        #expect(configuration.rejectedDirectory == "/home/ana/.local/share/newsdrop/rejected")
        #expect(configuration.maxFileBytes == 16 * 1024 * 1024)
        #expect(configuration.settleTime == .seconds(1))
        #expect(configuration.dictionaryDirectories.isEmpty)
        #expect(configuration.createsDropDirectory)
        #expect(configuration.logLevel == .info)
        #expect(configuration.configFile == nil)
        #expect(!configuration.usesSystemdDefaults)
        #expect(configuration.sources[.dropDir] == .defaultValue)
    }

    @Test func xdgDataHomeWinsOverHomeAndTheWorkingDirectoryIsTheLastResort() throws {
        let xdg = try ServiceConfiguration.resolve(
            environment: ["HOME": "/home/ana", "XDG_DATA_HOME": "/data/ana"], currentDirectory: "/work",
            readFile: files([:]))
        #expect(xdg.dropDirectory == "/data/ana/newsdrop/incoming")
        let bare = try ServiceConfiguration.resolve(environment: [:], currentDirectory: "/work", readFile: files([:]))
        #expect(bare.dropDirectory == "/work/newsdrop-data/incoming")
        #expect(bare.dataDirectory == "/work/newsdrop-data/data")
    }

    @Test func underSystemdTheDefaultsComeFromStateDirectory() throws {
        let configuration = try ServiceConfiguration.resolve(
            environment: ["INVOCATION_ID": "abc", "STATE_DIRECTORY": "/var/lib/newsdrop:/var/lib/other", "HOME": "/"],
            currentDirectory: "/", readFile: files([:]))
        #expect(configuration.usesSystemdDefaults)
        #expect(configuration.dropDirectory == "/var/spool/newsdrop/incoming")
        #expect(configuration.rejectedDirectory == "/var/spool/newsdrop/rejected")
        #expect(configuration.dataDirectory == "/var/lib/newsdrop")
        let withoutState = try ServiceConfiguration.resolve(
            environment: ["INVOCATION_ID": "abc"], currentDirectory: "/", readFile: files([:]))
        #expect(withoutState.dataDirectory == "/var/lib/newsdrop")
    }

    @Test func flagBeatsEnvironmentBeatsFileBeatsDefault() throws {
        let file = files([ServiceConfiguration.defaultConfigFile: "drop_dir = /from/file\ndata_dir = /data/file\n"])
        let environment = handEnvironment.merging(["NEWSDROP_DROP_DIR": "/from/env"]) { $1 }

        let all = try ServiceConfiguration.resolve(
            flags: [.dropDir: "/from/flag"], environment: environment, currentDirectory: "/", readFile: file)
        #expect(all.dropDirectory == "/from/flag")
        #expect(all.sources[.dropDir] == .flag("--drop-dir"))
        #expect(all.dataDirectory == "/data/file")
        #expect(all.sources[.dataDir] == .file(path: "/etc/newsdrop/newsdrop.conf", line: 2))
        #expect(all.configFile == "/etc/newsdrop/newsdrop.conf")

        let noFlag = try ServiceConfiguration.resolve(environment: environment, currentDirectory: "/", readFile: file)
        #expect(noFlag.dropDirectory == "/from/env")
        #expect(noFlag.sources[.dropDir] == .environment("NEWSDROP_DROP_DIR"))

        let fileOnly = try ServiceConfiguration.resolve(environment: handEnvironment, currentDirectory: "/", readFile: file)
        #expect(fileOnly.dropDirectory == "/from/file")
        // rejected_dir follows the drop folder it was not told otherwise about.
        #expect(fileOnly.rejectedDirectory == "/from/rejected")
    }

    @Test func anEmptyEnvironmentVariableCountsAsUnset() throws {
        let configuration = try ServiceConfiguration.resolve(
            environment: handEnvironment.merging(["NEWSDROP_DROP_DIR": "", "NEWSDROP_LOG_LEVEL": "warning"]) { $1 },
            currentDirectory: "/", readFile: files([:]))
        #expect(configuration.sources[.dropDir] == .defaultValue)
        #expect(configuration.logLevel == .warning)
    }

    @Test func everyKeyIsReadFromTheFile() throws {
        let text = """
            # newsdrop configuration
            drop_dir = /srv/in

            rejected_dir = "/srv/bad ones"
            max_file_bytes = 512k
            settle_seconds = 0.5
            dictionaries_dirs = /opt/dict:extra::
            create_drop_dir = no
            log_level = debug
            """
        let configuration = try ServiceConfiguration.resolve(
            configFile: "/etc/alt/newsdrop.conf", environment: handEnvironment, currentDirectory: "/work",
            readFile: files(["/etc/alt/newsdrop.conf": text]))
        #expect(configuration.dropDirectory == "/srv/in")
        #expect(configuration.rejectedDirectory == "/srv/bad ones")
        #expect(configuration.maxFileBytes == 524_288)
        #expect(configuration.settleTime == .milliseconds(500))
        #expect(configuration.dictionaryDirectories == ["/opt/dict", "/etc/alt/extra"])
        #expect(!configuration.createsDropDirectory)
        #expect(configuration.logLevel == .debug)
        #expect(configuration.summary.contains("max_file_bytes = 512KiB (/etc/alt/newsdrop.conf:5)"))
    }

    @Test func relativePathsInFlagsAreRelativeToTheWorkingDirectory() throws {
        let configuration = try ServiceConfiguration.resolve(
            flags: [.dropDir: "./in", .dataDir: "data/"], environment: handEnvironment,
            currentDirectory: "/work", readFile: files([:]))
        #expect(configuration.dropDirectory == "/work/in")
        #expect(configuration.dataDirectory == "/work/data")
    }

    @Test func aMissingDefaultFileIsFineButAMissingConfigFileIsAnError() throws {
        #expect(throws: Never.self) {
            try ServiceConfiguration.resolve(environment: handEnvironment, currentDirectory: "/", readFile: files([:]))
        }
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.resolve(
                configFile: "conf/missing.conf", environment: handEnvironment, currentDirectory: "/work",
                readFile: files([:]))
        }
        #expect(error?.description == "config file /work/conf/missing.conf does not exist; check the --config path")
    }

    @Test func anUnreadableFileIsAnErrorNamingIt() {
        struct Denied: Error, CustomStringConvertible { var description: String { "Permission denied" } }
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.resolve(environment: [:], currentDirectory: "/") { _ in throw Denied() }
        }
        #expect(error?.description.contains("/etc/newsdrop/newsdrop.conf: Permission denied") == true)
    }

    @Test func anUnknownKeyNamesFileLineKnownKeysAndTheLikelyOne() {
        let text = "drop_dir = /a\n\n# comment\n\n\n\ndrop_dri = /b\n"
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.resolve(
                configFile: "/etc/newsdrop/newsdrop.conf", environment: [:], currentDirectory: "/",
                readFile: files(["/etc/newsdrop/newsdrop.conf": text]))
        }
        #expect(error?.key == "drop_dri")
        #expect(error?.description == """
            /etc/newsdrop/newsdrop.conf:7: unknown key 'drop_dri' (known: drop_dir, data_dir, rejected_dir, \
            max_file_bytes, settle_seconds, dictionaries_dirs, create_drop_dir, log_level); did you mean 'drop_dir'?
            """)
    }

    @Test(arguments: [
        ("max_file_bytes = lots", "max_file_bytes"),
        ("max_file_bytes = 0", "max_file_bytes"),
        ("settle_seconds = -1", "settle_seconds"),
        ("create_drop_dir = maybe", "create_drop_dir"),
        ("log_level = loud", "log_level"),
        ("drop_dir =", "drop_dir"),
    ])
    func aBadValueInTheFileNamesKeyFileAndLine(line: String, key: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.resolve(
                environment: [:], currentDirectory: "/",
                readFile: files([ServiceConfiguration.defaultConfigFile: "# first\n" + line]))
        }
        #expect(error?.key == key)
        #expect(error?.source == .file(path: "/etc/newsdrop/newsdrop.conf", line: 2))
        #expect(error?.description.hasPrefix("/etc/newsdrop/newsdrop.conf:2: bad value") == true)
        #expect(error?.description.contains("for \(key): expected") == true)
    }

    @Test func aBadValueInTheEnvironmentOrAFlagNamesIt() {
        let fromEnvironment = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.resolve(
                environment: ["NEWSDROP_MAX_FILE_BYTES": "16 furlongs"], currentDirectory: "/", readFile: files([:]))
        }
        #expect(fromEnvironment?.description == """
            environment NEWSDROP_MAX_FILE_BYTES: bad value '16 furlongs' for max_file_bytes: \
            expected a size of at least 1 byte such as 16MiB, 512k or 1048576
            """)
        let fromFlag = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.resolve(
                flags: [.settleSeconds: "soon"], environment: [:], currentDirectory: "/", readFile: files([:]))
        }
        #expect(fromFlag?.description.hasPrefix("--settle-seconds: bad value 'soon' for settle_seconds") == true)
    }

    @Test func malformedAndRepeatedLinesAreErrors() {
        let malformed = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.parseFile("drop_dir /a", path: "/c.conf")
        }
        #expect(malformed?.description == "/c.conf:1: expected 'key = value', found 'drop_dir /a'")
        let repeated = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.parseFile("log_level = info\nlog_level = debug", path: "/c.conf")
        }
        #expect(repeated?.description == "/c.conf:2: key 'log_level' is already set on line 1; keep one of them")
    }

    @Test func environmentVariablesAndFlagsFollowTheKeys() {
        #expect(ConfigurationKey.dropDir.environmentVariable == "NEWSDROP_DROP_DIR")
        #expect(ConfigurationKey.rejectedDir.environmentVariable == "NEWSDROP_REJECTED_DIR")
        #expect(ConfigurationKey.maxFileBytes.flag == "--max-file-bytes")
    }
}

struct ByteSizeTests {
    @Test(arguments: [
        ("16MiB", 16_777_216), ("512k", 524_288), ("1048576", 1_048_576), ("2 G", 2_147_483_648),
        ("1KB", 1024), ("7b", 7), (" 3m ", 3_145_728), ("1tib", 1_099_511_627_776),
    ])
    func sizesParse(text: String, bytes: Int) {
        #expect(ByteSize.parse(text) == bytes)
    }

    @Test(arguments: ["", "abc", "12x", "-1", "1.5M", "M", "99999999999T", "1 2k"])
    func nonSizesDoNotParse(text: String) {
        #expect(ByteSize.parse(text) == nil)
    }

    @Test func sizesFormatInTheLargestExactUnit() {
        #expect(ByteSize.format(16_777_216) == "16MiB")
        #expect(ByteSize.format(524_288) == "512KiB")
        #expect(ByteSize.format(1000) == "1000")
        #expect(ByteSize.format(0) == "0")
    }
}
