import CairoRender
import FigureModel
import Foundation
import MathTypesetting

/// Colours of a page: near-black text, one accent for headings and links, and a hue per callout
/// kind (tint for the box, full colour for its left rule and label). The accent and the callout
/// hues come from the house style (`HouseStyle`), the one table PDF, slides and HTML read, so a
/// key idea is the same teal on paper and on screen; the grounds and greys are each medium's own.
/// `print` is the handout's; decks add a dark one (`theme: dark`).
struct PagePalette: Sendable {
    var background = PageColor(hex: 0xFFFFFF)
    var text = PageColor(hex: 0x1A1A1A)
    var muted = PageColor(hex: 0x666666)
    var accent = HouseStyle.default.accent
    var rule = PageColor(hex: 0x999999)
    /// How much of a callout's hue its box takes over the background.
    var tintAmount = 0.09
    var dark = false
    var callouts = HouseStyle.default.callouts

    static let print = PagePalette()
    /// Light-on-dark on the dark figure theme's own ground (FigureModel Theme.dark), so figures sit flush.
    static let dark = PagePalette(background: PageColor(hex: 0x1E2127), text: PageColor(hex: 0xE6E6E6),
                                  muted: PageColor(hex: 0x9A9A9A), accent: HouseStyle.default.darkAccent,
                                  rule: PageColor(hex: 0x5A5E66), tintAmount: 0.16, dark: true)

    /// This palette in a house style: its accent (`link` for web pages) and its callout hues.
    func styled(_ style: HouseStyle, web: Bool = false) -> PagePalette {
        var p = self
        p.accent = web ? (dark ? style.darkLink : style.link) : (dark ? style.darkAccent : style.accent)
        p.callouts = style.callouts
        return p
    }

    /// The PDF palette of a document: a dark deck's, else the printed page's.
    static func pages(_ meta: DocumentMeta, deck: Bool = false) -> PagePalette {
        (deck && meta.theme == "dark" ? PagePalette.dark : .print).styled(meta.style)
    }

    func callout(_ kind: CalloutKind) -> PageColor {
        let c = callouts[kind] ?? HouseStyle.default.callout(kind)
        guard dark else { return c }
        // Halfway to white keeps the hue and gives the label enough contrast on the dark box.
        return PageColor(red: 0.5 + 0.5 * c.red, green: 0.5 + 0.5 * c.green, blue: 0.5 + 0.5 * c.blue)
    }

    /// `--note: #…; --note-tint: #…; …`: each callout's label colour and its box's tint on this
    /// palette's ground, for the HTML stylesheet (the PDF paints the same two colours).
    var calloutCSSVariables: String {
        CalloutKind.allCases.map { kind in
            let c = callout(kind)
            return "--\(kind.rawValue): \(cssHex(c)); --\(kind.rawValue)-tint: \(cssHex(tint(c)));"
        }.joined(separator: " ")
    }

    func tint(_ c: PageColor) -> PageColor {
        let a = tintAmount, b = background
        return PageColor(red: b.red + a * (c.red - b.red), green: b.green + a * (c.green - b.green), blue: b.blue + a * (c.blue - b.blue))
    }
}

/// Laid-out pages → drawing primitives: the running header, page numbers, callout boxes, booktabs
/// table rules, figures with captions, numbered equations and the title block.
public struct PagePainter {
    let document: Document
    let laid: LaidOutDocument
    let geometry: PageGeometry
    let measurer: HandoutMeasurer
    var palette = PagePalette.print

    public init(document: Document, laid: LaidOutDocument, geometry: PageGeometry, measurer: HandoutMeasurer) {
        self.document = document; self.laid = laid; self.geometry = geometry; self.measurer = measurer
        palette = .pages(document.meta)
    }

    private var fonts: HandoutFonts { measurer.fonts }

    public func drawing() throws -> DocumentDrawing {
        var pages: [PageDrawing] = []
        var calloutIndent = 0.0
        // Destinations by page, in a fixed order so output never depends on dictionary order.
        var destinationsByPage: [Int: [(String, Destination)]] = [:]
        for (id, d) in laid.destinations.sorted(by: { $0.key < $1.key }) { destinationsByPage[d.page, default: []].append((id, d)) }
        for (p, page) in laid.pages.enumerated() {
            var items: [PageItem] = []
            for (id, d) in destinationsByPage[p] ?? [] {
                items.append(.destination(id, x: geometry.margin.left, y: max(0, geometry.margin.top + d.y - 12)))
            }
            items += frame(page: p)
            items += calloutBoxes(page, calloutIndent: &calloutIndent)
            var structure = PageStructureBuilder()
            for placed in page.slabs { structure.add(try slab(placed), as: structurePart(placed.slab)) }
            items += structure.finish()
            pages.append(PageDrawing(width: geometry.pageWidth, height: geometry.pageHeight, items: items))
        }
        let outline = laid.outline.map { PageOutlineEntry(level: $0.level, title: $0.title, destination: $0.id) }
        let subject = document.meta.subtitle?.plainText ?? document.meta.course
        var drawing = DocumentDrawing(title: document.meta.title.plainText, author: document.meta.author, subject: subject,
                                      pages: pages, outline: outline)
        drawing.language = document.meta.language
        return drawing
    }

