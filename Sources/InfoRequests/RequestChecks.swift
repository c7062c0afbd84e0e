import Foundation
import InfoTheory

/// Checks every request passes on its way into and out of the evaluator (issue 13: a size limit
/// refused before work starts; no op ever prints NaN).

/// Most numbers one request may carry, all its arguments together: every op is at least linear
/// in its input, and the per-op limits (InfoTheory's SizeLimits) are all below this.
public let maximumRequestNumbers = 1_000_000

/// Longest error message a JSONL answer carries; longer ones are cut with a note, so a bad
/// 100-MB line is never echoed back whole.
public let maximumErrorMessageLength = 1_000

/// Refuses a request with more than `maximumRequestNumbers` numbers, naming its largest argument.
func requireRequestSize(_ args: Arguments) throws {
    let counts = args.members.map { ($0.0, numberCount($0.1)) }
    let total = counts.reduce(0) { $0 + $1.1 }
    guard total > maximumRequestNumbers, let largest = counts.max(by: { $0.1 < $1.1 }) else { return }
    throw RequestError("\(args.op): the request holds \(total) numbers ('\(abbreviatedForMessage(largest.0))' has \(largest.1)); "
                       + "at most \(maximumRequestNumbers) are allowed in one request")
}

private func numberCount(_ v: JSONValue) -> Int {
    switch v {
    case .number: return 1
    case .array(let items): return items.reduce(0) { $0 + numberCount($1) }
    case .object(let members): return members.reduce(0) { $0 + numberCount($1.1) }
    default: return 0
    }
}

/// A result holding NaN is an error naming the argument most likely to blame: the one holding
/// the most extreme number, farthest from 1 in orders of magnitude (NaN comes from ∞ − ∞, 0·∞,
/// ∞/∞ or 0/0, i.e. from overflow or underflow: alpha = 5e-324 in `lindley_information`). The
/// numerics guard their own edges; this is the net under all of them, where results leave.
func requireNoNaN(_ result: JSONValue, _ args: Arguments) throws {
    guard containsNaN(result) else { return }
    let extremes = args.members.compactMap { name, value in mostExtreme(value).map { (name, $0) } }
    let blame = extremes.max { extremeness($0.1) < extremeness($1.1) }
    let culprit = blame.map { "; check '\(abbreviatedForMessage($0.0))' (it holds \(JSONValue.format(number: $0.1)), the most extreme value given)" } ?? ""
    throw RequestError("\(args.op): the result is not a number (NaN): the computation overflows double precision for these arguments\(culprit)")
}

/// |ln |x||: how many orders of magnitude (in e) x lies from 1; 0 for 0, ∞ for infinities.
private func extremeness(_ x: Double) -> Double { x == 0 ? 0 : abs(log(abs(x))) }

private func mostExtreme(_ v: JSONValue) -> Double? {
    switch v {
    case .number(let x): return x
    case .array(let items): return items.compactMap(mostExtreme).max { extremeness($0) < extremeness($1) }
    case .object(let members): return members.compactMap { mostExtreme($0.1) }.max { extremeness($0) < extremeness($1) }
    default: return nil
    }
}

private func containsNaN(_ v: JSONValue) -> Bool {
    switch v {
    case .number(let x): return x.isNaN
    case .array(let items): return items.contains(where: containsNaN)
    case .object(let members): return members.contains { containsNaN($0.1) }
    default: return false
    }
}

/// `message` cut to `maximumErrorMessageLength` characters, saying how much was left out.
func truncatedMessage(_ message: String) -> String {
    abbreviatedForMessage(message, limit: maximumErrorMessageLength)
}
