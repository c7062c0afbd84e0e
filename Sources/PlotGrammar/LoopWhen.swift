import Expressions

extension SpecCompiler {
    /// `when:` in a `let:` loop, `{each: {c: coins}, when: "c.s < inf", item: c}`: only the passes
    /// where the expression (which sees the loop's names) is true give an item, so a list can be
    /// filtered (the coins whose surprisal is finite). Without `when:` every pass is kept.
    func kept(_ passes: [EachLoop.Pass], when node: YAMLNode?) throws -> [EachLoop.Pass] {
        guard let node else { return passes }
        return try passes.filter { try flag(node, "when", locals: $0.scope) }
    }
}
