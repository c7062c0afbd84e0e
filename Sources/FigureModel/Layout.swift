import Foundation

/// Maps data values on one axis to page coordinates.
struct AxisMap {
    var lo: Double, hi: Double, scale: Scale, p0: Double, p1: Double
    func callAsFunction(_ v: Double) -> Double {
        let t: Double
        switch scale {
        case .linear: t = (v - lo) / (hi - lo)
        case .log: t = (log10(v) - log10(lo)) / (log10(hi) - log10(lo))
        }
        return p0 + t * (p1 - p0)
    }
    /// Page units per data unit (linear scales).
    var slope: Double { (p1 - p0) / (hi - lo) }
}

/// Ticks chosen for an axis, with labels.
struct ResolvedTicks {
    var major: [(Double, String)] = []
    var minor: [Double] = []
}

struct PanelPlan {
    var panel: Panel
    var xLo = 0.0, xHi = 1.0, yLo = 0.0, yHi = 1.0
    var showXTickLabels = true, showYTickLabels = true, showXLabel = true, showYLabel = true
    var xTicks = ResolvedTicks(), yTicks = ResolvedTicks()
    var cbTicks = ResolvedTicks()
    var margins = (left: 0.0, right: 0.0, top: 0.0, bottom: 0.0)
    var legendOutsideWidth = 0.0
}

