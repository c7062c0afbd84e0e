import CairoRender
import Foundation
import InfoRequests
import MathTypesetting

/// Real drawings for the HTML page: catalogue figures as SVG with their title and description for
/// screen readers (in a light handout, SVGs that turn dark with the reader's colour scheme), formulas as tightly cropped SVG with the depth below the baseline so inline math
/// lines up with the words around it.
public final class HandoutHTMLAssets: HandoutAssets, @unchecked Sendable {
    // @unchecked: the math font (HarfBuzz/FreeType) is only touched under `lock`.
    private let lock = NSLock()
    private let mathFont: MathFont
    private let theme: String
    /// The formulas' glyph outlines, once for the whole page (see `pageDefinitions`).
    private let glyphs = SharedGlyphs()
    /// Formula size in points: the page's body is 18 CSS px and a CSS px is 0.75 pt, so 13.5 pt
    /// formulas match the text (SVG width/height are in pt).
    public let mathSize: Double

    /// The figures as the pages placed them, and the build's laid-out figure frames: a figure the
    /// pages drew is inlined from the same frame, not laid out again.
    private let placed: [PlacedFigure]
    private let figures: FigureFrames
    /// Figure labels in the handout's sans face, as on the pages.
    private let figureFontFamily: String

    public init(fonts: Fonts, theme: String = "light", mathSize: Double = 13.5, placed: [PlacedFigure] = [],
                figures: FigureFrames = FigureFrames()) throws {
        let resolved = HandoutFonts(fonts)
        mathFont = try resolved.loadMathFont()
        figureFontFamily = resolved.sans
        self.theme = theme
        self.mathSize = mathSize
        self.placed = placed
        self.figures = figures
    }

    public func figureSVG(_ f: Figure, title: String) throws -> String? {
        // The page's placement when the pages were made (same size, same label size), else the preset.
        let onPage = placed.first { $0.draws(f) }?.figure
        guard let figure = try onPage ?? buildCatalogueFigure(f, theme: theme) else { return nil }
        var light = try figures.frame(figure, fontFamily: figureFontFamily)
        light.title = title
        // A light handout's figures follow the reader's colour scheme like the page around them:
        // one SVG carrying the light and the dark theme (CSS custom properties, no script).
        if theme == "light", var darkFigure = try buildCatalogueFigure(f, theme: "dark") {
            darkFigure.size = figure.size
            darkFigure.fontScale = figure.fontScale
            var dark = try figures.frame(darkFigure, fontFamily: figureFontFamily)
            dark.title = title
            let data = try renderAutoSVG(light: light, dark: dark, lightTheme: figure.theme, darkTheme: darkFigure.theme,
                                         shared: glyphs)
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let data = frameSVG(light, shared: glyphs)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func pageDefinitions() -> String { glyphs.defsSVG() }

    public func mathML(tex: String, display: Bool) throws -> String? {
        MathTypesetting.mathML(try MathParser.parse(tex), source: tex, display: display)
    }

    /// The formula as SVG, with how far its bottom edge lies below the baseline and its whole
    /// height, both in CSS px.
    public func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)? {
        lock.lock(); defer { lock.unlock() }
        let box = try typeset(tex, display: display, font: mathFont, size: mathSize)
        let padding = 1.0
        let data = try renderMathDocument(box, format: .svg, padding: padding, title: tex, sharedGlyphs: glyphs)
        let ink = mathInkExtents(box)
        // The SVG's bottom edge lies this far below the baseline, in pt; CSS wants px.
        let below = ink.y + ink.height + padding
        // No trailing newline: inside the inline span it would render as a space before punctuation.
        let svg = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (svg, below * 4 / 3, (ink.height + 2 * padding) * 4 / 3)
    }
}
