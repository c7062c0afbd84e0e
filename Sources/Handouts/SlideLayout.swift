/// Deck → positioned slides, as a pure function of the deck, the slide geometry and a measurer:
/// the second consumer of the parsed `Document` next to `PageLayout`. Slide bodies are set by the
/// handout's own `SlabPlanner` (same paragraphs, lists, callouts, tables, equations) at the
/// slide's type scale, then stacked in the slide's free area; figures take what space is left.

/// 16:9 slide geometry in points. The page is 13.333 × 7.5 in, the figure catalogue's `slide`
/// preset, so a full-slide figure is drawn at the size the catalogue designs it for.
public struct SlideGeometry: Sendable, Equatable {
    public var width = 960.0
    public var height = 540.0
    public var marginX = 48.0
    /// Top of the title's first line.
    public var titleTop = 30.0
    public var titleSize = 30.0
    /// Body text: 22 pt on a 7.5 in slide is about the 1/24-of-the-height rule of thumb for rooms.
    public var bodySize = 22.0
    /// 1.27 × the body size, the handout's ratio (14 / 10.5 is 1.33; slides set a little tighter).
    public var leading = 28.0
    public var paragraphSpace = 10.0
    public var titleGap = 14.0
    /// The footer band (short title, section progress, slide number) and the space above it.
    public var footerHeight = 34.0
    public var columnGap = 32.0
    /// Axis labels of figures on slides: the documents' figure font size (`figureTextRatio` × body).
    public var figureFontSize: Double { bodySize * figureTextRatio }
    /// Figures on slides are at least this tall (four body lines) and at most this wide for their height.
    public var figureMinHeight = 112.0
    public var figureMaxAspect = 2.4
    /// … and at most this tall for the width they have (a figure taller than wide wastes the slide).
    public var figureMaxHeightRatio = 0.9
    public var calloutPadding = 12.0

    public init() {}

    public var contentWidth: Double { width - 2 * marginX }
    public var contentBottom: Double { height - footerHeight }
}

/// A figure's drawn box in a region `width` wide when the layout gives it `height`: full height,
/// and as wide as the region allows up to `figureMaxAspect`. Used by the layout and the painter.
func slideFigureBox(height: Double, regionWidth: Double, geometry: SlideGeometry) -> (width: Double, height: Double) {
    (min(regionWidth, geometry.figureMaxAspect * height), height)
}

/// A rectangle of a slide with its slabs placed, top to bottom, each with its overlay step.
public struct SlideRegion: Sendable, Equatable {
    /// The region as a page: its margins put the text area where the region is on the slide, so
    /// the handout painter draws its slabs unchanged.
    public var page: PageGeometry
    public var slabs: [PlacedSlab]
    public var steps: [Int]
    /// Height given to each figure's art in this region.
    public var figureHeight: Double
}

public struct LaidOutSlide: Sendable, Equatable {
    public var slide: Slide
    /// 1-based, the title slide is 1; overlays share their slide's number.
    public var number: Int
    public var title: [TypesetLine]
    public var regions: [SlideRegion]
    /// 1 unless `{.shrink}` had to set the slide smaller.
    public var scale: Double
}

public struct LaidOutDeck: Sendable, Equatable {
    public var slides: [LaidOutSlide]
    public var sections: [[Inline]]
    public var geometry: SlideGeometry
}

public enum SlideLayout {
    /// Smaller type scales tried, in order, for a `{.shrink}` slide that does not fit.
    static let shrinkScales = [0.92, 0.85, 0.78, 0.72, 0.66, 0.6]

    public static func layout(_ deck: SlideDeck, file: String, geometry: SlideGeometry,
                              measurer: any LayoutMeasurer) throws -> LaidOutDeck {
        var out: [LaidOutSlide] = []
        for (k, slide) in deck.slides.enumerated() {
            out.append(try layout(slide, number: k + 1, file: file, geometry: geometry, measurer: measurer))
        }
        return LaidOutDeck(slides: out, sections: deck.sections, geometry: geometry)
    }

    static func layout(_ slide: Slide, number: Int, file: String, geometry g: SlideGeometry,
                       measurer: any LayoutMeasurer) throws -> LaidOutSlide {
        var scale = 1.0
        var attempt = 0
        while true {
            do {
                return try setSlide(slide, number: number, file: file, geometry: g, measurer: measurer, scale: scale)
            } catch let overflow as SlideOverflow {
                if slide.shrink, attempt < shrinkScales.count {
                    scale = shrinkScales[attempt]
                    attempt += 1
                    continue
                }
                let what = slide.title.isEmpty ? "this slide" : "slide ‘\(slide.title.plainText)’"
                let lines = overflow.amount / (g.leading * scale)
                var message = "\(what) does not fit: \(overflow.what) by \(formatPoints(overflow.amount)) pt"
                if overflow.vertical { message += " (about \(formatPoints(lines, digits: 1)) lines)" }
                message += slide.shrink
                    ? " even at \(Int((scale * 100).rounded())) % type; split the slide or cut it"
                    : "; split the slide, cut it, or add {.shrink} after its heading"
                throw TemplateError(file: file, at: overflow.position ?? slide.position, message)
            }
        }
    }

