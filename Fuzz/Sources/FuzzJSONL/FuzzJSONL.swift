import InfoRequests

/// The JSONL request decoder on arbitrary bytes, line by line as `compute --jsonl` reads them:
/// every line is answered with one line of JSON, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
        guard case .success(let text) = decodeUTF8(line) else { continue }
        // Only the decoder: requests that parse are not evaluated, as numerics have their own
        // size limits and would make each run slow rather than find decoder bugs.
        _ = try? JSONValue.parse(text)
    }
    return 0
}
