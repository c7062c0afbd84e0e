/// A display formula (`$$…$$` on lines of its own): numbered when labelled (`{#eq-…}`), kept
/// with the line that introduces it, centred with its number in HTML.
extension DisplayMath: DocumentElement {
    static let name = "equation"
    var block: Block { .displayMath(self) }

    /// A paragraph that is one display formula and nothing else (its `$$…$$` lifted out before cmark).
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .paragraph else { return nil }
        let significant = try c.inlinePieces(node).filter {
            if case .inline(.text(let s)) = $0 { return !s.trimmedSpaces.isEmpty }
            if case .inline(.softBreak) = $0 { return false }
            return true
        }
        guard significant.count == 1, case .marker(let index) = significant[0],
              case .displayMath(let tex, let label, let pos) = c.lifted[index] else { return nil }
        if let label { try c.define(label, at: pos) }
        return .block(.displayMath(DisplayMath(tex: c.resolvingValues(tex), number: nil, label: label, position: pos)))
    }

    mutating func number(_ numbering: inout Numbering) {
        guard let label else { return }
        let n = numbering.next("equation")
        number = n
        numbering.target(label, text: "(\(n))", id: label)
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        // The line that introduces a display stays with it (TeX's \predisplaypenalty = 10000).
        if let last = planner.slabs.indices.last, case .line = planner.slabs[last].content {
            planner.slabs[last].keepWithNext = true
            planner.slabs[last].softKeep = false
        }
        let metrics = try measured(planner.file, position, "bad TeX") { try planner.measurer.math(tex: tex, display: true, size: g.bodySize) }
        planner.slabs.append(LayoutSlab(height: metrics.ascent + metrics.descent + 2 * g.paragraphSpace, spaceBefore: g.paragraphSpace,
                                        content: .displayMath(self, metrics), indent: indent))
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        w.out += "<div class=\"equation\"" + (label.map { " id=\"\(attr($0))\"" } ?? "") + ">"
        try w.math(tex, display: true, position: position)
        if let n = number { w.out += "<span class=\"eqno\">(\(n))</span>" }
        w.out += "</div>\n"
    }
}
