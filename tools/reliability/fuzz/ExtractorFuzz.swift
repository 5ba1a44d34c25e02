// libFuzzer target: any bytes in, through the dictionary extractor, no crash.
// Built by tools/reliability/fuzz/fuzz.sh together with Sources/NewsdropExtraction.
import Foundation

/// Loaded once: the repository's dictionaries (NEWSDROP_FUZZ_DICTIONARIES).
nonisolated(unsafe) private var extractor: DictionaryEventExtractor? = nil

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractor(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if extractor == nil {
        let folder = ProcessInfo.processInfo.environment["NEWSDROP_FUZZ_DICTIONARIES"] ?? "dictionaries"
        extractor = try! DictionaryEventExtractor(directories: [folder])
    }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = extractor!.extract(ArticleText(id: "0123456789abcdef", text: text, fileName: "fuzz.txt"))
    return 0
}
