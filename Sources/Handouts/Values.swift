import PlotGrammar
import Foundation
import FigureModel
import InfoRequests
import Expressions

/// Evaluates one request of the shared vocabulary (`{"op": …, …}` → result). Injected so tests
/// and callers can substitute their own; the default is `InfoRequests.evaluateRequest`.
public typealias RequestEvaluator = @Sendable (JSONValue) throws -> JSONValue

/// A value as prose prints it: numbers already formatted with their `digits`.
public indirect enum DisplayValue: Sendable, Equatable {
    case text(String)
    case list([DisplayValue])
    case object([DisplayField])

    /// What `{{name}}` prints: text as is, lists joined by ", "; nil for objects (a field must be named).
    var printed: String? {
        switch self {
        case .text(let s): return s
        case .list(let items):
            let parts = items.compactMap(\.printed)
            return parts.count == items.count ? parts.joined(separator: ", ") : nil
        case .object: return nil
        }
    }

    func child(_ name: String) -> DisplayValue? {
        switch self {
        case .object(let fields): return fields.first { $0.name == name }?.value
        case .list(let items):
            guard let i = Int(name), items.indices.contains(i) else { return nil }
            return items[i]
        case .text: return nil
        }
    }

    var childNames: [String] {
        switch self {
        case .object(let fields): return fields.map(\.name)
        case .list(let items): return items.isEmpty ? [] : ["0…\(items.count - 1)"]
        case .text: return []
        }
    }
}

public struct DisplayField: Sendable, Equatable {
    public var name: String
    public var value: DisplayValue
    public init(name: String, value: DisplayValue) {
        self.name = name
        self.value = value
    }
}

/// A named datum or computed value: the raw JSON (for figure parameters and further requests)
/// beside its printed form (for prose).
public struct TemplateValue: Sendable, Equatable {
    public var raw: JSONValue
    public var display: DisplayValue
    public init(raw: JSONValue, display: DisplayValue) {
        self.raw = raw
        self.display = display
    }

    /// Follows `field` / index path segments through raw and display in step.
    func descend(_ segment: String) -> TemplateValue? {
        guard let d = display.child(segment) else { return nil }
        switch raw {
        case .object(let members):
            guard let r = members.first(where: { $0.0 == segment })?.1 else { return nil }
            return TemplateValue(raw: r, display: d)
        case .array(let items):
            guard let i = Int(segment), items.indices.contains(i) else { return nil }
            return TemplateValue(raw: items[i], display: d)
        default: return nil
        }
    }
}

/// The `data:` and `values:` of one template, in declaration order.
public struct ValueTable: Sendable, Equatable {
    public private(set) var names: [String] = []
    private var storage: [String: TemplateValue] = [:]

    public init() {}

    public subscript(name: String) -> TemplateValue? { storage[name] }

    mutating func add(_ name: String, _ value: TemplateValue) {
        if storage[name] == nil { names.append(name) }
        storage[name] = value
    }

    /// `name`, `name.field`, `name.field.0`; `.failure` says which segment was wrong.
    func lookup(_ path: String) -> Result<TemplateValue, LookupFailure> {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = segments.first, var value = storage[head] else { return .failure(.unknownName) }
        var walked = head
        for seg in segments.dropFirst() {
            guard let next = value.descend(seg) else {
                let known = value.display.childNames
                return .failure(.badField(
                    "'\(walked)' has no field '\(seg)'" + (known.isEmpty ? "" : " (fields: \(knownList(known)))")))
            }
            value = next
            walked += "." + seg
        }
        return .success(value)
    }

    enum LookupFailure: Error {
        case unknownName
        case badField(String)
    }
}

// MARK: - Formatting

/// `digits` places after the point, as data: an ASCII minus, so a value stays valid TeX inside
/// `$…$`; prose turns it into U+2212 afterwards (typographicMinus). Same formatter as figures.
func formatNumber(_ x: Double, digits: Int) -> String { fixedDecimal(x, decimals: digits, minus: .ascii) }

func display(of result: JSONValue, digits: Int) -> DisplayValue {
    switch result {
    case .null: return .text("")
    case .bool(let b): return .text(b ? "true" : "false")
    case .number(let x): return .text(formatNumber(x, digits: digits))
    case .string(let s):
        // The request vocabulary writes infinity as the string "inf".
        if s == "inf" || s == "+inf" { return .text("∞") }
        if s == "-inf" { return .text("-∞") }
        return .text(s)
    case .array(let items): return .list(items.map { display(of: $0, digits: digits) })
    case .object(let members): return .object(members.map { DisplayField(name: $0.0, value: display(of: $0.1, digits: digits)) })
    }
}

