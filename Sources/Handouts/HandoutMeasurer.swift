import CairoRender
import FigureCatalogue
import FigureModel
import InfoRequests
import MathTypesetting

/// The fonts a handout is set in, from the front matter's `fonts:` with the house defaults.
public struct HandoutFonts: Sendable, Hashable {
    public var text: String
    public var math: String
    public var sans: String
    public var mono: String

    /// Fonts the document does not name are the house style's (infoplot's own when none is given).
    public init(_ fonts: Fonts, style: HouseStyle = .default) {
        text = fonts.text ?? style.fonts.text
        math = fonts.math ?? style.fonts.math
        sans = labelFace(sans: fonts.sans, math: fonts.math, inherited: style.fonts.sans)
        mono = fonts.mono ?? style.fonts.mono
    }

    /// The font files these families resolve to (a family given as a path is its own file), and the
    /// fallback math font's (`MathFont.fallbackFamily`, which sets the characters the math font
    /// lacks): what a build cache must watch besides the template (a font updated or replaced
    /// changes pages).
    public var files: [String] {
        var out = [text, math, sans, mono].compactMap { $0.contains("/") ? $0 : MathFont.fontFile(family: $0) }
        if let fallback = MathFont.fontFile(family: MathFont.fallbackFamily), !out.contains(fallback) { out.append(fallback) }
        return out
    }

    /// A figure in this document labels in its `sans` face with `$…$` in its math font, so labels
    /// match the formulas on the page (the theme's own fonts give way: a style overrides them).
    func figureTheme(_ theme: Theme) -> Theme {
        var t = theme
        t.mathFont = math
        t.textFont = sans
        return t
    }

    /// The math font: a family name, or (with a slash) a font file, as `infoplot math --font`.
    func loadMathFont() throws -> MathFont {
        math.contains("/") ? try MathFont.load(path: math) : try MathFont.load(family: math)
    }

    func font(for style: TextStyle) -> PageFont {
        switch style {
        case .regular, .superscript: return PageFont(family: text)
        case .italic: return PageFont(family: text, italic: true)
        case .bold: return PageFont(family: text, bold: true)
        case .boldItalic: return PageFont(family: text, bold: true, italic: true)
        case .code: return PageFont(family: mono)
        }
    }
}

/// The figure-label face of fonts that name `sans` and `math` or leave them out: `sans` when named;
/// else, when `math` is named, that math font's companion text face (`FontPairing`, as theme files
/// pair them), so a label's prose and math match; else the face `inherited` from the style below.
func labelFace(sans: String?, math: String?, inherited: String) -> String {
    sans ?? math.flatMap { FontPairing.text(forMath: $0) } ?? inherited
}

/// Builds a document's catalogue figures. A figure the format contract names but the catalogue
/// does not have yet becomes a placeholder (nil) instead of failing the whole handout; any other
/// unknown name was already rejected by the parser.
func buildCatalogueFigure(_ f: Figure, theme: String, fonts: HandoutFonts, size fitted: FigureSize? = nil) throws
    -> FigureModel.Figure? {
    let themeValue = fonts.figureTheme((try? Theme.named(theme)) ?? .light)
    if let plot = f.plot { return try plot.figure(theme: themeValue, size: try fitted ?? f.size.map { try FigureSize.parse($0) }) }
    guard Catalogue.names.contains(f.name) else { return nil }
    let size = try fitted ?? f.size.map { try FigureSize.parse($0) } ?? .handout
    var parameters: [(String, JSONValue)] = []
    if case .object(let members) = f.parameters { parameters = members }
    return try Catalogue.figure(named: f.name, parameters: parameters, context: FigureContext(theme: themeValue, size: size))
}

/// The real measurer: the text shaper (HarfBuzz) for words, the math typesetter for formulas, the catalogue for figure
/// proportions. It keeps what it measured (typeset formulas, built figures) for the painter, so
/// every formula is typeset once. One per document and thread (its caches are not locked).
public final class HandoutMeasurer: LayoutMeasurer {
    public let fonts: HandoutFonts
    let engine = PageTextEngine()
    let mathFont: MathFont
    let theme: String
    private var boxes: [String: MathBox] = [:]
    private var figures: [String: FigureModel.Figure?] = [:]
    /// Each catalogue figure as the pages placed it (first placement of a name and parameters), so
    /// the HTML handout shows the very figure frame the PDF and SVG pages drew.
    public private(set) var placedFigures: [PlacedFigure] = []
    /// Warnings worth showing the author (missing fonts, placeholder figures), in order, once each.
    public private(set) var warnings: [String] = []

