import CairoRender
import FigureCatalogue
import Foundation
import InfoRequests

public enum HandoutFormat: String, Sendable, Hashable, CaseIterable {
    case pdf, svg, html

    /// `pdf,svg,html` (any subset, any order, case-insensitive).
    public static func parseList(_ text: String) throws -> [HandoutFormat] {
        var out: [HandoutFormat] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let f = HandoutFormat(rawValue: name) else {
                throw HandoutBuildError("unknown format '\(part)'; expected a comma-separated list of pdf, svg, html")
            }
            if !out.contains(f) { out.append(f) }
        }
        guard !out.isEmpty else { throw HandoutBuildError("no formats given; expected e.g. pdf,svg,html") }
        return HandoutFormat.allCases.filter(out.contains)
    }
}

public struct HandoutBuildError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One template's finished outputs, in memory (the caller writes them, temp file then rename).
public struct BuiltHandout: Sendable {
    public var title: String
    /// One line for the index: the front matter's `description:`, else the first sentence of the
    /// first paragraph (formulas as text).
    public var description = ""
    public var pdf: Data?
    public var svgPages: [Data]?
    public var html: Data?
    /// A deck's speaker notes (slide thumbnail and notes, a page per slide), when asked for.
    public var notesPDF: Data?
    public var format: DocumentFormat = .handout
    public var pageCount: Int
    public var warnings: [String]
    /// The font files the handout is set in (see `HandoutFonts.files`).
    public var fontFiles: [String] = []
    /// Word spacing and page fill of the paged formats (nil for HTML alone).
    public var statistics: LayoutStatistics?
    /// How many figure layouts the build ran: each figure once per theme it is shown in, however
    /// many outputs (PDF, SVG pages, HTML) show it.
    public var figureLayouts = 0
    /// Seconds spent on each format (parsing and page layout count towards the first one made).
    public var seconds: [HandoutFormat: Double] = [:]
}

/// Template text → PDF bytes, SVG pages and HTML, with every number computed.
///
/// Thread safety: everything holding unlocked state (the measurer, the HTML assets) is created
/// inside this call (fonts and text shapers are shared and locked) and used only by it, so separate templates
/// can be built on separate threads at once.
public func buildHandout(file: String, source: String, formats: [HandoutFormat],
                         solutions: SolutionsMode = .inline, notes: Bool = false,
                         defaultFormat: DocumentFormat = .handout, figures: FigureLibrary = .builtIn,
                         navigation: HandoutNavigation? = nil, style: HouseStyle = .default) throws -> BuiltHandout {
    var clock = Date()
    func lap() -> Double {
        let now = Date()
        defer { clock = now }
        return now.timeIntervalSince(clock)
    }
    let document = try HandoutParser.parse(file: file, source: source, solutions: solutions, defaultFormat: defaultFormat,
                                              figures: figures, style: style)
    var result = BuiltHandout(title: document.meta.title.plainText, pageCount: 0, warnings: [])
    result.description = document.meta.description.map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        ?? indexDescription(document)
    result.fontFiles = HandoutFonts(document.meta.fonts).files
    result.format = document.meta.format
    if document.meta.format == .slides {
        let measurer = try HandoutMeasurer(fonts: document.meta.fonts, theme: document.meta.theme,
                                            macros: document.meta.mathMacros)
        // The HTML deck shows each figure as the PDF slide laid it out (its box, its labels at the
        // slide's figure font size), so the slides are painted for it too.
        let figures = FigureFrames()
        if formats.contains(.pdf) || formats.contains(.html) || notes {
            let painted = try paintDeck(document, measurer: measurer, notes: notes)
            result.pageCount = painted.deck.pages.count
            result.warnings += measurer.warnings
            do {
                // Notes pages show each slide again: their figures come from the deck's frames.
                if formats.contains(.pdf) { result.pdf = try renderDocumentPDF(painted.deck, frames: documentFrames(painted.deck, figures: figures)) }
                if let n = painted.notes { result.notesPDF = try renderDocumentPDF(n, frames: documentFrames(n, figures: figures)) }
            } catch {
                throw HandoutBuildError("\(file): error: drawing the slides failed: \(error)")
            }
            result.seconds[.pdf] = lap()
        }
        if formats.contains(.html) {
            let assets = try HandoutHTMLAssets(fonts: document.meta.fonts, theme: document.meta.theme, mathSize: 16.5,
                                               placed: measurer.placedFigures, figures: figures, deck: true,
                                               macros: document.meta.mathMacros)
            result.html = Data(try SlideHTMLWriter(assets: assets, mathSize: assets.mathSize).write(document).utf8)
            result.seconds[.html] = lap()
        }
        return result
    }
    let figures = FigureFrames()
    var placed: [PlacedFigure] = []
    if formats.contains(.pdf) || formats.contains(.svg) {
        let measurer = try HandoutMeasurer(fonts: document.meta.fonts, theme: document.meta.theme,
                                            language: document.meta.language, macros: document.meta.mathMacros)
        let (drawing, statistics) = try paginateHandout(document, measurer: measurer)
        result.statistics = statistics
        placed = measurer.placedFigures
        result.pageCount = drawing.pages.count
        result.warnings += measurer.warnings
        do {
            // Every page laid out to its frame once (each figure once); PDF and SVG only draw them.
            let frames = try documentFrames(drawing, figures: figures)
            if formats.contains(.pdf) {
                result.pdf = try renderDocumentPDF(drawing, frames: frames)
                result.seconds[.pdf] = lap()
            }
            if formats.contains(.svg) {
                result.svgPages = try renderDocumentSVG(drawing, frames: frames)
                result.seconds[.svg] = lap()
            }
        } catch {
            throw HandoutBuildError("\(file): error: drawing the pages failed: \(error)")
        }
    }
    if formats.contains(.html) {
        let assets = try HandoutHTMLAssets(fonts: document.meta.fonts, theme: document.meta.theme, placed: placed,
                                           figures: figures, macros: document.meta.mathMacros)
        result.html = Data(try HTMLWriter.write(document, assets: assets, navigation: navigation).utf8)
        result.seconds[.html] = lap()
    }
    result.figureLayouts = figures.layouts
    return result
}

/// The index's line for a document without `description:`: the first sentence of its first
/// paragraph when that is a whole sentence. A lead-in that runs into a formula or a list (a deck's
/// "The surprise of an outcome with probability p is" before its display, "… once X is known:")
/// reads as cut off, so the subtitle stands in for it, and the lead-in only when there is none.
func indexDescription(_ document: Document) -> String {
    let lead = document.blocks.lazy.compactMap { b -> String? in
        if case .paragraph(let content) = b { return firstSentence(speakableText(content)) }
        return nil
    }.first ?? ""
    // The sentence's last mark, past closing quotes and brackets (a sentence may end inside a
    // quotation or parenthesis: “… at all.”).
    if let last = lead.last(where: { !"”’\")]".contains($0) }), ".?!…".contains(last) { return lead }
    if let subtitle = document.meta.subtitle.map({ speakableText($0) }), !subtitle.isEmpty {
        return subtitle.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
    return lead
}
