/// A paragraph of inline text: justified lines with orphan and widow keeps on a page (ragged on
/// a slide), `<p>` in HTML (bare inside a tight list item).
struct Paragraph: DocumentElement {
    static let name = "paragraph"
    var inlines: [Inline]
    var block: Block { .paragraph(inlines) }

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
