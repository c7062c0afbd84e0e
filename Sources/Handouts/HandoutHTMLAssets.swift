import CairoRender
import FigureModel
import Foundation
import InfoRequests
import MathTypesetting

/// Real drawings for the HTML page: catalogue figures as SVG with their title and description for
/// screen readers (in a light handout, SVGs that turn dark with the reader's colour scheme), formulas as tightly cropped SVG with the depth below the baseline so inline math
/// lines up with the words around it.
public final class HandoutHTMLAssets: HandoutAssets, @unchecked Sendable {
    // @unchecked: the math font (HarfBuzz/FreeType) is only touched under `lock`, `built` under `builtLock`.
    private let lock = NSLock()
    private let mathFont: MathFont
    let theme: String
    /// The formulas' glyph outlines, once for the whole page (see `pageDefinitions`).
    let glyphs = SharedGlyphs()
    /// Formula size in points: the page's body is 18 CSS px and a CSS px is 0.75 pt, so 13.5 pt
    /// formulas match the text (SVG width/height are in pt).
    public let mathSize: Double

    /// The figures as the pages placed them, and the build's laid-out figure frames: a figure the
    /// pages drew is inlined from the same frame, not laid out again.
    let placed: [PlacedFigure]
    let figures: FigureFrames
    /// The handout's fonts (figures take their label fonts from them, as on the pages).
    let fonts: HandoutFonts
    /// Figures built for the HTML alone (no pages placed them), by `pageWideFigure`, under `builtLock`.
    private let builtLock = NSLock()
    private var built: [(Figure, FigureModel.Figure?)] = []
    /// The front matter's `macros:` for every formula.
    private let macros: [String: MathMacro]

    /// The page's formula size (see `mathSize`).
    public static let defaultMathSize = 13.5
    /// Blank margin around a formula's ink in its SVG, in points (so antialiased edges are not cut).
    static let formulaPaddingPoints = 1.0

    /// A deck's figures: shown as its slides placed them (the deck scales each slide whole), not
    /// laid out again for the web page, and in the deck's one scheme (a deck does not follow the
    /// reader's colour scheme, so a light slide never shows a dark figure).
    let deck: Bool

    public init(fonts: Fonts, theme: String = "light", mathSize: Double = defaultMathSize, placed: [PlacedFigure] = [],
                figures: FigureFrames = FigureFrames(), deck: Bool = false, macros: [String: MathMacro] = [:]) throws {
        self.deck = deck
        let resolved = HandoutFonts(fonts)
        mathFont = try resolved.loadMathFont()
        self.fonts = resolved
        self.macros = macros
        self.theme = theme
        self.mathSize = mathSize
        self.placed = placed
        self.figures = figures
    }

    public func figureSVG(_ f: Figure, title: String) throws -> String? {
        guard let figure = try pageWideFigure(f) else { return nil }
        var frame = try figures.frame(figure)
        frame.title = title
        // A light handout's figures follow the reader's colour scheme like the page around them:
        // the one frame's roles as CSS custom properties with light and dark values (no script).
        let data = theme == "light" && !deck ? autoSVG(frame, light: figure.theme, dark: .dark, shared: glyphs)
            : frameSVG(frame, light: Palette(theme: figure.theme), shared: glyphs)
        return try svgText(data, of: "figure '\(f.name)'")
    }

    /// The page-width figure, laid out at the size the web page shows it (issue 9: no scaling of
    /// laid-out text): the pages' placement (else the preset) at the web page's body scale, its
    /// axis labels at `WebPageMetrics.figureLabelPoints` and its width in ems of the body as on
    /// the page, capped at the column. Built once for the figure and its phone drawing.
    func pageWideFigure(_ f: Figure) throws -> FigureModel.Figure? {
        if let onPage = placed.first(where: { $0.draws(f) }) {
            return deck ? onPage.figure : webFigure(onPage.figure, pageLabelSize: onPage.labelSize)
        }
        builtLock.lock(); defer { builtLock.unlock() }
        if let hit = built.first(where: { $0.0 == f }) { return hit.1 }
        let figure = try buildCatalogueFigure(f, theme: theme, fonts: fonts).map {
            deck ? $0 : webFigure($0, pageLabelSize: $0.size.baseFontSize)
        }
        built.append((f, figure))
        return figure
    }

    /// `figure` (its axis labels `pageLabelSize` × its font scale) laid out again for the web page:
    /// everything scaled by the ratio of the figure font sizes, the width capped at the column.
    func webFigure(_ figure: FigureModel.Figure, pageLabelSize: Double) -> FigureModel.Figure {
        let m = WebPageMetrics.self
        let k = m.figureLabelPoints / pageLabelSize
        let width = min(figure.size.widthPoints * k, m.widestFigurePx * m.pointsPerPx)
        var web = figure
        web.size = .inches(width / 72, figure.size.heightPoints * width / figure.size.widthPoints / 72)
        web.fontScale = figure.fontScale * figure.size.baseFontSize * k / web.size.baseFontSize
        return web
    }

    public func pageDefinitions() -> String { glyphs.defsSVG() }

    public func mathML(tex: String, display: Bool) throws -> String? {
        MathTypesetting.mathML(try MathParser.parse(tex, macros: macros), source: tex, display: display)
    }

    /// The formula as SVG, with how far its bottom edge lies below the baseline and its whole
    /// height, both in CSS px.
    public func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)? {
        lock.lock(); defer { lock.unlock() }
        let box = try typeset(tex, display: display, font: mathFont, size: mathSize, macros: macros)
        let padding = Self.formulaPaddingPoints
        let data = try renderMathDocument(box, format: .svg, padding: padding, title: tex, sharedGlyphs: glyphs)
        let ink = mathInkExtents(box)
        // The SVG's bottom edge lies this far below the baseline, in pt; CSS wants px.
        let below = ink.y + ink.height + padding
        // No trailing newline: inside the inline span it would render as a space before punctuation.
        let svg = try svgText(data, of: "formula")
        return (svg, below * 4 / 3, (ink.height + 2 * padding) * 4 / 3)
    }
}

/// An SVG the writer produced, as page text: decoded strictly, as every read of author files is
/// (a bad byte would be a writer bug, reported rather than replaced by U+FFFD in the page).
func svgText(_ data: Data, of what: String) throws -> String {
    switch decodeUTF8(trimmingASCIIWhitespace(data)) {
    case .success(let text): return text
    case .failure(let bad): throw SVGEncodingError(description: "the SVG of the \(what) is not UTF-8: \(bad.message(in: data, saving: "SVG"))")
    }
}

/// `data` without the blank bytes (space, tab, CR, LF) at its ends: the SVG writer's trailing
/// newline. Done on the bytes: Foundation's `trimmingCharacters` copies a page-sized string
/// through NSString (5 % of a figure-heavy page's HTML build).
func trimmingASCIIWhitespace(_ data: Data) -> Data {
    func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    guard let first = data.firstIndex(where: { !blank($0) }), let last = data.lastIndex(where: { !blank($0) }) else { return Data() }
    return data[first...last]
}

struct SVGEncodingError: Error, CustomStringConvertible { let description: String }
