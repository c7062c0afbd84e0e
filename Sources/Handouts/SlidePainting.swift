import CairoRender
import FigureModel
import MathTypesetting

/// Laid-out slides → drawing primitives. Slide bodies go through the handout's `PagePainter`
/// (each region is a page whose margins frame the region); this adds what only slides have:
/// the slide ground, titles, the title slide, the footer with section progress and number, the
/// overlay pages, and the notes pages.
public struct DeckPainter {
    let document: Document
    let deck: LaidOutDeck
    let measurer: HandoutMeasurer

    public init(document: Document, deck: LaidOutDeck, measurer: HandoutMeasurer) {
        self.document = document; self.deck = deck; self.measurer = measurer
    }

    var palette: PagePalette { .pages(document.meta, deck: true) }

    /// The style's logo on the title slide, top right at the title's height: at most two title
    /// lines tall, and as wide as a fifth of the slide.
    static let logoMaxHeight = 60.0
    static let logoMaxWidth = 192.0
    private var g: SlideGeometry { deck.geometry }
    private var fonts: HandoutFonts { measurer.fonts }

    /// One PDF page per overlay step; every page labelled with its slide's number.
    public func drawing() throws -> DocumentDrawing {
        var pages: [PageDrawing] = []
        var labels: [String] = []
        var outline: [PageOutlineEntry] = []
        for s in deck.slides {
            let id = "slide-\(s.number)"
            let name = s.slide.title.plainText
            switch s.slide.role {
            case .title: break
            case .section: outline.append(PageOutlineEntry(level: 1, title: name, destination: id))
            case .content: outline.append(PageOutlineEntry(level: s.slide.section == nil ? 1 : 2,
                                                           title: name.isEmpty ? "Slide \(s.number)" : name, destination: id))
            }
            for step in 0..<s.slide.steps {
                var items: [PageItem] = step == 0 ? [.destination(id, x: 0, y: 0)] : []
                items += try slideItems(s, step: step)
                pages.append(PageDrawing(width: g.width, height: g.height, items: items))
                labels.append("\(s.number)")
            }
        }
        var drawing = DocumentDrawing(title: document.meta.title.plainText, author: document.meta.author,
                                      subject: document.meta.subtitle?.plainText ?? document.meta.course,
                                      pages: pages, outline: outline)
        drawing.pageLabels = labels
        drawing.language = document.meta.language
        return drawing
    }

    /// Everything on one overlay page of a slide.
    func slideItems(_ s: LaidOutSlide, step: Int) throws -> [PageItem] {
        let p = palette
        var items: [PageItem] = [.rect(PageRect(x: 0, y: 0, width: g.width, height: g.height), fill: p.background, stroke: nil, lineWidth: 0)]
        let titleSize = s.slide.role == .content ? g.titleSize : g.titleSize * 1.4
        let painter = regionPainter(PageGeometry(paper: .a4))
        var y: Double
        switch s.slide.role {
        case .title: y = g.height * 0.30
        case .section: y = g.height * 0.36
        case .content: y = g.titleTop
        }
        if s.slide.role == .title, let course = [document.meta.course, document.meta.lecture.map { "Lecture \($0)" }]
            .compactMap({ $0 }).joined(separator: "  ·  ").nonEmpty {
            items.append(.text(PageTextRun(course.uppercased(), font: PageFont(family: fonts.text), size: 14, color: p.muted,
                                           x: g.marginX, baseline: y - 18)))
        }
        var titleItems: [PageItem] = []
        for line in s.title {
            titleItems += try painter.line(line, x: g.marginX, baseline: y + line.ascent, size: titleSize, color: p.accent)
            y += line.height
        }
        // The deck's title and section slides head what follows them; a content slide's title is one level below.
        if !titleItems.isEmpty { items.append(.tagged(PageStructure(s.slide.role == .content ? "H2" : "H1"), titleItems)) }
        if s.slide.role == .title {
            y += g.titleGap
            if let subtitle = document.meta.subtitle {
                let lines = try ParagraphSetter(file: document.file, measurer: measurer, size: g.bodySize * 1.1,
                                                leading: g.leading * 1.1).set([.emph(subtitle)], width: g.contentWidth, ragged: true)
                for line in lines {
                    items += try painter.line(line, x: g.marginX, baseline: y + line.ascent, size: g.bodySize * 1.1, color: p.muted)
                    y += line.height
                }
            }
            let byline = [document.meta.author, document.meta.date].compactMap { $0 }.joined(separator: "  ·  ")
            if !byline.isEmpty {
                items.append(.text(PageTextRun(byline, font: PageFont(family: fonts.text), size: 16, color: p.muted,
                                               x: g.marginX, baseline: y + 40)))
            }
            items.append(.line(x0: g.marginX, y0: g.height * 0.30 - 44, x1: g.marginX + 120, y1: g.height * 0.30 - 44,
                               width: 3, color: p.accent))
            if let logo = document.meta.style.logo(dark: p.dark) {
                let box = logoRect(logo.image, maxWidth: Self.logoMaxWidth, maxHeight: Self.logoMaxHeight)
                items.append(.image(logo.image, PageRect(x: g.width - g.marginX - box.width, y: g.titleTop,
                                                          width: box.width, height: box.height)))
            }
        }
        for region in s.regions {
            let rp = regionPainter(region.page)
            let visible = zip(region.slabs, region.steps).filter { $0.1 <= step }.map(\.0)
            var indent = 0.0
            items += rp.calloutBoxes(LaidOutPage(slabs: visible), calloutIndent: &indent)
            var structure = PageStructureBuilder()
            for placed in visible {
                if case .figure(let f, let h, let caption) = placed.slab.content {
                    structure.add(try figure(f, height: h, caption: caption, placed: placed, region: region, scale: s.scale, painter: rp),
                                  as: .tagged)
                } else {
                    structure.add(try rp.slab(placed), as: rp.structurePart(placed.slab))
                }
            }
            items += structure.finish()
        }
        if s.slide.role != .title { items += footer(s) }
        return items
    }

