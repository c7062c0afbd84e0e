import Foundation
import PlotGrammar
import FuzzDriver

/// The plot spec front end (UTF-8, YAML, spec tree, parameters, expressions, compiler) on
/// arbitrary bytes: a `Figure` or a located error, never a trap or a hang. The base directory
/// does not exist, so `data: file.csv` is an error rather than a read of the machine's files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlotSpec(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(fuzzBytes(data, count))
    guard let text = try? specSource(data, file: "fuzz.yaml"),
          let spec = try? PlotSpec(yaml: text, file: "fuzz.yaml", baseDirectory: "/nonexistent-fuzz-base") else { return 0 }
    _ = try? spec.figure()
    return 0
}

@main enum FuzzPlotSpecMain {
    static func main() { runLibFuzzer(fuzzPlotSpec) }
}