    let hyphenator: Hyphenator

    let macros: [String: MathMacro]

    public init(fonts: Fonts, theme: String = "light", language: String = Hyphenator.defaultLanguage,
                macros: [String: MathMacro] = [:]) throws {
        hyphenator = try Hyphenator.shared(language: language)
        self.macros = macros
        self.fonts = HandoutFonts(fonts)
        mathFont = try self.fonts.loadMathFont()
        self.theme = theme
        if let w = mathFont.warning { warnings.append(w) }
        // Every face the pages are set in, resolved once here: a family that is not installed
        // fails the build (the parser already named where it was set) instead of measuring as
        // another font.
        for style in [TextStyle.regular, .italic, .bold, .boldItalic, .code] { _ = try engine.shaper(self.fonts.font(for: style)) }
    }

    public func textWidth(_ text: String, style: TextStyle, size: Double) -> Double {
        engine.width(text, font: fonts.font(for: style), size: size)
    }

    public func hyphenationPoints(_ word: String) -> [Int] { hyphenator.points(in: word) }

    public func mathBreaks(tex: String, size: Double) throws -> [InlineMathBreak] { try inlineMathBreaks(tex, size: size, macros: macros) }

    public func math(tex: String, display: Bool, size: Double) throws -> BoxMetrics {
        let box = try mathBox(tex: tex, display: display, size: size)
        return BoxMetrics(width: box.width, ascent: box.height, descent: box.depth)
    }

    func mathBox(tex: String, display: Bool, size: Double) throws -> MathBox {
        let key = "\(display ? "D" : "T")|\(size)|\(tex)"
        if let b = boxes[key] { return b }
        let b = try typeset(tex, display: display, font: mathFont, size: size, macros: macros)
        boxes[key] = b
        return b
    }

    public func figureHeight(_ figure: Figure, width: Double) throws -> Double {
        let size = try figure.size.map { try FigureSize.parse($0) } ?? .handout
        _ = try catalogueFigure(figure)
        return figureWidth(size: size, available: width) * size.heightInches / size.widthInches
    }

    /// A figure is drawn at its preset's width, but at most nine tenths of the measure: a
    /// full-measure plot is taller than it needs to be and leaves big gaps at page ends.
    func figureWidth(size: FigureSize, available: Double) -> Double {
        min(0.9 * available, size.widthPoints)
    }

    func recordPlacement(_ f: Figure, _ placed: FigureModel.Figure, labelSize: Double) {
        guard !placedFigures.contains(where: { $0.draws(f) }) else { return }
        placedFigures.append(PlacedFigure(name: f.name, parameters: f.parameters, plot: f.plot, figure: placed, labelSize: labelSize))
    }

    /// `size` overrides the figure's own `size:` (a slide draws each figure at the size its free
    /// area leaves, at the slide's type scale).
    func catalogueFigure(_ f: Figure, size: FigureSize? = nil) throws -> FigureModel.Figure? {
        let key = size.map { "\(f.id)|\($0)" } ?? f.id
        if let built = figures[key] { return built }
        let built = try buildCatalogueFigure(f, theme: theme, fonts: fonts, size: size)
        if built == nil { warnings.append("figure '\(f.name)' is not in the catalogue yet; a placeholder is drawn") }
        figures[key] = built
        return built
    }
}

/// A catalogue figure (by name and parameters) at the size and label size a page gave it.
public struct PlacedFigure: Sendable {
    public var name: String
    public var parameters: JSONValue
    /// Plot blocks are all named `plot`: their spec tells them apart.
    public var plot: PlotBlock?
    public var figure: FigureModel.Figure
    /// The figure font size of the page it was placed on (`figureTextRatio` × its body size), in pt.
    public var labelSize: Double

    func draws(_ f: Figure) -> Bool { name == f.name && parameters == f.parameters && plot == f.plot }
}
