import InfoTheory

/// The arguments of one request, read with type checks whose errors name the argument and the
/// expected type. Keys a request may always carry: `op`, `unit`, and the presentation keys
/// `digits` and `format` that handouts pass along (ignored here).
struct Arguments {
    let op: String
    let members: [(String, JSONValue)]

    static let presentationKeys = ["digits", "format"]

    /// Rejects any key that is neither in `allowed` nor one of the always-accepted keys.
    func requireOnly(_ allowed: [String]) throws {
        let accepted = Set(allowed + ["op", "unit"] + Arguments.presentationKeys)
        for (key, _) in members where !accepted.contains(key) {
            let guess = likelyMeant(key, allowed + ["unit"]).map { " (did you mean '\($0)'?)" } ?? ""
            let expected = allowed.isEmpty ? "no arguments" : closestFirst(to: key, allowed).joined(separator: ", ")
            throw RequestError("\(op): unknown argument '\(abbreviatedForMessage(key))'\(guess); expected \(expected)\(allowed.contains("unit") ? "" : " (and optional unit)")")
        }
    }

    func has(_ name: String) -> Bool { members.contains { $0.0 == name } }

    func raw(_ name: String, expected: String) throws -> JSONValue {
        guard let v = members.first(where: { $0.0 == name })?.1 else {
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

    func bool(_ name: String, default value: Bool) throws -> Bool {
        guard has(name) else { return value }
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

    func unit() throws -> InfoUnit {
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
