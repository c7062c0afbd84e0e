import FigureModel
import Frame
import MathTypesetting
import TextShaping

/// Measures and shapes figure labels with the one text shaper (HarfBuzz, `TextShaping`) in one text
/// family, with `$…$` in one math font (a theme's pair, see `FontPairing`). Shaping has no hinting,
/// so a label has the same size on PDF, SVG and PNG: layout measures once for all formats.
final class LabelText: TextMeasurer {
    private let regular: TextShaper
    private let bold: TextShaper
    private var cache: [String: TextExtent] = [:]
    private let math: MathLabelSetter
    /// The family every label's prose is set in.
    let fontFamily: String

    /// Throws when the text family is not installed (fonts are resolved here, once).
    init(textFont: String, mathFont: String) throws {
        fontFamily = textFont
        regular = try TextShaper(family: textFont)
        bold = try TextShaper(family: textFont, bold: true)
        math = MathLabelSetter(family: mathFont)
    }

    /// The theme's label fonts.
    convenience init(theme: Theme) throws { try self.init(textFont: theme.textFont, mathFont: theme.mathFont) }

    private func shaper(_ isBold: Bool) -> TextShaper { isBold ? bold : regular }

    /// The label's lines shaped (a newline starts a line), with the block's extent: as wide as the
    /// widest line, each line as tall as its fonts' ascent and descent, stacked without gaps.
    fileprivate func block(_ text: String, fontSize: Double, bold: Bool) -> (lines: [ShapedLine], extent: TextExtent) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            shaper(bold).shape(String($0), size: fontSize)
        }
        let first = lines.first ?? shaper(bold).shape("", size: fontSize)
        let height = lines.reduce(0) { $0 + $1.ascent + $1.descent }
        return (lines, TextExtent(width: lines.map(\.width).max() ?? 0, ascent: first.ascent, descent: height - first.ascent))
    }

    func measure(_ text: String, fontSize: Double, bold: Bool) -> TextExtent {
        let key = "\(fontSize)|\(bold ? 1 : 0)|\(text)"
        if let e = cache[key] { return e }
        let e = mathLabel(text, fontSize: fontSize, bold: bold)?.extent ?? proseExtent(text, fontSize: fontSize, bold: bold)
        cache[key] = e
        return e
    }

    private func proseExtent(_ text: String, fontSize: Double, bold: Bool) -> TextExtent {
        block(plainLabelText(text), fontSize: fontSize, bold: bold).extent
    }

    fileprivate func mathLabel(_ text: String, fontSize: Double, bold: Bool) -> MathLabel? {
        math.label(text, fontSize: fontSize) { proseExtent($0, fontSize: fontSize, bold: bold) }
    }
}

extension LabelText {
    /// A label as shaped frame items: glyph runs (the shaper for prose, the typesetter for `$…$`)
    /// placed at the item's anchor, rotated by a group when the label is.
    func frameItems(_ item: TextItem, fill: Paint) -> [FrameItem] {
        var local: [FrameItem] = []
        if let label = mathLabel(item.text, fontSize: item.fontSize, bold: item.bold) {
            let e = label.extent
            let blockX: Double = switch item.horizontal {
            case .left: 0
            case .center: -e.width / 2
            case .right: -e.width
            }
            var baseline: Double = switch item.vertical {
            case .top: e.ascent
            case .middle: e.ascent - e.height / 2
            case .baseline: 0
            case .bottom: -e.descent
            }
            for line in label.lines {
                var x: Double = switch item.horizontal {
                case .left: blockX
                case .center: blockX + (e.width - line.width) / 2
                case .right: blockX + e.width - line.width
                }
                for piece in line.pieces {
                    switch piece {
                    case let .prose(text, width):
                        local += glyphItems(shaper(item.bold).shape(plainLabelText(text), size: item.fontSize), at: ScenePoint(x, baseline), fill: fill)
                        x += width
                    case let .math(box, tex):
                        local += mathFrameItems(box, x: x, baseline: baseline, fill: fill, source: tex)
                        x += box.width
                    }
                }
                baseline += label.leading
            }
        } else {
            let (lines, e) = block(plainLabelText(item.text), fontSize: item.fontSize, bold: item.bold)
            let x0: Double = switch item.horizontal {
            case .left: 0
            case .center: -e.width / 2
            case .right: -e.width
            }
            var top: Double = switch item.vertical {
            case .top: 0
            case .middle: -e.height / 2
            case .baseline: -e.ascent
            case .bottom: -e.height
            }
            // Each line aligned within the block, as a centred or right-aligned paragraph.
            for line in lines {
                let x: Double = switch item.horizontal {
                case .left: x0
                case .center: x0 + (e.width - line.width) / 2
                case .right: x0 + e.width - line.width
                }
                local += glyphItems(line, at: ScenePoint(x, top + line.ascent), fill: fill)
                top += line.ascent + line.descent
            }
        }
        let p = item.position
        if item.rotation != 0 {
            return [.group(FrameGroup(transform: Affine.translation(p.x, p.y).concatenating(.rotation(degrees: item.rotation)),
                                      items: local))]
        }
        return local.map { translated($0, by: p) }
    }
}

/// Moves a label's item (glyph run or rule) from the anchor's frame to the page.
private func translated(_ item: FrameItem, by p: ScenePoint) -> FrameItem {
    switch item {
    case .glyphs(var g):
        g.origin = ScenePoint(g.origin.x + p.x, g.origin.y + p.y)
        return .glyphs(g)
    case .path(var path):
        path.elements = path.elements.map { el in
            switch el {
            case .move(let a): .move(ScenePoint(a.x + p.x, a.y + p.y))
            case .line(let a): .line(ScenePoint(a.x + p.x, a.y + p.y))
            case .curve(let a, let b, let c):
                .curve(ScenePoint(a.x + p.x, a.y + p.y), ScenePoint(b.x + p.x, b.y + p.y), ScenePoint(c.x + p.x, c.y + p.y))
            case .close: .close
            }
        }
        return .path(path)
    default:
        return .group(FrameGroup(transform: .translation(p.x, p.y), items: [item]))
    }
}

/// What a label shows where the typesetter does not set it: the label without math (an escaped
/// `\$` is a dollar), or, when its `$…$` do not parse, the text as written, TeX and all, so a bad
/// label is visible rather than silently approximated. Its prose is typeset text: a value a
/// handout put there as data ("-0.0667") prints with U+2212, as the page beside it does
/// (`typographicMinus`).
func plainLabelText(_ text: String) -> String {
    guard text.contains("$") else { return typographicMinus(text) }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard let segments = try? splitInlineMath(String(line)) else { return String(line) }
        return segments.map { segment -> String in
            switch segment {
            case .text(let t): typographicMinus(t)
            case .math(let tex, _): "$" + tex + "$"
            }
        }.joined()
    }.joined(separator: "\n")
}