    private func regionPainter(_ page: PageGeometry) -> PagePainter {
        var painter = PagePainter(document: document, laid: LaidOutDocument(pages: [], destinations: [:], outline: []),
                                  geometry: page, measurer: measurer)
        painter.palette = palette
        return painter
    }

    /// The catalogue figure built at exactly the box it is drawn in, so it is not scaled.
    private func figure(_ f: Figure, height: Double, caption: [TypesetLine], placed: PlacedSlab, region: SlideRegion,
                        scale: Double, painter: PagePainter) throws -> [PageItem] {
        var items: [PageItem] = []
        let page = region.page
        let box = slideFigureBox(height: height, regionWidth: page.textWidth, geometry: g)
        let top = page.margin.top + placed.y
        let rect = PageRect(x: page.margin.left + (page.textWidth - box.width) / 2, y: top, width: box.width, height: box.height)
        let size = FigureSize.inches(box.width / 72, box.height / 72)
        let built = try measured(document.file, f.position, "figure '\(f.name)'") { try measurer.catalogueFigure(f, size: size) }
        if let built {
            let labelSize = g.figureFontSize * scale
            let placedFigure = figureAtPlacedSize(built, rect, labelSize: labelSize)
            measurer.recordPlacement(f, placedFigure, labelSize: labelSize)
            items.append(.tagged(PageStructure("Figure", alt: speakableLabel(built.description)), [.figure(placedFigure, rect)]))
        } else {
            items.append(.tagged(PageStructure("Figure", alt: "figure ‘\(f.name)’ (not yet in the catalogue)"),
                                 [.rect(rect, fill: palette.tint(palette.muted), stroke: palette.rule, lineWidth: 0.5)]))
        }
        var y = top + box.height + page.paragraphSpace / 2
        var captionItems: [PageItem] = []
        for line in caption {
            captionItems += try painter.line(line, x: captionX(line, of: caption, left: page.margin.left, width: page.textWidth),
                                             baseline: y + line.ascent, size: page.bodySize * 0.8, color: palette.muted)
            y += line.height
        }
        if !captionItems.isEmpty { items.append(.tagged(PageStructure("Caption"), captionItems)) }
        return items
    }

    /// Short title on the left, the sections with the current one marked in the middle, the
    /// slide number on the right, and a hairline progress bar along the bottom edge.
    private func footer(_ s: LaidOutSlide) -> [PageItem] {
        let p = palette
        var items: [PageItem] = []
        let size = 11.0
        let baseline = g.height - 13
        let font = PageFont(family: fonts.text)
        let bold = PageFont(family: fonts.text, bold: true)
        let total = deck.slides.count
        let number = "\(s.number) / \(total)"
        let nw = measurer.engine.measure(number, font: font, size: size).width
        items.append(.text(PageTextRun(number, font: font, size: size, color: p.muted, x: g.width - g.marginX - nw, baseline: baseline)))
        let short = document.meta.style.running(document.meta.style.slideFooter, meta: document.meta, page: s.number, pages: total)
        let sw = measurer.engine.measure(short, font: font, size: size).width
        let leftEnd = g.marginX + sw
        items.append(.text(PageTextRun(short, font: font, size: size, color: p.muted, x: g.marginX, baseline: baseline)))
        if !deck.sections.isEmpty {
            let names = deck.sections.map(\.plainText)
            let gap = 18.0
            let widths = names.enumerated().map { k, n in
                measurer.engine.measure(n, font: k == s.slide.section ? bold : font, size: size).width
            }
            let room = (g.width - g.marginX - nw - 24) - (leftEnd + 24)
            let all = widths.reduce(0, +) + gap * Double(names.count - 1)
            if all <= room {
                var x = leftEnd + 24 + (room - all) / 2
                for (k, n) in names.enumerated() {
                    let current = k == s.slide.section
                    items.append(.text(PageTextRun(n, font: current ? bold : font, size: size, color: current ? p.accent : p.muted,
                                                   x: x, baseline: baseline)))
                    x += widths[k] + gap
                }
            } else if let k = s.slide.section {
                // Too many sections to list: the current one and where it stands.
                let text = "\(names[k])  (\(k + 1) of \(names.count))"
                let w = measurer.engine.measure(text, font: font, size: size).width
                if w <= room {
                    items.append(.text(PageTextRun(text, font: font, size: size, color: p.accent,
                                                   x: leftEnd + 24 + (room - w) / 2, baseline: baseline)))
                }
            }
        }
        let fraction = Double(s.number) / Double(total)
        items.append(.rect(PageRect(x: 0, y: g.height - 3, width: g.width, height: 3), fill: p.tint(p.accent), stroke: nil, lineWidth: 0))
        items.append(.rect(PageRect(x: 0, y: g.height - 3, width: g.width * fraction, height: 3), fill: p.accent, stroke: nil, lineWidth: 0))
        return items
    }

