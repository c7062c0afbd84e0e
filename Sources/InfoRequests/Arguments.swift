import Foundation
import InfoTheory

/// The arguments of one request, read with type checks whose errors name the argument and the
/// expected type. Keys a request may always carry: `op`, `unit` (and `base` for information ops),
/// and the presentation keys `digits` and `format` that handouts pass along (ignored here).
/// An omitted argument with a default in the op's spec reads as that default.
struct Arguments {
    let spec: OpSpec
    let members: [(String, JSONValue)]

    var op: String { spec.name }

    static let presentationKeys = ["digits", "format"]

    /// Checks every key against the spec: unknown names (with the closest known one), missing
    /// required arguments, and each given value against its declared kind.
    func validate() throws {
        let declared = spec.allArguments
        if !spec.isInformation && has("base") {
            throw RequestError("\(op): the result is not an information quantity, so it takes no 'base'")
        }
        for (key, _) in members where !spec.acceptedKeys.contains(key) {
            let names = declared.map(\.name)
            let guess = likelyMeant(key, names + ["unit"]).map { " (did you mean '\($0)'?)" } ?? ""
            let own = spec.arguments.map(\.name)
            let expected = own.isEmpty ? "no arguments" : closestFirst(to: key, own).joined(separator: ", ")
            throw RequestError("\(op): unknown argument '\(abbreviatedForMessage(key))'\(guess); expected \(expected) (and optional unit\(spec.isInformation ? " or base" : ""))")
        }
        for a in declared where has(a.name) { try check(a) }
        for a in declared where a.required && !has(a.name) {
            throw RequestError("\(op): missing argument '\(a.name)' (expected \(a.kind.expected))")
        }
    }

    /// Reads the argument once as its kind, so a wrong type is reported before any computation.
    private func check(_ a: OpArgument) throws {
        switch a.kind {
        case .number: _ = try number(a.name)
        case .integer: _ = try integer(a.name)
        case .vector: _ = try vector(a.name)
        case .table: _ = try matrix(a.name)
        case .string:
            let v = try raw(a.name, expected: "a string")
            guard case .string = v else { throw typeError(a.name, "a string", v) }
        case .choice(let choices): _ = try string(a.name, oneOf: choices)
        case .bool: _ = try bool(a.name)
        case .mixture, .json: return   // structured: the evaluator reads it and names the element at fault
        }
    }

    /// Nats per unit of the answer, from `unit` or `base` (never both).
    func natsPerUnit() throws -> Double {
        if !spec.isInformation {
            if try unit() != .nats {
                throw RequestError("\(op): the result is not an information quantity, so 'unit' must be \"nats\" or omitted")
            }
            return 1
        }
        guard has("base") else { return try unit().natsPerUnit }
        if has("unit") { throw RequestError("\(op): give either 'unit' or 'base', not both") }
        let b = try number("base")
        guard b.isFinite, b > 0, b != 1 else {
            throw RequestError("\(op): argument 'base' must be a finite number > 0 other than 1 (the logarithm base), got \(b)")
        }
        // ln 2 and ln 10 exactly as the named units use them, so base 2 is bits bit for bit.
        // log(b) is never 0 for a double b ≠ 1 (the closest, 1 ± 2⁻⁵², give ±1.1e-16).
        return b == 2 ? M_LN2 : b == 10 ? M_LN10 : log(b)
    }

    func has(_ name: String) -> Bool { members.contains { $0.0 == name } }

    func raw(_ name: String, expected: String) throws -> JSONValue {
        guard let v = members.first(where: { $0.0 == name })?.1
                ?? spec.allArguments.first(where: { $0.name == name })?.defaultValue else {
            throw RequestError("\(op): missing argument '\(name)' (expected \(expected))")
        }
        return v
    }

    func typeError(_ name: String, _ expected: String, _ got: JSONValue) -> RequestError {
        RequestError("\(op): argument '\(name)' must be \(expected), got \(describe(got))")
    }

    func number(_ name: String) throws -> Double {
        let v = try raw(name, expected: "a number")
        guard let x = numberValue(v) else { throw typeError(name, "a number", v) }
        return x
    }

    func optionalNumber(_ name: String) throws -> Double? { has(name) ? try number(name) : nil }

    func integer(_ name: String) throws -> Int {
        let v = try raw(name, expected: "an integer")
        guard case .number(let x) = v, x == x.rounded(), abs(x) < 1e15 else { throw typeError(name, "an integer", v) }
        return Int(x)
    }

    func optionalInteger(_ name: String) throws -> Int? { has(name) ? try integer(name) : nil }

    func string(_ name: String, oneOf choices: [String]) throws -> String {
        let expected = "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        let v = try raw(name, expected: expected)
        guard case .string(let s) = v, choices.contains(s) else { throw typeError(name, expected, v) }
        return s
    }

    func bool(_ name: String) throws -> Bool {
        let v = try raw(name, expected: "true or false")
        guard case .bool(let b) = v else { throw typeError(name, "true or false", v) }
        return b
    }

    func vector(_ name: String) throws -> [Double] {
        try vector(from: raw(name, expected: "an array of numbers"), name: name)
    }

    func vector(from v: JSONValue, name: String) throws -> [Double] {
        guard case .array(let items) = v else { throw typeError(name, "an array of numbers", v) }
        return try items.enumerated().map { i, item in
            guard let x = numberValue(item) else {
                throw RequestError("\(op): argument '\(name)' must be an array of numbers; element \(i) is \(describe(item))")
            }
            return x
        }
    }

    func matrix(_ name: String) throws -> [[Double]] {
        let expected = "an array of rows (arrays of numbers)"
        let v = try raw(name, expected: expected)
        guard case .array(let rows) = v else { throw typeError(name, expected, v) }
        return try rows.enumerated().map { i, row in
            guard case .array = row else {
                throw RequestError("\(op): argument '\(name)' must be \(expected); row \(i) is \(describe(row))")
            }
            return try vector(from: row, name: "\(name)[\(i)]")
        }
    }

    private func unit() throws -> InfoUnit {
        guard has("unit") else { return .nats }
        let choices = InfoUnit.allCases.map(\.rawValue)
        let s = try string("unit", oneOf: choices)
        return InfoUnit(rawValue: s) ?? .nats
    }
}

/// Numbers, plus the strings "inf"/"-inf" that the output uses for infinities.
func numberValue(_ v: JSONValue) -> Double? {
    switch v {
    case .number(let x): return x
    case .string("inf"), .string("+inf"): return .infinity
    case .string("-inf"): return -.infinity
    default: return nil
    }
}

/// "a string", "an array" … for type errors.
func describe(_ v: JSONValue) -> String {
    switch v {
    case .null: return "null"
    case .bool: return "a boolean"
    // The value itself: "must be an integer, got a number" does not say that 1.5 was the problem.
    case .number(let x): return "the number \(x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(describing: x))"
    case .string(let s): return "the string \"\(abbreviatedForMessage(s))\""
    case .array: return "an array"
    case .object: return "an object"
    }
}
