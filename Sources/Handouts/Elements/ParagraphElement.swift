/// A paragraph of inline text: justified lines with orphan and widow keeps on a page (ragged on
/// a slide), `<p>` in HTML (bare inside a tight list item).
struct Paragraph: DocumentElement {
    static let name = "paragraph"
    var inlines: [Inline]
    var block: Block { .paragraph(inlines) }

    /// Any paragraph the special ones before it in the registry left (the last reader of a paragraph).
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .paragraph else { return nil }
        return .block(.paragraph(try c.inlineOnly(try c.inlinePieces(node), context: "a paragraph")))
    }

    mutating func resolve(_ numbering: Numbering) throws {
        inlines = try numbering.resolve(inlines)
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        planner.lines(try planner.setter(size: g.bodySize).set(inlines, width: planner.width(indent: indent), ragged: planner.ragged),
                      space: g.paragraphSpace, indent: indent, justified: !planner.ragged)
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        if tight {
            try w.inlines(inlines)
        } else {
            w.out += "<p>"
            try w.inlines(inlines)
            w.out += "</p>\n"
        }
    }
}