/// Lays out a figure: a pure function of the figure and the text measurer. Every label is measured
/// before it is placed; tick counts drop until neighbouring labels keep a gap, and the plot areas
/// shrink until every label fits on the canvas.
public func layoutFigure(_ figure: Figure, measurer: TextMeasurer) throws -> Scene {
    guard !figure.panels.isEmpty else { throw FigureError("a figure needs at least one panel") }
    guard figure.columns >= 1 else { throw FigureError("columns must be at least 1 (got \(figure.columns))") }
    let m = Metrics(figure)
    let theme = figure.theme
    let W = figure.size.widthPoints, H = figure.size.heightPoints
    let cols = min(figure.columns, figure.panels.count)
    let rows = (figure.panels.count + cols - 1) / cols
    let outer = m.pad * 1.2

    var plans = try figure.panels.map { try initialPlan($0) }
    // Shared axes: union of limits over the column (x) / row (y); inner tick labels hidden.
    for (k, _) in plans.enumerated() {
        let r = k / cols, c = k % cols
        if figure.sharedX {
            let peers = plans.indices.filter { $0 % cols == c }
            plans[k].xLo = peers.map { plans[$0].xLo }.min() ?? plans[k].xLo
            plans[k].xHi = peers.map { plans[$0].xHi }.max() ?? plans[k].xHi
            let lowest = peers.max() ?? k
            if k != lowest { plans[k].showXTickLabels = false; plans[k].showXLabel = false }
        }
        if figure.sharedY {
            let peers = plans.indices.filter { $0 / cols == r }
            plans[k].yLo = peers.map { plans[$0].yLo }.min() ?? plans[k].yLo
            plans[k].yHi = peers.map { plans[$0].yHi }.max() ?? plans[k].yHi
            if c != 0 { plans[k].showYTickLabels = false; plans[k].showYLabel = false }
        }
    }

    var headingHeight = 0.0
    if let h = figure.heading {
        headingHeight = measurer.measure(h, fontSize: m.heading, bold: false).height + m.pad
    }

    // Two passes: first with a guessed plot size, then with the size the first pass produced.
    var plotW = (W - 2 * outer) / Double(cols) * 0.75
    var plotH = (H - 2 * outer - headingHeight) / Double(rows) * 0.7
    var rects: [Rect] = []
    for _ in 0..<2 {
        for k in plans.indices {
            plans[k] = chooseTicks(plans[k], plotW: plotW, plotH: plotH, m: m, measurer: measurer)
            plans[k].margins = margins(plans[k], m: m, measurer: measurer)
        }
        var colLeft = [Double](repeating: 0, count: cols), colRight = colLeft
        var rowTop = [Double](repeating: 0, count: rows), rowBottom = rowTop
        for (k, p) in plans.enumerated() {
            let r = k / cols, c = k % cols
            colLeft[c] = max(colLeft[c], p.margins.left); colRight[c] = max(colRight[c], p.margins.right)
            rowTop[r] = max(rowTop[r], p.margins.top); rowBottom[r] = max(rowBottom[r], p.margins.bottom)
        }
        let gapX = 2.5 * m.pad, gapY = 2.0 * m.pad
        plotW = (W - 2 * outer - colLeft.reduce(0, +) - colRight.reduce(0, +) - Double(cols - 1) * gapX) / Double(cols)
        plotH = (H - 2 * outer - headingHeight - rowTop.reduce(0, +) - rowBottom.reduce(0, +) - Double(rows - 1) * gapY)
            / Double(rows)
        guard plotW > 10, plotH > 10 else {
            throw FigureError("the labels leave no room for the plot at size \(figure.size); use a larger size or fewer panels")
        }
        rects = plans.indices.map { k in
            let r = k / cols, c = k % cols
            var x = outer
            for cc in 0..<c { x += colLeft[cc] + plotW + colRight[cc] + gapX }
            var y = outer + headingHeight
            for rr in 0..<r { y += rowTop[rr] + plotH + rowBottom[rr] + gapY }
            return Rect(x: x + colLeft[c], y: y + rowTop[r], width: plotW, height: plotH)
        }
    }

    var items: [SceneItem] = []
    if let h = figure.heading {
        items.append(.text(TextItem(text: h, position: ScenePoint(W / 2, outer), horizontal: .center, vertical: .top,
                                    fontSize: m.heading, color: .foreground)))
    }
    for (k, plan) in plans.enumerated() {
        var p = plan
        // Equal aspect: widen the data range on one axis so one unit is the same length on both.
        if p.panel.equalAspect || p.panel.frame == .none {
            let rect = rects[k]
            let base = (p.xLo, p.xHi, p.yLo, p.yHi)
            equalizeAspect(&p, rect)
            if p.panel.frame == .none {
                // Diagrams place their labels in data units; widen the limits until every label's
                // measured box is inside too (the scale shrinks as they widen, so iterate).
                for _ in 0..<4 {
                    let s = rect.width / (p.xHi - p.xLo)
                    var xs = Extent(), ys = Extent()
                    xs.add(base.0); xs.add(base.1); ys.add(base.2); ys.add(base.3)
                    for box in diagramTextBoxes(p.panel, scale: s, m: m, measurer: measurer) {
                        xs.add(box.x); xs.add(box.maxX); ys.add(box.y); ys.add(box.maxY)
                    }
                    let margin = 0.5 * m.pad / s
                    let grown = (min(base.0, xs.lo - margin), max(base.1, xs.hi + margin),
                                 min(base.2, ys.lo - margin), max(base.3, ys.hi + margin))
                    if grown.0 >= p.xLo - 1e-9 && grown.1 <= p.xHi + 1e-9 && grown.2 >= p.yLo - 1e-9 && grown.3 <= p.yHi + 1e-9 { break }
                    (p.xLo, p.xHi, p.yLo, p.yHi) = grown
                    equalizeAspect(&p, rect)
                }
            }
            if p.panel.frame != .none {
                p = chooseTicks(p, plotW: rect.width, plotH: rect.height, m: m, measurer: measurer)
            }
        }
        if p.panel.legendHeadroom {
            raiseForLegend(&p, plotHeight: rects[k].height, m: m, theme: theme, measurer: measurer)
            p = chooseTicks(p, plotW: rects[k].width, plotH: rects[k].height, m: m, measurer: measurer)
        }
        var drawer = PanelDrawer(plan: p, rect: rects[k], m: m, theme: theme, measurer: measurer, canvasWidth: W)
        try drawer.draw()
        items += drawer.items
    }
    return Scene(width: W, height: H, background: .background, items: items,
                 title: figure.title, description: figure.description, textFont: theme.textFont, mathFont: theme.mathFont)
}

// MARK: - limits

