/// `#` headings: numbered 1, 1.2, … from the shallowest level the body uses; on a page a bold
/// ragged line kept with what follows; in HTML an `<hN>` opening a `<section>` at the top level.
extension Heading: DocumentElement {
    static let name = "heading"
    var block: Block { .heading(self) }

    mutating func number(_ numbering: inout Numbering) {
        if level == 0 {
            // The generated Solutions section: top level, unnumbered.
            level = 1
            return
        }
        let (depth, counters) = numbering.section(level: level)
        let number = counters.map(String.init).joined(separator: ".")
        level = depth
        self.number = number
        if id.isEmpty { id = "sec-" + counters.map(String.init).joined(separator: "-") }
        if let label { numbering.target(label, text: "Section \(number)", id: id) }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        inlines = try numbering.resolve(inlines)
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        let size = g.headingSizes[min(max(level, 1), g.headingSizes.count) - 1]
        let numbered = (number.map { [Inline.text($0 + "  ")] } ?? []) + inlines
        let typeset = try planner.setter(size: size).set([.strong(numbered)], width: planner.width(indent: indent), ragged: true)
        let height = typeset.reduce(0) { $0 + $1.height }
        planner.slabs.append(LayoutSlab(height: height, spaceBefore: size * 1.2, keepWithNext: true,
                                        content: .heading(self, lines: typeset), indent: indent))
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        let tag = "h\(min(level + 1, 6))"
        if topLevel {
            w.closeSections(downTo: level)
            w.out += "<section>\n"
            w.openSections.append(level)
        }
        w.out += "<\(tag) id=\"\(attr(id))\">"
        if let n = number { w.out += "<span class=\"secno\">\(text(n))</span>" }
        try w.inlines(inlines)
        w.out += "</\(tag)>\n"
    }
}
