// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "newsdrop",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewsdropCore", targets: ["NewsdropCore"]),
        .executable(name: "newsdropd", targets: ["newsdropd"]),
        .executable(name: "newsdrop", targets: ["newsdrop"]),
        .executable(name: "newsdrop-bench", targets: ["newsdrop-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // Linux calls Glibc's module lacks (renameat2), as header-only inline wrappers.
        .systemLibrary(name: "CLinux"),
        // Text in, events out: article body, sentences, name folding, dictionaries, gazetteer,
        // triggers, dates, fatalities, attribution. Pure; reads only its dictionary files.
        .target(name: "NewsdropExtraction"),
        // Intake → (extraction) → journal → query. No process policy (no exit, no signal
        // handling, no global state).
        .target(
            name: "NewsdropCore",
            dependencies: [
                "NewsdropExtraction",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The service parts the daemon and the CLI share: watching the drop folder, systemd's
        // notify and journal protocols, configuration, the status file.
        .target(
            name: "NewsdropService",
            dependencies: [
                "NewsdropCore", "CSystemd",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "newsdropd",
            dependencies: [
                "NewsdropService", "NewsdropCore", "NewsdropExtraction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "newsdrop",
            dependencies: [
                "NewsdropService", "NewsdropCore", "NewsdropExtraction", "CLinux",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "newsdrop-bench",
            dependencies: [
                "NewsdropCore",
                "NewsdropExtraction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["NewsdropExtraction"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NewsdropCoreTests",
            dependencies: ["NewsdropCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NewsdropServiceTests",
            dependencies: ["NewsdropService", "NewsdropCore"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["NewsdropCore"]
        ),
    ]
)

// Strict settings for every Swift target, as swift-log applies them (see docs/architecture.md).
for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.unsafeFlags(["-Xfrontend", "-require-explicit-sendable"]))
    target.swiftSettings = settings
}
