import Expressions

extension LayerBuilder {
    /// `separator:` on a repeated `annotate` (`each: {c: shown}, separator: "\n"`): one annotation
    /// whose text is every pass's `text` joined by the separator, as a list of values in one box.
    /// `when:` drops passes; `at:`, `text_at:` and the other keys are read once, outside the loop.
    /// No pass left: no annotation.
    mutating func addJoinedAnnotation(_ node: YAMLNode, _ loop: EachLoop, separator: YAMLNode) throws {
        guard let textNode = node["text"] else { throw reader.error(node, "annotate needs text:") }
        let joint = try reader.string(separator, "separator")
        let passes = try loop.passes.filter { pass in try node["when"].map { try compiler.flag($0, "when", locals: pass.scope) } ?? true }
        guard !passes.isEmpty else { return }
        let text = try passes.map { try compiler.text(textNode, "text", locals: $0.scope) }.joined(separator: joint)
        let s = try style(node, nameSuffixes: [], scope: compiler.scope)
        try addAnnotation(node, s, scope: compiler.scope, text: text)
    }
}
