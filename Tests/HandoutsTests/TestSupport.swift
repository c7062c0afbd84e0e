import Foundation
import InfoRequests
@testable import Handouts

/// A stand-in for `InfoRequests.evaluateRequest` (another branch implements it) with the closed
/// forms the tests need, so expected numbers are checked against independent arithmetic.
let fakeEvaluator: RequestEvaluator = { request in
    func list(_ key: String) throws -> [Double] {
        guard case .array(let items)? = request[key] else { throw RequestError("'\(key)' must be a list") }
        return try items.map {
            guard case .number(let x) = $0 else { throw RequestError("'\(key)' must hold numbers") }
            return x
        }
    }
    func number(_ key: String) throws -> Double {
        guard case .number(let x)? = request[key] else { throw RequestError("'\(key)' must be a number") }
        return x
    }
    let scale = request["unit"] == .string("bits") ? 1 / log(2.0) : 1
    switch request["op"] {
    case .string("kl"):
        let p = try list("p"), q = try list("q")
        guard p.count == q.count else { throw RequestError("p has \(p.count) entries but q has \(q.count)") }
        return .number(zip(p, q).map { $0 * log($0 / $1) }.reduce(0, +) * scale)
    case .string("entropy"):
        return .number(try list("p").map { -$0 * log($0) }.reduce(0, +) * scale)
    case .string("kl_terms"):
        let p = try list("p"), q = try list("q")
        return .array(zip(p, q).map { .number($0 * log($0 / $1) * scale) })
    case .string("bernoulli_mle"):
        let h = try number("heads"), t = try number("tails")
        let p = h / (h + t)
        return .object([("p_hat", .number(p)), ("log_likelihood", .number(h * log(p) + t * log(1 - p)))])
    case .string("infinite"):
        return .string("inf")
    default:
        throw RequestError("unknown op \(request["op"].map { "\($0)" } ?? "(none)")")
    }
}

func fixture(_ name: String) throws -> String {
    guard name == "sample.md" else { throw RequestError("no fixture \(name)") }
    return sampleTemplate
}

func parse(_ source: String, solutions: SolutionsMode = .inline) throws -> Document {
    try HandoutParser.parse(file: "Templates/t.md", source: source, evaluator: fakeEvaluator, solutions: solutions)
}

/// Runs `body` expecting a TemplateError and returns it (nil when none or another error was thrown).
func templateError(_ body: () throws -> Void) -> TemplateError? {
    do {
        try body()
        return nil
    } catch let e as TemplateError {
        return e
    } catch {
        return nil
    }
}

/// A minimal template around a body (front matter is lines 1–6, so the body starts at line 7).
func template(_ body: String) -> String {
    """
    ---
    title: T
    data:
      weather: {labels: [Sunny, Cloudy, Rainy], p: [0.5, 0.3, 0.2], q: [0.4, 0.35, 0.25]}
    values: {kl_weather: {op: kl, p: weather.p, q: weather.q, unit: bits, digits: 3}}
    ---
    \(body)
    """
}
