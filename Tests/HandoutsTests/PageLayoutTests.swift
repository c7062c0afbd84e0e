import Foundation
import Testing
@testable import Handouts

/// Fixed-pitch measuring: every character 5 pt at 10 pt, math 4 pt per TeX character.
struct MonoMeasurer: LayoutMeasurer {
    func textWidth(_ text: String, style: TextStyle, size: Double) -> Double { Double(text.count) * 5 * size / 10 }
    func math(tex: String, display: Bool, size: Double) throws -> BoxMetrics {
        BoxMetrics(width: Double(tex.count) * 4, ascent: display ? 14 : 8, descent: display ? 6 : 3)
    }
    func figureHeight(_ figure: Figure, width: Double) throws -> Double { width * 0.6 }
}

/// Total demerits of a break sequence, written out again from Knuth & Plass's definitions so the
/// breaker's optimum can be checked by trying every sequence of breaks of a short paragraph.
private func demerits(_ items: [LineItem], breaks: [Int], width: Double, tolerance: Double, p: LineBreakParameters) -> Double? {
    var total = 0.0
    var start = 0
    var prevFitness = 1
    var prevFlagged = false
    for b in breaks {
        var w = 0.0, y = 0.0, z = 0.0
        for i in start..<b {
            switch items[i] {
            case .box(let bw): w += bw
            case .glue(let gw, let gy, let gz): w += gw; y += gy; z += gz
            case .penalty: break
            }
        }
        var cost = 0.0, flagged = false
        if case .penalty(let pw, let c, let f) = items[b] { w += pw; cost = c; flagged = f }
        let r: Double = w < width ? (y > 0 ? (width - w) / y : .infinity) : w > width ? (z > 0 ? (width - w) / z : -.infinity) : 0
        guard r >= -1, r <= tolerance else { return nil }
        let bad = min(100 * pow(abs(r), 3), 1e6)
        var d = pow(p.linePenalty + bad, 2)
        if cost > 0 { d += cost * cost } else if cost > -.infinity { d -= cost * cost }
        if flagged && prevFlagged { d += p.flaggedDemerits }
        let fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3
        if abs(fitness - prevFitness) > 1 { d += p.fitnessDemerits }
        total += d
        prevFitness = fitness
        prevFlagged = flagged
        start = b + 1
        while start < items.count, case .glue = items[start] { start += 1 }
    }
    return total
}

@Suite struct LineBreakerTests {
    private func paragraph(_ words: [Double]) -> [LineItem] {
        var items: [LineItem] = []
        for (k, w) in words.enumerated() {
            if k > 0 { items.append(.glue(width: 3, stretch: 1.5, shrink: 1)) }
            items.append(.box(width: w))
        }
        return items + LineBreaker.finishingGlue
    }

    @Test func totalFitIsOptimalAgainstExhaustiveSearch() {
        var p = LineBreakParameters()
        p.tolerances = [50]
        let widths: [[Double]] = [
            [12, 30, 8, 22, 15, 9, 27, 14, 11, 19, 25, 7, 16],
            [20, 20, 20, 20, 20, 20, 20, 20, 20, 20],
            [5, 41, 6, 33, 12, 12, 12, 28, 4, 17, 30, 9],
        ]
        for words in widths {
            let items = paragraph(words)
            let width = 70.0
            let lines = LineBreaker.breakLines(items, width: width, parameters: p)
            let chosen = lines.map(\.breakIndex)
            // Every subset of the glue positions, plus the final forced break.
            let glues = items.indices.filter { i in
                if case .glue = items[i], i > 0, case .box = items[i - 1] { return true } else { return false }
            }
            var best = Double.infinity
            for mask in 0..<(1 << glues.count) {
                let breaks = glues.indices.filter { mask & (1 << $0) != 0 }.map { glues[$0] } + [items.count - 1]
                if let d = demerits(items, breaks: breaks, width: width, tolerance: 50, p: p) { best = min(best, d) }
            }
            let got = demerits(items, breaks: chosen, width: width, tolerance: 50, p: p)
            #expect(got != nil)
            #expect(abs((got ?? .infinity) - best) <= 1e-9 * best)
        }
    }

