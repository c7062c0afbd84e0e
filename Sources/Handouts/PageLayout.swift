/// Document → pages, as a pure function of the document, the page geometry and a measurer.
/// The PDF/SVG writer (CairoRender side) draws the slabs; nothing here touches Cairo.
public struct PageGeometry: Sendable, Equatable {
    public var pageWidth: Double
    public var pageHeight: Double
    public var margin: (top: Double, right: Double, bottom: Double, left: Double)
    public var bodySize: Double = 10.5
    public var leading: Double = 14
    public var paragraphSpace: Double = 6
    public var headingSizes: [Double] = [15, 12.5, 11]
    public var calloutPadding: Double = 8

    public static func == (a: PageGeometry, b: PageGeometry) -> Bool {
        a.pageWidth == b.pageWidth && a.pageHeight == b.pageHeight && a.margin == b.margin && a.bodySize == b.bodySize
            && a.leading == b.leading && a.paragraphSpace == b.paragraphSpace && a.headingSizes == b.headingSizes
            && a.calloutPadding == b.calloutPadding
    }

    /// A4 is 595.276 × 841.89 pt, Letter 612 × 792 pt; margins leave a ~30em measure at 10.5 pt.
    public init(paper: Paper) {
        switch paper {
        case .a4: pageWidth = 595.276; pageHeight = 841.89
        case .letter: pageWidth = 612; pageHeight = 792
        }
        margin = (72, 85, 72, 85)
    }

    public var textWidth: Double { pageWidth - margin.left - margin.right }
    public var textHeight: Double { pageHeight - margin.top - margin.bottom }
}

/// Where an anchor landed, for PDF link destinations.
public struct Destination: Sendable, Equatable {
    public var page: Int
    /// Top of the target slab from the top of the text area.
    public var y: Double
}

/// A PDF bookmark: one per numbered (or generated) section heading.
public struct OutlineEntry: Sendable, Equatable {
    public var level: Int
    public var title: String
    public var id: String
    public var page: Int
}

public struct LaidOutDocument: Sendable, Equatable {
    public var pages: [LaidOutPage]
    /// Anchor id (section, figure, table, equation label, exercise, footnote `fn-N`) → position.
    public var destinations: [String: Destination]
    public var outline: [OutlineEntry]
}

public enum PageLayout {
    public static func layout(_ document: Document, geometry: PageGeometry, measurer: any LayoutMeasurer) throws -> LaidOutDocument {
        var planner = SlabPlanner(file: document.file, geometry: geometry, measurer: measurer)
        try planner.addTitle(document.meta)
        for block in document.blocks { try planner.add(block, indent: 0) }
        let notes = try planner.footnoteSlabs(document.footnotes)
        let rule = LayoutSlab(height: geometry.leading / 2, spaceBefore: geometry.paragraphSpace, content: .rule)
        let pages = PageBreaker.paginateTight(planner.slabs, pageHeight: geometry.textHeight, footnotes: notes, footnoteRule: rule)
        var destinations: [String: Destination] = [:]
        var outline: [OutlineEntry] = []
        for (p, page) in pages.enumerated() {
            for placed in page.slabs {
                let here = Destination(page: p, y: placed.y)
                func mark(_ id: String?) {
                    if let id, !id.isEmpty, destinations[id] == nil { destinations[id] = here }
                }
                switch placed.slab.content {
                case .heading(let h, _):
                    mark(h.id)
                    let title = (h.number.map { $0 + " " } ?? "") + h.inlines.plainText
                    outline.append(OutlineEntry(level: h.level, title: title, id: h.id, page: p))
                case .figure(let f, _, _): mark(f.id)
                case .displayMath(let m, _): mark(m.label)
                case .tableCaption(let t, _): mark(t.id)
                case .tableRow(let t, nil, _, _): mark(t.id)
                case .calloutTop(let c, _): mark(c.id)
                case .footnoteLine(_, let n): mark("fn-\(n)")
                default: break
                }
            }
        }
        return LaidOutDocument(pages: pages, destinations: destinations, outline: outline)
    }
}

struct SlabPlanner {
    let file: String
    let geometry: PageGeometry
    let measurer: any LayoutMeasurer
    var slabs: [LayoutSlab] = []
    /// Space kept free on the right (a callout's inner padding), so text never touches the box edge.
    var rightInset = 0.0
    /// Paragraphs set ragged-right instead of justified (slides: short measures at large sizes
    /// justify into rivers).
    var ragged = false

    init(file: String, geometry: PageGeometry, measurer: any LayoutMeasurer) {
        self.file = file
        self.geometry = geometry
        self.measurer = measurer
    }

    private func setter(size: Double) -> ParagraphSetter {
        ParagraphSetter(file: file, measurer: measurer, size: size, leading: geometry.leading * size / geometry.bodySize)
    }