/// Widens one axis's data range so a data unit is as long on both axes.
private func equalizeAspect(_ p: inout PanelPlan, _ rect: Rect) {
    let sx = rect.width / (p.xHi - p.xLo), sy = rect.height / (p.yHi - p.yLo)
    if sx > sy {
        let half = rect.width / sy / 2, c = (p.xLo + p.xHi) / 2
        p.xLo = c - half; p.xHi = c + half
    } else {
        let half = rect.height / sx / 2, c = (p.yLo + p.yHi) / 2
        p.yLo = c - half; p.yHi = c + half
    }
}

/// Boxes, in data units (y up, as `Rect` with y = bottom), of a diagram's data-anchored texts at
/// `scale` points per data unit.
private func diagramTextBoxes(_ panel: Panel, scale s: Double, m: Metrics, measurer: TextMeasurer) -> [Rect] {
    var out: [Rect] = []
    func add(_ text: String, _ at: Point, _ h: HorizontalAnchor, _ v: VerticalAnchor, _ size: Double, _ rotation: Double, pad: Double) {
        let item = TextItem(text: text, position: ScenePoint(0, 0), horizontal: h, vertical: v, fontSize: size,
                            color: .foreground, rotation: rotation)
        let r = textBounds(item, measurer: measurer).insetBy(-pad)
        out.append(Rect(x: at.x + r.x / s, y: at.y - r.maxY / s, width: r.width / s, height: r.height / s))
    }
    for mark in panel.marks {
        switch mark {
        case .text(let t) where t.coordinates == .data:
            add(t.text, t.at, t.horizontal, t.vertical, m.annotation * t.scale, t.rotation, pad: t.boxed ? 0.45 * m.annotation * t.scale : 0)
        case .annotation(let a):
            add(a.text, a.textAt, .center, .middle, m.annotation, 0, pad: 0)
        default: break
        }
    }
    return out
}

private func initialPlan(_ panel: Panel) throws -> PanelPlan {
    var plan = PanelPlan(panel: panel)
    var xs = Extent(), ys = Extent()
    var continuousX = true, hasRaster = false, hasBars = false
    let xlog = panel.x.scale == .log, ylog = panel.y.scale == .log
    for mark in panel.marks {
        switch mark {
        case .line(let l):
            guard l.x.count == l.y.count else {
                throw FigureError("line '\(l.label ?? "")' has \(l.x.count) x values and \(l.y.count) y values; they must match")
            }
            for (x, y) in zip(l.x, l.y) where y.isFinite && x.isFinite && (!ylog || y > 0) && (!xlog || x > 0) {
                xs.add(x); ys.add(y)
            }
        case .area(let a):
            guard a.x.count == a.upper.count, a.lower.map({ $0.count == a.x.count }) ?? true else {
                throw FigureError("area '\(a.label ?? "")': x, upper and lower must have the same length")
            }
            for (i, x) in a.x.enumerated() {
                xs.add(x); ys.add(a.upper[i]); ys.add(a.lower?[i] ?? 0)
            }
        case .scatter(let s):
            continuousX = false
            for p in s.points { xs.add(p.x); ys.add(p.y) }
        case .bars(let b):
            hasBars = true; continuousX = false
            guard b.series.allSatisfy({ $0.values.count == b.categories.count }) else {
                throw FigureError("every bar series needs one value per category (\(b.categories.count))")
            }
            xs.add(-0.5); xs.add(Double(b.categories.count) - 0.5)
            ys.add(0)
            for i in b.categories.indices {
                if b.mode == .stacked {
                    ys.add(b.series.reduce(0) { $0 + max($1.values[i], 0) })
                    ys.add(b.series.reduce(0) { $0 + min($1.values[i], 0) })
                } else {
                    for s in b.series { ys.add(s.values[i]) }
                }
            }
        case .text(let t):
            if t.coordinates == .data { xs.add(t.at.x); ys.add(t.at.y) }
        case .annotation(let a):
            xs.add(a.point.x); ys.add(a.point.y); xs.add(a.textAt.x); ys.add(a.textAt.y)
            for p in a.alsoPoints { xs.add(p.x); ys.add(p.y) }
        case .arrow(let a):
            xs.add(a.from.x); xs.add(a.to.x); ys.add(a.from.y); ys.add(a.to.y)
        case .shape(let s):
            continuousX = false
            switch s.geometry {
            case .circle(let c, let r):
                xs.add(c.x - r); xs.add(c.x + r); ys.add(c.y - r); ys.add(c.y + r)
            case .ellipse(let c, let rx, let ry, _):
                let r = max(rx, ry)
                xs.add(c.x - r); xs.add(c.x + r); ys.add(c.y - r); ys.add(c.y + r)
            case .polygon(let pts), .polyline(let pts):
                for p in pts { xs.add(p.x); ys.add(p.y) }
            case .rectangle(let a, let b):
                xs.add(a.x); xs.add(b.x); ys.add(a.y); ys.add(b.y)
            }
        case .reference(let r):
            if r.orientation == .horizontal { ys.add(r.value) } else { xs.add(r.value) }
        case .heatmap(let h):
            hasRaster = true
            let e = cellEdges(h.grid)
            xs.add(e.x0); xs.add(e.x1); ys.add(e.y0); ys.add(e.y1)
        case .contour(let c):
            hasRaster = true
            xs.add(c.grid.xs[0]); xs.add(c.grid.xs[c.grid.xs.count - 1])
            ys.add(c.grid.ys[0]); ys.add(c.grid.ys[c.grid.ys.count - 1])
        }
    }
    if xs.isEmpty { xs.add(0); xs.add(1) }
    if ys.isEmpty { ys.add(0); ys.add(1) }
    let defaultXPad = hasRaster ? 0 : (continuousX ? 0 : 0.05)
    let defaultYPad = hasRaster ? 0 : 0.05
    (plan.xLo, plan.xHi) = try resolveLimits(panel.x, xs, defaultPad: defaultXPad, axis: "x", keepZero: false)
    (plan.yLo, plan.yHi) = try resolveLimits(panel.y, ys, defaultPad: defaultYPad, axis: "y", keepZero: hasBars)
    if panel.frame == .none {
        plan.showXLabel = false; plan.showYLabel = false
        plan.showXTickLabels = false; plan.showYTickLabels = false
    }
    return plan
}

