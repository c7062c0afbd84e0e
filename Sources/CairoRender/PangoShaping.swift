import CPangoCairo
import FigureModel
import Frame

/// Pango's "no glyph" and "missing glyph" markers (pango-types.h; macros with casts do not import).
private let glyphEmpty: UInt32 = 0x0FFF_FFFF
private let glyphUnknownFlag: UInt32 = 0x1000_0000

/// The file, face and size of a Pango font, asked once per font object.
final class PangoFontFiles {
    private var known: [UnsafeMutableRawPointer: (FontRef, Double)] = [:]

    deinit { for key in known.keys { g_object_unref(key) } }

    func resolve(_ font: UnsafeMutablePointer<PangoFont>) -> (FontRef, Double)? {
        let key = UnsafeMutableRawPointer(font)
        if let hit = known[key] { return hit }
        // Pango's Linux fonts are fontconfig fonts (PangoFcFont); the pattern names the file.
        guard let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self))
        else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        let desc = pango_font_describe_with_absolute_size(font)
        let size = Double(pango_font_description_get_size(desc)) / Double(PANGO_SCALE)
        pango_font_description_free(desc)
        let value = (FontRef(path: String(cString: file), faceIndex: Int(index)), size)
        g_object_ref(key)
        known[key] = value
        return value
    }
}

/// Reads the shaped glyphs out of a Pango layout as frame glyph runs, one per Pango run, placed with
/// the layout's top-left corner at `origin` (what pango_cairo_show_layout would draw there).
func glyphRuns(of layout: OpaquePointer, at origin: ScenePoint, fill: Paint, fonts: PangoFontFiles) -> [FrameItem] {
    let scale = Double(PANGO_SCALE)
    guard let iter = pango_layout_get_iter(layout) else { return [] }
    defer { pango_layout_iter_free(iter) }
    let text = pango_layout_get_text(layout)
    var out: [FrameItem] = []
    repeat {
        guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item,
              let font = item.pointee.analysis.font, let (ref, size) = fonts.resolve(font) else { continue }
        var logical = PangoRectangle()
        pango_layout_iter_get_run_extents(iter, nil, &logical)
        let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
        // A run's y_offset raises its baseline (Pango's rise attribute).
        let rise = Double(run.pointee.y_offset) / scale
        let glyphString = run.pointee.glyphs.pointee
        var x = 0.0
        var glyphs: [PlacedGlyph] = []
        glyphs.reserveCapacity(Int(glyphString.num_glyphs))
        for i in 0..<Int(glyphString.num_glyphs) {
            let g = glyphString.glyphs[i]
            if g.glyph != glyphEmpty && g.glyph & glyphUnknownFlag == 0 {
                glyphs.append(PlacedGlyph(id: g.glyph, x: x + Double(g.geometry.x_offset) / scale,
                                          y: Double(g.geometry.y_offset) / scale))
            }
            x += Double(g.geometry.width) / scale
        }
        guard !glyphs.isEmpty else { continue }
        var source = ""
        if let text {
            let start = text + Int(item.pointee.offset)
            source = String(decoding: UnsafeRawBufferPointer(start: start, count: Int(item.pointee.length)), as: UTF8.self)
        }
        out.append(.glyphs(GlyphRun(font: ref, size: size, fill: fill,
                                    origin: ScenePoint(origin.x + Double(logical.x) / scale, origin.y + baseline - rise),
                                    glyphs: glyphs, text: source)))
    } while pango_layout_iter_next_run(iter) != 0
    return out
}
