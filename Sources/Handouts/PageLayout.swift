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
                case .element(let e): mark(e.base.anchor)
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

    func setter(size: Double) -> ParagraphSetter {
        ParagraphSetter(file: file, measurer: measurer, size: size, leading: geometry.leading * size / geometry.bodySize)
    }

    /// Paragraph lines as slabs with orphan/widow keeps: the first line keeps with the second,
    /// the second-to-last with the last.
    mutating func lines(_ typeset: [TypesetLine], space: Double, indent: Double, justified: Bool = true) {
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

    /// The measure at `indent` (less what a callout keeps free on the right).
    func width(indent: Double) -> Double { geometry.textWidth - indent - rightInset }

    /// A block's slabs, as its element lays it out (Elements/).
    mutating func add(_ block: Block, indent: Double) throws {
        try block.element.layoutOnPage(&self, indent: indent)
    }
}

/// Space between a display title and its subtitle: the title's own line height leaves the
/// subtitle's capitals almost touching the title's descenders.
func titleSubtitleGap(_ g: PageGeometry) -> Double { 0.35 * g.leading }
