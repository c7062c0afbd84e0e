import CairoRender
import FigureModel
import Foundation
import Frame

/// The phone drawing of a handout figure. A figure's layout (tick choice, panel arrangement, label
/// placement) is computed at one physical size, and CSS can only scale the result, which shrinks
/// the page-width drawing's labels on a phone. So the figure is laid out a second time for a
/// phone's column and the page's stylesheet picks one drawing by viewport width (a media query; no
/// script): as wide as the phone's column (`phoneFigurePx`) and `phoneFigureAspect` as tall a panel,
/// every panel kept and stacked in one column (the caption still describes what is shown; side
/// by side, panels a sixth of a phone wide collide their titles), its axis labels at the page's figure font size like the wide drawing's (issue 9:
/// figures read at the body's scale), and no text under `minimumFigureTextPx` on the phone. It
/// replaces the wide drawing wherever that one would be scaled down to fit (below its own width).
extension HandoutHTMLAssets {
    public func phoneFigure(_ f: Handouts.Figure, title: String) throws -> PhoneFigure? {
        guard let (narrow, below) = try phoneDrawing(f) else { return nil }
        var frame = try figures.frame(narrow)
        frame.title = title
        let svg = theme == "light" ? autoSVG(frame, light: narrow.theme, dark: .dark, shared: glyphs)
            : frameSVG(frame, light: Palette(theme: narrow.theme), shared: glyphs)
        return PhoneFigure(svg: try svgText(svg, of: "phone drawing of figure '\(f.name)'"), below: below)
    }

    /// The phone drawing laid out, and the viewport width (CSS px) below which it is shown.
    func phoneDrawing(_ f: Handouts.Figure) throws -> (FigureModel.Figure, below: Double)? {
        // The page-width drawing is figureSVG's.
        guard let wide = try pageWideFigure(f) else { return nil }
        let m = WebPageMetrics.self
        let widePx = wide.size.widthPoints / m.pointsPerPx
        guard widePx > m.phoneFigurePx else { return nil }

        let panels = Double(max(wide.panels.count, 1))
        let width = m.phoneFigurePx * m.pointsPerPx
        let height = width * m.phoneFigureAspect * panels
        let size = FigureSize.inches(width / 72, height / 72)
        // Built once at the phone size (a catalogue figure's data can take real work, e.g. kl-fits'
        // optimisations); the rounds below change only its font scale.
        guard let base = try buildCatalogueFigure(f, theme: theme, fonts: fonts, size: size) else { return nil }
        func drawing(fontScale: Double) -> FigureModel.Figure {
            var figure = base
            figure.columns = 1
            figure.fontScale *= fontScale
            return figure
        }
        var fontScale = m.figureLabelPoints / size.baseFontSize
        var narrow = drawing(fontScale: fontScale)
        // Text scales with fontScale, except where a figure fits it to the room (a legend that
        // shrinks to fit): a few rounds, keeping the last.
        for _ in 0..<3 {
            guard let s = smallestTextPoints(try figures.frame(narrow)),
                  s / m.pointsPerPx < m.minimumFigureTextPx * 0.999 else { break }
            fontScale *= m.minimumFigureTextPx / (s / m.pointsPerPx)
            narrow = drawing(fontScale: fontScale)
        }
        return (narrow, widePx + m.figureChromePx)
    }
}

/// The smallest text of a laid-out drawing, in points as drawn (group transforms applied); nil
/// when it has no text. Words only: a formula's sub- and superscripts are set at TeX's script
/// ratios of a label that meets the minimum (TeXbook ch. 17: 7 pt scripts to 10 pt text).
func smallestTextPoints(_ frame: Frame) -> Double? {
    textSizes(frame, kinds: [.prose]).min()
}

/// The size of every glyph run of `kinds` in a laid-out drawing, in points as drawn (group
/// transforms applied).
func textSizes(_ frame: Frame, kinds: Set<TextKind>) -> [Double] {
    func walk(_ items: [FrameItem], scale: Double) -> [Double] {
        items.flatMap { item -> [Double] in
            switch item {
            case .glyphs(let run) where !run.glyphs.isEmpty && kinds.contains(run.kind):
                return [run.size * scale]
            case .group(let g):
                let t = g.transform
                return walk(g.items, scale: scale * abs(t.a * t.d - t.b * t.c).squareRoot())
            default:
                return []
            }
        }
    }
    return walk(frame.items, scale: 1)
}