    @Test func justifiedLinesFillTheMeasureExactly() throws {
        let setter = ParagraphSetter(measurer: MonoMeasurer(), size: 10, leading: 14)
        let text = "Entropy measures the average surprise of outcomes drawn from a distribution, and the cross-entropy "
            + "charges the surprise of a model instead; their difference is the Kullback-Leibler divergence, never negative."
        let lines = try setter.set([.text(text)], width: 200)
        #expect(lines.count > 3)
        for line in lines.dropLast() {
            let end = (line.fragments.last?.x ?? 0) + (line.fragments.last?.width ?? 0)
            #expect(abs(end - 200) < 1e-9)
        }
        let words = lines.flatMap(\.fragments).compactMap { f -> String? in
            if case .word(let w, _, _) = f.content { return w } else { return nil }
        }
        #expect(words.joined(separator: " ") == text)
    }

    @Test func anOverlongWordStillGetsALine() {
        let items: [LineItem] = [.box(width: 10), .glue(width: 3, stretch: 1.5, shrink: 1), .box(width: 500),
                                 .glue(width: 3, stretch: 1.5, shrink: 1), .box(width: 10)] + LineBreaker.finishingGlue
        let lines = LineBreaker.breakLines(items, width: 100)
        #expect(lines.map(\.items) == [0..<1, 2..<3, 4..<7])  // the last line holds the finishing glue
    }

    @Test func referencesAndMathDoNotBreak() throws {
        let setter = ParagraphSetter(measurer: MonoMeasurer(), size: 10, leading: 14)
        let ref = CrossReference(label: "fig-a", kind: .figure, text: "Figure 12", target: "fig-a", position: SourcePosition(line: 1, column: 1))
        let m = InlineMath(tex: "a+b", position: SourcePosition(line: 1, column: 1))
        let lines = try setter.set([.text("see "), .ref(ref), .text(" and "), .math(m), .text(".")], width: 40)
        let contents = lines.flatMap(\.fragments).map(\.content)
        #expect(contents.contains(.word("Figure\u{00A0}12", .regular, link: "#fig-a")))
        // "$a+b$." has no space between formula and period: they stay on one line.
        let last = lines.last?.fragments.map(\.content).suffix(2)
        #expect(last.map(Array.init) == [.math(m, BoxMetrics(width: 12, ascent: 8, descent: 3)), .word(".", .regular, link: nil)])
    }
}

@Suite struct PageBreakerTests {
    private func line(_ h: Double = 10, keep: Bool = false) -> LayoutSlab {
        LayoutSlab(height: h, keepWithNext: keep, content: .space)
    }

    private func pagesOf(_ slabs: [LayoutSlab], _ height: Double) -> [[Double]] {
        PageBreaker.paginate(slabs, pageHeight: height).map { $0.slabs.map(\.slab.height) }
    }