    private static func setSlide(_ slide: Slide, number: Int, file: String, geometry g: SlideGeometry,
                                 measurer: any LayoutMeasurer, scale: Double) throws -> LaidOutSlide {
        let titleSize: Double
        switch slide.role {
        case .title, .section: titleSize = g.titleSize * 1.4
        case .content: titleSize = g.titleSize
        }
        let titleSetter = ParagraphSetter(file: file, measurer: measurer, size: titleSize, leading: titleSize * 1.2)
        let title = slide.title.isEmpty
            ? [] : try titleSetter.set([.strong(slide.title)], width: g.contentWidth, ragged: true)
        for line in title { try checkWidth(line, width: g.contentWidth, position: slide.position) }
        let titleHeight = title.reduce(0) { $0 + $1.height }
        // Section slides set their title a third of the way down and their body under it.
        let top: Double
        switch slide.role {
        case .title: top = g.titleTop
        case .section: top = g.height * 0.36 + titleHeight + g.titleGap
        case .content: top = title.isEmpty ? g.titleTop : g.titleTop + titleHeight + g.titleGap
        }
        let available = g.contentBottom - top
        // Top-level items stack; a columns block is one band of side-by-side regions.
        var runs: [[SlideItem]] = [[]]
        for item in slide.items {
            if case .columns = item { runs.append([item]); runs.append([]) } else { runs[runs.count - 1].append(item) }
        }
        runs = runs.filter { !$0.isEmpty }
        var bands: [Band] = []
        for run in runs {
            if case .columns(let columns)? = run.first, run.count == 1 {
                let n = Double(columns.count)
                let width = (g.contentWidth - (n - 1) * g.columnGap) / n
                var regions: [Column] = []
                for (c, column) in columns.enumerated() {
                    let x = g.marginX + Double(c) * (width + g.columnGap)
                    regions.append(try Column(items: column, x: x, width: width, file: file, geometry: g,
                                              measurer: measurer, scale: scale, position: slide.position))
                }
                bands.append(Band(columns: regions))
            } else {
                bands.append(Band(columns: [try Column(items: run, x: g.marginX, width: g.contentWidth, file: file, geometry: g,
                                                       measurer: measurer, scale: scale, position: slide.position)]))
            }
        }
        let gap = g.paragraphSpace * 2 * scale
        func total(_ h: Double) -> Double {
            bands.reduce(0) { $0 + $1.height(figure: h) } + Double(max(0, bands.count - 1)) * gap
        }
        let figures = bands.contains { $0.columns.contains { $0.figureCount > 0 } }
        var figureHeight = 0.0
        if figures {
            let hMax = min(available, bands.flatMap(\.columns).filter { $0.figureCount > 0 }
                .map { $0.width * g.figureMaxHeightRatio }.min() ?? available)
            let hMin = g.figureMinHeight * scale
            if total(hMin) > available {
                throw SlideOverflow(what: "with figures at their smallest (\(formatPoints(hMin)) pt) its content is too tall",
                                    amount: total(hMin) - available, vertical: true, position: nil)
            }
            // total is increasing in h: bisect for the tallest figures that still fit.
            var lo = hMin, hi = max(hMin, hMax)
            if total(hi) <= available { lo = hi } else {
                for _ in 0..<40 {
                    let mid = (lo + hi) / 2
                    if total(mid) <= available { lo = mid } else { hi = mid }
                }
            }
            figureHeight = lo.rounded(.down)
        } else if total(0) > available {
            throw SlideOverflow(what: "its content is too tall", amount: total(0) - available, vertical: true, position: nil)
        }
        var regions: [SlideRegion] = []
        var y = top
        for band in bands {
            for column in band.columns {
                regions.append(column.region(top: y, figureHeight: figureHeight, geometry: g))
            }
            y += band.height(figure: figureHeight) + gap
        }
        return LaidOutSlide(slide: slide, number: number, title: title, regions: regions, scale: scale)
    }

    /// A line wider than its measure (an unbreakable formula or word) runs off the slide.
    static func checkWidth(_ line: TypesetLine, width: Double, position: SourcePosition) throws {
        let right = line.fragments.map { $0.x + $0.width }.max() ?? 0
        if right > width + 0.5 {
            var at = position
            for f in line.fragments where f.x + f.width > width + 0.5 {
                if case .math(let m, _) = f.content { at = m.position }
                break
            }
            throw SlideOverflow(what: "a line is wider than the slide", amount: right - width, vertical: false, position: at)
        }
    }
}

