import Foundation
import InfoRequests

/// One declared parameter of a spec (`params: {alpha: {type: number, default: 2, min: 0}}`). The
/// declaration alone drives `--set` parsing, validation, listings and error messages.
public struct PlotParameter: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case number, integer, boolean, string, numbers, table, choice
        /// A Gaussian mixture: a JSON list of {weight, mu, sigma} (`kl_fit`'s `target`).
        case mixture
        /// Text items (`labels`); `--set labels=Sunny,Cloudy,Rainy`.
        case strings
        /// Models of one distribution: a JSON list of {name, q} (`cross-entropy-decomposition`'s `models`).
        case models
        /// Ensembles of models: a JSON list of {name, models}, models a list of probability vectors
        /// (`ensemble-uncertainty`'s `ensembles`).
        case ensembles
    }
    public var name: String
    public var kind: Kind
    public var defaultValue: JSONValue
    public var minimum: Double?
    public var maximum: Double?
    public var choices: [String]
    public var help: String

    /// Parses a `--set name=text` value: lists comma-separated, table rows separated by ';'.
    public func parse(_ text: String) throws -> JSONValue {
        let t = text.trimmingCharacters(in: .whitespaces)
        func num(_ s: Substring) throws -> Double {
            guard let x = Double(s.trimmingCharacters(in: .whitespaces)), x.isFinite else {
                throw PlotParameterError("--set \(name)=\(text): '\(s)' is not a number")
            }
            return x
        }
        let v: JSONValue
        switch kind {
        case .number, .integer: v = .number(try num(Substring(t)))
        case .boolean:
            guard t == "true" || t == "false" else { throw PlotParameterError("--set \(name)=\(text): expected true or false") }
            v = .bool(t == "true")
        case .string, .choice: v = .string(t)
        case .numbers: v = .array(try t.split(separator: ",").map { .number(try num($0)) })
        case .table: v = .array(try t.split(separator: ";").map { row in .array(try row.split(separator: ",").map { .number(try num($0)) }) })
        case .mixture:
            do { v = try JSONValue.parse(t) } catch {
                throw PlotParameterError("--set \(name)=\(text): expected a JSON list of {weight, mu, sigma}, e.g. \(defaultValue.serialized)")
            }
        case .strings: v = .array(t.split(separator: ",", omittingEmptySubsequences: false).map { .string($0.trimmingCharacters(in: .whitespaces)) })
        case .models:
            do { v = try JSONValue.parse(t) } catch {
                throw PlotParameterError("--set \(name)=\(text): expected a JSON list of {name, q}, e.g. \(defaultValue.serialized)")
            }
        case .ensembles:
            do { v = try JSONValue.parse(t) } catch {
                throw PlotParameterError("--set \(name)=\(text): expected a JSON list of {name, models}, e.g. \(defaultValue.serialized)")
            }
        }
        try check(v)
        return v
    }

    /// Checks a value against the declaration (type, integer, min/max, choices).
    public func check(_ v: JSONValue) throws {
        func fail(_ expected: String) -> PlotParameterError {
            PlotParameterError("parameter '\(name)': expected \(expected), got \(v.serialized)")
        }
        func numbers(_ v: JSONValue) -> [Double]? {
            guard case .array(let xs) = v else { return nil }
            let ns = xs.compactMap { if case .number(let x) = $0 { x } else { nil } }
            return ns.count == xs.count ? ns : nil
        }
        var values: [Double] = []
        switch kind {
        case .number: guard case .number(let x) = v, x.isFinite else { throw fail("a finite number") }; values = [x]
        case .integer:
            guard case .number(let x) = v, x == x.rounded(), abs(x) < 1e9 else { throw fail("a whole number") }; values = [x]
        case .boolean: guard case .bool = v else { throw fail("true or false") }
        case .string: guard case .string = v else { throw fail("text") }
        case .choice:
            guard case .string(let s) = v, choices.contains(s) else { throw fail("one of \(choices.joined(separator: ", "))") }
        case .numbers: guard let ns = numbers(v), !ns.isEmpty else { throw fail("a list of numbers like 0.5,0.3,0.2") }; values = ns
        case .table:
            guard case .array(let rows) = v, !rows.isEmpty, let ns = Optional(rows.compactMap(numbers)), ns.count == rows.count else {
                throw fail("a table of numbers, rows separated by ';'")
            }
            values = ns.flatMap { $0 }
        case .mixture:
            guard case .array(let items) = v, !items.isEmpty, items.allSatisfy(isComponent) else {
                throw fail("a JSON list of {weight, mu, sigma}")
            }
        case .strings:
            guard case .array(let xs) = v, xs.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                throw fail("a list of strings like Sunny,Cloudy,Rainy")
            }
        case .models:
            guard case .array(let items) = v, !items.isEmpty else { throw fail("a JSON list of {name, q}") }
            for (i, item) in items.enumerated() {
                guard case .string? = item["name"] else { throw PlotParameterError("parameter '\(name)', item \(i + 1): expected a string 'name'") }
                guard let q = item["q"], numbers(q) != nil else { throw PlotParameterError("parameter '\(name)', item \(i + 1): expected a list 'q'") }
                values += numbers(q)!
            }
        case .ensembles:
            guard case .array(let items) = v, !items.isEmpty else { throw fail("a JSON list of {name, models}") }
            for (i, item) in items.enumerated() {
                guard case .string? = item["name"], case .array(let models)? = item["models"], models.allSatisfy({ numbers($0) != nil }) else {
                    throw PlotParameterError("parameter '\(name)', item \(i + 1): expected 'name' and 'models' (a list of lists of numbers)")
                }
            }
        }
        if let lo = minimum, let bad = values.first(where: { $0 < lo }) {
            throw PlotParameterError("parameter '\(name)': \(bad) is below the minimum \(lo)")
        }
        if let hi = maximum, let bad = values.first(where: { $0 > hi }) {
            throw PlotParameterError("parameter '\(name)': \(bad) is above the maximum \(hi)")
        }
    }
}

/// One mixture component: exactly the numbers weight, mu and sigma (their ranges are the model's to check).
private func isComponent(_ v: JSONValue) -> Bool {
    guard case .object(let members) = v, members.count == 3 else { return false }
    return ["weight", "mu", "sigma"].allSatisfy { key in if case .number? = v[key] { true } else { false } }
}

public struct PlotParameterError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ d: String) { description = d }
}