    /// How a slab joins the page's logical structure (see `PageStructureBuilder`).
    func structurePart(_ s: LayoutSlab) -> PageStructureBuilder.Part {
        switch s.content {
        case .line: .line(role: "P", opens: s.spaceBefore > 0, indent: s.indent, marker: s.marker != nil)
        case .footnoteLine: .line(role: "Note", opens: s.marker != nil, indent: s.indent, marker: false)
        case .codeLine: .line(role: "Code", opens: s.spaceBefore > 0, indent: s.indent, marker: false)
        case .heading(let h, _): .element(PageStructure(headingRole(h.level)))
        case .title: .tagged
        case .calloutTop: .element(PageStructure("P"))
        case .displayMath(let m, _): .element(PageStructure("Formula", alt: m.tex))
        case .figure: .tagged
        case .tableCaption(let t, _): .tableCaption(t)
        case .tableRow(let t, _, _, _): .tableRow(t)
        case .calloutBottom, .rule, .space: .artifact
        case .element(let e): e.base.structurePart(s)
        }
    }

    /// Callout backgrounds, drawn before the slabs so text draws over them: one rectangle per box
    /// and page (per-slab rectangles would show hairline seams where they meet).
    /// `calloutIndent` carries a box's indent over to the page it continues on.
    func calloutBoxes(_ page: LaidOutPage, calloutIndent: inout Double) -> [PageItem] {
        var items: [PageItem] = []
        var run: (kind: CalloutKind, top: Double, bottom: Double)? = nil
        func flush() {
            guard let r = run else { return }
            let x = geometry.margin.left + calloutIndent
            let w = geometry.textWidth - calloutIndent
            let color = palette.callout(r.kind)
            let y = geometry.margin.top + r.top, h = r.bottom - r.top
            items.append(.rect(PageRect(x: x, y: y, width: w, height: h), fill: palette.tint(color), stroke: nil, lineWidth: 0))
            items.append(.rect(PageRect(x: x, y: y, width: 2.5, height: h), fill: color, stroke: nil, lineWidth: 0))
            run = nil
        }
        for placed in page.slabs {
            let s = placed.slab
            if case .calloutTop = s.content {
                flush()
                calloutIndent = s.indent
            }
            guard let kind = s.callout else { flush(); continue }
            if let r = run, r.kind == kind {
                run = (kind, r.top, placed.y + s.height)
            } else {
                flush()
                run = (kind, placed.y, placed.y + s.height)
            }
            if case .calloutBottom = s.content { flush() }
        }
        flush()
        return items
    }

    /// The style's running header on every page but the first (the title block is the header
    /// there, with the style's logo above it) and its footer centred in the bottom margin.
    private func frame(page p: Int) -> [PageItem] {
        var items: [PageItem] = []
        let g = geometry
        let size = 8.5
        let font = PageFont(family: fonts.text, italic: true)
        let meta = document.meta, style = meta.style
        let header = style.running(style.header, meta: meta, page: p + 1, pages: laid.pages.count)
        if p > 0, !header.isEmpty {
            let baseline = g.margin.top - 22
            items.append(.text(PageTextRun(header, font: font, size: size, color: palette.muted, x: g.margin.left, baseline: baseline)))
            items.append(.line(x0: g.margin.left, y0: baseline + 5, x1: g.pageWidth - g.margin.right, y1: baseline + 5,
                               width: 0.4, color: palette.rule))
        }
        if p == 0, let logo = style.logo {
            // Right-aligned above the title block, where later pages have their header.
            let box = logoRect(logo.image, maxWidth: Self.logoMaxWidth, maxHeight: Self.logoMaxHeight)
            items.append(.image(logo.image, PageRect(x: g.pageWidth - g.margin.right - box.width,
                                                      y: g.margin.top - Self.logoGap - box.height, width: box.width, height: box.height)))
        }
        let footer = style.running(style.footer, meta: meta, page: p + 1, pages: laid.pages.count)
        if !footer.isEmpty {
            let w = measurer.engine.measure(footer, font: PageFont(family: fonts.text), size: 9.5).width
            items.append(.text(PageTextRun(footer, font: PageFont(family: fonts.text), size: 9.5, color: palette.muted,
                                           x: (g.pageWidth - w) / 2, baseline: g.pageHeight - g.margin.bottom + 34)))
        }
        return items
    }

