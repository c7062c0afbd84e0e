import Foundation
import Expressions
import FigureModel
import InfoRequests

/// `each:` — one loop form for layers, `let:` items, description parts and checks:
/// `each: {m: means}` binds `m` to every item of the list `means` gives (an expression, or a
/// literal list); several names walk their lists side by side (`{m: means, s: sols}`, equal
/// lengths); `index: i` also binds `i` to 0, 1, 2, … (so `color: "series{{i + 1}}"`).
struct EachLoop {
    /// One pass: the scope with the loop's names bound, and each name's item as plain text (the
    /// `{name}` placeholders of a layer's legend name, kept from the first form of `each:`).
    struct Pass {
        var scope: Scope
        var texts: [(String, String)]
    }

    let passes: [Pass]

    init(_ node: YAMLNode, compiler: SpecCompiler, scope: Scope) throws {
        let reader = compiler.reader
        guard let entries = node.entries, !entries.isEmpty else {
            throw reader.error(node, "each must be {name: list, …}, optionally with index: NAME")
        }
        var lists: [(String, [JSONValue], YAMLNode)] = []
        var indexName: String?
        for e in entries {
            if e.key == "index" {
                guard let n = e.value.string, isPlainWord(n), !n.contains(" ") else {
                    throw reader.error(e.value, "index: names the loop's counter (0, 1, 2, …), e.g. index: i")
                }
                indexName = n
                continue
            }
            guard case .array(let items) = try compiler.value(e.value, locals: scope) else {
                throw reader.error(e.value, "each: '\(e.key)' needs a list of values (a list, or an expression giving one)")
            }
            if let first = lists.first, first.1.count != items.count {
                throw reader.error(e.value, "each: '\(e.key)' has \(items.count) items but '\(first.0)' has \(first.1.count); lists walked together must have the same length")
            }
            lists.append((e.key, items, e.value))
        }
        guard let count = lists.first?.1.count else { throw reader.error(node, "each needs at least one {name: list}") }
        passes = (0..<count).map { i in
            var s = scope
            var texts: [(String, String)] = []
            if let indexName { s = s.binding(indexName, .number(Double(i))) }
            for (name, items, _) in lists {
                s = s.binding(name, items[i])
                texts.append((name, plainText(items[i])))
            }
            return Pass(scope: s, texts: texts)
        }
    }
}

/// A value as a label prints it: numbers shortest (4 significant digits), text as is, lists
/// item by item joined with ", ".
func plainText(_ v: JSONValue) -> String {
    switch v {
    case .number(let x): formatNumber(x)
    case .string(let s): s
    case .bool(let b): b ? "true" : "false"
    case .array(let items): items.map(plainText).joined(separator: ", ")
    default: v.serialized
    }
}

extension SpecCompiler {
    /// A `let:` item `{each: {…}, item: EXPR-or-mapping}`: the list of `item` evaluated once per
    /// pass (a mapping gives a list of objects, read with field access: `sols[0].lambda`).
    func loopValue(_ node: YAMLNode) throws -> JSONValue {
        try reader.allow(node, ["each", "item", "when"], what: "a let loop")
        guard let item = node["item"] else { throw reader.error(node, "a let loop {each: …} needs item: (what each pass gives)") }
        let loop = try EachLoop(node["each"]!, compiler: self, scope: scope)
        // `when:` keeps only the passes where it is true (LoopWhen.swift).
        return .array(try kept(loop.passes, when: node["when"]).map { try value(item, locals: $0.scope) })
    }

    /// A description part `{each: {…}, text: …, separator: "; "}`: the text once per pass, joined
    /// (an empty list gives no text).
    func eachText(_ part: YAMLNode, _ each: YAMLNode, text textNode: YAMLNode) throws -> String {
        let loop = try EachLoop(each, compiler: self, scope: scope)
        let separator = try part["separator"].map { try reader.string($0, "separator") } ?? ""
        return try loop.passes.map { try text(textNode, "description", locals: $0.scope) }.joined(separator: separator)
    }
}

extension LayerBuilder {
    /// `each:` on a layer repeats it once per pass. Repeated bars are the series of one bar chart
    /// (side by side, or stacked with `stack: true`), as several bar layers over the same
    /// categories would hide each other.
    mutating func addRepeated(_ kind: String, _ node: YAMLNode, each: YAMLNode) throws {
        let loop = try EachLoop(each, compiler: compiler, scope: compiler.scope)
        // `separator:` joins a repeated annotation's texts into one (JoinedAnnotation.swift).
        if kind == "annotate", let separator = node["separator"] { return try addJoinedAnnotation(node, loop, separator: separator) }
        let first = marks.count
        // Every key of the layer reads the loop's names (a rule's x, an annotation's at), so the
        // pass's scope is the compiler's for the while.
        let outer = compiler.scope
        defer { compiler.scope = outer }
        defer { eachIndex = 0 }
        for (i, pass) in loop.passes.enumerated() {
            // A style list (`dash: other_dashes`) gives this pass its entry (LayerBuilder.perItem).
            eachIndex = i
            compiler.scope = pass.scope
            if let w = node["when"], !(try compiler.flag(w, "when")) { continue }
            try add(kind, node, scope: pass.scope, nameSuffixes: pass.texts)
        }
        guard kind == "bar", marks.count > first else { return }
        let added = marks[first...].compactMap { if case .bars(let b) = $0 { b } else { nil } }
        guard var merged = added.first, added.count == marks.count - first else { return }
        for b in added.dropFirst() {
            guard b.categories == merged.categories else {
                throw reader.error(node["x"] ?? node, "each: repeated bars must share their categories, got \(merged.categories.joined(separator: ", ")) and \(b.categories.joined(separator: ", "))")
            }
            merged.series += b.series
        }
        marks.replaceSubrange(first..., with: [.bars(merged)])
    }
}