struct SlideOverflow: Error {
    var what: String
    var amount: Double
    var vertical: Bool
    var position: SourcePosition?
}

func formatPoints(_ x: Double, digits: Int = 0) -> String {
    digits == 0 ? "\(Int(x.rounded(.up)))" : formatNumber(x, digits: digits)
}

/// Side-by-side columns stacked as one band: as tall as the tallest column.
private struct Band {
    var columns: [Column]
    func height(figure h: Double) -> Double { columns.map { $0.height(figure: h) }.max() ?? 0 }
}

/// One column of a slide (the whole width when there are no columns): its items set as slabs,
/// figure slabs with their art height left open until the slide knows what space is free.
private struct Column {
    let x: Double
    let width: Double
    let page: PageGeometry
    var slabs: [LayoutSlab] = []
    var steps: [Int] = []
    /// Slab indices of figures (their `height` holds the caption and gap only).
    var figureSlabs: [Int] = []
    var figureCount: Int { figureSlabs.count }

    init(items: [SlideItem], x: Double, width: Double, file: String, geometry g: SlideGeometry,
         measurer: any LayoutMeasurer, scale: Double, position: SourcePosition) throws {
        self.x = x
        self.width = width
        var page = PageGeometry(paper: .a4)
        page.pageWidth = g.width
        page.pageHeight = g.height
        page.margin = (0, g.width - x - width, 0, x)
        page.bodySize = g.bodySize * scale
        page.leading = g.leading * scale
        page.paragraphSpace = g.paragraphSpace * scale
        page.headingSizes = [g.titleSize, g.bodySize * 1.15, g.bodySize * 1.05].map { $0 * scale }
        page.calloutPadding = g.calloutPadding * scale
        self.page = page
        var planner = SlabPlanner(file: file, geometry: page, measurer: measurer)
        planner.ragged = true
        var column = SlideColumnPlanner(planner: planner, width: width)
        for item in items {
            guard case .block(let block, let step) = item else {
                throw TemplateError(file: file, at: position, "columns do not nest")
            }
            let before = column.planner.slabs.count
            try block.element.layoutOnSlide(&column)
            for k in before..<column.planner.slabs.count {
                steps.append(step)
                try check(column.planner.slabs[k], file: file, position: position)
            }
        }
        slabs = column.planner.slabs
        figureSlabs = column.figureSlabs
    }

    /// Nothing may run off the side: lines, formulas and tables wider than the column are errors.
    private func check(_ slab: LayoutSlab, file: String, position: SourcePosition) throws {
        let measure = width - slab.indent
        switch slab.content {
        case .line(let line, _): try SlideLayout.checkWidth(line, width: measure, position: position)
        case .heading(_, let lines), .calloutTop(_, let lines), .tableCaption(_, let lines):
            for line in lines { try SlideLayout.checkWidth(line, width: measure, position: position) }
        case .element(let e):
            for line in e.base.lines { try SlideLayout.checkWidth(line, width: measure, position: position) }
        case .displayMath(let m, let metrics) where metrics.width > measure + 0.5:
            throw SlideOverflow(what: "a formula is wider than the slide", amount: metrics.width - measure, vertical: false,
                                position: m.position)
        case .tableRow(_, _, let cells, let columns):
            // The planner narrows columns to the measure; a cell then wider than its column overlaps the next.
            for (c, cell) in cells.enumerated() where c < columns.count {
                let natural = cell.fragments.last.map { $0.x + $0.width } ?? 0
                if natural > columns[c] {
                    throw SlideOverflow(what: "a table is wider than the slide", amount: natural - columns[c] + 1, vertical: false,
                                        position: position)
                }
            }
        default: break
        }
    }

    func height(figure h: Double) -> Double {
        var y = 0.0
        for (k, s) in slabs.enumerated() {
            y += (k == 0 ? 0 : s.spaceBefore) + s.height + (figureSlabs.contains(k) ? h : 0)
        }
        return y
    }

    func region(top: Double, figureHeight h: Double, geometry g: SlideGeometry) -> SlideRegion {
        var page = self.page
        page.margin.top = top
        page.margin.bottom = g.height - g.contentBottom
        var placed: [PlacedSlab] = []
        var y = 0.0
        for (k, s) in slabs.enumerated() {
            var slab = s
            if figureSlabs.contains(k), case .figure(let f, _, let caption) = s.content {
                slab.height += h
                slab.content = .figure(f, height: h, caption: caption)
            }
            y += k == 0 ? 0 : slab.spaceBefore
            placed.append(PlacedSlab(slab: slab, y: y))
            y += slab.height
        }
        return SlideRegion(page: page, slabs: placed, steps: steps, figureHeight: h)
    }
}