/// Data prints exactly as the author wrote it.
private func display(of node: YAMLNode) -> DisplayValue {
    switch node.kind {
    case .null: return .text("")
    case .bool, .number, .string: return .text(node.text)
    case .list(let items): return .list(items.map { display(of: $0) })
    case .map(let entries): return .object(entries.map { DisplayField(name: $0.key, value: display(of: $0.value)) })
    }
}

// MARK: - Resolution

/// A string that looks like a path (`weather.p`, `umbrella`) and whose first segment names a
/// known datum or value is a reference; a dotted path whose head is unknown is an error (it is
/// almost certainly a typo); any other string stays a string (`given: x`, `direction: reverse`).
private func isPathLike(_ s: String) -> Bool {
    let segments = s.split(separator: ".", omittingEmptySubsequences: false)
    guard let head = segments.first, let c = head.first, c.isLetter || c == "_" else { return false }
    return segments.allSatisfy { seg in
        !seg.isEmpty && seg.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}

func resolveReference(_ node: YAMLNode, _ s: String, in table: ValueTable, file: String) throws -> TemplateValue? {
    guard isPathLike(s) else { return nil }
    switch table.lookup(s) {
    case .success(let v): return v
    case .failure(.badField(let message)):
        throw TemplateError(file: file, at: node.position, message)
    case .failure(.unknownName):
        if s.contains(".") {
            let head = s.split(separator: ".").first.map(String.init) ?? s
            throw TemplateError(file: file, at: node.position,
                                "unknown value '\(head)' in '\(s)' (known: \(knownList(table.names)))")
        }
        return nil
    }
}

/// Replaces references inside a YAML tree by their raw values (figure parameters, request arguments).
func resolveReferences(_ node: YAMLNode, in table: ValueTable, file: String) throws -> JSONValue {
    switch node.kind {
    case .string(let s):
        return try resolveReference(node, s, in: table, file: file)?.raw ?? .string(s)
    case .list(let items):
        return .array(try items.map { try resolveReferences($0, in: table, file: file) })
    case .map(let entries):
        return .object(try entries.map { ($0.key, try resolveReferences($0.value, in: table, file: file)) })
    default:
        return node.json
    }
}

private func resolveWithDisplay(_ node: YAMLNode, in table: ValueTable, file: String) throws -> TemplateValue {
    if case .string(let s) = node.kind, let v = try resolveReference(node, s, in: table, file: file) { return v }
    return TemplateValue(raw: try resolveReferences(node, in: table, file: file), display: display(of: node))
}

/// Builds the value table: data first, then each value in order (a value may use earlier ones).
func buildValueTable(data: [YAMLEntry], values: [YAMLEntry], evaluator: RequestEvaluator,
                     file: String) throws -> ValueTable {
    var table = ValueTable()
    for entry in data {
        if table[entry.key] != nil {
            throw TemplateError(file: file, at: entry.keyPosition, "'\(entry.key)' is defined twice")
        }
        table.add(entry.key, TemplateValue(raw: entry.value.json, display: display(of: entry.value)))
    }
    for entry in values {
        if table[entry.key] != nil {
            throw TemplateError(file: file, at: entry.keyPosition,
                                "'\(entry.key)' is already defined (data and values share one namespace)")
        }
        table.add(entry.key, try evaluateValue(entry, table: table, evaluator: evaluator, file: file))
    }
    return table
}

private func digitsSetting(_ node: YAMLNode, file: String) throws -> Int {
    guard case .number(let x) = node.kind, x == x.rounded(), x >= 0, x <= 15 else {
        throw TemplateError(file: file, at: node.position, "'digits' must be a whole number from 0 to 15, got '\(node.text)'")
    }
    return Int(x)
}

private func evaluateValue(_ entry: YAMLEntry, table: ValueTable, evaluator: RequestEvaluator,
                           file: String) throws -> TemplateValue {
    let name = entry.key
    guard let fields = entry.value.entries else {
        throw TemplateError(file: file, at: entry.keyPosition,
                            "value '\(name)' must be a request {op: …} or {rows: …}, not \(entry.value.typeName)")
    }
    if let rows = entry.value.entry("rows") {
        if let extra = fields.first(where: { $0.key != "rows" }) {
            throw TemplateError(file: file, at: extra.keyPosition,
                                "value '\(name)': a rows value takes only 'rows:' (columns keep their own digits)")
        }
        return try zipRows(rows, name: name, table: table, file: file)
    }
    if let expr = entry.value.entry("expr") {
        return try evaluateExpressionValue(expr, fields: fields, name: name, table: table, file: file)
    }
    guard fields.contains(where: { $0.key == "op" }) else {
        throw TemplateError(file: file, at: entry.keyPosition,
                            "value '\(name)' needs 'op:' (a computation such as {op: kl, p: …, q: …}), 'expr:' or 'rows:'")
    }
    var digits = 4
    var request: [(String, JSONValue)] = []
    for field in fields {
        if field.key == "digits" {
            digits = try digitsSetting(field.value, file: file)
        } else {
            request.append((field.key, try resolveReferences(field.value, in: table, file: file)))
        }
    }
    let result: JSONValue
    do {
        result = try evaluator(.object(request))
    } catch let error as TemplateError {
        throw error
    } catch {
        throw TemplateError(file: file, at: entry.keyPosition, "value '\(name)': \(error)")
    }
    return TemplateValue(raw: result, display: display(of: result, digits: digits))
}

/// `{expr: "kl_a / kl_b", digits: 2}`: an expression over earlier data and values (issue 8 §2).
private func evaluateExpressionValue(_ expr: YAMLEntry, fields: [YAMLEntry], name: String, table: ValueTable,
                                     file: String) throws -> TemplateValue {
    var digits = 4
    for field in fields where field.key != "expr" {
        guard field.key == "digits" else {
            throw TemplateError(file: file, at: field.keyPosition,
                                "value '\(name)': an expr value takes only 'expr:' and 'digits:', not '\(field.key)'")
        }
        digits = try digitsSetting(field.value, file: file)
    }
    guard let text = expr.value.string else {
        throw TemplateError(file: file, at: expr.value.position, "value '\(name)': 'expr' must be text such as \"kl_a / kl_b\"")
    }
    let scope = Scope(Dictionary(uniqueKeysWithValues: table.names.compactMap { n in table[n].map { (n, $0.raw) } }))
    let result: JSONValue
    do {
        result = try CompiledExpression(text).value(in: scope)
    } catch let e as ExpressionError {
        // A quoted scalar starts one column before its text.
        var at = expr.value.position
        at.column += e.column - 1 + (expr.value.isQuoted ? 1 : 0)
        throw TemplateError(file: file, at: at, "value '\(name)': \(e.message)")
    }
    if case .number(let x) = result, x.isNaN {
        throw TemplateError(file: file, at: expr.value.position, "value '\(name)': '\(text)' is undefined here (NaN)")
    }
    return TemplateValue(raw: result, display: display(of: result, digits: digits))
}

private func zipRows(_ rows: YAMLEntry, name: String, table: ValueTable, file: String) throws -> TemplateValue {
    guard let columns = rows.value.entries, !columns.isEmpty else {
        throw TemplateError(file: file, at: rows.value.position,
                            "value '\(name)': 'rows' must map column names to lists, e.g. {label: weather.labels, p: weather.p}")
    }
    var resolved: [(key: String, raw: [JSONValue], display: [DisplayValue], position: SourcePosition)] = []
    for column in columns {
        let v = try resolveWithDisplay(column.value, in: table, file: file)
        guard case .array(let raw) = v.raw, case .list(let disp) = v.display, raw.count == disp.count else {
            throw TemplateError(file: file, at: column.value.position,
                                "value '\(name)': rows column '\(column.key)' must be a list, got '\(column.value.text)'")
        }
        resolved.append((column.key, raw, disp, column.keyPosition))
    }
    let count = resolved[0].raw.count
    if let bad = resolved.first(where: { $0.raw.count != count }) {
        throw TemplateError(file: file, at: bad.position,
                            "value '\(name)': rows column '\(bad.key)' has \(bad.raw.count) entries but '\(resolved[0].key)' has \(count)")
    }
    let raw = (0..<count).map { i in JSONValue.object(resolved.map { ($0.key, $0.raw[i]) }) }
    let disp = (0..<count).map { i in DisplayValue.object(resolved.map { DisplayField(name: $0.key, value: $0.display[i]) }) }
    return TemplateValue(raw: .array(raw), display: .list(disp))
}
