import FigureModel
import Frame
import MathTypesetting

/// A typeset formula as frame items with its baseline's left end at (x, baseline): one glyph run per
/// glyph size and colour (in order of first use) and one filled rectangle per rule. The first run
/// carries the TeX source as its text; every glyph carries the characters it stands for.
func mathFrameItems(_ box: MathBox, x: Double, baseline: Double, fill: Paint, source: String) -> [FrameItem] {
    let font = FontRef(path: box.font.path, faceIndex: box.font.faceIndex)
    struct RunKey: Hashable { let size: Double; let color: MathRGBA? }
    func paint(_ c: MathRGBA?) -> Paint {
        c.map { .color(Color(red: $0.r, green: $0.g, blue: $0.b, alpha: $0.a)) } ?? fill
    }
    var keys: [RunKey] = []
    var runs: [RunKey: [PlacedGlyph]] = [:]
    var rules: [FrameItem] = [], colouredRules: [FrameItem] = []
    for item in box.flatten() {
        switch item {
        case .glyph(let g):
            let key = RunKey(size: g.size, color: g.color)
            if runs[key] == nil { keys.append(key) }
            runs[key, default: []].append(PlacedGlyph(id: g.glyph, x: g.x, y: g.y, text: g.text))
        case .rule(let r):
            let x0 = x + r.x, y0 = baseline + r.y
            let path = FrameItem.path(FramePath([.move(ScenePoint(x0, y0)), .line(ScenePoint(x0 + r.width, y0)),
                                                 .line(ScenePoint(x0 + r.width, y0 + r.height)), .line(ScenePoint(x0, y0 + r.height)), .close],
                                                fill: paint(r.color)))
            if r.color == nil { rules.append(path) } else { colouredRules.append(path) }
        }
    }
    var out: [FrameItem] = []
    for (n, key) in keys.enumerated() {
        out.append(.glyphs(GlyphRun(font: font, size: key.size, fill: paint(key.color), origin: ScenePoint(x, baseline),
                                    glyphs: runs[key] ?? [], text: n == 0 ? source : "", kind: .math)))
    }
    // Coloured rules (\colorbox backgrounds, frames) under the glyphs; plain rules after them.
    return colouredRules + out + rules
}