struct Extent {
    var lo = Double.infinity, hi = -Double.infinity
    var isEmpty: Bool { lo > hi }
    mutating func add(_ v: Double) { if v.isFinite { lo = min(lo, v); hi = max(hi, v) } }
}

func cellEdges(_ g: Grid2D) -> (x0: Double, x1: Double, y0: Double, y1: Double) {
    let nx = g.xs.count, ny = g.ys.count
    let dx = (g.xs[nx - 1] - g.xs[0]) / Double(nx - 1), dy = (g.ys[ny - 1] - g.ys[0]) / Double(ny - 1)
    return (g.xs[0] - dx / 2, g.xs[nx - 1] + dx / 2, g.ys[0] - dy / 2, g.ys[ny - 1] + dy / 2)
}

private func resolveLimits(_ axis: Axis, _ e: Extent, defaultPad: Double, axis name: String, keepZero: Bool) throws
    -> (Double, Double) {
    switch axis.limits {
    case .fixed(let a, let b):
        guard a.isFinite, b.isFinite, a < b else {
            throw FigureError("\(name) limits \(formatNumber(a))…\(formatNumber(b)) must be finite with low < high")
        }
        if axis.scale == .log && a <= 0 {
            throw FigureError("\(name) axis is logarithmic, so its limits must be positive (got \(formatNumber(a)))")
        }
        return (a, b)
    case .auto(let padding):
        let pad = padding ?? defaultPad
        var lo = e.lo, hi = e.hi
        if axis.scale == .log {
            lo = max(lo, Double.leastNormalMagnitude); hi = max(hi, lo * 10)
            if lo <= 0 || hi <= 0 { throw FigureError("\(name) axis is logarithmic but the data have no positive values") }
            let a = log10(lo), b = log10(hi), d = max(b - a, 1e-9)
            return (pow(10, a - pad * d), pow(10, b + pad * d))
        }
        if hi - lo <= 1e-12 * max(abs(lo), 1) {
            let d = lo == 0 ? 0.5 : abs(lo) * 0.1
            lo -= d; hi += d
        }
        let d = hi - lo
        let newLo = (keepZero && lo == 0) ? 0 : lo - pad * d
        let newHi = (keepZero && hi == 0) ? 0 : hi + pad * d
        return (newLo, newHi)
    }
}

