import CCairo
import CFreeType
import Foundation
import FigureModel
import Frame

/// One cairo font face per font file for the life of the process, built on a FreeType face opened
/// once (cairo embeds one subset per face object in a PDF, and a face must not outlive its FT_Face).
/// The cache only memoises: output does not depend on which font was used first.
final class CairoFontFaces: @unchecked Sendable {
    static let shared = CairoFontFaces()
    private let lock = NSLock()
    private var library: FT_Library?
    private var faces: [FontRef: OpaquePointer] = [:]

    func face(_ ref: FontRef) -> OpaquePointer? {
        lock.lock(); defer { lock.unlock() }
        if let f = faces[ref] { return f }
        if library == nil {
            var lib: FT_Library?
            guard FT_Init_FreeType(&lib) == 0 else { return nil }
            library = lib
        }
        var ftFace: FT_Face?
        guard FT_New_Face(library, ref.path, ref.faceIndex, &ftFace) == 0, let ftFace else { return nil }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, Int32(FT_LOAD_NO_HINTING)),
              cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else {
            FT_Done_Face(ftFace)
            return nil
        }
        faces[ref] = face
        return face
    }
}

/// Draws a frame on any cairo context (PDF, PNG): the cairo exporter only walks the frame.
struct FrameCairoPainter {
    let palette: Palette
    /// PDF only: link annotations and named destinations (links only to names in this set).
    var destinations: Set<String>? = nil

    func draw(_ frame: Frame, on cr: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
        draw(frame.items, on: cr)
    }

    func draw(_ items: [FrameItem], on cr: OpaquePointer) {
        for item in items {
            switch item {
            case .path(let p): path(p, cr)
            case .glyphs(let g): glyphs(g, cr)
            case .image(let i): image(i, cr)
            case .group(let g):
                // Structure elements exist in PDFs only; the tag wraps the whole group.
                let tag = destinations == nil ? nil : g.structure
                if let tag { beginStructure(cr, tag) }
                defer { if let tag { endStructure(cr, tag) } }
                cairo_save(cr)
                if let c = g.clip {
                    cairo_new_path(cr)
                    cairo_rectangle(cr, c.x, c.y, c.width, c.height)
                    cairo_clip(cr)
                }
                if !g.transform.isIdentity {
                    let t = g.transform
                    var m = cairo_matrix_t(xx: t.a, yx: t.b, xy: t.c, yy: t.d, x0: t.tx, y0: t.ty)
                    cairo_transform(cr, &m)
                }
                draw(g.items, on: cr)
                cairo_restore(cr)
            case .link(let r, let target):
                guard let destinations else { continue }
                switch target {
                case .destination(let name):
                    tagLink(cr, x: r.x, y: r.y, width: r.width, height: r.height, destination: name, url: nil, known: destinations)
                case .url(let url):
                    tagLink(cr, x: r.x, y: r.y, width: r.width, height: r.height, destination: nil, url: url, known: destinations)
                }
            case .destination(let name, let p):
                guard destinations != nil else { continue }
                tagDestination(cr, name: name, x: p.x, y: p.y)
            }
        }
    }

