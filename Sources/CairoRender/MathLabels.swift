import CCairo
import FigureModel
import MathTypesetting

/// A figure label split into prose (set by Pango in the label font) and `$…$` math (set by the TeX
/// typesetter in the matching math font), all on one baseline. Prose stays in the label's own font so
/// "KL in bits" reads like the other labels; only the math changes face.
struct MathLabel {
    enum Piece {
        case prose(String, width: Double)
        case math(MathBox)
    }
    let pieces: [Piece]
    let extent: TextExtent
}

/// Shared between measuring and drawing so both see the same pieces. Returns nil when the label has
/// no math, spans lines, or does not parse: the caller then uses the Pango markup fallback, so a
/// figure never fails to draw because of one bad label (the catalogue's own labels are tested to parse).
final class MathLabelSetter {
    private let mathFont: MathFont?
    private var boxes: [String: MathBox?] = [:]

    init(family: String = MathFont.defaultFamily) {
        mathFont = try? MathFont.load(family: family)
    }

    func label(_ text: String, fontSize: Double, prose: (String) -> TextExtent) -> MathLabel? {
        guard text.contains("$"), !text.contains("\n"), let mathFont,
              let segments = try? splitInlineMath(text),
              segments.contains(where: { if case .math = $0 { true } else { false } }) else { return nil }
        var pieces: [MathLabel.Piece] = []
        var width = 0.0, ascent = 0.0, descent = 0.0
        for segment in segments {
            switch segment {
            case .text(let t):
                let e = prose(t)
                pieces.append(.prose(t, width: e.width))
                width += e.width; ascent = max(ascent, e.ascent); descent = max(descent, e.descent)
            case .math(let tex, _):
                let key = "\(fontSize)|\(tex)"
                let box: MathBox?
                if let cached = boxes[key] { box = cached } else {
                    box = try? typeset(tex, display: false, font: mathFont, size: fontSize)
                    boxes[key] = box
                }
                guard let box else { return nil }
                pieces.append(.math(box))
                width += box.width; ascent = max(ascent, box.height); descent = max(descent, box.depth)
            }
        }
        return MathLabel(pieces: pieces, extent: TextExtent(width: width, ascent: ascent, descent: descent))
    }
}