    @Test func aHeadingMovesToTheNextPageWithItsText() {
        // 9 lines fill 90 of 100; the heading (height 7) would fit but its text would not.
        let slabs = Array(repeating: line(), count: 9) + [line(7, keep: true), line(10.5, keep: true), line(10.5)]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages.count == 2)
        #expect(pages[0].slabs.count == 9)
        #expect(pages[1].slabs.map(\.slab.height) == [7, 10.5, 10.5])
        #expect(pages[1].slabs.map(\.y) == [0, 7, 17.5])
    }

    @Test func aFigureIsNeverSplitAndSpaceAtTheTopIsDropped() {
        var figure = line(60)
        figure.spaceBefore = 12
        let pages = pagesOf(Array(repeating: line(), count: 5) + [figure, line()], 100)
        #expect(pages == [[10, 10, 10, 10, 10], [60, 10]])
        let placed = PageBreaker.paginate(Array(repeating: line(), count: 5) + [figure, line()], pageHeight: 100)
        #expect(placed[1].slabs[0].y == 0)
    }

    @Test func everySlabIsPlacedOnceInOrderEvenWhenAChainIsTallerThanAPage() {
        let chain = (0..<15).map { k in line(10, keep: k < 14) }
        let slabs = [line(5)] + chain + [line(5)]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        let flat = pages.flatMap { $0.slabs.map(\.slab) }
        #expect(flat == slabs)
        for page in pages {
            let bottom = (page.slabs.last?.y ?? 0) + (page.slabs.last?.slab.height ?? 0)
            #expect(bottom <= 100 || page.slabs.count == 1)
        }
    }

    @Test func badTeXDuringLayoutNamesTheFormula() throws {
        struct Failing: LayoutMeasurer {
            struct Bad: Error, CustomStringConvertible { var description: String { "unknown command \\frc" } }
            func textWidth(_ text: String, style: TextStyle, size: Double) -> Double { Double(text.count) * 5 }
            func math(tex: String, display: Bool, size: Double) throws -> BoxMetrics {
                if tex.contains("frc") { throw Bad() }
                return BoxMetrics(width: 10, ascent: 8, descent: 3)
            }
            func figureHeight(_ figure: Figure, width: Double) throws -> Double { 100 }
        }
        let doc = try parse(template("Fine $x$.\n\n$$ \\frc{a}{b} $$ {#eq-a}"))
        let e = templateError { _ = try PageLayout.layout(doc, geometry: PageGeometry(paper: .letter), measurer: Failing()) }
        #expect(e?.description == "Templates/t.md:9:1: error: bad TeX: unknown command \\frc")
    }

    @Test func sampleHandoutLaysOutWithHeadingsNeverLastOnAPage() throws {
        let doc = try parse(try fixture("sample.md"))
        var geometry = PageGeometry(paper: .a4)
        geometry.margin = (72, 85, 400, 85)  // a short text area forces several pages
        let laid = try PageLayout.layout(doc, geometry: geometry, measurer: MonoMeasurer())
        let pages = laid.pages
        #expect(pages.count > 1)
        if case .title? = pages.first?.slabs.first?.slab.content {} else { Issue.record("the title block does not open page 1") }
        #expect(laid.outline.map(\.title) == ["1 Cross-entropy", "1.1 Per-outcome terms"])
        for id in ["sec-ce", "sec-terms", "eq-kl", "fig-kl", "tbl-terms", "exercise-1", "solution-1", "fn-1"] {
            #expect(laid.destinations[id] != nil, "no destination for \(id)")
        }
        // Destinations point at the page that holds them.
        if let d = laid.destinations["fig-kl"] {
            #expect(pages[d.page].slabs.contains { if case .figure = $0.slab.content { return $0.y == d.y } else { return false } })
        }
        for page in pages {
            if case .heading? = page.slabs.last?.slab.content { Issue.record("a heading ends a page") }
            if case .calloutTop? = page.slabs.last?.slab.content { Issue.record("a callout header ends a page") }
            if case .tableCaption? = page.slabs.last?.slab.content { Issue.record("a table caption ends a page") }
        }
        // Table rows share their column widths, each wide enough for its widest cell.
        let rows = pages.flatMap(\.slabs).compactMap { p -> (cells: [TypesetLine], columns: [Double])? in
            if case .tableRow(_, _, let cells, let columns) = p.slab.content { return (cells, columns) } else { return nil }
        }
        #expect(rows.count == 4)
        #expect(Set(rows.map(\.columns)).count == 1)
        // "outcome" is 7 characters at 5 pt (10.5 pt text: 5.25 pt) plus 12.6 pt padding.
        #expect(abs((rows.first?.columns.first ?? 0) - (7 * 5.25 + 12.6)) < 1e-9)
        let inCallout = pages.flatMap(\.slabs).filter { $0.slab.callout != nil }
        #expect(inCallout.count >= 9)  // three callouts: top, one line, bottom each
        let figures = pages.flatMap(\.slabs).filter { if case .figure = $0.slab.content { return true } else { return false } }
        #expect(figures.count == 1)
    }
}

