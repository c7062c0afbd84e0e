import FigureModel
import InfoTheory
import InfoRequests

/// A figure's parameters after validation: every declared parameter has a value (given or default),
/// every given value has the declared kind, and unknown names were rejected with the valid list.
public struct FigureArguments: Sendable {
    public let figure: String
    private let values: [String: JSONValue]

    public init(entry: CatalogueEntry, given: [(String, JSONValue)]) throws {
        figure = entry.name
        var values: [String: JSONValue] = [:]
        for spec in entry.parameters { values[spec.name] = spec.defaultValue }
        for (name, value) in given {
            guard let spec = entry.parameters.first(where: { $0.name == name }) else {
                let names = entry.parameters.map(\.name)
                let guess = likelyMeant(name, names).map { "; did you mean '\($0)'?" } ?? ";"
                throw CatalogueError("figure '\(entry.name)' has no parameter '\(name)'\(guess) its parameters: "
                                     + closestFirst(to: name, names).joined(separator: ", "))
            }
            try Self.check(value, against: spec, figure: entry.name)
            try Self.checkText(value, parameter: name, figure: entry.name)
            values[name] = value
        }
        self.values = values
    }

    /// Text ends up in SVG (XML 1.0 has no control characters), PDF and terminals: refused whole.
    private static func checkText(_ v: JSONValue, parameter: String, figure: String) throws {
        switch v {
        case .string(let s):
            if let bad = firstControlCharacter(in: s) {
                throw CatalogueError("parameter '\(parameter)' of figure '\(figure)': control character \(codePointName(bad.scalar)) at character \(bad.column) is not allowed in text")
            }
        case .array(let items): for item in items { try checkText(item, parameter: parameter, figure: figure) }
        case .object(let members): for (_, value) in members { try checkText(value, parameter: parameter, figure: figure) }
        default: break
        }
    }