    /// The logo's box on the first page, in the top margin the header uses on later pages: 20 pt
    /// above the text (clear of the course line set 8 pt above it) and 36 pt tall at most, which
    /// leaves 16 pt of the 72 pt margin above it.
    static let logoMaxHeight = 36.0
    static let logoMaxWidth = 140.0
    static let logoGap = 20.0

    /// The font size a slab's lines were set at (the layout sets them in these sizes).
    func size(of content: SlabContent) -> Double {
        let g = geometry
        switch content {
        case .heading(let h, _): return g.headingSizes[min(max(h.level, 1), g.headingSizes.count) - 1]
        case .figure, .tableCaption, .footnoteLine: return g.bodySize * figureTextRatio
        default: return g.bodySize
        }
    }

    func slab(_ placed: PlacedSlab) throws -> [PageItem] {
        let g = geometry
        let s = placed.slab
        let left = g.margin.left + s.indent
        let top = g.margin.top + placed.y
        let width = g.textWidth - s.indent
        var items: [PageItem] = []
        let size = size(of: s.content)
        func marker(baseline: Double, tag: String?) {
            guard let m = s.marker else { return }
            let font = PageFont(family: fonts.text)
            let w = measurer.engine.measure(m, font: font, size: size).width
            let run = PageItem.text(PageTextRun(m, font: font, size: size, color: palette.text, x: left - 6 - w, baseline: baseline))
            items.append(tag.map { .tagged(PageStructure($0), [run]) } ?? run)
        }
        switch s.content {
        case .line(let line, _):
            // A list item's marker first, as its label (PageStructureBuilder puts it before the body).
            marker(baseline: top + line.ascent, tag: "Lbl")
            items += try self.line(line, x: left, baseline: top + line.ascent, size: size)
        case .heading(_, let lines):
            var y = top
            for line in lines {
                items += try self.line(line, x: left, baseline: y + line.ascent, size: size, color: palette.accent)
                y += line.height
            }
        case .displayMath(let m, let metrics):
            let box = try measurer.mathBox(tex: m.tex, display: true, size: g.bodySize)
            let baseline = top + g.paragraphSpace + metrics.ascent
            let right = g.margin.left + g.textWidth - (s.callout == nil ? 0 : g.calloutPadding)
            let label = m.number.map { "(\($0))" } ?? ""
            let font = PageFont(family: fonts.text)
            let w = label.isEmpty ? 0 : measurer.engine.measure(label, font: font, size: size).width
            // Centred on the measure, but never closer than 1 em to the equation number: a wide
            // formula moves left, and as a last resort starts at the left edge.
            let centred = left + (right - left - metrics.width) / 2
            let limit = right - w - (w > 0 ? size : 0) - metrics.width
            let x = max(left, min(centred, limit))
            items.append(.math(box, x: x, baseline: baseline, color: palette.text))
            if m.number != nil {
                // On the formula's baseline, as TeX's \eqno sets the number (TeXbook p. 189, §1204–1206:
                // the number's box shares the display's baseline when it fits beside it), so an
                // \underbrace's deep label does not pull the number down.
                items.append(.text(PageTextRun(label, font: font, size: size, color: palette.text,
                                               x: right - w, baseline: baseline)))
            }
        case .figure(let f, let height, let caption):
            let built = try measurer.catalogueFigure(f)
            let preset = built?.size ?? .handout
            let w = measurer.figureWidth(size: preset, available: width)
            let rect = PageRect(x: left + (width - w) / 2, y: top, width: w, height: height)
            if let built {
                let labelSize = g.bodySize * figureTextRatio
                let placed = figureAtPlacedSize(built, rect, labelSize: labelSize)
                measurer.recordPlacement(f, placed, labelSize: labelSize)
                items.append(.tagged(PageStructure("Figure", alt: speakableLabel(built.description)), [.figure(placed, rect)]))
            } else {
                let note = "figure ‘\(f.name)’ (not yet in the catalogue)"
                let font = PageFont(family: fonts.sans)
                let nw = measurer.engine.measure(note, font: font, size: 9).width
                items.append(.tagged(PageStructure("Figure", alt: note), [
                    .rect(rect, fill: PageColor(hex: 0xF4F4F4), stroke: palette.rule, lineWidth: 0.5),
                    .text(PageTextRun(note, font: font, size: 9, color: palette.muted,
                                      x: rect.x + (rect.width - nw) / 2, baseline: rect.y + rect.height / 2)),
                ]))
            }
            var y = top + height + g.paragraphSpace
            var captionItems: [PageItem] = []
            for line in caption {
                captionItems += try self.line(line, x: captionX(line, of: caption, left: left, width: width), baseline: y + line.ascent,
                                              size: size, color: palette.text)
                y += line.height
            }
            if !captionItems.isEmpty { items.append(.tagged(PageStructure("Caption"), captionItems)) }
        case .tableCaption(_, let lines):
            var y = top
            for line in lines {
                items += try self.line(line, x: captionX(line, of: lines, left: left, width: width), baseline: y + line.ascent, size: size)
                y += line.height
            }
        case .tableRow(let t, let row, let cells, let columns):
            let total = columns.reduce(0, +)
            let x0 = left + max(0, (width - total) / 2)
            let pad = g.bodySize * 0.6
            var x = x0
            for (c, cell) in cells.enumerated() where c < columns.count {
                let natural = cell.fragments.last.map { $0.x + $0.width } ?? 0
                let alignment = c < t.alignments.count ? t.alignments[c] : .none
                let cx: Double
                switch alignment {
                case .right: cx = x + columns[c] - pad - natural
                case .center: cx = x + (columns[c] - natural) / 2
                default: cx = x + pad
                }
                let baseline = top + (s.height - cell.height) / 2 + cell.ascent
                items.append(.tagged(PageStructure(row == nil ? "TH" : "TD"), try self.line(cell, x: cx, baseline: baseline, size: size)))
                x += columns[c]
            }
            // Booktabs: heavy rules above and below the table, a light one under the header.
            if row == nil {
                items.append(.line(x0: x0, y0: top, x1: x0 + total, y1: top, width: 0.8, color: palette.text))
                items.append(.line(x0: x0, y0: top + s.height, x1: x0 + total, y1: top + s.height, width: 0.4, color: palette.text))
            } else if row == t.rows.count - 1 {
                items.append(.line(x0: x0, y0: top + s.height, x1: x0 + total, y1: top + s.height, width: 0.8, color: palette.text))
            }
        case .calloutTop(let c, let title):
            var y = top + g.calloutPadding
            for line in title {
                items += try self.line(line, x: left + g.calloutPadding, baseline: y + line.ascent, size: size,
                                       color: palette.callout(c.kind))
                y += line.height
            }
        case .calloutBottom:
            break
        case .title(let meta, let title, let subtitle):
            // Tagged piece by piece (`structurePart` leaves the slab to us): the heading is the
            // title alone, the course line, subtitle and byline are paragraphs around it, the rule
            // is decoration.
            var y = top
            let courseLine = [meta.course, meta.lecture.map { "Lecture \($0)" }].compactMap { $0 }.joined(separator: "  ·  ")
            if !courseLine.isEmpty {
                items.append(.tagged(PageStructure("P"), [.text(PageTextRun(courseLine.uppercased(), font: PageFont(family: fonts.text),
                                                                               size: 8.5, color: palette.muted, x: left, baseline: y - 8))]))
            }
            var heading: [PageItem] = []
            for line in title {
                heading += try self.line(line, x: left, baseline: y + line.ascent, size: g.headingSizes[0] * 1.5, color: palette.accent)
                y += line.height
            }
            if !heading.isEmpty { items.append(.tagged(PageStructure("H1"), heading)) }
            if !subtitle.isEmpty { y += titleSubtitleGap(g) }
            var subtitleItems: [PageItem] = []
            for line in subtitle {
                subtitleItems += try self.line(line, x: left, baseline: y + line.ascent, size: g.headingSizes[1], color: palette.muted)
                y += line.height
            }
            if !subtitleItems.isEmpty { items.append(.tagged(PageStructure("P"), subtitleItems)) }
            let byline = [meta.author, meta.date].compactMap { $0 }.joined(separator: "  ·  ")
            if !byline.isEmpty {
                items.append(.tagged(PageStructure("P"), [.text(PageTextRun(byline, font: PageFont(family: fonts.text), size: 9.5,
                                                                               color: palette.muted, x: left, baseline: y + g.leading * 1.2))]))
            }
            let ruleY = top + s.height - g.leading
            items.append(.line(x0: left, y0: ruleY, x1: left + width, y1: ruleY, width: 0.6, color: palette.rule))
        case .footnoteLine(let line, _):
            marker(baseline: top + line.ascent, tag: nil)   // the note's number, read first
            items += try self.line(line, x: left, baseline: top + line.ascent, size: size)
        case .codeLine(let code):
            let font = PageFont(family: fonts.mono)
            items.append(.text(PageTextRun(code, font: font, size: g.bodySize * 0.85, color: palette.text,
                                           x: left + 8, baseline: top + g.leading * 0.75)))
        case .rule:
            let y = top + s.height / 2
            items.append(.line(x0: left, y0: y, x1: left + width / 3, y1: y, width: 0.5, color: palette.rule))
        case .space:
            break
        case .element(let e):
            items += try e.base.paint(self, s, in: PageRect(x: left, y: top, width: width, height: s.height))
        }
        return items
    }

