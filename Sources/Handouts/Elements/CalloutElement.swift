/// A `::: kind Title` … `:::` callout (note, definition, exercise, …): exercises numbered (in
/// References.swift, with their solutions); on a page a tinted box of slabs kept together at
/// its ends; in HTML an `<aside>` named by its label.
extension Callout: DocumentElement {
    static let name = "callout"
    var block: Block { .callout(self) }

    /// "Exercise 2", "Solution to Exercise 2", "Definition": what the box's title starts with.
    var label: String {
        switch (kind, number) {
        case (.exercise, let n?): return "Exercise \(n)"
        case (.solution, let n?): return "Solution to Exercise \(n)"
        default: return kind.displayName
        }
    }

    mutating func number(_ numbering: inout Numbering) {
        blocks = blocks.map { numbering.number($0) }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        if let title { self.title = try numbering.resolve(title) }
        blocks = try blocks.map { try numbering.resolve($0) }
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        let pad = g.calloutPadding
        let title = try planner.setter(size: g.bodySize).set([.strong([.text(label + (self.title == nil ? "" : ". "))] + (self.title ?? []))],
                                                             width: planner.width(indent: indent) - 2 * pad)
        planner.slabs.append(LayoutSlab(height: pad + title.reduce(0) { $0 + $1.height }, spaceBefore: 2 * g.paragraphSpace,
                                        keepWithNext: true, content: .calloutTop(self, title: title), indent: indent))
        let first = planner.slabs.count - 1
        planner.rightInset += pad
        for b in blocks { try planner.add(b, indent: indent + pad) }
        planner.rightInset -= pad
        // The closing padding never starts a page on its own.
        if !planner.slabs.isEmpty { planner.slabs[planner.slabs.count - 1].keepWithNext = true }
        planner.slabs.append(LayoutSlab(height: pad, content: .calloutBottom(self), indent: indent))
        for k in first..<planner.slabs.count { planner.slabs[k].callout = kind }
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        let aria = label + (title.map { ": " + $0.plainText } ?? "")
        w.out += "<aside class=\"callout callout-\(kind.rawValue)\"" + (id.map { " id=\"\(attr($0))\"" } ?? "")
        w.out += " aria-label=\"\(attr(aria))\">\n<p class=\"callout-title\"><span class=\"callout-kind\">\(text(label))</span>"
        if let title { try w.inlines(title) }
        w.out += "</p>\n"
        for b in blocks { try w.block(b, topLevel: false) }
        w.out += "</aside>\n"
    }
}