@Suite struct FigureFloatTests {
    private func line(_ h: Double = 10, keep: Bool = false) -> LayoutSlab {
        LayoutSlab(height: h, keepWithNext: keep, content: .line(TypesetLine(fragments: [], ascent: h * 0.8, descent: h * 0.2), justified: true))
    }
    private func figure(_ h: Double) -> LayoutSlab {
        let f = Figure(name: "entropy-curve", parameters: .object([]), caption: [], label: nil, number: 1, id: "fig-1", size: nil,
                       position: SourcePosition(line: 1, column: 1))
        return LayoutSlab(height: h, content: .figure(f, height: h, caption: []))
    }

    @Test func aFigureThatDoesNotFitLetsTheFollowingLinesFillThePage() {
        // 5 lines (50) + figure 60 > 100: the 4 lines after the figure move up, the figure goes next page.
        let slabs = Array(repeating: line(), count: 5) + [figure(60)] + Array(repeating: line(), count: 6)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages.count == 2)
        #expect(pages[0].slabs.count == 10)
        #expect(pages[0].slabs.allSatisfy { if case .line = $0.slab.content { true } else { false } })
        if case .figure = pages[1].slabs[0].slab.content {} else { Issue.record("the figure should open page 2") }
        #expect(pages[1].slabs.count == 2)
        // Nothing lost or duplicated.
        #expect(pages.flatMap(\.slabs).count == slabs.count)
    }

    @Test func pulledLinesNeverEndOnALineThatKeepsWithTheNext() {
        // Five lines would fit after the first five, but the fourth and fifth keep with what follows.
        // (The first five are one chain, so the figure cannot stand at the foot of page 1 instead.)
        let slabs = Array(repeating: line(keep: true), count: 4) + [line(), figure(60)]
            + [line(), line(), line(), line(keep: true), line(keep: true), line()]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        let first = pages[0].slabs
        #expect(first.count == 8)
        #expect(first.last?.slab.keepWithNext == false)
    }

    @Test func aFigureWithLittleRoomLeftJustMovesOn() {
        // 9 lines leave 10 of 100: less than an eighth of the page, not worth reordering for.
        let slabs = Array(repeating: line(), count: 9) + [figure(60)] + Array(repeating: line(), count: 2)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages[0].slabs.count == 9)
        if case .figure = pages[1].slabs[0].slab.content {} else { Issue.record("the figure should open page 2") }
    }
}

@Suite struct SoftKeepTests {
    private func line(keep: Bool = false, soft: Bool = false) -> LayoutSlab {
        var s = LayoutSlab(height: 10, keepWithNext: keep, content: .line(TypesetLine(fragments: [], ascent: 8, descent: 2), justified: true))
        s.softKeep = soft
        return s
    }

    @Test func orphanAndWidowKeepsGiveWayRatherThanLeaveAPageMoreThanFifteenPercentEmpty() {
        // Six free lines, then a paragraph of six whose lines all keep softly (a chain of widow and
        // orphan keeps): keeping them whole would leave page 1 at 60 of 100.
        let slabs = Array(repeating: line(), count: 6) + Array(repeating: line(keep: true, soft: true), count: 5) + [line(), line()]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages[0].slabs.count == 10)
        #expect(pages.flatMap(\.slabs).count == slabs.count)
    }

    @Test func hardKeepsHoldEvenOnAnUnderfullPage() {
        // The same chain kept hard (a heading, the line before a display) moves whole.
        let slabs = Array(repeating: line(), count: 6) + Array(repeating: line(keep: true), count: 5) + [line(), line()]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages[0].slabs.count == 6)
    }

    @Test func softKeepsHoldWhenThePageIsFullEnough() {
        // Nine free lines: ending page 1 at 90 of 100 is fine, so the soft chain stays whole.
        let slabs = Array(repeating: line(), count: 9) + Array(repeating: line(keep: true, soft: true), count: 2) + [line()]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages[0].slabs.count == 9)
    }
}
