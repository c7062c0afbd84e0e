import Foundation
import Testing
@testable import Handouts

/// Float placement, page-foot footnotes and the near-empty last page, on constructed slab lists
/// (heights in points, a page of 100).
@Suite struct FloatPlacementTests {
    private func line(_ h: Double = 10, keep: Bool = false, note: Int? = nil) -> LayoutSlab {
        let fragments = note.map { [PlacedFragment(content: .word("\($0)", .superscript, link: "#fn-\($0)"), x: 0, width: 3)] } ?? []
        return LayoutSlab(height: h, keepWithNext: keep,
                          content: .line(TypesetLine(fragments: fragments, ascent: h * 0.8, descent: h * 0.2), justified: true))
    }
    private func table(rows: Int, rowHeight: Double) -> [LayoutSlab] {
        let t = Table(header: [[.text("a")]], rows: Array(repeating: [[.text("b")]], count: rows), alignments: [.left],
                      caption: [.text("c")], label: nil, number: 1, id: "tbl-1")
        let empty = TypesetLine(fragments: [], ascent: 8, descent: 2)
        return [LayoutSlab(height: rowHeight, keepWithNext: true, content: .tableCaption(t, lines: [empty])),
                LayoutSlab(height: rowHeight, keepWithNext: true, content: .tableRow(t, row: nil, cells: [empty], columns: [10]))]
            + (0..<rows).map { r in
                // The planner's keeps: a short table whole, a long one only at its ends.
                LayoutSlab(height: rowHeight, keepWithNext: rows <= 12 ? r < rows - 1 : (r == 0 || r == rows - 2), content: .tableRow(t, row: r, cells: [empty], columns: [10]))
            }
    }
    private func isTable(_ s: PlacedSlab) -> Bool {
        switch s.slab.content {
        case .tableCaption, .tableRow: return true
        default: return false
        }
    }
    private func empty(_ page: LaidOutPage, _ height: Double = 100) -> Double { 1 - page.usedHeight / height }

