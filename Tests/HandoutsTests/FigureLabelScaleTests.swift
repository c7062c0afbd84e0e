import CairoRender
import FigureModel
import Foundation
import Testing
@testable import Handouts

/// Issue 9: a figure is laid out at the size it is shown, its axis labels at the document's figure
/// font size (`figureTextRatio` × the body), in the PDF pages, the HTML page (at 1280 and 390 px
/// viewports) and the slides. Measured from the laid-out frames: the largest text of the figure
/// (its axis labels; tick labels are the theme's 0.85 of them) against the body size.
struct FigureLabelScaleTests {
    static let handout = "---\ntitle: T\n---\nSome text.\n\n```figure\nname: entropy-curve\ncaption: The curve.\n```\n"

    /// The largest text of a figure as drawn, in pt.
    static func labelPoints(_ figure: FigureModel.Figure, _ frames: FigureFrames) throws -> Double {
        try #require(textSizes(try frames.frame(figure), kinds: [.prose, .math]).max())
    }

    static func placedOnPages(_ doc: Document) throws -> [PlacedFigure] {
        let measurer = try HandoutMeasurer(fonts: doc.meta.fonts)
        _ = try paginateHandout(doc, measurer: measurer)
        return measurer.placedFigures
    }

    @Test func pageFiguresSetTheirLabelsAtTheFigureFontSize() throws {
        let placed = try #require(try Self.placedOnPages(try parse(Self.handout)).first)
        let ratio = try Self.labelPoints(placed.figure, FigureFrames()) / PageGeometry(paper: .a4).bodySize
        #expect(abs(ratio - figureTextRatio) < 0.005, "labels at \(ratio) × the body")
    }

    @Test func webFiguresReadAtTheBodysScaleAt1280And390Pixels() throws {
        let doc = try parse(Self.handout)
        let frames = FigureFrames()
        let assets = try HandoutHTMLAssets(fonts: doc.meta.fonts, placed: try Self.placedOnPages(doc), figures: frames)
        let block = try #require(doc.blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }.first)
        let m = WebPageMetrics.self
        func shownRatio(_ figure: FigureModel.Figure) throws -> Double {
            try Self.labelPoints(figure, frames) / m.pointsPerPx / m.bodyFontPx
        }

        // 1280 px: the column (42 em) has room for the page-width drawing at its own size (CSS does
        // not scale it), and it is the drawing shown there.
        let wide = try #require(try assets.pageWideFigure(block))
        #expect(wide.size.widthPoints / m.pointsPerPx <= m.widestFigurePx + 1e-9)
        let wideRatio = try shownRatio(wide)
        #expect(abs(wideRatio - figureTextRatio) < 0.005, "wide labels at \(wideRatio) × the body")
        let (phone, below) = try #require(try assets.phoneDrawing(block))
        #expect(below <= 1280)

        // 390 px: the phone drawing is shown, as wide as the phone's column (so at its own size).
        #expect(below > m.phoneViewportPx)
        #expect(phone.size.widthPoints / m.pointsPerPx <= m.phoneFigurePx + 1e-9)
        let phoneRatio = try shownRatio(phone)
        #expect(abs(phoneRatio - figureTextRatio) < 0.005, "phone labels at \(phoneRatio) × the body")
    }

    @Test func slideFiguresSetTheirLabelsAtTheFigureFontSize() throws {
        let doc = try parse("---\ntitle: T\nformat: slides\n---\n## A slide\n\n```figure\nname: entropy-curve\ncaption: The curve.\n```\n")
        let measurer = try HandoutMeasurer(fonts: doc.meta.fonts)
        _ = try paintDeck(doc, measurer: measurer)
        let placed = try #require(measurer.placedFigures.first)
        let ratio = try Self.labelPoints(placed.figure, FigureFrames()) / SlideGeometry().bodySize
        #expect(abs(ratio - figureTextRatio) < 0.005, "labels at \(ratio) × the slide body")
    }

    /// The HTML deck shows the figure its PDF slide laid out (in em of the slide body, so it scales
    /// with the slide), in the deck's one scheme: a light deck in a dark browser keeps light figures.
    @Test func theHTMLDeckShowsTheSlidesFigureInTheDecksScheme() throws {
        let source = "---\ntitle: T\nformat: slides\n---\n## A slide\n\n```figure\nname: entropy-curve\ncaption: The curve.\n```\n"
        let built = try buildHandout(file: "Templates/slides/t.md", source: source, formats: [.html])
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        let art = html[try #require(html.range(of: "<div class=\"figure-art\"")).upperBound...]
        let svg = art[try #require(art.range(of: "<svg")).lowerBound...]
        let head = svg.prefix(while: { $0 != ">" })
        #expect(head.contains(" width=\"") && head.contains("em\" height=\""), "\(head)")
        let end = try #require(svg.range(of: "</svg>")).lowerBound
        #expect(!svg[..<end].contains("prefers-color-scheme"))
    }
}
