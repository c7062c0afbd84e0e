/// \TeX, \LaTeX and \KaTeX, built from the text roman as their definitions build them.
extension MathLayout {
    /// plain.tex and ltlogos.dtx: \TeX is T\kern-.1667em\lower.5ex\hbox{E}\kern-.125emX; \LaTeX is
    /// L\kern-.36em, an A at \sf@size (7pt at 10pt, size10.clo) hung from the height of a T, \kern-.15em
    /// and \TeX; KaTeX's macros.ts defines \KaTeX as K\kern-.17em, the same A, \kern-.15em\TeX.
    static func layoutLogo(_ logo: TeXLogo, _ ctx: LayoutContext) -> Box {
        func text(_ s: String, _ c: LayoutContext = ctx) -> Box { layoutText(s, c) }
        let em = ctx.em
        var tex: [(Box, Double)] = [(text("T"), 0), (.kern(-0.1667 * em), 0), (text("E"), 0.5 * ctx.ex),
                                    (.kern(-0.125 * em), 0), (text("X"), 0)]
        switch logo {
        case .tex:
            break
        case .latex, .katex:
            var small = ctx
            small.baseSize = ctx.baseSize * 0.7
            let a = text("A", small)
            let raise = text("T").height - a.height
            let first: (String, Double) = logo == .latex ? ("L", -0.36) : ("K", -0.17)
            tex = [(text(first.0), 0), (.kern(first.1 * em), 0), (a, -raise), (.kern(-0.15 * em), 0)] + tex
        }
        return .hlist(tex)
    }

    /// amscd's horizontal arrows. @>a>b>: \mathop{\hbox to\bigaw@{\rightarrowfill@\displaystyle}}\limits^{a}_{b}
    /// where \bigaw@ is the widest of \minCDarrowwidth (2.5pc, 3 em at 10pt) and the labels set as
    /// $\scriptstyle\;{a}\;\;$; the superscript is always there (even empty), the subscript only when
    /// given. @= is two \hrule's (0.4pt) \minCDarrowwidth long, 2\ex@ (0.2 em at 10pt) apart, on the baseline.
    static func layoutCDArrow(_ arrow: CDArrow, _ ctx: LayoutContext) -> Box {
        let minimum = 3 * ctx.em
        switch arrow {
        case .equals:
            let rule = Box.rule(width: minimum, height: arrayRuleWidth * ctx.em)
            return .vlist([(rule, 0), (.vkern(0.2 * ctx.em), 0), (rule, 0)], height: 2 * rule.height + 0.2 * ctx.em)
        case .horizontal(let glyph, let above, let below):
            let script = ctx.with(style: .script, cramped: false)
            let padding = 3 * 5 * script.mu   // \; and \;\; (\thickmuskip, 5mu each)
            var width = minimum
            for label in [above, below] where !label.isEmpty { width = max(width, layoutList(label, script).width + padding) }
            let display = ctx.with(style: .display, cramped: ctx.cramped)
            let fill = arrowGlyph(glyph, width: width, display)
            var nucleus = Box.overlay([(fill.withWidth(0), (width - fill.width) / 2, 0)], width: width)
            nucleus.height = fill.height; nucleus.depth = fill.depth
            return layoutLimits(nucleus: nucleus, italic: 0, sup: above, sub: below.isEmpty ? nil : below, ctx)
        }
    }
}
