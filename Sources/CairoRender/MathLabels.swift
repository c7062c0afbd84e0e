import CCairo
import FigureModel
import MathTypesetting

/// A figure label split into lines, each into prose (set by the text shaper in the label font) and `$…$` math
/// (set by the TeX typesetter in the matching math font), all on the line's baseline. Prose stays in
/// the label's own font so "KL in bits" reads like the other labels; only the math changes face.
struct MathLabel {
    enum Piece {
        case prose(String, width: Double)
        case math(MathBox, tex: String)
    }
    struct Line {
        var pieces: [Piece] = []
        var width = 0.0, ascent = 0.0, descent = 0.0
    }
    let lines: [Line]
    /// Baseline-to-baseline distance between lines.
    let leading: Double

    /// Ascent of the first line; descent down to the bottom of the last (as `TextExtent` defines it).
    var extent: TextExtent {
        let first = lines.first ?? Line(), last = lines.last ?? Line()
        return TextExtent(width: lines.map(\.width).max() ?? 0, ascent: first.ascent,
                          descent: Double(max(lines.count - 1, 0)) * leading + last.descent)
    }
}

/// Shared between measuring and drawing so both see the same pieces. Returns nil when the label has
/// no math or does not parse: the caller then sets it as plain text, so a figure never fails
/// to draw because of one bad label (the catalogue's own labels are tested to parse).
final class MathLabelSetter {
    private let mathFont: MathFont?
    private var boxes: [String: MathBox?] = [:]

    /// `family` is a family name or (with a slash) a font file, as a handout's `fonts: {math:}`.
    init(family: String) {
        mathFont = try? (family.contains("/") ? MathFont.load(path: family) : MathFont.load(family: family))
    }

    func label(_ text: String, fontSize: Double, prose: (String) -> TextExtent) -> MathLabel? {
        guard text.contains("$"), let mathFont else { return nil }
        var lines: [MathLabel.Line] = []
        var sawMath = false
        let strut = prose("0")
        for lineText in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let segments = try? splitInlineMath(String(lineText)) else { return nil }
            var line = MathLabel.Line()
            for segment in segments {
                switch segment {
                case .text(let t):
                    let e = prose(t)
                    line.pieces.append(.prose(t, width: e.width))
                    line.width += e.width; line.ascent = max(line.ascent, e.ascent); line.descent = max(line.descent, e.descent)
                case .math(let tex, _):
                    sawMath = true
                    let key = "\(fontSize)|\(tex)"
                    let box: MathBox?
                    if let cached = boxes[key] { box = cached } else {
                        box = try? typeset(tex, display: false, font: mathFont, size: fontSize)
                        boxes[key] = box
                    }
                    guard let box else { return nil }
                    line.pieces.append(.math(box, tex: tex))
                    line.width += box.width; line.ascent = max(line.ascent, box.height); line.descent = max(line.descent, box.depth)
                }
            }
            // Every line gets at least the label font's own ascent and descent (TeX's \strut):
            // math boxes are ink-tight, so "$\mu$" alone would measure as tall as an x and sit
            // against whatever it is aligned to, closer than a prose label in the same place.
            line.ascent = max(line.ascent, strut.ascent); line.descent = max(line.descent, strut.descent)
            lines.append(line)
        }
        guard sawMath else { return nil }
        // 1.2 em between baselines, as TeX's \baselineskip for 10 pt type; taller lines push further.
        let tallest = lines.map { $0.ascent + $0.descent }.max() ?? fontSize
        return MathLabel(lines: lines, leading: max(1.2 * fontSize, tallest + 0.1 * fontSize))
    }
}
