import CCairo
import Foundation
import FigureModel
import Frame
import MathTypesetting

public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case pdf, svg, png
    public var fileExtension: String { rawValue }
    /// `pdf`, `svg` or `png` (case-insensitive).
    public static func parse(_ text: String) throws -> OutputFormat {
        guard let f = OutputFormat(rawValue: text.lowercased()) else {
            throw RenderError("unknown format '\(text)'; expected pdf, svg or png")
        }
        return f
    }
}

/// How a laid-out figure is written (label fonts are the figure's theme's, not an option).
public struct RenderOptions: Sendable, Hashable {
    /// PNG resolution in dots per inch before `scale`.
    public var dpi: Double
    /// PNG pixel multiplier (2 for retina slides); the pHYs chunk records dpi × scale.
    public var scale: Double
    public var author: String?
    public var subject: String?
    /// PDF CreationDate/ModDate as ISO 8601 (`2025-01-01T00:00:00Z`); nil takes SOURCE_DATE_EPOCH
    /// from the environment, else a fixed date, so re-renders are byte-identical.
    public var creationDate: String?
    public init(dpi: Double = 200, scale: Double = 1, author: String? = nil,
                subject: String? = nil, creationDate: String? = nil) {
        self.dpi = dpi; self.scale = scale; self.author = author
        self.subject = subject; self.creationDate = creationDate
    }
}

public struct RenderError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Measures labels the way the renderer draws them (the text shaper and the typesetter, in the
/// theme's label fonts). Use it to lay out a figure yourself:
/// `layoutFigure(figure, measurer: try LabelMeasurer(theme: figure.theme))`.
public final class LabelMeasurer: TextMeasurer {
    let engine: LabelText
    /// Throws when the theme's text font is not installed.
    public init(theme: Theme = .light) throws { engine = try LabelText(theme: theme) }
    public func measure(_ text: String, fontSize: Double, bold: Bool) -> TextExtent {
        engine.measure(text, fontSize: fontSize, bold: bold)
    }
}

/// Lays out and draws a figure; returns the file's bytes.
/// The frame's roles take the figure theme's colours.
public func renderFigure(_ figure: Figure, format: OutputFormat, options: RenderOptions = RenderOptions()) throws -> Data {
    try renderFrame(try layoutFigureFrame(figure, options: options), format: format, options: options,
                    palette: Palette(theme: figure.theme))
}

/// Lays out once and draws several formats (what a gallery or benchmark wants).
public func renderFigure(_ figure: Figure, formats: [OutputFormat], options: RenderOptions = RenderOptions()) throws
    -> [OutputFormat: Data] {
    let frame = try layoutFigureFrame(figure, options: options)
    let palette = Palette(theme: figure.theme)
    var out: [OutputFormat: Data] = [:]
    for f in formats { out[f] = try renderFrame(frame, format: f, options: options, palette: palette) }
    return out
}

/// Draws an already laid-out scene, its roles in `theme`'s colours (its labels in the fonts it was laid out in).
public func renderScene(_ scene: Scene, format: OutputFormat, theme: Theme = .light, options: RenderOptions = RenderOptions())
    throws -> Data {
    try renderScene(scene, format: format, options: options, text: try LabelText(textFont: scene.textFont, mathFont: scene.mathFont),
                    theme: theme)
}

func renderScene(_ scene: Scene, format: OutputFormat, options: RenderOptions, text: LabelText, theme: Theme = .light) throws -> Data {
    try renderFrame(figureFrame(scene, text: text), format: format, options: options, palette: Palette(theme: theme))
}

/// Renders and writes `path` atomically: the bytes go to a temporary file in the same directory
/// that is then renamed over `path`, so a failed render never leaves a partial file.
public func writeFigure(_ figure: Figure, format: OutputFormat, to path: String, options: RenderOptions = RenderOptions()) throws {
    let data = try renderFigure(figure, format: format, options: options)
    try writeAtomically(data, to: path)
}

/// Lays out once and writes `directory/name.EXT` for each format (each file atomically); returns the paths.
@discardableResult
public func writeFigure(_ figure: Figure, formats: [OutputFormat], directory: String, name: String,
                        options: RenderOptions = RenderOptions()) throws -> [String] {
    let rendered = try renderFigure(figure, formats: formats, options: options)
    var paths: [String] = []
    for f in formats {
        guard let data = rendered[f] else { continue }
        let path = (directory as NSString).appendingPathComponent("\(name).\(f.fileExtension)")
        try writeAtomically(data, to: path)
        paths.append(path)
    }
    return paths
}

/// Collects bytes from cairo's stream callbacks.
final class ByteSink {
    var data = Data()
}

let sinkWrite: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}