// MARK: - ticks

/// Target label count for Extended Wilkinson's density term: about one label per `spacing` points
/// plus `base` (x labels are wider than tall, so x uses a wider spacing and a larger base).
private func tickTarget(_ length: Double, spacing: Double, base: Int = 1) -> Int {
    max(2, min(12, Int((length / spacing).rounded()) + base))
}

private func resolveTicks(_ spec: TickSpec, scale: Scale, lo: Double, hi: Double, target: Int) -> ResolvedTicks {
    switch spec {
    case .none: return ResolvedTicks()
    case .values(let v):
        return ResolvedTicks(major: v.filter { $0 >= min(lo, hi) && $0 <= max(lo, hi) }.map { ($0, formatNumber($0)) })
    case .labeled(let v):
        return ResolvedTicks(major: v.filter { $0.0 >= min(lo, hi) && $0.0 <= max(lo, hi) })
    case .auto:
        if scale == .log {
            let t = ExtendedWilkinson.logTicks(lo, hi, target: target)
            return ResolvedTicks(major: t.major.map { v in
                let e = log10(v)
                if abs(e - e.rounded()) < 1e-9 { return (v, "10" + superscript(Int(e.rounded()))) }
                return (v, formatNumber(v))
            }, minor: t.minor)
        }
        let t = ExtendedWilkinson.ticks(lo, hi, target: target)
        return ResolvedTicks(major: Array(zip(t.values, t.labels)))
    }
}

private func categoryTicks(_ panel: Panel) -> TickSpec? {
    for mark in panel.marks {
        if case .bars(let b) = mark { return .labeled(b.categories.enumerated().map { (Double($0.offset), $0.element) }) }
    }
    return nil
}

/// Picks tick sets for both axes (and the colorbar): Extended Wilkinson with a target density from
/// the axis length, then fewer ticks while measured labels would touch.
private func chooseTicks(_ plan: PanelPlan, plotW: Double, plotH: Double, m: Metrics, measurer: TextMeasurer) -> PanelPlan {
    var p = plan
    let gap = 0.6 * m.tick
    let xSpec = (p.panel.x.ticks == .auto ? categoryTicks(p.panel) : nil) ?? p.panel.x.ticks
    // Log axes label every decade unless the labels would collide.
    var target = p.panel.x.scale == .log ? 12 : tickTarget(plotW, spacing: 7.5 * m.tick, base: 2)
    while true {
        let t = resolveTicks(xSpec, scale: p.panel.x.scale, lo: p.xLo, hi: p.xHi, target: target)
        let map = AxisMap(lo: p.xLo, hi: p.xHi, scale: p.panel.x.scale, p0: 0, p1: plotW * 0.95)
        let widths = t.major.map { measurer.measure($0.1, fontSize: m.tick, bold: false).width }
        var ok = true
        for i in 1..<max(t.major.count, 1) where i < t.major.count {
            if map(t.major[i].0) - map(t.major[i - 1].0) < (widths[i] + widths[i - 1]) / 2 + gap { ok = false; break }
        }
        if ok || target <= 2 || xSpec != .auto { p.xTicks = t; break }
        target -= 1
    }
    target = p.panel.y.scale == .log ? 12 : tickTarget(plotH, spacing: 4.2 * m.tick)
    while true {
        let t = resolveTicks(p.panel.y.ticks, scale: p.panel.y.scale, lo: p.yLo, hi: p.yHi, target: target)
        let map = AxisMap(lo: p.yLo, hi: p.yHi, scale: p.panel.y.scale, p0: 0, p1: plotH * 0.95)
        let heights = t.major.map { measurer.measure($0.1, fontSize: m.tick, bold: false).height }
        var ok = true
        for i in 1..<max(t.major.count, 1) where i < t.major.count {
            if abs(map(t.major[i].0) - map(t.major[i - 1].0)) < (heights[i] + heights[i - 1]) / 2 + 0.3 * gap { ok = false; break }
        }
        if ok || target <= 2 || p.panel.y.ticks != .auto { p.yTicks = t; break }
        target -= 1
    }
    if p.panel.colorbar != nil, let r = colorRange(p.panel) {
        target = tickTarget(plotH, spacing: 4.2 * m.tick)
        p.cbTicks = resolveTicks(.auto, scale: .linear, lo: r.lowerBound, hi: r.upperBound, target: target)
    }
    return p
}