    /// One A4 page per slide: the slide as it looks at its last overlay, then its notes.
    public func notesDrawing() throws -> DocumentDrawing {
        var geometry = PageGeometry(paper: .a4)
        let thumbWidth = geometry.textWidth + 60
        let scale = thumbWidth / g.width
        let thumbTop = 56.0
        geometry.margin.top = thumbTop + g.height * scale + 28
        geometry.margin.left = (geometry.pageWidth - thumbWidth) / 2 + 8
        geometry.margin.right = geometry.margin.left
        var pages: [PageDrawing] = []
        for s in deck.slides {
            var items: [PageItem] = []
            let x = (geometry.pageWidth - thumbWidth) / 2
            let head = "Slide \(s.number) of \(deck.slides.count)" + (s.slide.title.isEmpty ? "" : ": " + s.slide.title.plainText)
            items.append(.text(PageTextRun(head, font: PageFont(family: fonts.text, bold: true), size: 11, color: PagePalette.print.muted,
                                           x: x, baseline: thumbTop - 12)))
            items.append(.group(try slideItems(s, step: s.slide.steps - 1), x: x, y: thumbTop, scale: scale,
                                clip: PageRect(x: 0, y: 0, width: g.width, height: g.height)))
            items.append(.rect(PageRect(x: x, y: thumbTop, width: thumbWidth, height: g.height * scale), fill: nil,
                               stroke: PagePalette.print.rule, lineWidth: 0.5))
            var planner = SlabPlanner(file: document.file, geometry: geometry, measurer: measurer)
            for b in s.slide.notes { try planner.add(b, indent: 0) }
            var placed: [PlacedSlab] = []
            var y = 0.0
            for (k, slab) in planner.slabs.enumerated() {
                y += k == 0 ? 0 : slab.spaceBefore
                placed.append(PlacedSlab(slab: slab, y: y))
                y += slab.height
            }
            if y > geometry.textHeight {
                throw TemplateError(file: document.file, at: s.slide.position,
                                    "the speaker notes of this slide do not fit on its notes page: \(formatPoints(y - geometry.textHeight)) pt too long")
            }
            let painter = PagePainter(document: document, laid: LaidOutDocument(pages: [], destinations: [:], outline: []),
                                      geometry: geometry, measurer: measurer)
            var indent = 0.0
            items += painter.calloutBoxes(LaidOutPage(slabs: placed), calloutIndent: &indent)
            var structure = PageStructureBuilder()
            for p in placed { structure.add(try painter.slab(p), as: painter.structurePart(p.slab)) }
            items += structure.finish()
            pages.append(PageDrawing(width: geometry.pageWidth, height: geometry.pageHeight, items: items))
        }
        var drawing = DocumentDrawing(title: document.meta.title.plainText + " (speaker notes)", author: document.meta.author,
                                      subject: document.meta.course, pages: pages)
        drawing.pageLabels = deck.slides.map { "\($0.number)" }
        drawing.language = document.meta.language
        return drawing
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// The whole deck pipeline for one document: cut into slides, lay out, paint.
public func paintDeck(_ document: Document, measurer: HandoutMeasurer, notes: Bool = false) throws -> (deck: DocumentDrawing, notes: DocumentDrawing?) {
    let deck = try SlideDeck(document)
    let laid = try SlideLayout.layout(deck, file: document.file, geometry: SlideGeometry(), measurer: measurer)
    let painter = DeckPainter(document: document, deck: laid, measurer: measurer)
    return (try painter.drawing(), notes ? try painter.notesDrawing() : nil)
}
