/// A GFM pipe table, with an optional `Table: caption {#tbl-…}` line after it: numbered when
/// captioned; on a page a caption slab and one slab per row (short tables kept whole, columns
/// from the widest cell); in HTML a `<table>` in its own scrolling box.
extension Table: DocumentElement {
    static let name = "table"
    var block: Block { .table(self) }

    /// A GFM table node, or the `Table: caption {#tbl-label}` paragraph after one (attached to it
    /// when the tree reader groups its items).
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        switch node.kind {
        case .table:
            var header: [[Inline]] = []
            var rows: [[[Inline]]] = []
            for row in node.children {
                var cells: [[Inline]] = []
                for cell in row.children { cells.append(c.trim(try c.inlineOnly(try c.inlinePieces(cell), context: "a table cell"))) }
                if row.isTableHeaderRow { header = cells } else { rows.append(cells) }
            }
            return .block(.table(Table(header: header, rows: rows, alignments: node.tableAlignments, caption: nil, label: nil,
                                       number: nil, id: nil)))
        case .paragraph:
            let line = c.sourceLine(node.startLine)
            guard line.text.hasPrefix("Table:") else { return nil }
            var label: String?
            if let attr = trailingAttribute(line.text) {
                guard attr.label.hasPrefix("tbl-") else {
                    throw TemplateError(file: c.file, at: line.position(at: attr.offset),
                                        "a table label must start with 'tbl-' (got '{#\(attr.label)}')")
                }
                label = attr.label
            }
            let pos = line.position(at: 0)
            let pieces = try c.inlinePieces(node)
            if let label { try c.define(label, at: pos) }
            var caption = try c.inlineOnly(pieces, context: "a table caption")
            caption = c.dropPrefix("Table:".count, of: caption)
            if let label { caption = c.dropSuffix("{#\(label)}", of: caption) }
            return .caption(label: label, c.trim(caption), pos)
        default:
            return nil
        }
    }

    mutating func number(_ numbering: inout Numbering) {
        guard caption != nil else { return }
        let n = numbering.next("table")
        number = n
        id = label ?? "tbl-\(n)"
        if let label, let id { numbering.target(label, text: "Table \(n)", id: id) }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        header = try header.map { try numbering.resolve($0) }
        rows = try rows.map { try $0.map { try numbering.resolve($0) } }
        if let c = caption { caption = try numbering.resolve(c) }
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        let width = planner.width(indent: indent)
        if let caption {
            let label = number.map { [Inline.text("Table \($0).  ")] } ?? []
            let typeset = try planner.setter(size: g.bodySize * 0.9).set(label + caption, width: width)
            planner.slabs.append(LayoutSlab(height: typeset.reduce(0) { $0 + $1.height }, spaceBefore: 2 * g.paragraphSpace,
                                            keepWithNext: true, content: .tableCaption(self, lines: typeset), indent: indent))
        }
        // Cells are set on one line at natural width (a measure far wider than any cell but
        // small next to the finishing glue's stretch, so spaces keep their natural width); columns take the widest cell plus
        // padding, scaled down together when the table is wider than the measure.
        let cellSetter = planner.setter(size: g.bodySize)
        func naturalLine(_ cell: [Inline]) throws -> TypesetLine {
            try cellSetter.set(cell, width: 1e4).first ?? TypesetLine(fragments: [], ascent: g.leading * 0.78, descent: g.leading * 0.22)
        }
        let header = try self.header.map { try naturalLine([.strong($0)]) }
        let body = try rows.map { try $0.map(naturalLine) }
        let count = max(header.count, body.map(\.count).max() ?? 0)
        let padding = g.bodySize * 1.2
        var columns = [Double](repeating: padding, count: count)
        for row in [header] + body {
            for (c, line) in row.enumerated() where c < count {
                let natural = line.fragments.last.map { $0.x + $0.width } ?? 0
                columns[c] = max(columns[c], natural + padding)
            }
        }
        let total = columns.reduce(0, +)
        if total > width { columns = columns.map { $0 * width / total } }
        func rowHeight(_ cells: [TypesetLine]) -> Double { max(g.leading * 1.35, (cells.map(\.height).max() ?? 0) + 4) }
        // Under a caption, a third of the paragraph space (2 pt on a page; on a slide it grows with
        // the type, so the top rule clears the caption's descenders).
        planner.slabs.append(LayoutSlab(height: rowHeight(header), spaceBefore: caption == nil ? 2 * g.paragraphSpace : g.paragraphSpace / 3,
                                        keepWithNext: true, content: .tableRow(self, row: nil, cells: header, columns: columns),
                                        indent: indent))
        for (r, cells) in body.enumerated() {
            // A short table stays in one piece; a long one keeps its first row with the
            // header and its last two rows together.
            let keep = body.count <= 12 ? r < body.count - 1 : (r == 0 || r == body.count - 2)
            planner.slabs.append(LayoutSlab(height: rowHeight(cells), keepWithNext: keep,
                                            content: .tableRow(self, row: r, cells: cells, columns: columns), indent: indent))
        }
    }

    /// A captioned table is a `figure` whose `figcaption` names the table (`aria-labelledby`), not a
    /// `caption` element: a caption is as wide as its table, so "Table 1. … for the weather forecast."
    /// wrapped under a narrow table where the PDF page sets it on one line, centred over it (the
    /// one caption rule, `captionX`; HTML spec §4.9.1 allows a figure's figcaption for a table).
    /// A table wider than the column scrolls in its own box (with the edge shadows), not the page.
    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        var tableAttributes = ""
        if let caption {
            w.tableCount += 1
            let captionID = (id ?? "table-\(w.tableCount)") + "-caption"
            w.out += "<figure class=\"table\"" + (id.map { " id=\"\(attr($0))\"" } ?? "") + ">\n<figcaption id=\"\(attr(captionID))\">"
            if let n = number { w.out += "<span class=\"tblno\">Table \(n).</span> " }
            try w.inlines(caption)
            w.out += "</figcaption>\n"
            tableAttributes = " aria-labelledby=\"\(attr(captionID))\""
        } else if let id {
            tableAttributes = " id=\"\(attr(id))\""
        }
        w.out += "<div class=\"table-scroll\">\n<table\(tableAttributes)>\n"
        func align(_ i: Int) -> String {
            guard alignments.indices.contains(i), alignments[i] != .none else { return "" }
            return " style=\"text-align: \(alignments[i].rawValue)\""
        }
        if !header.isEmpty {
            w.out += "<thead>\n<tr>"
            for (i, cell) in header.enumerated() {
                w.out += "<th scope=\"col\"\(align(i))>"
                try w.inlines(cell)
                w.out += "</th>"
            }
            w.out += "</tr>\n</thead>\n"
        }
        w.out += "<tbody>\n"
        for row in rows {
            w.out += "<tr>"
            for (i, cell) in row.enumerated() {
                w.out += "<td\(align(i))>"
                try w.inlines(cell)
                w.out += "</td>"
            }
            w.out += "</tr>\n"
        }
        w.out += "</tbody>\n</table>\n</div>\n" + (caption == nil ? "" : "</figure>\n")
    }
}
