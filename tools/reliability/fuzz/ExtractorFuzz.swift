// libFuzzer target: any bytes in, through the dictionary extractor, no crash.
// Built by tools/reliability/fuzz/fuzz.sh together with Sources/NewsdropExtraction.
import Foundation

/// Loaded once, before fuzzing starts (loading takes seconds under ASan): the repository's
/// dictionaries (NEWSDROP_FUZZ_DICTIONARIES).
nonisolated(unsafe) private var extractor: DictionaryEventExtractor? = nil

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let folder = ProcessInfo.processInfo.environment["NEWSDROP_FUZZ_DICTIONARIES"] ?? "dictionaries"
    extractor = try! DictionaryEventExtractor(directories: [folder])
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractor(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = extractor!.extract(ArticleText(id: "0123456789abcdef", text: text, fileName: "fuzz.txt"))
    return 0
}
