import Foundation

/// Shapes that KaTeX draws itself and no math font has: \phase, \angl, the line segments,
/// \Overrightarrow and \textcircled's circle, built from rules, strokes and the font's arrows.
extension MathLayout {
    /// steinmetz.sty's \phase (the dimensions KaTeX takes from it, enclose.ts): a line of 0.6pt under
    /// the body, 0.35ex clear of its depth, and a stroke rising at slope 2 from the line's left end to
    /// the body's top; the body starts half the angle's height plus the line weight from the left.
    static func layoutPhase(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let weight = ctx.points(MathLength(0.6, .pt)), clearance = ctx.points(MathLength(0.35, .ex))
        let angleHeight = inner.height + inner.depth + weight + clearance
        let pad = angleHeight / 2 + weight
        let width = pad + inner.width
        let bottom = inner.depth + clearance + weight   // below the baseline
        let rule = Box.rule(width: width, height: -(bottom - weight), depth: bottom)
        // The stroke's centre line: from the rule's middle at its left end, up to the body's top.
        let y0 = -bottom + weight / 2, y1 = inner.height
        let x0 = weight * 0.56, x1 = x0 + (y1 - y0) / 2
        let stroke = Box(width: 0, height: 0, depth: 0, content: .line(x0: x0, y0: y0, x1: x1, y1: y1, thickness: weight))
        var box = Box.overlay([(rule, 0, 0), (stroke, 0, 0), (inner, pad, 0)], width: width)
        box.height = inner.height; box.depth = bottom
        return box
    }

    /// actuarialangle.sty's \angl (v2.1, with unicode-math's LuaTeX parameters): \angl{#1} is
    /// \actuarialangle{#1\mkern1mu}, a \mathord of \mkern1mu, then \vbox{\kern OverbarExtraAscender,
    /// \hrule of OverbarRuleThickness, \hbox{\vbox{\kern OverbarVerticalGap, the body}, \vrule of the
    /// same width down to \mathstrut's depth}}, then \mkern1mu.
    static func layoutActuarialAngle(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body + [.space(mu: 1)], ctx)
        let t = ctx.c(.overbarRuleThickness), gap = ctx.c(.overbarVerticalGap), kern = ctx.c(.overbarExtraAscender)
        let strutDepth = ctx.glyphBox("(").depth
        let depth = max(inner.depth, strutDepth)
        let top = inner.height + gap + t   // the rule's top, above the baseline
        let over = Box.rule(width: inner.width + t, height: top, depth: -(top - t))
        let side = Box.rule(width: t, height: top, depth: strutDepth)
        let mu = ctx.mu
        var box = Box.overlay([(over, mu, 0), (inner, mu, 0), (side, mu + inner.width, 0)], width: mu + inner.width + t + mu)
        box.height = top + kern; box.depth = depth
        return box
    }

    /// KaTeX's \overlinesegment and \underlinesegment (stretchy.ts: leftlinesegment and rightlinesegment,
    /// a 0.522 em image at least 0.888 em wide): a 0.04 em line across its middle and a 0.334 em tick at
    /// each end, the image set directly over (under) the body, as KaTeX stacks its stretchy accents.
    static func layoutLineSegment(_ body: MathList, over: Bool, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let em = ctx.em, t = 0.04 * em
        let width = max(inner.width, 0.888 * em)
        let bar = Box.rule(width: width, height: 0.281 * em, depth: -0.241 * em)
        let tick = Box.rule(width: t, height: 0.428 * em, depth: -0.094 * em)
        var image = Box.overlay([(bar, 0, 0), (tick, 0, 0), (tick, width - t, 0)], width: width)
        image.height = 0.522 * em; image.depth = 0   // the shape is symmetric: the same image serves below
        let x = (width - inner.width) / 2
        if over {
            return Box.vlist([(image, 0), (inner, x)], height: image.height + inner.height).withWidth(width)
        }
        return Box.vlist([(inner, x), (image, 0)], height: inner.height).withWidth(width)
    }

    /// \Overrightarrow as amsmath builds \overrightarrow (\overarrow@: \vbox{\ialign{#1#2\crcr
    /// \noalign{\nointerlineskip}$\hfil#2#3\hfil$}}) with \Rightarrowfill@, the fill of \xRightarrow: the
    /// arrow as wide as the body (at least its natural fill), the body centred directly beneath it.
    static func layoutOverArrow(_ arrow: String, _ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let width = max(inner.width, naturalArrowFill(arrow, ctx))
        let fill = arrowGlyph(arrow, width: width, ctx)
        let row = Box.overlay([(fill.withWidth(0), (width - fill.width) / 2, 0)], width: width)
        var arrowRow = row
        arrowRow.height = fill.height; arrowRow.depth = fill.depth
        return Box.vlist([(arrowRow, 0), (inner, (width - inner.width) / 2)],
                         height: fill.height + fill.depth + inner.height).withWidth(width)
    }

    /// LaTeX's \textcircled (omsenc.def/ts1enc.def: \ooalign{\hfil\raise.07ex\hbox{\upshape#1}\hfil\crcr
    /// \char13}): the text raised 0.07ex and centred on cmsy's \bigcirc, all rows on one baseline. The box
    /// is TeX's (measured in LuaLaTeX): \oalign's \vtop is as high as its first row, the raised text; its
    /// depth is the circle's (cmsy10.tfm: 1 em wide, 0.194445 em deep) unless the text goes deeper; the
    /// width is the wider of the circle and the text. The circle's ink is the math font's U+25EF LARGE
    /// CIRCLE (in Latin Modern Math, cmsy's \bigcirc; unicode-math's \bigcirc, U+25CB, is smaller),
    /// centred in the circle's em; it is stroked here, at the font's fraction rule thickness, as a
    /// 96-sided polygon, because some fonts (DejaVu Math TeX Gyre) fill that glyph.
    static func layoutCircled(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let glyph = ctx.glyphBox("◯")
        let t = ctx.c(.fractionRuleThickness) > 0 ? ctx.c(.fractionRuleThickness) : 0.04 * ctx.em
        let width = max(ctx.em, inner.width)
        let radius = (glyph.height + glyph.depth - t) / 2, cy = (glyph.height - glyph.depth) / 2
        let raise = 0.07 * ctx.ex
        var items: [(box: Box, x: Double, shift: Double)] = circleStrokes(radius: radius, centreY: cy, thickness: t)
            .map { ($0, width / 2, 0) }
        items.insert((inner, (width - inner.width) / 2, -raise), at: 0)
        var box = Box.overlay(items, width: width)
        box.height = inner.height + raise
        box.depth = max(0.194445 * ctx.em, inner.depth - raise)
        return box
    }

    /// A circle round (0, centreY) as straight strokes, each lengthened by the bevel its joint would miss.
    static func circleStrokes(radius: Double, centreY: Double, thickness: Double, sides: Int = 96) -> [Box] {
        let step = 2 * Double.pi / Double(sides)
        let overlap = thickness / 2 * tan(step / 2)
        return (0..<sides).map { k in
            let a0 = Double(k) * step, a1 = a0 + step
            var x0 = radius * cos(a0), y0 = radius * sin(a0), x1 = radius * cos(a1), y1 = radius * sin(a1)
            let length = hypot(x1 - x0, y1 - y0), ux = (x1 - x0) / length, uy = (y1 - y0) / length
            x0 -= ux * overlap; y0 -= uy * overlap; x1 += ux * overlap; y1 += uy * overlap
            return Box(width: 0, height: 0, depth: 0, content: .line(x0: x0, y0: centreY + y0, x1: x1, y1: centreY + y1, thickness: thickness))
        }
    }
}
