import Expressions

extension SpecCompiler {
    /// The panels of `panels:` that are drawn, each with the scope its keys read. A panel with
    /// `each:` (EachLoop.swift) is repeated once per pass, its loop names seen by every key of it
    /// (`each: {e: ensembles}` and `title: "{{e.name}}"`: a panel per ensemble); its `when:` is
    /// then asked per pass. Any other panel is kept where its `when:` is true.
    func expandedPanels(_ all: [YAMLNode]) throws -> [(node: YAMLNode, scope: Scope)] {
        var items: [(node: YAMLNode, scope: Scope)] = []
        for item in all {
            try reader.allow(item, ["title", "x", "y", "legend", "layers", "colorbar", "when", "legend_headroom", "each"], what: "panel")
            let scopes = try item["each"].map { try EachLoop($0, compiler: self, scope: scope).passes.map(\.scope) } ?? [scope]
            for s in scopes {
                if let w = item["when"], !(try flag(w, "when", locals: s)) { continue }
                items.append((item, s))
            }
        }
        return items
    }
}