    /// One set line: words in their fonts, formulas on the baseline, links over references.
    func line(_ line: TypesetLine, x: Double, baseline: Double, size: Double,
              color: PageColor? = nil) throws -> [PageItem] {
        let color = color ?? palette.text
        var items: [PageItem] = []
        for f in line.fragments {
            switch f.content {
            case .word(let text, let style, let link):
                let raised = style == .superscript
                let runSize = raised ? size * 0.7 : size
                let y = raised ? baseline - 0.35 * size : baseline
                let isLink = link != nil
                items.append(.text(PageTextRun(text, font: fonts.font(for: style), size: runSize,
                                               color: isLink && link?.hasPrefix("#") == true ? palette.accent : color,
                                               x: x + f.x, baseline: y, spaceAfter: f.spaceAfter)))
                if let link {
                    let rect = PageRect(x: x + f.x, y: y - 0.8 * runSize, width: f.width, height: runSize)
                    items.append(.link(rect, link.hasPrefix("#") ? .destination(String(link.dropFirst())) : .url(link)))
                }
            case .math(let m, _):
                let box = try measurer.mathBox(tex: m.tex, display: false, size: size)
                items.append(.math(box, x: x + f.x, baseline: baseline, color: color))
                // The word space after a formula, as a space glyph for the PDF's text.
                if f.spaceAfter {
                    items.append(.text(PageTextRun("", font: fonts.font(for: .regular), size: size, color: color,
                                                   x: x + f.x + f.width, baseline: baseline, spaceAfter: true)))
                }
            }
        }
        return items
    }
}