/// Draws a frame in one format; `palette` resolves role paints (a figure frame's: pass its theme's;
/// a page's paints are literals).
public func renderFrame(_ frame: Frame, format: OutputFormat, options: RenderOptions = RenderOptions(),
                        palette: Palette = Palette(theme: .light)) throws -> Data {
    switch format {
    case .svg:
        // The direct writer: no cairo SVG surface, no repair pass.
        return frameSVG(frame, light: palette)
    case .pdf:
        let subject = options.subject ?? (frame.description.isEmpty ? nil : frame.description)
        let (surface, sink) = try makePDFSurface(width: frame.width, height: frame.height, title: frame.title,
                                                 author: options.author, subject: subject, date: options.creationDate)
        try drawAndFinish(surface) { FrameCairoPainter(palette: palette).draw(frame, on: $0) }
        return withExtendedLifetime(sink) { sink.data }
    case .png:
        let k = options.dpi * options.scale / 72
        guard k > 0, k <= 100 else { throw RenderError("PNG dpi × scale must be positive and at most 7200 (got \(options.dpi) × \(options.scale))") }
        return try framePNG(frame, pixelsPerPoint: k, dotsPerInch: options.dpi * options.scale, transparent: false,
                            palette: palette, advice: "lower the dpi or scale")
    }
}

/// The one place PDF metadata is set: title, author, subject, creator, and creation and modification
/// dates from `date` or else SOURCE_DATE_EPOCH (so re-renders are byte-identical).
func setPDFMetadata(_ surface: OpaquePointer, title: String, author: String?, subject: String?, date: String?) throws {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
    if let author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
    if let subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "infoplot")
    let d = try date ?? pdfDate()
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, d)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, d)
}

/// Throws `pdfDate`'s error when SOURCE_DATE_EPOCH is set but malformed (a build checks once up front).
public func checkSourceDateEpoch() throws { _ = try pdfDate() }

/// SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else 2000-01-01. A value that is not a
/// whole number of seconds from 1970 to the end of 9999 (a PDF date has four-digit years) is an
/// error, as the specification asks ("If the value is malformed, the build process SHOULD exit
/// with a non-zero error code"): it was silently taken as 2000, or, past 9999, written as the
/// invalid date "1000-0-0T0:0:00". An empty value counts as unset.
func pdfDate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
    var t: time_t = 946_684_800
    if let raw = environment["SOURCE_DATE_EPOCH"], !raw.trimmingCharacters(in: .whitespaces).isEmpty {
        let s = raw.trimmingCharacters(in: .whitespaces)
        guard s.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(s), v <= 253_402_300_799 else {
            throw RenderError("SOURCE_DATE_EPOCH='\(raw)' is not a date: expected whole seconds since 1970-01-01 UTC "
                              + "(the output of `date +%s`), at most 253402300799 (9999-12-31)")
        }
        t = time_t(v)
    }
    var tmv = tm()
    gmtime_r(&t, &tmv)
    return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(tmv.tm_year) + 1900, Int(tmv.tm_mon) + 1, Int(tmv.tm_mday),
                  Int(tmv.tm_hour), Int(tmv.tm_min), Int(tmv.tm_sec))
}

/// Lays a figure out to its frame at its final size: labels shaped by HarfBuzz (`TextShaping`) in the
/// theme's text font, `$…$` typeset by the math typesetter in its math font. Every exporter draws
/// this one value.
public func layoutFigureFrame(_ figure: Figure, options: RenderOptions = RenderOptions()) throws -> Frame {
    let text = try LabelText(theme: figure.theme)
    return figureFrame(try layoutFigure(figure, measurer: text), text: text)
}

/// A typeset formula as a frame: as wide as the formula, as tall as its height plus depth, with the
/// formula's baseline as the frame's baseline.
public func formulaFrame(_ tex: String, display: Bool = false, font: MathFont, size: Double,
                         color: Color = .black) throws -> Frame {
    let box = try typeset(tex, display: display, font: font, size: size)
    return Frame(width: box.width, height: box.height + box.depth, baseline: box.height,
                 items: mathFrameItems(box, x: 0, baseline: box.height, fill: .color(color), source: tex), title: tex)
}