/// The value range the panel's colorbar shows: the first heatmap's, else the first colour-mapped contour's.
func colorRange(_ panel: Panel) -> ClosedRange<Double>? {
    for mark in panel.marks { if case .heatmap(let h) = mark { return h.range ?? h.grid.finiteRange } }
    for mark in panel.marks { if case .contour(let c) = mark { return c.grid.finiteRange } }
    return nil
}

func colorMapOf(_ panel: Panel) -> ColorMap {
    for mark in panel.marks {
        if case .heatmap(let h) = mark { return h.colorMap }
        if case .contour(let c) = mark, case .colorMap(let cm) = c.coloring { return cm }
    }
    return .viridis
}

// MARK: - margins

private func margins(_ p: PanelPlan, m: Metrics, measurer: TextMeasurer) -> (left: Double, right: Double, top: Double, bottom: Double) {
    var left = m.pad * 0.5, right = m.pad * 0.5, top = m.pad * 0.5, bottom = m.pad * 0.5
    let hasFrame = p.panel.frame != .none
    let lineH = measurer.measure("0", fontSize: m.tick, bold: false).height
    if hasFrame && p.showYTickLabels && !p.yTicks.major.isEmpty {
        let w = p.yTicks.major.map { measurer.measure($0.1, fontSize: m.tick, bold: false).width }.max() ?? 0
        left = m.tickLength + 0.6 * m.pad + w
        top = max(top, lineH / 2)
        bottom = max(bottom, lineH / 2)
    } else if hasFrame { left = m.tickLength }
    if p.showYLabel, let l = p.panel.y.label {
        left += 0.8 * m.pad + measurer.measure(l, fontSize: m.label, bold: false).height
    }
    if hasFrame && p.showXTickLabels && !p.xTicks.major.isEmpty {
        bottom = m.tickLength + 0.6 * m.pad + (p.xTicks.major.map { measurer.measure($0.1, fontSize: m.tick, bold: false).height }.max() ?? 0)
        // The first and last labels are centred on the plot's edges and overhang by half their width.
        if let f = p.xTicks.major.first, let l = p.xTicks.major.last {
            let wf = measurer.measure(f.1, fontSize: m.tick, bold: false).width / 2
            let wl = measurer.measure(l.1, fontSize: m.tick, bold: false).width / 2
            let map = AxisMap(lo: p.xLo, hi: p.xHi, scale: p.panel.x.scale, p0: 0, p1: 1)
            if map(f.0) < 0.02 { left = max(left, wf) }
            if map(l.0) > 0.98 { right = max(right, wl) }
        }
    } else if hasFrame { bottom = m.tickLength }
    if p.showXLabel, let l = p.panel.x.label {
        bottom += 0.6 * m.pad + measurer.measure(l, fontSize: m.label, bold: false).height
    }
    if let t = p.panel.title {
        top = max(top, measurer.measure(t, fontSize: m.title, bold: false).height + 0.8 * m.pad)
    }
    if let cb = p.panel.colorbar, colorRange(p.panel) != nil {
        let w = p.cbTicks.major.map { measurer.measure($0.1, fontSize: m.tick, bold: false).width }.max() ?? 0
        var extra = colorbarGap(m) + colorbarWidth(m) + m.tickLength + 0.6 * m.pad + w
        if let l = cb.label { extra += 0.8 * m.pad + measurer.measure(l, fontSize: m.label, bold: false).height }
        right = max(right, extra)
    }
    if p.panel.legend == .outsideRight {
        let box = legendBoxSize(legendEntries(p.panel, theme: .light, m: m), title: p.panel.legendTitle, m: m, measurer: measurer)
        right += box.width + m.pad
    }
    return (left, right, top, bottom)
}

func colorbarGap(_ m: Metrics) -> Double { 1.8 * m.pad }
func colorbarWidth(_ m: Metrics) -> Double { 1.1 * m.base }
