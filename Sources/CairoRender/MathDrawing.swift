import Foundation
import CCairo
import CFreeType
import MathTypesetting

/// An RGBA colour with components in 0…1.
public typealias MathColor = (r: Double, g: Double, b: Double, a: Double)

/// One cairo font face per math font file for the life of the process.
///
/// cairo embeds one font subset per font face object in a PDF, and a face built on an FT_Face must not
/// outlive that FT_Face; a face created per drawing call would give one embedded subset per formula,
/// and one tied to `MathFont` could dangle in cairo's caches. So each file gets its own FreeType face,
/// opened once and kept with its cairo face (cairo_ft_font_face_create_for_ft_face) until exit.
/// The cache only memoises; output does not depend on the order fonts are first used.
private final class CairoMathFaces: @unchecked Sendable {
    static let shared = CairoMathFaces()
    private let lock = NSLock()
    private var library: FT_Library?
    private var faces: [String: OpaquePointer] = [:]

    func face(for font: MathFont) -> OpaquePointer? {
        lock.lock(); defer { lock.unlock() }
        let key = "\(font.faceIndex):\(font.path)"
        if let face = faces[key] { return face }
        if library == nil {
            var lib: FT_Library?
            guard FT_Init_FreeType(&lib) == 0 else { return nil }
            library = lib
        }
        var ftFace: FT_Face?
        guard FT_New_Face(library, font.path, font.faceIndex, &ftFace) == 0, let ftFace else { return nil }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, Int32(FT_LOAD_NO_HINTING)),
              cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else {
            FT_Done_Face(ftFace)
            return nil
        }
        faces[key] = face
        return face
    }
}

/// Draws a typeset formula with its baseline's left end at (x, baselineY), glyphs as font outlines
/// through cairo-ft (so PDF and SVG keep them as vectors) and rules as filled rectangles.
///
/// Glyphs go out with cairo_show_text_glyphs and one cluster per glyph holding the characters it stands
/// for, so a PDF maps every glyph (script alternates, size variants, assembly pieces) back to Unicode
/// and text extraction, search and screen readers get the formula's characters.
public func drawMath(_ box: MathBox, on cr: OpaquePointer, x: Double, baselineY: Double,
                     color: MathColor = (0, 0, 0, 1)) {
    let items = box.flatten()
    cairo_save(cr)
    func setColor(_ c: MathRGBA?) {
        if let c { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * color.a) }
        else { cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a) }
    }
    // Rules first, in tree order (a \colorbox background before the rules inside it), then glyphs.
    for case .rule(let r) in items {
        setColor(r.color)
        cairo_rectangle(cr, x + r.x, baselineY + r.y, r.width, r.height)
        cairo_fill(cr)
    }
    let glyphs = items.compactMap { if case .glyph(let g) = $0 { return g } else { return nil } }
    if !glyphs.isEmpty, let face = CairoMathFaces.shared.face(for: box.font) {
        cairo_set_font_face(cr, face)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
        // An assembly's pieces as one path filled once, so their overlaps leave no seam.
        var single: [PositionedGlyph] = []
        for group in glyphs.assemblyGroups() {
            guard group.count > 1 else { single += group; continue }
            setColor(group.first?.color)
            cairo_new_path(cr)
            for g in group {
                cairo_set_font_size(cr, g.size)
                var cg = cairo_glyph_t(index: UInt(g.glyph), x: x + g.x, y: baselineY + g.y)
                cairo_glyph_path(cr, &cg, 1)
            }
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
            cairo_fill(cr)
        }
        let glyphs = single
        // Runs of one size and colour, in reading order.
        var start = 0
        while start < glyphs.count {
            var end = start + 1
            while end < glyphs.count, glyphs[end].size == glyphs[start].size, glyphs[end].color == glyphs[start].color { end += 1 }
            let run = glyphs[start..<end]
            var cairoGlyphs = run.map { cairo_glyph_t(index: UInt($0.glyph), x: x + $0.x, y: baselineY + $0.y) }
            var clusters = run.map { cairo_text_cluster_t(num_bytes: Int32($0.text.utf8.count), num_glyphs: 1) }
            let text = run.map(\.text).joined()
            setColor(glyphs[start].color)
            cairo_set_font_size(cr, glyphs[start].size)
            cairo_show_text_glyphs(cr, text, Int32(text.utf8.count), &cairoGlyphs, Int32(cairoGlyphs.count),
                                   &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
            start = end
        }
    }
    cairo_restore(cr)
}
