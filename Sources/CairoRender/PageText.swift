import CCairo
import CPangoCairo
import FigureModel
import Frame

/// Measures and shapes page text runs through Pango (HarfBuzz), the same layout for both, so a word
/// is as wide on the page as the line breaker was told.
///
/// Not thread-safe: one engine per thread. Pango's default cairo font map is per thread
/// (pango_cairo_font_map_get_default), so engines on different threads share nothing mutable.
/// Metrics hinting is off so widths do not depend on the output surface.
public final class PageTextEngine {
    private let context: OpaquePointer
    fileprivate let layout: OpaquePointer
    private let description: OpaquePointer
    private var cache: [String: PageTextMetrics] = [:]

    public init() {
        context = makeUnhintedPangoContext()
        layout = pango_layout_new(context)
        description = pango_font_description_new()
    }

    deinit {
        pango_font_description_free(description)
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    fileprivate func prepare(_ text: String, font: PageFont, size: Double) {
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_layout_set_text(layout, text, -1)
    }

    fileprivate func currentMetrics() -> (PageTextMetrics, Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let baseline = Double(pango_layout_get_baseline(layout)) / scale
        let top = Double(logical.y) / scale
        let height = Double(logical.height) / scale
        return (PageTextMetrics(width: Double(logical.width) / scale, ascent: baseline - top, descent: height - (baseline - top)),
                baseline)
    }

    public func measure(_ text: String, font: PageFont, size: Double) -> PageTextMetrics {
        let key = "\(font.family)|\(font.bold)|\(font.italic)|\(size)|\(text)"
        if let m = cache[key] { return m }
        prepare(text, font: font, size: size)
        let m = currentMetrics().0
        cache[key] = m
        return m
    }
}

public struct PageTextMetrics: Sendable, Hashable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
}

extension PageTextEngine {
    /// A text run as shaped glyph runs on its baseline (what `draw` paints).
    func frameItems(_ run: PageTextRun, fonts: PangoFontFiles) -> [FrameItem] {
        prepare(run.text, font: run.font, size: run.size)
        let baseline = currentMetrics().1
        let c = run.color
        return glyphRuns(of: layout, at: ScenePoint(run.x, run.baseline - baseline),
                         fill: .color(Color(red: c.red, green: c.green, blue: c.blue, alpha: c.alpha)), fonts: fonts)
    }
}