    /// Paragraph lines as slabs with orphan/widow keeps: the first line keeps with the second,
    /// the second-to-last with the last.
    private mutating func lines(_ typeset: [TypesetLine], space: Double, indent: Double, justified: Bool = true) {
        for (k, line) in typeset.enumerated() {
            let keep = typeset.count > 1 && (k == 0 || k == typeset.count - 2)
            var slab = LayoutSlab(height: line.height, spaceBefore: k == 0 ? space : 0, keepWithNext: keep,
                                  content: .line(line, justified: justified && k < typeset.count - 1), indent: indent)
            slab.softKeep = keep
            slabs.append(slab)
        }
    }

    mutating func addTitle(_ meta: DocumentMeta) throws {
        let g = geometry
        let title = try setter(size: g.headingSizes[0] * 1.5).set(meta.title, width: g.textWidth, ragged: true)
        let subtitle = try meta.subtitle.map { try setter(size: g.headingSizes[1]).set([.emph($0)], width: g.textWidth, ragged: true) } ?? []
        let byline = (meta.course != nil || meta.author != nil || meta.date != nil) ? 2 * g.leading : 0
        let height = (title + subtitle).reduce(0) { $0 + $1.height } + byline + 2 * g.leading
            + (subtitle.isEmpty ? 0 : titleSubtitleGap(g))
        slabs.append(LayoutSlab(height: height, keepWithNext: true, content: .title(meta, title: title, subtitle: subtitle)))
    }

    /// Each footnote's slabs, by number: the page breaker puts them at the foot of the page that
    /// refers to them (the HTML page keeps them as endnotes).
    mutating func footnoteSlabs(_ notes: [Footnote]) throws -> [Int: [LayoutSlab]] {
        let g = geometry
        var out: [Int: [LayoutSlab]] = [:]
        for note in notes {
            let start = slabs.count
            for (k, block) in note.blocks.enumerated() {
                guard case .paragraph(let inlines) = block else {
                    try add(block, indent: 18)
                    continue
                }
                let typeset = try setter(size: g.bodySize * 0.9).set(inlines, width: g.textWidth - 18)
                for (j, line) in typeset.enumerated() {
                    slabs.append(LayoutSlab(height: line.height, spaceBefore: j == 0 ? g.paragraphSpace / 2 : 0,
                                            keepWithNext: typeset.count > 1 && (j == 0 || j == typeset.count - 2),
                                            content: .footnoteLine(line, number: note.number), indent: 18,
                                            marker: k == 0 && j == 0 ? "\(note.number)." : nil))
                }
            }
            // The note's slabs leave the body's list: they are placed by the page breaker.
            out[note.number] = Array(slabs[start...])
            slabs.removeSubrange(start...)
        }
        return out
    }

