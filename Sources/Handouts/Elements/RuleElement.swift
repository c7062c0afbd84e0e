/// A thematic break (`***`, or `---` in a handout): a rule one line high on a page, `<hr/>` in HTML.
/// Nothing matches it by kind, so it has no case in `Block`: its block is the registry's `.element`.
struct ThematicBreak: DocumentElement {
    static let name = "rule"

    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        node.kind == .thematicBreak ? .block(ThematicBreak().block) : nil
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        planner.slabs.append(LayoutSlab(height: g.leading, spaceBefore: g.paragraphSpace, content: .rule, indent: indent))
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        w.out += "<hr/>\n"
    }
}
