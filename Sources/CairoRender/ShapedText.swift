import FigureModel
import Frame
import TextShaping

/// A shaped line as frame glyph runs, one per font, with the line's baseline origin at `origin`.
/// `trailingSpace`: a word space follows the line's last glyph (a word on a set line), so the run
/// ends in the font's space glyph and PDF text extraction sees the word boundary (ISO 32000-1
/// §14.8.2.5: words separated by space characters, not only by gaps).
func glyphItems(_ line: ShapedLine, at origin: ScenePoint, fill: Paint, trailingSpace: Bool = false) -> [FrameItem] {
    var out: [FrameItem] = []
    for (n, run) in line.runs.enumerated() {
        var glyphs = run.glyphs.map { PlacedGlyph(id: $0.id, x: $0.x, y: $0.y, text: $0.text) }
        var text = run.text
        if trailingSpace, n == line.runs.count - 1, let space = run.font.glyph(for: " ") {
            glyphs.append(PlacedGlyph(id: space, x: run.width, y: 0, text: " "))
            text += " "
        }
        guard !glyphs.isEmpty else { continue }
        out.append(.glyphs(GlyphRun(font: FontRef(path: run.font.path, faceIndex: run.font.faceIndex), size: line.size,
                                    fill: fill, origin: ScenePoint(origin.x + run.x, origin.y), glyphs: glyphs, text: text)))
    }
    return out
}
