import Foundation
import Handouts
import InfoRequests
import FuzzDriver

/// The template front end (UTF-8, front matter, YAML, values, Mustache, math tokens, cmark, model)
/// on arbitrary bytes: a `Document` or a located `TemplateError`, never a trap or a hang.
/// Requests are answered with a fixed number so fuzzing exercises the parser, not numerics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(data, count)
    guard let source = try? templateSource(Data(bytes), file: "fuzz.md") else { return 0 }
    _ = try? HandoutParser.parse(file: "fuzz.md", source: source, evaluator: { _ in .number(0.5) })
    return 0
}

@main enum FuzzTemplateMain {
    static func main() { runLibFuzzer(fuzzTemplate) }
}