    mutating func add(_ block: Block, indent: Double) throws {
        let width = geometry.textWidth - indent - rightInset
        let g = geometry
        switch block {
        case .heading(let h):
            let size = g.headingSizes[min(max(h.level, 1), g.headingSizes.count) - 1]
            let numbered = (h.number.map { [Inline.text($0 + "  ")] } ?? []) + h.inlines
            let typeset = try setter(size: size).set([.strong(numbered)], width: width, ragged: true)
            let height = typeset.reduce(0) { $0 + $1.height }
            slabs.append(LayoutSlab(height: height, spaceBefore: size * 1.2, keepWithNext: true,
                                    content: .heading(h, lines: typeset), indent: indent))
        case .paragraph(let inlines):
            lines(try setter(size: g.bodySize).set(inlines, width: width, ragged: ragged), space: g.paragraphSpace, indent: indent,
                  justified: !ragged)
        case .displayMath(let m):
            // The line that introduces a display stays with it (TeX's \predisplaypenalty = 10000).
            if let last = slabs.indices.last, case .line = slabs[last].content {
                slabs[last].keepWithNext = true
                slabs[last].softKeep = false
            }
            let metrics = try measured(file, m.position, "bad TeX") { try measurer.math(tex: m.tex, display: true, size: g.bodySize) }
            slabs.append(LayoutSlab(height: metrics.ascent + metrics.descent + 2 * g.paragraphSpace, spaceBefore: g.paragraphSpace,
                                    content: .displayMath(m, metrics), indent: indent))
        case .figure(let f):
            let caption = try setter(size: g.bodySize * 0.9).set([.text("Figure \(f.number).  ")] + f.caption, width: width)
            let art = try measured(file, f.position, "figure '\(f.name)'") { try measurer.figureHeight(f, width: width) }
            // One slab: a figure never parts from its caption.
            slabs.append(LayoutSlab(height: art + g.paragraphSpace + caption.reduce(0) { $0 + $1.height },
                                    spaceBefore: 2 * g.paragraphSpace, content: .figure(f, height: art, caption: caption), indent: indent))
        case .table(let t):
            if let caption = t.caption {
                let label = t.number.map { [Inline.text("Table \($0).  ")] } ?? []
                let typeset = try setter(size: g.bodySize * 0.9).set(label + caption, width: width)
                slabs.append(LayoutSlab(height: typeset.reduce(0) { $0 + $1.height }, spaceBefore: 2 * g.paragraphSpace,
                                        keepWithNext: true, content: .tableCaption(t, lines: typeset), indent: indent))
            }
            // Cells are set on one line at natural width (a measure far wider than any cell but
            // small next to the finishing glue's stretch, so spaces keep their natural width); columns take the widest cell plus
            // padding, scaled down together when the table is wider than the measure.
            let cellSetter = setter(size: g.bodySize)
            func naturalLine(_ cell: [Inline]) throws -> TypesetLine {
                try cellSetter.set(cell, width: 1e4).first ?? TypesetLine(fragments: [], ascent: g.leading * 0.78, descent: g.leading * 0.22)
            }
            let header = try t.header.map { try naturalLine([.strong($0)]) }
            let body = try t.rows.map { try $0.map(naturalLine) }
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
            slabs.append(LayoutSlab(height: rowHeight(header), spaceBefore: t.caption == nil ? 2 * g.paragraphSpace : 2,
                                    keepWithNext: true, content: .tableRow(t, row: nil, cells: header, columns: columns), indent: indent))
            for (r, cells) in body.enumerated() {
                // A short table stays in one piece; a long one keeps its first row with the
                // header and its last two rows together.
                let keep = body.count <= 12 ? r < body.count - 1 : (r == 0 || r == body.count - 2)
                slabs.append(LayoutSlab(height: rowHeight(cells), keepWithNext: keep,
                                        content: .tableRow(t, row: r, cells: cells, columns: columns), indent: indent))
            }
        case .callout(let c):
            let pad = g.calloutPadding
            let label: String
            switch (c.kind, c.number) {
            case (.exercise, let n?): label = "Exercise \(n)"
            case (.solution, let n?): label = "Solution to Exercise \(n)"
            default: label = c.kind.displayName
            }
            let title = try setter(size: g.bodySize).set([.strong([.text(label + (c.title == nil ? "" : ". "))] + (c.title ?? []))],
                                                         width: width - 2 * pad)
            slabs.append(LayoutSlab(height: pad + title.reduce(0) { $0 + $1.height }, spaceBefore: 2 * g.paragraphSpace,
                                    keepWithNext: true, content: .calloutTop(c, title: title), indent: indent))
            let first = slabs.count - 1
            rightInset += pad
            for b in c.blocks { try add(b, indent: indent + pad) }
            rightInset -= pad
            // The closing padding never starts a page on its own.
            if !slabs.isEmpty { slabs[slabs.count - 1].keepWithNext = true }
            slabs.append(LayoutSlab(height: pad, content: .calloutBottom(c), indent: indent))
            for k in first..<slabs.count { slabs[k].callout = c.kind }
        case .list(let l):
            for (n, item) in l.items.enumerated() {
                for (k, b) in item.enumerated() {
                    let before = slabs.count
                    try add(b, indent: indent + 18)
                    guard k == 0, before < slabs.count else { continue }
                    slabs[before].marker = l.ordered ? "\(l.start + n)." : "•"
                    if l.tight { slabs[before].spaceBefore = 2 }
                }
            }
        case .codeBlock(_, let code):
            let codeLines = code.split(separator: "\n", omittingEmptySubsequences: false).dropLast(code.hasSuffix("\n") ? 1 : 0)
            for (k, line) in codeLines.enumerated() {
                slabs.append(LayoutSlab(height: g.leading, spaceBefore: k == 0 ? g.paragraphSpace : 0,
                                        keepWithNext: k == 0 || k == codeLines.count - 2, content: .codeLine(String(line)), indent: indent))
            }
        case .blockQuote(let blocks):
            for b in blocks { try add(b, indent: indent + 18) }
        case .thematicBreak, .slideBreak:
            slabs.append(LayoutSlab(height: g.leading, spaceBefore: g.paragraphSpace, content: .rule, indent: indent))
        case .div(let d):
            // On paper, speaker notes stay out and columns and reveals read top to bottom.
            if d.kind != .notes { for b in d.blocks { try add(b, indent: indent) } }
        case .pause:
            break
        }
    }
}

/// Space between a display title and its subtitle: the title's own line height leaves the
/// subtitle's capitals almost touching the title's descenders.
func titleSubtitleGap(_ g: PageGeometry) -> Double { 0.35 * g.leading }