    private func source(_ p: Paint, _ cr: OpaquePointer) {
        let c = palette.resolve(p)
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private func path(_ p: FramePath, _ cr: OpaquePointer) {
        cairo_new_path(cr)
        for el in p.elements {
            switch el {
            case .move(let a): cairo_move_to(cr, a.x, a.y)
            case .line(let a): cairo_line_to(cr, a.x, a.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
        if let f = p.fill {
            source(f, cr)
            if p.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let s = p.stroke {
            source(s.paint, cr)
            cairo_set_line_width(cr, s.width)
            cairo_set_line_cap(cr, s.cap == .round ? CAIRO_LINE_CAP_ROUND : s.cap == .square ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
            cairo_set_line_join(cr, s.join == .round ? CAIRO_LINE_JOIN_ROUND : s.join == .bevel ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_MITER)
            if s.dash.isEmpty { cairo_set_dash(cr, nil, 0, 0) } else { s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) } }
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    private func glyphs(_ g: GlyphRun, _ cr: OpaquePointer) {
        guard !g.glyphs.isEmpty, let face = CairoFontFaces.shared.face(g.font) else { return }
        cairo_set_font_face(cr, face)
        cairo_set_font_size(cr, g.size)
        source(g.fill, cr)
        var glyphs = g.glyphs.map { cairo_glyph_t(index: UInt($0.id), x: g.origin.x + $0.x, y: g.origin.y + $0.y) }
        if g.glyphs.contains(where: { !$0.text.isEmpty }) {
            // One cluster per glyph with the characters it stands for (a ligature two, a math
            // continuation piece none): cairo maps such glyphs through the font's ToUnicode table
            // (cairo-pdf-operators.c, _cairo_pdf_operators_emit_cluster) and needs no ActualText span
            // around them; a whole word as one cluster took one span per word, and poppler's
            // structure-text reader stops at the first span's end inside a tagged paragraph.
            // A no-break space has done its work once the line is set; readers search and copy an
            // ordinary space (as a TeX tie extracts), so it goes out as U+0020. A ligature glyph
            // (ﬁ for "fi") goes out as the presentation form the font's character map gives it,
            // which is what cairo maps the glyph to (so no span), and `finishPDF` maps that form
            // back to its letters in the font's ToUnicode table.
            let texts = g.glyphs.map { glyph -> String in
                if let form = ligatureForms[glyph.text], GlyphOutlines.shared.nominalGlyph(g.font, form) == glyph.id {
                    return String(form)
                }
                return glyph.text.replacingOccurrences(of: "\u{00A0}", with: " ")
            }
            let text = texts.joined()
            var clusters = texts.map { cairo_text_cluster_t(num_bytes: Int32($0.utf8.count), num_glyphs: 1) }
            cairo_show_text_glyphs(cr, text, Int32(text.utf8.count), &glyphs, Int32(glyphs.count), &clusters, Int32(clusters.count),
                                   cairo_text_cluster_flags_t(0))
        } else {
            cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
        }
    }

    private func image(_ img: FrameImage, _ cr: OpaquePointer) {
        guard img.pixelWidth > 0, img.pixelHeight > 0, img.pixels.count == img.pixelWidth * img.pixelHeight,
              let surface = imageSurface(img)
        else { return }
        defer { cairo_surface_destroy(surface) }
        fillImageSurface(surface, img, palette: palette)
        cairo_save(cr)
        cairo_translate(cr, img.rect.x, img.rect.y)
        cairo_scale(cr, img.rect.width / Double(img.pixelWidth), img.rect.height / Double(img.pixelHeight))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), img.isPicture ? CAIRO_FILTER_GOOD : CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, 0, 0, Double(img.pixelWidth), Double(img.pixelHeight))
        cairo_fill(cr)
        cairo_restore(cr)
    }
}

/// The Latin ligatures of Unicode's Alphabetic Presentation Forms (U+FB00–FB06) by the letters
/// they decompose to (their compatibility decompositions, UnicodeData.txt).
let ligatureForms: [String: Unicode.Scalar] = ["ff": "\u{FB00}", "fi": "\u{FB01}", "fl": "\u{FB02}", "ffi": "\u{FB03}",
                                               "ffl": "\u{FB04}", "ſt": "\u{FB05}", "st": "\u{FB06}"]

/// The image surface an image is copied into: RGB24 for an opaque raster, ARGB32 for a picture.
func imageSurface(_ img: FrameImage) -> OpaquePointer? {
    cairo_image_surface_create(img.isPicture ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(img.pixelWidth), Int32(img.pixelHeight))
}

/// Copies 0x00RRGGBB pixels into an RGB24 image surface (opaque), background pixels in `palette`,
/// or a picture's straight-alpha pixels into an ARGB32 one (which cairo wants premultiplied).
func fillImageSurface(_ surface: OpaquePointer, _ img: FrameImage, palette: Palette) {
    cairo_surface_flush(surface)
    guard let data = cairo_image_surface_get_data(surface) else { return }
    let stride = Int(cairo_image_surface_get_stride(surface))
    img.pixels(in: palette).withUnsafeBufferPointer { src in
        for r in 0..<img.pixelHeight {
            let row = UnsafeMutableRawPointer(data + r * stride).assumingMemoryBound(to: UInt32.self)
            for c in 0..<img.pixelWidth {
                let p = src[r * img.pixelWidth + c]
                guard img.isPicture else { row[c] = p | 0xFF00_0000; continue }
                let a = p >> 24
                func pre(_ shift: UInt32) -> UInt32 { ((((p >> shift) & 0xFF) * a + 127) / 255) << shift }
                row[c] = a << 24 | pre(16) | pre(8) | pre(0)
            }
        }
    }
    cairo_surface_mark_dirty(surface)
}
