import Foundation
import InfoTheory

/// Evaluates one request `{"op": NAME, …arguments}` of the shared vocabulary (see `opTable` and
/// the README) and returns its result value; throws `RequestError` with a message meant for the user.
///
/// Information ops accept `unit` ("nats" default, "bits", "hartleys") or `base` (any positive
/// number other than 1); ops whose result is no information quantity (correlation, aic, bic,
/// maxent) accept only "nats" and no base. Log-likelihoods and the ELBO are log-probabilities and
/// are converted like information. The keys `digits` and `format` are presentation hints for
/// callers and are ignored. Ops taking probability vectors or tables also accept
/// `normalize: true` to rescale them instead of rejecting a sum other than 1.
public func evaluateRequest(_ request: JSONValue) throws -> JSONValue {
    guard case .object(let members) = request else {
        throw RequestError("a request must be a JSON object {\"op\": NAME, …}; got \(describe(request))")
    }
    guard let opValue = request["op"] else {
        throw RequestError("missing 'op'; expected one of: \(requestOps.joined(separator: ", "))")
    }
    guard case .string(let op) = opValue else {
        throw RequestError("'op' must be a string naming the operation, got \(describe(opValue)); expected one of: \(requestOps.joined(separator: ", "))")
    }
    guard let spec = opIndex[op] else {
        throw RequestError(unknownNameMessage("op", op, known: requestOps, knownLabel: "valid ops"))
    }
    let args = Arguments(spec: spec, members: members)
    try args.validate()
    let natsPerUnit = try args.natsPerUnit()
    let value: JSONValue
    do {
        value = try spec.evaluate(args)
    } catch let e as InfoTheoryError {
        throw RequestError("\(op): \(e.message)")
    }
    let converted = try convert(value, information: spec.result == .information, members: unitMembers(spec.result),
                                natsPerUnit: natsPerUnit, op: op)
    // The last line of defence of the rule "never print NaN": an evaluator that let one through
    // answers with an error, not a number (each op should have named the argument before this).
    if containsNaN(converted) {
        throw RequestError("\(op): the result is undefined (NaN) for these arguments")
    }
    return converted
}

public struct RequestError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The members of an object result that are information.
func unitMembers(_ result: OpResult) -> Set<String> {
    if case .members(let names) = result { return names }
    return []
}

/// Divides the information parts of `value` by `natsPerUnit`; an overflow to infinity (a base
/// very close to 1) is an error rather than a silently different kind of number.
private func convert(_ value: JSONValue, information: Bool, members: Set<String>, natsPerUnit: Double, op: String) throws -> JSONValue {
    if natsPerUnit == 1 { return value }
    switch value {
    case .number(let x) where information:
        let y = x / natsPerUnit
        if x.isFinite && !y.isFinite {
            throw RequestError("\(op): the result \(x) nats overflows in this 'base' (log base = \(natsPerUnit)); use a base further from 1")
        }
        return .number(y)
    case .array(let items):
        return .array(try items.map { try convert($0, information: information, members: members, natsPerUnit: natsPerUnit, op: op) })
    case .object(let fields):
        return .object(try fields.map { key, v in
            (key, try convert(v, information: members.contains(key), members: members, natsPerUnit: natsPerUnit, op: op))
        })
    default: return value
    }
}

private func containsNaN(_ v: JSONValue) -> Bool {
    switch v {
    case .number(let x): return x.isNaN
    case .array(let items): return items.contains(where: containsNaN)
    case .object(let fields): return fields.contains { containsNaN($0.1) }
    default: return false
    }
}

/// Answers one line of `infoplot compute --jsonl`: `{"value": …}` or `{"error": "…"}`. Never throws.
public func handleJSONLine(_ line: String) -> String {
    let result: JSONValue
    do {
        let request = try JSONValue.parse(line)
        result = .object([("value", try evaluateRequest(request))])
    } catch let e as JSONParseError {
        result = .object([("error", .string(e.description))])
    } catch let e as RequestError {
        result = .object([("error", .string(e.message))])
    } catch let e as InfoTheoryError {
        result = .object([("error", .string(e.message))])
    } catch {
        result = .object([("error", .string("\(error)"))])
    }
    return result.serialized
}
