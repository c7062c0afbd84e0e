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
public func drawMath(_ box: MathBox, on cr: OpaquePointer, x: Double, baselineY: Double,
                     color: MathColor = (0, 0, 0, 1)) {
    let items = box.flatten()
    cairo_save(cr)
    cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a)
    // Rules first, then glyphs grouped by size so each size is one cairo_show_glyphs call.
    for case .rule(let r) in items {
        cairo_rectangle(cr, x + r.x, baselineY + r.y, r.width, r.height)
    }
    cairo_fill(cr)
    var bySize: [Double: [cairo_glyph_t]] = [:]
    for case .glyph(let g) in items {
        bySize[g.size, default: []].append(cairo_glyph_t(index: UInt(g.glyph), x: x + g.x, y: baselineY + g.y))
    }
    if !bySize.isEmpty, let face = CairoMathFaces.shared.face(for: box.font) {
        cairo_set_font_face(cr, face)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
        for size in bySize.keys.sorted() {
            guard var glyphs = bySize[size] else { continue }
            cairo_set_font_size(cr, size)
            cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
        }
    }
    cairo_restore(cr)
}
