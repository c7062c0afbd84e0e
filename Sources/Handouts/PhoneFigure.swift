import CairoRender
import FigureModel
import Foundation
import Frame

/// The phone drawing of a handout figure. A figure's layout (tick choice, panel arrangement, label
/// placement) is computed at one physical size, and CSS can only scale the result, which shrinks
/// the page-width drawing's labels to 4–5 px on a phone. So the figure is laid out a second time
/// for a phone's column and the page's stylesheet picks one drawing by viewport width (a media
/// query; no script): at the column preset's width, every panel kept (several panels stack in one
/// column, so the caption still describes what is shown), text scaled so the smallest label is at
/// least `minimumFigureTextPx` on the narrowest phone (`phoneViewportPx`).
extension HandoutHTMLAssets {
    public func phoneFigure(_ f: Handouts.Figure, title: String) throws -> PhoneFigure? {
        // The page-width drawing is figureSVG's: the page's placement, else the preset.
        guard let wide = try pageWideFigure(f),
              let smallest = smallestTextPoints(try figures.frame(wide))
        else { return nil }
        let m = WebPageMetrics.self
        // A drawing w pt wide shows at min(w · 4/3, column) CSS px, so its text is scaled by column / (w · 4/3);
        // below this column width the smallest text is under the minimum.
        let legibleColumn = m.minimumFigureTextPx * wide.size.widthPoints / smallest
        let phoneColumn = m.phoneViewportPx - m.figureChromePx
        guard legibleColumn > phoneColumn else { return nil }

        let panels = max(wide.panels.count, 1)
        let size: FigureSize = panels == 1 ? .column
            : .inches(FigureSize.column.widthInches, FigureSize.column.heightInches * Double(panels))
        // Built once at the phone size (a catalogue figure's data can take real work, e.g. kl-fits'
        // optimisations); the rounds below change only its font scale.
        guard let base = try buildCatalogueFigure(f, theme: theme, fonts: fonts, size: size) else { return nil }
        func drawing(fontScale: Double) -> FigureModel.Figure {
            var figure = base
            figure.fontScale *= fontScale
            return figure
        }
        var narrow = base
        // Shown at its own width, or the narrowest phone's column if that is less.
        let shownScale = min(1, phoneColumn / (narrow.size.widthPoints * 4 / 3))
        var fontScale = 1.0
        // Text scales with fontScale, except where a figure fits it to the room (a legend that
        // shrinks to fit): a few rounds, keeping the last.
        for _ in 0..<3 {
            guard let s = smallestTextPoints(try figures.frame(narrow)),
                  s * 4 / 3 * shownScale < m.minimumFigureTextPx * 0.999 else { break }
            fontScale *= m.minimumFigureTextPx / (s * 4 / 3 * shownScale)
            narrow = drawing(fontScale: fontScale)
        }
        var frame = try figures.frame(narrow)
        frame.title = title
        let svg = theme == "light" ? autoSVG(frame, light: narrow.theme, dark: .dark, shared: glyphs)
            : frameSVG(frame, light: Palette(theme: narrow.theme), shared: glyphs)
        return PhoneFigure(svg: String(decoding: svg, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                           below: legibleColumn + m.figureChromePx)
    }
}

/// The smallest text of a laid-out drawing, in points as drawn (group transforms applied); nil
/// when it has no text. Words only: a formula's sub- and superscripts are set at TeX's script
/// ratios of a label that meets the minimum (TeXbook ch. 17: 7 pt scripts to 10 pt text).
func smallestTextPoints(_ frame: Frame) -> Double? {
    func walk(_ items: [FrameItem], scale: Double) -> Double? {
        var smallest: Double?
        for item in items {
            switch item {
            case .glyphs(let run) where !run.glyphs.isEmpty && run.kind == .prose:
                smallest = min(smallest ?? .infinity, run.size * scale)
            case .group(let g):
                let t = g.transform
                if let s = walk(g.items, scale: scale * abs(t.a * t.d - t.b * t.c).squareRoot()) {
                    smallest = min(smallest ?? .infinity, s)
                }
            default:
                break
            }
        }
        return smallest
    }
    return walk(frame.items, scale: 1)
}
