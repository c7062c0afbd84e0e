import Foundation
import CCairo
import CFreeType
import MathTypesetting

/// An RGBA colour with components in 0…1.
public typealias MathColor = (r: Double, g: Double, b: Double, a: Double)

/// Keeps a FreeType face alive exactly as long as cairo's font face that uses it (cairo may cache the
/// font face beyond our call, so its lifetime is tied to cairo's user-data destroy callback).
private final class FreeTypeFaceOwner {
    let library: FT_Library
    let face: FT_Face
    init?(path: String, index: Int) {
        var lib: FT_Library?
        guard FT_Init_FreeType(&lib) == 0, let lib else { return nil }
        var face: FT_Face?
        guard FT_New_Face(lib, path, index, &face) == 0, let face else { FT_Done_FreeType(lib); return nil }
        library = lib
        self.face = face
    }
    deinit { FT_Done_Face(face); FT_Done_FreeType(library) }
}

/// cairo identifies user data by the key's address only; one immutable allocation for the process.
nonisolated(unsafe) private let faceOwnerKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

/// A cairo font face for a math font, from its own FreeType face (cairo_ft_font_face_create_for_ft_face).
/// The caller owns the returned reference.
func makeCairoFontFace(for font: MathFont) -> OpaquePointer? {
    guard let owner = FreeTypeFaceOwner(path: font.path, index: font.faceIndex) else { return nil }
    guard let face = cairo_ft_font_face_create_for_ft_face(owner.face, 0) else { return nil }
    let retained = Unmanaged.passRetained(owner).toOpaque()
    let status = cairo_font_face_set_user_data(face, faceOwnerKey, retained) { pointer in
        if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
    }
    if status != CAIRO_STATUS_SUCCESS {
        Unmanaged<FreeTypeFaceOwner>.fromOpaque(retained).release()
        cairo_font_face_destroy(face)
        return nil
    }
    return face
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
    if !bySize.isEmpty, let face = makeCairoFontFace(for: box.font) {
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
        cairo_font_face_destroy(face)
    }
    cairo_restore(cr)
}