/// The whole paged pipeline for one document: measure, lay out, paint; with the layout's measures.
public func paginateHandout(_ document: Document, measurer: HandoutMeasurer) throws
    -> (drawing: DocumentDrawing, statistics: LayoutStatistics) {
    let geometry = PageGeometry(paper: document.meta.paper)
    let laid = try PageLayout.layout(document, geometry: geometry, measurer: measurer)
    let drawing = try PagePainter(document: document, laid: laid, geometry: geometry, measurer: measurer).drawing()
    return (drawing, LayoutStatistics(laid, textHeight: geometry.textHeight))
}

/// A picture's size inside a box, keeping its proportions.
func logoRect(_ image: DecodedPNG, maxWidth: Double, maxHeight: Double) -> (width: Double, height: Double) {
    let k = min(maxWidth / Double(image.width), maxHeight / Double(image.height))
    return (Double(image.width) * k, Double(image.height) * k)
}

/// The figure font size of every document, as a ratio of its body size: a figure's axis labels are
/// set at 0.9 × the body, like captions and footnotes (they then read at the scale of the caption
/// under them; tick labels and legends at the theme's ratios of it, 0.85). One rule for the PDF and
/// SVG pages (10.5 pt body: 9.45 pt labels), the HTML page (18 px body: 16.2 px labels, at the
/// width the page shows the figure, see `WebPageMetrics`) and the slides (22 pt body: 19.8 pt).
let figureTextRatio = 0.9

/// The figure laid out at the size it occupies on the page, its axis labels at `labelSize` points:
/// nothing is scaled after layout, so labels keep their size whatever the placed width.
func figureAtPlacedSize(_ figure: FigureModel.Figure, _ rect: PageRect, labelSize: Double) -> FigureModel.Figure {
    var placed = figure
    placed.size = .inches(rect.width / 72, rect.height / 72)
    placed.fontScale = figure.fontScale * labelSize / placed.size.baseFontSize
    return placed
}
