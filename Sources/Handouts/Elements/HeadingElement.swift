/// `#` headings: numbered 1, 1.2, … from the shallowest level the body uses; on a page a bold
/// ragged line kept with what follows; in HTML an `<hN>` opening a `<section>` at the top level.
extension Heading: DocumentElement {
    static let name = "heading"
    var block: Block { .heading(self) }

    /// An ATX or setext heading; an ATX heading may end in `{#sec-label}` and `{.shrink}`.
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .heading else { return nil }
        let line = c.sourceLine(node.startLine)
        let indent = line.chars.prefix(while: { $0 == " " || $0 == "\t" }).count
        var inl = try c.inlineOnly(try c.inlinePieces(node), context: "a heading")
        var label: String?
        var shrink = false
        // Only an ATX heading is one line with its attributes at the end.
        if node.startLine == node.endLine {
            var text = line.text.trimmingTrailingSpaces
            if text.hasSuffix("#"), let r = text.range(of: " #", options: .backwards),
               text[r.upperBound...].allSatisfy({ $0 == "#" }) {
                text = String(text[..<r.lowerBound]).trimmingTrailingSpaces
            }
            if text.hasSuffix("{.shrink}") {
                shrink = true
                text = String(text.dropLast("{.shrink}".count)).trimmingTrailingSpaces
                inl = c.dropSuffix("{.shrink}", of: c.trim(inl))
            }
            if let attr = trailingAttribute(text) {
                guard attr.label.hasPrefix("sec-") else {
                    throw TemplateError(file: c.file, at: line.position(at: attr.offset),
                                        "a heading label must start with 'sec-' (got '{#\(attr.label)}')")
                }
                try c.define(attr.label, at: line.position(at: attr.offset))
                label = attr.label
                inl = c.dropSuffix("{#\(attr.label)}", of: c.trim(inl))
            }
        }
        let level = node.headingLevel
        return .block(.heading(Heading(level: level, number: nil, label: label, id: label ?? "", inlines: c.trim(inl),
                                       position: line.position(at: indent), shrink: shrink, sourceLevel: level)))
    }

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

    /// A heading below ## is a sub-heading on the slide; slides carry no section numbers.
    func slideItems(_ cutter: inout StepCutter) throws -> [SlideItem] {
        var h = self
        h.number = nil
        return [.block(.heading(h), step: cutter.step)]
    }
}
