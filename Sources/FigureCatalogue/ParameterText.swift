import InfoRequests

extension ParameterSpec {
    /// Reads the text of `--set name=TEXT` as this parameter's kind. Lists are comma-separated
    /// (`0.5,0.3,0.2`), tables separate rows with `;` (`0.56,0.14;0.04,0.26`), structured kinds are JSON;
    /// any kind also accepts JSON. Errors name the parameter and what it accepts.
    public func parse(text: String, figure: String) throws -> JSONValue {
        let t = text.trimmingCharacters(in: .whitespaces)
        func fail(_ expected: String) -> CatalogueError {
            CatalogueError("--set \(name)=\(text): figure '\(figure)' expects \(expected) for '\(name)'")
        }
        func number(_ s: String) -> Double? {
            let s = s.trimmingCharacters(in: .whitespaces)
            guard let x = Double(s), x.isFinite else { return nil }
            return x
        }
        func numberList(_ s: String) throws -> JSONValue {
            let parts = s.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let xs = parts.compactMap(number)
            guard xs.count == parts.count, !xs.isEmpty else { throw fail("a comma-separated list of numbers") }
            return .array(xs.map(JSONValue.number))
        }
        if t.hasPrefix("[") || t.hasPrefix("{") {
            do { return try JSONValue.parse(t) } catch { throw fail("valid JSON (\(error))") }
        }
        switch kind {
        case .number:
            guard let x = number(t) else { throw fail("a number") }
            return .number(x)
        case .integer:
            guard let n = Int(t) else { throw fail("an integer") }
            return .number(Double(n))
        case .boolean:
            switch t.lowercased() {
            case "true", "yes", "on", "1": return .bool(true)
            case "false", "no", "off", "0": return .bool(false)
            default: throw fail("true or false")
            }
        case .choice:
            guard choices.contains(t) else { throw fail("one of \(choices.joined(separator: "|"))") }
            return .string(t)
        case .string: return .string(text)
        case .numbers: return try numberList(t)
        case .strings:
            return .array(t.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
        case .table:
            return .array(try t.split(separator: ";").map { try numberList(String($0)) })
        case .mixture, .models, .ensembles:
            throw fail("a JSON list, e.g. \(defaultValue.serialized)")
        }
    }

    /// A short human description of what the parameter accepts, for `infoplot figures`.
    public var typeDescription: String {
        switch kind {
        case .choice: return choices.joined(separator: "|")
        case .numbers: return "numbers"
        case .table: return "table (rows ;)"
        default: return kind.rawValue
        }
    }
}

import Foundation

extension ParameterSpec {
    /// The default as it would be typed after `--set name=`: lists comma-separated, table rows
    /// separated by ';', structured kinds as JSON.
    public var defaultText: String {
        func num(_ v: JSONValue) -> String {
            if case let .number(x) = v { return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
            return v.serialized
        }
        switch (kind, defaultValue) {
        case (_, .string(let s)): return s
        case (.number, _), (.integer, _): return num(defaultValue)
        case (.numbers, .array(let xs)): return xs.map(num).joined(separator: ",")
        case (.strings, .array(let xs)): return xs.map { if case let .string(s) = $0 { s } else { $0.serialized } }.joined(separator: ",")
        case (.table, .array(let rows)):
            return rows.map { if case let .array(xs) = $0 { xs.map(num).joined(separator: ",") } else { $0.serialized } }
                .joined(separator: ";")
        default: return defaultValue.serialized
        }
    }
}
