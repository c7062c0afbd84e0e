import FuzzDriver
import MathTypesetting

/// The font `infoplot math` uses, loaded once (a fuzz run calls the target thousands of times).
let mathFont = try! MathFont.load()

/// The TeX parser on arbitrary bytes, then layout and MathML as `infoplot math` and the handouts
/// do: any input is a laid-out formula or a `MathError`, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeX(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let tex = String(decoding: fuzzBytes(data, count), as: UTF8.self)
    guard let list = try? MathParser.parse(tex) else { return 0 }
    _ = mathML(list, source: tex, display: true)
    _ = try? typeset(tex, display: true, font: mathFont, size: 10).flatten()
    return 0
}

@main enum FuzzTeXMain {
    static func main() {
        _ = mathFont  // loaded before the first input, so no input is charged with loading it
        runLibFuzzer(fuzzTeX)
    }
}
