import FigureModel
import Frame
import MathTypesetting

/// A typeset formula as frame items with its baseline's left end at (x, baseline): one glyph run per
/// glyph size (in order of first use) and one filled rectangle per rule. The first run carries the
/// TeX source as its text.
func mathFrameItems(_ box: MathBox, x: Double, baseline: Double, fill: Paint, source: String) -> [FrameItem] {
    let font = FontRef(path: box.font.path, faceIndex: box.font.faceIndex)
    var sizes: [Double] = []
    var bySize: [Double: [PlacedGlyph]] = [:]
    var rules: [FrameItem] = []
    for item in box.flatten() {
        switch item {
        case .glyph(let g):
            if bySize[g.size] == nil { sizes.append(g.size) }
            bySize[g.size, default: []].append(PlacedGlyph(id: g.glyph, x: g.x, y: g.y))
        case .rule(let r):
            let x0 = x + r.x, y0 = baseline + r.y
            rules.append(.path(FramePath([.move(ScenePoint(x0, y0)), .line(ScenePoint(x0 + r.width, y0)),
                                          .line(ScenePoint(x0 + r.width, y0 + r.height)), .line(ScenePoint(x0, y0 + r.height)), .close],
                                         fill: fill)))
        }
    }
    var out: [FrameItem] = []
    for (n, size) in sizes.enumerated() {
        out.append(.glyphs(GlyphRun(font: font, size: size, fill: fill, origin: ScenePoint(x, baseline),
                                    glyphs: bySize[size] ?? [], text: n == 0 ? source : "", kind: .math)))
    }
    return out + rules
}
