/// Boxes around a body: cancel strokes, strike-out, laps, \vcenter, \raisebox.
extension MathLayout {
    /// cancel.sty's \@cancel and \@can@slash, at TeX's sizes (its constants are points): the stroke
    /// is a picture \line of \thinlines (0.4pt) whose slope is one of \line's, picked from the body's
    /// aspect. A wide body (height+depth under its width) gets a stroke `width + 2pt` long horizontally;
    /// a tall one a stroke spanning `height + depth + 2pt` (at least 8pt + 2pt). The stroke is centred on
    /// the body; the result keeps the body's width and depth and takes the stroke's top as its height
    /// (\ooalign's \vtop has the height of its first row, the stroke).
    static func layoutCancel(_ body: MathList, _ stroke: CancelStroke, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let (dx, dy) = cancelExtent(width: inner.width, total: inner.height + inner.depth)
        let centre = (inner.height - inner.depth) / 2, mid = inner.width / 2
        var items: [(box: Box, x: Double, shift: Double)] = []
        let slopes: [Double] = stroke == .rising ? [1] : (stroke == .falling ? [-1] : [1, -1])
        for s in slopes {
            let line = Box(width: 0, height: 0, depth: 0,
                           content: .line(x0: -dx / 2, y0: centre - s * dy / 2, x1: dx / 2, y1: centre + s * dy / 2,
                                          thickness: cancelThinlines))
            items.append((line, mid, 0))
        }
        items.insert((inner, 0, 0), at: 0)
        var box = Box.overlay(items.sorted { $0.x < $1.x }, width: inner.width)
        box.height = centre + dy / 2
        box.depth = inner.depth
        return box
    }

    /// LaTeX's \thinlines: 0.4pt.
    static let cancelThinlines = 0.4

    /// The horizontal and vertical extent of cancel.sty's stroke for a body of `width` and `total`
    /// (height + depth), in points: \@can@slash's two cases and \line's slopes.
    static func cancelExtent(width: Double, total: Double) -> (Double, Double) {
        var w = max(width, 2), t = max(total, 6)
        if t < w {
            // wide: 5·t/w (truncated, as TeX's \divide) picks the slope 1/6, 1/4, 1/2, 3/4 or 1
            w = max(w, 8)
            let k = Int((5 * t / w).rounded(.down))
            let slopes: [Double] = [1.0 / 6, 1.0 / 4, 1.0 / 2, 3.0 / 4]
            let slope = k < slopes.count ? slopes[k] : 1
            w += 2
            return (w, w * slope)
        }
        // tall: the stroke spans the height; 5·w/t picks the slope 6, 4, 2, 4/3 or 1
        t = max(t, 8) + 2
        let k = Int((5 * w / t).rounded(.down))
        let factors: [Double] = [0.16, 0.25, 0.5, 0.75], slopes: [Double] = [6, 4, 2, 4.0 / 3]
        let horizontal = (k < factors.count ? factors[k] : 1) * t
        let slope = k < slopes.count ? slopes[k] : 1
        return (horizontal, horizontal * slope)
    }

    /// ulem.sty's \sout: a rule of \ULthickness (0.4pt) at .55ex above the baseline (\ULdepth=-.55ex),
    /// across the body.
    static func layoutStrikeout(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let thickness = 0.4, y = 0.55 * ctx.ex
        let rule = Box.rule(width: inner.width, height: y + thickness / 2, depth: -(y - thickness / 2))
        var box = Box.overlay([(rule, 0, 0), (inner, 0, 0)], width: inner.width)
        box.height = max(inner.height, y + thickness / 2); box.depth = inner.depth
        return box
    }

    /// plain.tex's \llap (\hbox to\z@{\hss#1}), \rlap (\hbox to\z@{#1\hss}) and LaTeX's \clap
    /// (\hbox to\z@{\hss#1\hss}): the body sticks out left, right or both sides of a zero-width box.
    static func layoutLap(_ body: MathList, _ side: LapSide, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let x: Double
        switch side {
        case .left: x = -inner.width
        case .right: x = 0
        case .center: x = -inner.width / 2
        }
        return .hlist([(.kern(x), 0), (inner, 0), (.kern(-x - inner.width), 0)])
    }

    /// \vcenter (TeXbook p. 290): the box shifted so that the middle of its height plus depth lies on
    /// the axis.
    static func layoutVcenter(_ body: MathList, _ ctx: LayoutContext) -> Box {
        let inner = layoutList(body, ctx)
        let total = inner.height + inner.depth
        // Shifted down by this (negative: up); the hlist's height is then total/2 + axis.
        return .hlist([(inner, inner.height - total / 2 - ctx.axis)])
    }

    /// LaTeX's \raisebox: the body raised; the optional lengths set the height and depth it declares.
    static func layoutRaised(_ body: MathList, by raise: MathLength, height: MathLength?, depth: MathLength?,
                             _ ctx: LayoutContext) -> Box {
        let r = ctx.points(raise)
        var box = Box.hlist([(layoutList(body, ctx), -r)])
        if let height { box.height = ctx.points(height) }
        if let depth { box.depth = ctx.points(depth) }
        return box
    }
}