    private static func check(_ v: JSONValue, against spec: ParameterSpec, figure: String) throws {
        func fail(_ expected: String) -> CatalogueError {
            CatalogueError("parameter '\(spec.name)' of figure '\(figure)': expected \(expected), got \(v.serialized)")
        }
        func isNumbers(_ v: JSONValue) -> Bool {
            if case let .array(xs) = v { return xs.allSatisfy { if case let .number(x) = $0 { x.isFinite } else { false } } }
            return false
        }
        switch spec.kind {
        case .number: guard case let .number(x) = v, x.isFinite else { throw fail("a finite number") }
        case .integer: guard case let .number(x) = v, x == x.rounded(), abs(x) < 1e9 else { throw fail("an integer of magnitude below 10⁹") }
        case .boolean: guard case .bool = v else { throw fail("true or false") }
        case .string: guard case .string = v else { throw fail("a string") }
        case .choice:
            guard case let .string(s) = v, spec.choices.contains(s) else {
                throw fail("one of \(spec.choices.joined(separator: "|"))")
            }
        case .numbers: guard isNumbers(v) else { throw fail("a list of numbers like 0.5,0.3,0.2") }
        case .strings:
            guard case let .array(xs) = v, xs.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                throw fail("a list of strings like Sunny,Cloudy,Rainy")
            }
        case .table:
            guard case let .array(rows) = v, !rows.isEmpty, rows.allSatisfy(isNumbers) else {
                throw fail("a table of numbers, rows separated by ';' like 0.56,0.14;0.04,0.26")
            }
        case .mixture, .models, .ensembles:
            guard case let .array(items) = v, !items.isEmpty,
                  items.allSatisfy({ if case .object = $0 { true } else { false } }) else {
                throw fail("a JSON list of objects (see `infoplot figures`)")
            }
            // A model is {name, q}: checked here, as a spec figure reads the fields itself.
            if spec.kind == .models {
                for (i, o) in items.enumerated() {
                    guard case .string? = o["name"] else {
                        throw CatalogueError("parameter '\(spec.name)' of figure '\(figure)', item \(i + 1): expected a string 'name'")
                    }
                    guard let q = o["q"], case .array = q else {
                        throw CatalogueError("parameter '\(spec.name)' of figure '\(figure)', item \(i + 1): expected a list 'q'")
                    }
                }
            }
            // An ensemble is {name, models: [[…], …]}.
            if spec.kind == .ensembles {
                for (i, o) in items.enumerated() {
                    guard case .string? = o["name"], case let .array(models)? = o["models"], models.allSatisfy(isNumbers) else {
                        throw CatalogueError("parameter '\(spec.name)' of figure '\(figure)', item \(i + 1): expected 'name' and 'models'")
                    }
                }
            }
        }
        func numbers(_ v: JSONValue) -> [Double] {
            switch v {
            case .number(let x): [x]
            case .array(let items): items.flatMap(numbers)
            default: []
            }
        }
        if let lo = spec.minimum, let bad = numbers(v).first(where: { $0 < lo }) {
            throw CatalogueError("parameter '\(spec.name)' of figure '\(figure)': \(formatNumber(bad)) is below the minimum \(formatNumber(lo))")
        }
        if let hi = spec.maximum, let bad = numbers(v).first(where: { $0 > hi }) {
            throw CatalogueError("parameter '\(spec.name)' of figure '\(figure)': \(formatNumber(bad)) is above the maximum \(formatNumber(hi))")
        }
    }

    public func value(_ name: String) -> JSONValue { values[name] ?? .null }

    public func number(_ name: String) -> Double {
        if case let .number(x) = values[name] { return x }
        return .nan
    }
    public func integer(_ name: String) -> Int {
        if case let .number(x) = values[name], abs(x) < 1e9 { return Int(x) }
        return 0
    }
    public func bool(_ name: String) -> Bool {
        if case let .bool(b) = values[name] { return b }
        return false
    }
    public func string(_ name: String) -> String {
        if case let .string(s) = values[name] { return s }
        return ""
    }
    public func numbers(_ name: String) -> [Double] { Self.numbers(values[name]) }
    public func strings(_ name: String) -> [String] {
        guard case let .array(xs) = values[name] else { return [] }
        return xs.compactMap { if case let .string(s) = $0 { s } else { nil } }
    }
    public func table(_ name: String) -> [[Double]] {
        guard case let .array(rows) = values[name] else { return [] }
        return rows.map(Self.numbers)
    }

    /// `[{weight, mu, sigma}]` → mixture components; a missing or non-positive field is an error naming it.
    public func mixture(_ name: String) throws -> [MixtureComponent] {
        try objects(name).enumerated().map { i, o in
            let w = try field(o, "weight", name, i), mu = try field(o, "mu", name, i), s = try field(o, "sigma", name, i)
            guard w > 0, s > 0 else {
                throw CatalogueError("parameter '\(name)' of figure '\(figure)', item \(i + 1): weight and sigma must be positive")
            }
            return MixtureComponent(weight: w, mu: mu, sigma: s)
        }
    }

    /// `[{name, models: [[…]]}]`.
    public func ensembles(_ name: String) throws -> [(name: String, models: [[Double]])] {
        try objects(name).enumerated().map { i, o in
            guard case let .string(n)? = o["name"], case let .array(ms)? = o["models"] else {
                throw CatalogueError("parameter '\(name)' of figure '\(figure)', item \(i + 1): expected 'name' and 'models'")
            }
            return (n, ms.map(Self.numbers))
        }
    }

    private func objects(_ name: String) throws -> [JSONValue] {
        guard case let .array(items) = values[name] else { return [] }
        return items
    }

    private func field(_ o: JSONValue, _ key: String, _ name: String, _ i: Int) throws -> Double {
        guard case let .number(x)? = o[key], x.isFinite else {
            throw CatalogueError("parameter '\(name)' of figure '\(figure)', item \(i + 1): expected a number '\(key)'")
        }
        return x
    }

    private static func numbers(_ v: JSONValue?) -> [Double] {
        guard case let .array(xs)? = v else { return [] }
        return xs.compactMap { if case let .number(x) = $0 { x } else { nil } }
    }
}
