import InfoRequests
import FuzzDriver

/// The JSONL request path on arbitrary bytes, line by line as `compute --jsonl` reads them: every
/// line is answered with exactly one line of JSON that parses back, never a trap, never NaN.
/// Requests are evaluated too: with the documented size limits every op is bounded, so
/// evaluation is part of what may not crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(data, count)
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
        guard case .success(let text) = decodeUTF8(line) else { continue }
        let answer = handleJSONLine(text)
        precondition(!answer.contains("\n"), "an answer spans lines: \(answer.prefix(200))")
        guard let parsed = try? JSONValue.parse(answer), case .object(let members) = parsed, members.count == 1,
              ["value", "error"].contains(members[0].0) else {
            preconditionFailure("not one {value} or {error} object: \(answer.prefix(200))")
        }
        precondition(!answer.contains("\"nan\""), "NaN printed: \(answer.prefix(200))")
    }
    return 0
}

@main enum FuzzJSONLMain {
    static func main() { runLibFuzzer(fuzzJSONL) }
}
