import FigureModel
import Frame
import MathTypesetting

/// A typeset formula as frame items with its baseline's left end at (x, baseline): one glyph run per
/// font, glyph size and colour (in order of first use) and one filled rectangle per rule. The first run
/// carries the TeX source as its text; every glyph carries the characters it stands for.
func mathFrameItems(_ box: MathBox, x: Double, baseline: Double, fill: Paint, source: String) -> [FrameItem] {
    let primary = FontRef(path: box.font.path, faceIndex: box.font.faceIndex)
    // Glyphs of characters the math font lacks come from its fallback math font (MathFace.fallback).
    let fallback = box.font.fallbackFont.map { FontRef(path: $0.path, faceIndex: $0.faceIndex) } ?? primary
    func font(_ face: MathFace) -> FontRef { face == .primary ? primary : fallback }
    struct RunKey: Hashable { let face: MathFace; let size: Double; let color: MathRGBA? }
    func paint(_ c: MathRGBA?) -> Paint {
        c.map { .color($0) } ?? fill
    }
    var keys: [RunKey] = []
    var runs: [RunKey: [PlacedGlyph]] = [:]
    var rules: [FrameItem] = [], colouredRules: [FrameItem] = []
    var assemblies: [FrameItem] = []
    let items = box.flatten()
    let glyphs = items.compactMap { if case .glyph(let g) = $0 { return g } else { return nil } }
    for group in glyphs.assemblyGroups() {
        if group.count > 1 {
            // One path for all pieces of an assembly: filled once (nonzero), their overlaps are one
            // area, where pieces drawn one by one leave a faint band at each join.
            let f = font(group.first?.face ?? .primary)
            assemblies.append(.path(FramePath(assemblyOutline(group, font: f, x: x, baseline: baseline), fill: paint(group.first?.color))))
            continue
        }
        for g in group {
            let key = RunKey(face: g.face, size: g.size, color: g.color)
            if runs[key] == nil { keys.append(key) }
            runs[key, default: []].append(PlacedGlyph(id: g.glyph, x: g.x, y: g.y, text: g.text))
        }
    }
    for item in items {
        switch item {
        case .glyph:
            continue
        case .rule(let r):
            let x0 = x + r.x, y0 = baseline + r.y
            let path = FrameItem.path(FramePath([.move(ScenePoint(x0, y0)), .line(ScenePoint(x0 + r.width, y0)),
                                                 .line(ScenePoint(x0 + r.width, y0 + r.height)), .line(ScenePoint(x0, y0 + r.height)), .close],
                                                fill: paint(r.color)))
            if r.color == nil { rules.append(path) } else { colouredRules.append(path) }
        case .line(let l):
            // A stroke (\cancel) as the filled rectangle around its centre line, like the rules.
            let corners = l.corners.map { ScenePoint(x + $0.x, baseline + $0.y) }
            guard let first = corners.first else { continue }
            let path = FrameItem.path(FramePath([.move(first)] + corners.dropFirst().map { .line($0) } + [.close], fill: paint(l.color)))
            if l.color == nil { rules.append(path) } else { colouredRules.append(path) }
        }
    }
    var out: [FrameItem] = []
    for (n, key) in keys.enumerated() {
        out.append(.glyphs(GlyphRun(font: font(key.face), size: key.size, fill: paint(key.color), origin: ScenePoint(x, baseline),
                                    glyphs: runs[key] ?? [], text: n == 0 ? source : "", kind: .math)))
    }
    // Coloured rules (\colorbox backgrounds, frames) under the glyphs; plain rules after them.
    return colouredRules + out + assemblies + rules
}

/// The outlines of an assembly's pieces, each scaled from font units (y up) to points at its place.
func assemblyOutline(_ pieces: ArraySlice<PositionedGlyph>, font: FontRef, x: Double, baseline: Double) -> [PathElement] {
    guard let upem = GlyphOutlines.shared.unitsPerEm(font) else { return [] }
    var out: [PathElement] = []
    for g in pieces {
        let k = g.size / upem
        func p(_ q: ScenePoint) -> ScenePoint { ScenePoint(x + g.x + q.x * k, baseline + g.y - q.y * k) }
        for e in GlyphOutlines.shared.elements(font, g.glyph) {
            switch e {
            case .move(let a): out.append(.move(p(a)))
            case .line(let a): out.append(.line(p(a)))
            case .curve(let a, let b, let c): out.append(.curve(p(a), p(b), p(c)))
            case .close: out.append(.close)
            }
        }
    }
    return out
}
