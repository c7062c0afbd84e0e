/// A thematic break (`***`, or `---` in a handout): a rule one line high on a page, `<hr/>` in HTML.
struct ThematicBreak: DocumentElement {
    static let name = "rule"
    var block: Block { .thematicBreak }

    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        node.kind == .thematicBreak ? .block(.thematicBreak) : nil
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        planner.slabs.append(LayoutSlab(height: g.leading, spaceBefore: g.paragraphSpace, content: .rule, indent: indent))
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        w.out += "<hr/>\n"
    }
}