    @Test func aTableThatDoesNotFitFloatsToTheNextPageTopAndTextFillsTheGap() {
        // 5 lines, then a 60-pt table: it cannot stand where it is; the 4 lines after it fill page 1.
        let slabs = Array(repeating: line(), count: 5) + table(rows: 4, rowHeight: 10) + Array(repeating: line(), count: 6)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages.count == 2)
        #expect(!pages[0].slabs.contains(where: isTable))
        #expect(empty(pages[0]) <= 0.15)
        #expect(pages[1].slabs.prefix(6).allSatisfy(isTable))
        #expect(pages.flatMap(\.slabs).count == slabs.count)
    }

    @Test func aFloatThatFitsStaysWhereItStands() {
        let slabs = Array(repeating: line(), count: 2) + table(rows: 2, rowHeight: 10) + Array(repeating: line(), count: 2)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages.count == 1)
        #expect(pages[0].slabs.map(isTable) == [false, false, true, true, true, true, false, false])
    }

    @Test func floatsKeepTheirOrder() {
        // Two tables in a row after a nearly full page: the second never passes the first.
        let slabs = Array(repeating: line(), count: 6) + table(rows: 3, rowHeight: 10) + table(rows: 2, rowHeight: 10)
            + Array(repeating: line(), count: 3)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        let order = pages.flatMap(\.slabs).compactMap { s -> Int? in
            if case .tableRow(_, let r?, _, _) = s.slab.content { return r } else { return nil }
        }
        #expect(order == [0, 1, 2, 0, 1])
    }

    @Test func aLongTableThatMayBreakIsNoFloat() {
        // 20 rows keep only their first and last two rows together, so the table breaks across pages.
        let slabs = Array(repeating: line(), count: 5) + table(rows: 20, rowHeight: 4)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages[0].slabs.contains(where: isTable))
    }

    @Test func footnotesGoToTheFootOfThePageThatRefersToThem() {
        let note = [LayoutSlab(height: 8, content: .footnoteLine(TypesetLine(fragments: [], ascent: 6, descent: 2), number: 1), marker: "1.")]
        let rule = LayoutSlab(height: 4, spaceBefore: 2, content: .rule)
        let slabs = Array(repeating: line(), count: 12) + [line(note: 1)] + Array(repeating: line(), count: 3)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100, footnotes: [1: note], footnoteRule: rule)
        // Page 1 holds 10 lines (no reference); page 2 the referring line and its note at the foot.
        #expect(pages.count == 2)
        #expect(!pages[0].slabs.contains { if case .footnoteLine = $0.slab.content { true } else { false } })
        let foot = pages[1].slabs.last
        if case .footnoteLine(_, 1)? = foot?.slab.content {} else { Issue.record("the note should end page 2") }
        #expect(abs((foot?.y ?? 0) + 8 - 100) < 1e-9)
        #expect(pages[1].slabs.contains { if case .rule = $0.slab.content { $0.y == 100 - 8 - 4 } else { false } })
    }

    @Test func aLineWhoseNoteDoesNotFitMovesOnWithIt() {
        let note = [LayoutSlab(height: 30, content: .footnoteLine(TypesetLine(fragments: [], ascent: 6, descent: 2), number: 1))]
        // Line 9 refers to a 30-pt note: 9 lines + 30 > 100, so line 9 (and its note) open page 2.
        let slabs = Array(repeating: line(), count: 8) + [line(note: 1), line()]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100, footnotes: [1: note])
        #expect(pages.count == 2)
        #expect(pages[0].slabs.count == 8)
        #expect(pages[1].slabs.contains { if case .footnoteLine = $0.slab.content { true } else { false } })
    }

    @Test func aNearlyEmptyLastPageIsPulledBackByTighterSpacing() {
        // 13 lines of 7 pt, 1 pt apart, are 103 pt (last page: one line); a third less space fits one page.
        var slabs = Array(repeating: line(7), count: 13)
        for k in 1..<slabs.count { slabs[k].spaceBefore = 1 }
        #expect(PageBreaker.paginate(slabs, pageHeight: 100).count == 2)
        let tight = PageBreaker.paginateTight(slabs, pageHeight: 100)
        #expect(tight.count == 1)
        // A last page that is not near-empty is left alone.
        let fuller = Array(repeating: line(8), count: 16)
        #expect(PageBreaker.paginateTight(fuller, pageHeight: 100).count == 2)
    }
}

extension FloatPlacementTests {
    @Test func textAfterTwoFloatsFillsThePageBothFloatsMoveOn() {
        // A table that cannot fit, another right behind it: the lines after both fill page 1.
        let slabs = Array(repeating: line(), count: 5) + table(rows: 4, rowHeight: 10) + table(rows: 1, rowHeight: 10)
            + Array(repeating: line(), count: 8)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(!pages[0].slabs.contains(where: { isTableSlab($0) }))
        #expect(pages[0].usedHeight >= 85)
        #expect(pages.flatMap(\.slabs).count == slabs.count)
    }

    func isTableSlab(_ s: PlacedSlab) -> Bool {
        switch s.slab.content {
        case .tableCaption, .tableRow: return true
        default: return false
        }
    }
}

/// Floats at the foot of a page (LaTeX's `b`) and headings left behind by a float (as LaTeX
/// does), on constructed slab lists: a page of 100, lines of 10.
extension FloatPlacementTests {
    private func figure(_ h: Double = 50, number: Int = 1) -> LayoutSlab {
        let f = Figure(name: "f", parameters: .object([]), caption: [], label: nil, number: number, id: "fig-\(number)", size: nil,
                       position: SourcePosition(line: 1, column: 1))
        return LayoutSlab(height: h, content: .figure(f, height: h, caption: []))
    }
    private func heading() -> LayoutSlab {
        let h = Heading(level: 1, number: "1", label: nil, id: "sec-1", inlines: [.text("H")])
        return LayoutSlab(height: 10, keepWithNext: true, content: .heading(h, lines: []))
    }
    private func figureNumbers(_ page: LaidOutPage) -> [Int] {
        page.slabs.compactMap { if case .figure(let f, _, _) = $0.slab.content { f.number } else { nil } }
    }

