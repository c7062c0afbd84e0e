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

    public init(fonts: Fonts, theme: String = "light", mathSize: Double = 13.5) throws {
        mathFont = try HandoutFonts(fonts).loadMathFont()
        self.theme = theme
        self.mathSize = mathSize
    }

    public func figureSVG(name: String, parameters: JSONValue, title: String) throws -> String? {
        let f = Figure(name: name, parameters: parameters, caption: [], label: nil, number: 0, id: "", size: nil,
                       position: SourcePosition(line: 0, column: 0))
        guard var figure = try buildCatalogueFigure(f, theme: theme) else { return nil }
        figure.title = title
        // A light handout's figures follow the reader's colour scheme like the page around them:
        // one SVG carrying the light and the dark theme (CSS custom properties, no script).
        if theme == "light", var dark = try buildCatalogueFigure(f, theme: "dark") {
            dark.title = title
            let data = try renderAutoSVG(light: figure, dark: dark, shared: glyphs)
            return try svgText(data, of: "figure '\(name)'")
        }
        let data = frameSVG(try layoutFigureFrame(figure), shared: glyphs)
        return try svgText(data, of: "figure '\(name)'")
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
        let svg = try svgText(data, of: "formula")
        return (svg, below * 4 / 3, (ink.height + 2 * padding) * 4 / 3)
    }
}

/// An SVG the writer produced, as page text: decoded strictly, as every read of author files is
/// (a bad byte would be a writer bug, reported rather than replaced by U+FFFD in the page).
private func svgText(_ data: Data, of what: String) throws -> String {
    switch decodeUTF8(data) {
    case .success(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
    case .failure(let bad): throw SVGEncodingError(description: "the SVG of the \(what) is not UTF-8: \(bad.message(in: data, saving: "SVG"))")
    }
}

struct SVGEncodingError: Error, CustomStringConvertible { let description: String }
