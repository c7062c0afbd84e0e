import Foundation
import CCairo
import MathTypesetting
import FigureModel
import Frame

public struct MathRenderError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// The ink rectangle of a formula drawn at the origin, measured on a recording surface (glyph outlines
/// can overhang the TeX box, e.g. an italic f or an integral sign). `y` is negative above the baseline.
public func mathInkExtents(_ box: MathBox) -> (x: Double, y: Double, width: Double, height: Double) {
    let recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)
    // Recording-surface extents are whole device units; drawing 64× larger measures to 1/64 pt.
    let zoom = 64.0
    if let cr = cairo_create(recording) {
        cairo_scale(cr, zoom, zoom)
        FrameCairoPainter(palette: Palette()).draw(Frame(width: box.width, height: box.height + box.depth, items:
            mathFrameItems(box, x: 0, baseline: 0, fill: .color(.black), source: "")), on: cr)
        cairo_destroy(cr)
    }
    var x = 0.0, y = 0.0, w = 0.0, h = 0.0
    cairo_recording_surface_ink_extents(recording, &x, &y, &w, &h)
    cairo_surface_destroy(recording)
    x /= zoom; y /= zoom; w /= zoom; h /= zoom
    if w <= 0 || h <= 0 { return (0, -box.height, max(box.width, 1), max(box.height + box.depth, 1)) }
    return (x, y, w, h)
}

/// One formula as a tightly cropped standalone SVG, PDF or PNG: the page is the ink rectangle plus
/// `padding` points on every side. `pixelsPerPoint` sets the PNG resolution.
/// Every format draws the formula's one frame: SVG by the direct writer, with `title` as its accessible
/// name (and, with `sharedGlyphs`, its outlines left to the page's shared table); PDF and PNG by cairo.
public func renderMathDocument(_ box: MathBox, format: OutputFormat, color: Color = .black,
                               padding: Double = 1, pixelsPerPoint: Double = 4, title: String = "",
                               sharedGlyphs: SharedGlyphs? = nil) throws -> Data {
    let ink = mathInkExtents(box)
    let width = ink.width + 2 * padding, height = ink.height + 2 * padding
    let fill = Paint.color(color)
    let frame = Frame(width: width, height: height, baseline: padding - ink.y,
                      items: mathFrameItems(box, x: padding - ink.x, baseline: padding - ink.y, fill: fill, source: title),
                      title: title)
    do {
        switch format {
        case .svg: return frameSVG(frame, shared: sharedGlyphs)
        case .pdf: return try renderFrame(frame, format: .pdf)
        case .png:
            return try framePNG(frame, pixelsPerPoint: pixelsPerPoint, dotsPerInch: pixelsPerPoint * 72, transparent: true,
                                palette: Palette(), advice: "lower the size")
        }
    } catch let e as RenderError {
        throw MathRenderError(message: e.message)
    }
}

/// Where a cropped formula image's baseline is, for placing it in running text: the numbers of
/// `infoplot math --json` and the vertical-align of `--inline` SVGs. ex is the font's x-height
/// (AccentBaseHeight, which the OpenType MATH spec defines as the x-height) at the formula's size.
public struct MathPageMetrics: Sendable {
    public let width: Double, height: Double, depth: Double, ex: Double
    public let texWidth: Double, texHeight: Double, texDepth: Double

    public init(_ box: MathBox, size: Double, padding: Double) {
        let ink = mathInkExtents(box)
        width = ink.width + 2 * padding
        height = padding - ink.y                      // page top to baseline
        depth = ink.y + ink.height + padding          // baseline to page bottom
        let x = box.font.constant(.accentBaseHeight) / box.font.unitsPerEm * size
        ex = x > 0 ? x : size / 2
        texWidth = box.width; texHeight = box.height; texDepth = box.depth
    }

    /// Data (JSON, CSS): the ASCII minus.
    func fixed(_ v: Double) -> String { fixedDecimal(v, decimals: 3, minus: .ascii) }

    public var verticalAlign: String { "\(fixed(-depth / ex))ex" }

    public var json: String {
        "{\"unit\": \"pt\", \"width\": \(fixed(width)), \"height\": \(fixed(height)), \"depth\": \(fixed(depth)), "
            + "\"ex\": \(fixed(ex)), \"verticalAlign\": \"\(verticalAlign)\", "
            + "\"tex\": {\"width\": \(fixed(texWidth)), \"height\": \(fixed(texHeight)), \"depth\": \(fixed(texDepth))}}"
    }

    /// The root element's width and height in ex and the baseline shift as vertical-align.
    public func inlineSVG(_ svg: Data) -> Data {
        var text = String(decoding: svg, as: UTF8.self)
        guard let open = text.range(of: "<svg"), let close = text[open.upperBound...].range(of: ">") else { return svg }
        var tag = String(text[open.lowerBound..<close.upperBound])
        tag = tag.replacingOccurrences(of: #" width="[^"]*""#, with: " width=\"\(fixed(width / ex))ex\"", options: .regularExpression)
        tag = tag.replacingOccurrences(of: #" height="[^"]*""#, with: " height=\"\(fixed((height + depth) / ex))ex\"", options: .regularExpression)
        tag = tag.replacingOccurrences(of: "<svg", with: "<svg style=\"vertical-align:\(verticalAlign)\"")
        text.replaceSubrange(open.lowerBound..<close.upperBound, with: tag)
        return Data(text.utf8)
    }
}