    @Test func aFloatWithNoTextToFillTheGapGoesToTheFootOfThisPage() {
        // Six lines, then two figures of half a page. At the top of page 2 the first figure would
        // leave page 1 40 % empty (nothing but another float follows it); at the foot of page 1,
        // under five of the lines, it fills the page, and the sixth line opens page 2.
        let slabs = Array(repeating: line(), count: 6) + [figure(number: 1), figure(number: 2)]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages.count == 2)
        #expect(figureNumbers(pages[0]) == [1])
        #expect(pages[0].slabs.last.map { $0.y + $0.slab.height } == 100)
        #expect(pages[0].slabs.filter { if case .line = $0.slab.content { true } else { false } }.count == 5)
        #expect(empty(pages[0]) <= PageBreaker.maxUnderfull)
        #expect(figureNumbers(pages[1]) == [2])
        #expect(pages.flatMap(\.slabs).count == slabs.count)
    }

    @Test func aFloatAtTheFootNeverPassesAHeading() {
        // The only head that leaves the figure room ends before the heading: the figure would come
        // before its own section, so it goes to the top of page 2 instead.
        let slabs = Array(repeating: line(), count: 4) + [heading()] + Array(repeating: line(), count: 2)
            + [figure(number: 1), figure(number: 2)]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(figureNumbers(pages[0]).isEmpty)
        #expect(figureNumbers(pages[1]) == [1, 2])
    }

    @Test func aHeadingBeforeAFloatStaysWithTheTextAfterIt() {
        // Five lines, a heading, a figure that does not fit, four lines: the heading stays on page 1
        // over the four lines (filling it), the figure opens page 2.
        let slabs = Array(repeating: line(), count: 5) + [heading(), figure()] + Array(repeating: line(), count: 4)
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages.count == 2)
        #expect(figureNumbers(pages[0]).isEmpty)
        #expect(pages[0].usedHeight == 100)
        guard let h = pages[0].slabs.firstIndex(where: { if case .heading = $0.slab.content { true } else { false } }) else {
            Issue.record("the heading should stay on page 1")
            return
        }
        if case .line = pages[0].slabs[h + 1].slab.content {} else { Issue.record("a line should follow the heading") }
        #expect(figureNumbers(pages[1]) == [1])
    }

    @Test func aHeadingWithNothingAfterItsFloatMovesOnWithIt() {
        let slabs = Array(repeating: line(), count: 5) + [heading(), figure()]
        let pages = PageBreaker.paginate(slabs, pageHeight: 100)
        #expect(pages.count == 2)
        #expect(pages[1].slabs.map { if case .heading = $0.slab.content { "h" } else { "f" } } == ["h", "f"])
    }
}

extension FloatPlacementTests {
    @Test func aFloatAtTheFootNeverLeavesALineAloneOnTheLastPage() {
        // Seven lines and a figure ending the handout: at the foot of page 1 the figure would push
        // the seventh line onto a last page of its own; the figure opens page 2 instead.
        let slabs = Array(repeating: line(), count: 7) + [figure(40)]
        #expect(PageBreaker.paginate(slabs, pageHeight: 100).last?.slabs.count == 1)
        let pages = PageBreaker.paginateTight(slabs, pageHeight: 100)
        #expect(pages.count == 2)
        #expect(pages[0].slabs.count == 7)
        #expect(figureNumbers(pages[1]) == [1])
    }
}

/// Issue 10's page targets on the course handouts themselves: no page but the last more than
/// 15 % empty, and the last page not a near-empty page of a line or two.
@Suite struct HandoutPageFillTests {
    @Test(arguments: ["01-surprise-and-entropy", "02-cross-entropy-and-kl", "03-joint-conditional-mutual-information",
                      "04-likelihood", "05-maxent-elbo-ensembles", "06-linear-regression-mle",
                      "07-importance-sampling-trpo-ppo", "_example"])
    func pagesAreFull(_ name: String) throws {
        let built = try BuildFixtures.build(name, [.pdf])
        let stats = try #require(built.statistics)
        #expect(stats.maxEmptyBeforeLast <= PageBreaker.maxUnderfull, "\(stats.emptyFraction)")
        if stats.emptyFraction.count > 1 {
            #expect((stats.emptyFraction.last ?? 0) <= 1 - PageBreaker.nearEmptyLastPage, "\(stats.emptyFraction)")
        }
    }
}
