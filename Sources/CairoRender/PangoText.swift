import CCairo
import CPangoCairo
import FigureModel
import Frame
import MathTypesetting

/// Measures and shapes labels through Pango in one text family, with `$…$` in one math font (a
/// theme's pair, see `FontPairing`). Metrics hinting is off so a label has the same size on PDF, SVG
/// and PNG surfaces: layout measures once for all formats.
final class PangoText: TextMeasurer {
    private let context: OpaquePointer
    fileprivate let layout: OpaquePointer
    private let font: OpaquePointer
    private var cache: [String: TextExtent] = [:]
    private var currentText = ""
    private let math: MathLabelSetter
    private let fonts = PangoFontFiles()
    /// The family every label's prose is set in.
    let fontFamily: String

    init(textFont: String, mathFont: String) {
        self.fontFamily = textFont
        math = MathLabelSetter(family: mathFont)
        context = makeUnhintedPangoContext()
        layout = pango_layout_new(context)
        font = pango_font_description_new()
        pango_font_description_set_family(font, fontFamily)
    }

    /// The theme's label fonts.
    convenience init(theme: Theme) { self.init(textFont: theme.textFont, mathFont: theme.mathFont) }

    deinit {
        pango_font_description_free(font)
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    fileprivate func prepare(_ text: String, fontSize: Double, bold: Bool, alignment: PangoAlignment) {
        pango_font_description_set_absolute_size(font, fontSize * Double(PANGO_SCALE))
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, font)
        pango_layout_set_alignment(layout, alignment)
        let plain = plainLabelText(text)
        if plain != currentText {
            pango_layout_set_text(layout, plain, -1)
            currentText = plain
        }
    }

    fileprivate func extents() -> (TextExtent, Double, Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let baseline = Double(pango_layout_get_baseline(layout)) / scale
        let top = Double(logical.y) / scale, h = Double(logical.height) / scale
        return (TextExtent(width: Double(logical.width) / scale, ascent: baseline - top, descent: h - (baseline - top)),
                Double(logical.x) / scale, top)
    }

    func measure(_ text: String, fontSize: Double, bold: Bool) -> TextExtent {
        let key = "\(fontSize)|\(bold ? 1 : 0)|\(text)"
        if let e = cache[key] { return e }
        let e = mathLabel(text, fontSize: fontSize, bold: bold)?.extent ?? proseExtent(text, fontSize: fontSize, bold: bold)
        cache[key] = e
        return e
    }

    private func proseExtent(_ text: String, fontSize: Double, bold: Bool) -> TextExtent {
        prepare(text, fontSize: fontSize, bold: bold, alignment: PANGO_ALIGN_LEFT)
        return extents().0
    }

    fileprivate func mathLabel(_ text: String, fontSize: Double, bold: Bool) -> MathLabel? {
        math.label(text, fontSize: fontSize) { proseExtent($0, fontSize: fontSize, bold: bold) }
    }
}

extension PangoText {
    /// A label as shaped frame items: glyph runs (Pango for prose, the
    /// typesetter for `$…$`) placed at the item's anchor, rotated by a group when the label is.
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
                        prepare(text, fontSize: item.fontSize, bold: item.bold, alignment: PANGO_ALIGN_LEFT)
                        let (pe, lx, ly) = extents()
                        local += glyphRuns(of: layout, at: ScenePoint(x - lx, baseline - pe.ascent - ly), fill: fill, fonts: fonts)
                        x += width
                    case let .math(box, tex):
                        local += mathFrameItems(box, x: x, baseline: baseline, fill: fill, source: tex)
                        x += box.width
                    }
                }
                baseline += label.leading
            }
        } else {
            let alignment: PangoAlignment = switch item.horizontal {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
            prepare(item.text, fontSize: item.fontSize, bold: item.bold, alignment: alignment)
            let (e, lx, ly) = extents()
            let x0: Double = switch item.horizontal {
            case .left: 0
            case .center: -e.width / 2
            case .right: -e.width
            }
            let y0: Double = switch item.vertical {
            case .top: 0
            case .middle: -e.height / 2
            case .baseline: -e.ascent
            case .bottom: -e.height
            }
            local = glyphRuns(of: layout, at: ScenePoint(x0 - lx, y0 - ly), fill: fill, fonts: fonts)
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
/// label is visible rather than silently approximated.
func plainLabelText(_ text: String) -> String {
    guard text.contains("$") else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard let segments = try? splitInlineMath(String(line)) else { return String(line) }
        return segments.map { segment -> String in
            switch segment {
            case .text(let t): t
            case .math(let tex, _): "$" + tex + "$"
            }
        }.joined()
    }.joined(separator: "\n")
}
