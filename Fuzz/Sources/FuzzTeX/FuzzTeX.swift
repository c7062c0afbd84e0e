import MathTypesetting

/// The TeX parser on arbitrary bytes: any input is a math list or a `MathError`, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let tex = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? MathParser.parse(tex)
    return 0
}
