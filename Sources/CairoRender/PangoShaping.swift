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
        var source = ""
        var itemBytes = UnsafeRawBufferPointer(start: nil, count: 0)
        if let text {
            itemBytes = UnsafeRawBufferPointer(start: text + Int(item.pointee.offset), count: Int(item.pointee.length))
            source = String(decoding: itemBytes, as: UTF8.self)
        }
        let clusters = glyphClusterTexts(glyphString, itemBytes)
        var x = 0.0
        var glyphs: [PlacedGlyph] = []
        glyphs.reserveCapacity(Int(glyphString.num_glyphs))
        // The characters of a glyph Pango does not draw go with the next drawn glyph (or the last).
        var pending = ""
        for i in 0..<Int(glyphString.num_glyphs) {
            let g = glyphString.glyphs[i]
            pending += clusters[i]
            if g.glyph != glyphEmpty && g.glyph & glyphUnknownFlag == 0 {
                glyphs.append(PlacedGlyph(id: g.glyph, x: x + Double(g.geometry.x_offset) / scale,
                                          y: Double(g.geometry.y_offset) / scale, text: pending))
                pending = ""
            }
            x += Double(g.geometry.width) / scale
        }
        guard !glyphs.isEmpty else { continue }
        glyphs[glyphs.count - 1].text += pending
        out.append(.glyphs(GlyphRun(font: ref, size: size, fill: fill,
                                    origin: ScenePoint(origin.x + Double(logical.x) / scale, origin.y + baseline - rise),
                                    glyphs: glyphs, text: source)))
    } while pango_layout_iter_next_run(iter) != 0
    return out
}

/// The characters each glyph of a Pango glyph string stands for: a cluster's text goes with its
/// first glyph, the cluster's other glyphs stand for none. `log_clusters[i]` is the byte offset in
/// the item where glyph i's cluster starts (pango-glyph.h); a cluster ends where the next one in
/// the text starts, so this holds for right-to-left runs, whose offsets fall, too.
private func glyphClusterTexts(_ glyphs: PangoGlyphString, _ item: UnsafeRawBufferPointer) -> [String] {
    let n = Int(glyphs.num_glyphs)
    guard n > 0, item.count > 0, let log = glyphs.log_clusters else { return Array(repeating: "", count: n) }
    let starts = Set((0..<n).map { Int(log[$0]) }).sorted()
    var end: [Int: Int] = [:]
    for (k, start) in starts.enumerated() { end[start] = k + 1 < starts.count ? starts[k + 1] : item.count }
    return (0..<n).map { i in
        let start = Int(log[i])
        guard i == 0 || Int(log[i - 1]) != start, start >= 0, let stop = end[start], stop <= item.count else { return "" }
        return String(decoding: UnsafeRawBufferPointer(rebasing: item[start..<stop]), as: UTF8.self)
    }
}
