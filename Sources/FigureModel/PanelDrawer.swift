import Foundation

/// Turns one planned panel into scene items, collecting what the legend must avoid on the way.
struct PanelDrawer {
    let plan: PanelPlan
    let rect: Rect
    let m: Metrics
    let theme: Theme
    let measurer: TextMeasurer
    let X: AxisMap
    let Y: AxisMap
    var items: [SceneItem] = []
    /// Page points along drawn data (weight 1 each, spaced ~2 pt) and boxes (weighted by area).
    var obstaclePoints: [ScenePoint] = []
    var obstacleBoxes: [Rect] = []
    /// Text boxes of the annotations drawn so far: a later one moves off them (see `clearOfLabels`).
    var annotationBoxes: [Rect] = []
    /// Their leaders, label centre to target.
    var annotationLeaders: [(ScenePoint, ScenePoint)] = []
    var filledPolygons: [[ScenePoint]] = []
    var seriesIndex = 0
    /// Tolerance for polyline simplification: well under a pixel at 600 dpi.
    let tolerance = 0.1
    /// Text centred on a panel near the figure's edge may be wider than the panel; it is kept on the canvas.
    let canvasWidth: Double

    init(plan: PanelPlan, rect: Rect, m: Metrics, theme: Theme, measurer: TextMeasurer, canvasWidth: Double) {
        self.plan = plan; self.rect = rect; self.m = m; self.theme = theme; self.measurer = measurer
        self.canvasWidth = canvasWidth
        X = AxisMap(lo: plan.xLo, hi: plan.xHi, scale: plan.panel.x.scale, p0: rect.x, p1: rect.maxX)
        Y = AxisMap(lo: plan.yLo, hi: plan.yHi, scale: plan.panel.y.scale, p0: rect.maxY, p1: rect.y)
    }

    var clip: Rect? { plan.panel.frame == .none ? nil : rect }
    func page(_ p: Point) -> ScenePoint { ScenePoint(X(p.x), Y(p.y)) }

    mutating func draw() throws {
        let panel = plan.panel
        if panel.frame != .none && (panel.grid ?? theme.showGrid) { drawGrid() }
        for mark in panel.marks {
            switch mark {
            case .line(let l): drawLine(l)
            case .area(let a): drawArea(a)
            case .scatter(let s): drawScatter(s)
            case .bars(let b): drawBars(b)
            case .shape(let s): drawShape(s)
            case .reference(let r): drawReference(r)
            case .heatmap(let h): drawHeatmap(h)
            case .contour(let c): drawContour(c)
            case .arrow(let a): drawArrow(a)
            case .text, .annotation: break
            }
        }
        if panel.frame != .none { drawFrame() }
        items += deferredTexts.map { .text($0) }
        for mark in panel.marks {
            switch mark {
            case .text(let t): drawText(t)
            case .annotation(let a): drawAnnotation(a)
            default: break
            }
        }
        drawColorbar()
        drawLegend()
        drawAxisText()
    }

    // MARK: frame

    mutating func drawGrid() {
        var els: [PathElement] = []
        // Category axes (bars) get no vertical grid: the bars are their own guide.
        let categorical = plan.panel.marks.contains { if case .bars = $0 { return true } else { return false } }
        for (v, _) in plan.xTicks.major where !categorical {
            let x = X(v)
            els += [.move(ScenePoint(x, rect.y)), .line(ScenePoint(x, rect.maxY))]
        }
        for (v, _) in plan.yTicks.major {
            let y = Y(v)
            els += [.move(ScenePoint(rect.x, y)), .line(ScenePoint(rect.maxX, y))]
        }
        if !els.isEmpty {
            items.append(.path(PathItem(els, stroke: StrokeStyle(color: .grid, width: 0.75 * m.spine))))
        }
    }

    /// The break of a y axis that does not start at zero: a gap in the background colour across
    /// the plot area just above the bottom spine (cutting the bars), edged on the spine by two
    /// parallel slanted strokes, the usual broken-axis mark (Cleveland, "The Elements of Graphing
    /// Data", 1985, on scale breaks: a break must be impossible to miss).
    mutating func drawYBreak() {
        let gap = 0.9 * m.pad, mid = rect.maxY - 2.2 * m.pad
        guard mid - gap > rect.y else { return }
        let band = Rect(x: rect.x - m.tickLength, y: mid - gap / 2, width: rect.width + m.tickLength, height: gap)
        items.append(.path(PathItem(DrawerPaths.rect(band), fill: .background)))
        let dx = 1.1 * m.tickLength, dy = 0.45 * m.tickLength
        var slashes: [PathElement] = []
        for y in [band.y, band.maxY] {
            slashes += [.move(ScenePoint(rect.x - dx, y + dy)), .line(ScenePoint(rect.x + dx, y - dy))]
        }
        items.append(.path(PathItem(slashes, stroke: StrokeStyle(color: .foreground, width: m.spine))))
    }

    mutating func drawFrame() {
        let box = plan.panel.frame == .box
        var spine: [PathElement] = [.move(ScenePoint(rect.x, rect.y)), .line(ScenePoint(rect.x, rect.maxY)),
                                    .line(ScenePoint(rect.maxX, rect.maxY))]
        if box { spine += [.line(ScenePoint(rect.maxX, rect.y)), .close] }
        items.append(.path(PathItem(spine, stroke: StrokeStyle(color: .foreground, width: m.spine, cap: .square, join: .miter))))
        if plan.panel.y.broken { drawYBreak() }
        var ticks: [PathElement] = []
        let tl = m.tickLength
        for (v, _) in plan.xTicks.major {
            ticks += [.move(ScenePoint(X(v), rect.maxY)), .line(ScenePoint(X(v), rect.maxY + tl))]
        }
        for v in plan.xTicks.minor {
            ticks += [.move(ScenePoint(X(v), rect.maxY)), .line(ScenePoint(X(v), rect.maxY + 0.55 * tl))]
        }
        for (v, _) in plan.yTicks.major {
            ticks += [.move(ScenePoint(rect.x, Y(v))), .line(ScenePoint(rect.x - tl, Y(v)))]
        }
        for v in plan.yTicks.minor {
            ticks += [.move(ScenePoint(rect.x, Y(v))), .line(ScenePoint(rect.x - 0.55 * tl, Y(v)))]
        }
        if !ticks.isEmpty {
            items.append(.path(PathItem(ticks, stroke: StrokeStyle(color: .foreground, width: m.spine))))
        }
        if plan.showXTickLabels {
            for (v, s) in plan.xTicks.major {
                items.append(.text(TextItem(text: s, position: ScenePoint(X(v), rect.maxY + tl + 0.6 * m.pad),
                                            horizontal: .center, vertical: .top, fontSize: m.tick, color: .foreground)))
            }
        }
        if plan.showYTickLabels {
            for (v, s) in plan.yTicks.major {
                items.append(.text(TextItem(text: s, position: ScenePoint(rect.x - tl - 0.6 * m.pad, Y(v)),
                                            horizontal: .right, vertical: .middle, fontSize: m.tick, color: .foreground)))
            }
        }
    }

    mutating func drawAxisText() {
        let panel = plan.panel
        if let t = panel.title {
            let half = measurer.measure(t, fontSize: m.title, bold: false).width / 2
            let cx = max(min(rect.x + rect.width / 2, canvasWidth - half - 0.5 * m.pad), half + 0.5 * m.pad)
            items.append(.text(TextItem(text: t, position: ScenePoint(cx, rect.y - 0.8 * m.pad),
                                        horizontal: .center, vertical: .bottom, fontSize: m.title, color: .foreground)))
        }
        if plan.showXLabel, let l = panel.x.label {
            var y = rect.maxY + 0.6 * m.pad
            if plan.showXTickLabels && !plan.xTicks.major.isEmpty {
                y = rect.maxY + m.tickLength + 0.6 * m.pad
                    + (plan.xTicks.major.map { measurer.measure($0.1, fontSize: m.tick, bold: false).height }.max() ?? 0)
                    + 0.6 * m.pad
            }
            items.append(.text(TextItem(text: l, position: ScenePoint(rect.x + rect.width / 2, y), horizontal: .center,
                                        vertical: .top, fontSize: m.label, color: .foreground)))
        }
        if plan.showYLabel, let l = panel.y.label {
            var x = rect.x - m.tickLength - 0.8 * m.pad
            if plan.showYTickLabels && !plan.yTicks.major.isEmpty {
                x -= 0.6 * m.pad + (plan.yTicks.major.map { measurer.measure($0.1, fontSize: m.tick, bold: false).width }.max() ?? 0)
            }
            items.append(.text(TextItem(text: l, position: ScenePoint(x, rect.y + rect.height / 2), horizontal: .center,
                                        vertical: .bottom, fontSize: m.label, color: .foreground, rotation: 90)))
        }
    }

    // MARK: series styles

    mutating func nextSeries(_ color: Paint?, _ style: LineStyle?) -> (Paint, LineStyle, MarkerShape?) {
        // Only marks that take their colour from the theme advance the cycle (as in matplotlib),
        // so an explicitly grey target does not push the fits onto the third colour.
        let i = seriesIndex
        if color == nil { seriesIndex += 1 }
        let autoMarker = (color == nil && style == nil && autoSeriesCount(plan.panel) >= 2) ? theme.seriesMarker(i) : nil
        return (color ?? theme.seriesColor(i), style ?? (color == nil ? theme.seriesStyle(i) : .solid), autoMarker)
    }

    func stroke(_ color: Paint, _ width: Double, _ style: LineStyle) -> StrokeStyle {
        StrokeStyle(color: color, width: width, dash: style.dashPattern.map { $0 * width },
                    cap: style == .dotted || style == .dashDot ? .round : .butt, join: .round)
    }

    /// Splits at non-finite values (and non-positive ones on log axes), maps to the page, simplifies.
    func pagePolylines(_ xs: [Double], _ ys: [Double]) -> [[ScenePoint]] {
        var out: [[ScenePoint]] = []
        var cur: [ScenePoint] = []
        let xlog = plan.panel.x.scale == .log, ylog = plan.panel.y.scale == .log
        for (x, y) in zip(xs, ys) {
            if x.isFinite && y.isFinite && (!xlog || x > 0) && (!ylog || y > 0) {
                cur.append(ScenePoint(X(x), Y(y)))
            } else if !cur.isEmpty { out.append(cur); cur = [] }
        }
        if !cur.isEmpty { out.append(cur) }
        return out.map { simplifyPolyline($0, tolerance: tolerance) }
    }

    mutating func addObstacles(_ pts: [ScenePoint]) {
        guard let first = pts.first else { return }
        obstaclePoints.append(first)
        for (a, b) in zip(pts, pts.dropFirst()) {
            let n = Int(hypot(b.x - a.x, b.y - a.y) / 2)
            if n > 0 { for k in 1...n { let t = Double(k) / Double(n + 1); obstaclePoints.append(ScenePoint(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))) } }
            obstaclePoints.append(b)
        }
    }

    static func pathElements(_ pts: [ScenePoint], closed: Bool = false) -> [PathElement] {
        guard let f = pts.first else { return [] }
        var els: [PathElement] = [.move(f)]
        els.reserveCapacity(pts.count + 1)
        for p in pts.dropFirst() { els.append(.line(p)) }
        if closed { els.append(.close) }
        return els
    }

    // MARK: marks

    mutating func drawLine(_ l: Line) {
        let (color, style, autoMarker) = nextSeries(l.color, l.style)
        let width = l.width ?? m.line
        let lines = pagePolylines(l.x, l.y)
        var els: [PathElement] = []
        for pts in lines where pts.count >= 2 { els += Self.pathElements(pts); addObstacles(pts) }
        if !els.isEmpty { items.append(.path(PathItem(els, stroke: stroke(color, width, style), clip: clip))) }
        let marker = l.marker ?? autoMarker
        if let marker {
            // Explicit markers sit on the data points (thinned to about 24); automatic print-theme
            // markers are spread evenly along the curve so they tell series apart without clutter.
            var at: [ScenePoint] = []
            if l.marker != nil {
                let pts = zip(l.x, l.y).filter { $0.0.isFinite && $0.1.isFinite }.map { ScenePoint(X($0.0), Y($0.1)) }
                let stride = max(1, pts.count / 24)
                at = Swift.stride(from: 0, to: pts.count, by: stride).map { pts[$0] }
            } else {
                for pts in lines { at += pointsAlong(pts, count: 6, phase: Double(seriesIndex % 3) / 3) }
            }
            at = at.filter { rect.insetBy(-0.5).contains($0) }
            drawMarkers(at, shape: marker, size: m.marker, fill: color, edge: .background)
        }
    }

    func pointsAlong(_ pts: [ScenePoint], count: Int, phase: Double) -> [ScenePoint] {
        var cum = [0.0]
        for (a, b) in zip(pts, pts.dropFirst()) { cum.append(cum[cum.count - 1] + hypot(b.x - a.x, b.y - a.y)) }
        guard let total = cum.last, total > 0 else { return [] }
        return (0..<count).compactMap { k in pointAt(pts, cum, total * (Double(k) + 0.25 + 0.5 * phase) / Double(count)) }
    }

    func pointAt(_ pts: [ScenePoint], _ cum: [Double], _ s: Double) -> ScenePoint? {
        var i = 1
        while i < cum.count && cum[i] < s { i += 1 }
        guard i < cum.count else { return pts.last }
        let seg = cum[i] - cum[i - 1]
        let t = seg > 0 ? (s - cum[i - 1]) / seg : 0
        return ScenePoint(pts[i - 1].x + t * (pts[i].x - pts[i - 1].x), pts[i - 1].y + t * (pts[i].y - pts[i - 1].y))
    }

    mutating func drawArea(_ a: Area) {
        let (color, _, _) = nextSeries(a.color, .solid)
        let lower = a.lower ?? [Double](repeating: 0, count: a.x.count)
        var upperPts: [ScenePoint] = [], lowerPts: [ScenePoint] = []
        for i in a.x.indices where a.x[i].isFinite && a.upper[i].isFinite && lower[i].isFinite {
            upperPts.append(ScenePoint(X(a.x[i]), Y(a.upper[i])))
            lowerPts.append(ScenePoint(X(a.x[i]), Y(lower[i])))
        }
        let up = simplifyPolyline(upperPts, tolerance: tolerance)
        let lo = simplifyPolyline(lowerPts, tolerance: tolerance)
        let poly = up + lo.reversed()
        if poly.count >= 3 {
            items.append(.path(PathItem(Self.pathElements(poly, closed: true),
                                        fill: a.opacity.map { color.opacity($0) } ?? .fillOpacity(color), clip: clip)))
            filledPolygons.append(poly)
        }
        if a.outline && up.count >= 2 {
            items.append(.path(PathItem(Self.pathElements(up), stroke: stroke(color, m.line * 0.75, .solid), clip: clip)))
            addObstacles(up)
        }
    }

    mutating func drawScatter(_ s: Scatter) {
        let (color, _, _) = nextSeries(s.color, .solid)
        let pts = s.points.filter { $0.x.isFinite && $0.y.isFinite }.map(page)
            .filter { $0.x.isFinite && $0.y.isFinite && rect.insetBy(-0.5).contains($0) }
        drawMarkers(pts, shape: s.marker, size: s.size ?? m.marker, fill: color, edge: s.edgeColor ?? .background)
        obstaclePoints += pts
    }

    /// All markers of one series as a single path, so SVG/PDF carry one fill instruction.
    mutating func drawMarkers(_ pts: [ScenePoint], shape: MarkerShape, size: Double, fill: Paint, edge: Paint) {
        guard !pts.isEmpty else { return }
        var els: [PathElement] = []
        for p in pts { els += markerPath(shape, at: p, size: size) }
        if shape == .cross || shape == .plus {
            items.append(.path(PathItem(els, stroke: StrokeStyle(color: fill, width: max(size * 0.2, 0.6), cap: .round))))
        } else {
            items.append(.path(PathItem(els, fill: fill, stroke: StrokeStyle(color: edge, width: max(size * 0.12, 0.4)))))
        }
    }

    mutating func drawBars(_ b: Bars) {
        let n = b.series.count
        guard n > 0 else { return }
        let colors = b.series.map { nextSeries($0.color, .solid).0 }
        let edge = StrokeStyle(color: .background, width: 0.6 * m.spine, join: .miter)
        var posBase = [Double](repeating: 0, count: b.categories.count), negBase = posBase
        for (si, s) in b.series.enumerated() {
            var els: [PathElement] = [], hatchEls: [PathElement] = []
            for (i, v) in s.values.enumerated() where v.isFinite {
                let x0: Double, x1: Double, y0: Double, y1: Double
                if b.mode == .stacked {
                    x0 = Double(i) - b.groupWidth / 2; x1 = Double(i) + b.groupWidth / 2
                    if v >= 0 { y0 = posBase[i]; y1 = y0 + v; posBase[i] = y1 } else { y0 = negBase[i]; y1 = y0 + v; negBase[i] = y1 }
                } else {
                    let bw = b.groupWidth / Double(n)
                    x0 = Double(i) - b.groupWidth / 2 + Double(si) * bw; x1 = x0 + bw
                    y0 = 0; y1 = v
                }
                let r = Rect(x: X(x0), y: min(Y(y0), Y(y1)), width: X(x1) - X(x0), height: abs(Y(y1) - Y(y0)))
                els += [.move(ScenePoint(r.x, r.y)), .line(ScenePoint(r.maxX, r.y)), .line(ScenePoint(r.maxX, r.maxY)),
                        .line(ScenePoint(r.x, r.maxY)), .close]
                hatchEls += theme.seriesHatch(si).segments(in: r, spacing: hatchSpacing)
                obstacleBoxes.append(r)
                if b.showValues {
                    let text = formatNumber(v, significant: 3)
                    // Shrink to the bar's width (not below 70 %), so neighbouring values never touch.
                    let natural = measurer.measure(text, fontSize: m.annotation, bold: false).width
                    let fs = m.annotation * max(0.7, min(1, (r.width + 0.25 * m.pad) / max(natural, 1e-9)))
                    if b.mode == .stacked {
                        let ink = colors[si].contrastingInk
                        if r.height > 1.2 * fs {
                            deferredTexts.append(TextItem(text: text, position: ScenePoint(r.x + r.width / 2, r.y + r.height / 2),
                                                          horizontal: .center, vertical: .middle, fontSize: fs, color: ink))
                        }
                    } else {
                        let above = v >= 0
                        let item = TextItem(text: text, position: ScenePoint(r.x + r.width / 2, above ? r.y - 0.4 * m.pad : r.maxY + 0.4 * m.pad),
                                            horizontal: .center, vertical: above ? .bottom : .top, fontSize: fs, color: .foreground)
                        deferredTexts.append(item)
                        obstacleBoxes.append(textBounds(item, measurer: measurer))
                    }
                }
            }
            if !els.isEmpty { items.append(.path(PathItem(els, fill: colors[si], stroke: edge, clip: clip))) }
            if !hatchEls.isEmpty {
                items.append(.path(PathItem(hatchEls, stroke: StrokeStyle(color: colors[si].contrastingInk, width: hatchWidth), clip: clip)))
            }
        }
    }
    /// Hatch line spacing and width, in units of the panel's line weights (legible at every size).
    var hatchSpacing: Double { m.marker }
    var hatchWidth: Double { 0.5 * m.line }
    /// Text that belongs to a mark but must be drawn above every mark (bar values).
    var deferredTexts: [TextItem] = []

    mutating func drawShape(_ s: Shape) {
        let els: [PathElement]
        var closed = true
        switch s.geometry {
        case .circle(let c, let r): els = ellipsePath(c, r, r, 0)
        case .ellipse(let c, let rx, let ry, let rot): els = ellipsePath(c, rx, ry, rot)
        case .polygon(let pts): els = Self.pathElements(pts.map(page), closed: true)
        case .rectangle(let a, let b):
            els = Self.pathElements([a, Point(b.x, a.y), b, Point(a.x, b.y)].map(page), closed: true)
        case .polyline(let pts): els = Self.pathElements(pts.map(page)); closed = false
        }
        let width = s.strokeWidth ?? m.line * 0.8
        let st = s.stroke.map { stroke($0, width, s.style) }
        items.append(.path(PathItem(els, fill: closed ? s.fill : nil, stroke: st, clip: clip)))
        if let b = boundsOf(els) { obstacleBoxes.append(b) }
    }

    func boundsOf(_ els: [PathElement]) -> Rect? {
        var e = (Extent(), Extent())
        for el in els {
            switch el {
            case .move(let p), .line(let p): e.0.add(p.x); e.1.add(p.y)
            case .curve(let a, let b, let c): for p in [a, b, c] { e.0.add(p.x); e.1.add(p.y) }
            case .close: break
            }
        }
        return e.0.isEmpty ? nil : Rect(x: e.0.lo, y: e.1.lo, width: e.0.hi - e.0.lo, height: e.1.hi - e.1.lo)
    }

    /// Four cubic Béziers (kappa = 0.5523) through the data→page affine map, so ellipses stay exact.
    func ellipsePath(_ c: Point, _ rx: Double, _ ry: Double, _ rotation: Double) -> [PathElement] {
        let k = 0.5522847498
        let a = rotation * .pi / 180, ca = cos(a), sa = sin(a)
        func pt(_ u: Double, _ v: Double) -> ScenePoint {
            page(Point(c.x + rx * u * ca - ry * v * sa, c.y + rx * u * sa + ry * v * ca))
        }
        return [.move(pt(1, 0)),
                .curve(pt(1, k), pt(k, 1), pt(0, 1)), .curve(pt(-k, 1), pt(-1, k), pt(-1, 0)),
                .curve(pt(-1, -k), pt(-k, -1), pt(0, -1)), .curve(pt(k, -1), pt(1, -k), pt(1, 0)), .close]
    }

    mutating func drawReference(_ r: ReferenceLine) {
        let color = r.color ?? .muted
        let els: [PathElement] = r.orientation == .horizontal
            ? [.move(ScenePoint(rect.x, Y(r.value))), .line(ScenePoint(rect.maxX, Y(r.value)))]
            : [.move(ScenePoint(X(r.value), rect.y)), .line(ScenePoint(X(r.value), rect.maxY))]
        items.append(.path(PathItem(els, stroke: stroke(color, m.spine, r.style), clip: clip)))
    }

    mutating func drawArrow(_ a: Arrow) {
        let color = a.color ?? .foreground
        let w = a.width ?? m.spine * 1.1
        let p0 = page(a.from), p1 = page(a.to)
        addObstacles([p0, p1])
        arrowItems(from: p0, to: p1, color: color, width: w, doubleHeaded: a.doubleHeaded)
    }

    mutating func arrowItems(from p0: ScenePoint, to p1: ScenePoint, color: Paint, width: Double, doubleHeaded: Bool) {
        let dx = p1.x - p0.x, dy = p1.y - p0.y, len = hypot(dx, dy)
        guard len > 1 else { return }
        let ux = dx / len, uy = dy / len
        let hl = min(3.2 * width + 2.5, len * 0.45), hw = hl * 0.42
        let s0 = doubleHeaded ? ScenePoint(p0.x + ux * hl * 0.8, p0.y + uy * hl * 0.8) : p0
        let s1 = ScenePoint(p1.x - ux * hl * 0.8, p1.y - uy * hl * 0.8)
        items.append(.path(PathItem([.move(s0), .line(s1)], stroke: StrokeStyle(color: color, width: width))))
        func head(_ tip: ScenePoint, _ ux: Double, _ uy: Double) -> [PathElement] {
            [.move(tip), .line(ScenePoint(tip.x - ux * hl + uy * hw, tip.y - uy * hl - ux * hw)),
             .line(ScenePoint(tip.x - ux * hl - uy * hw, tip.y - uy * hl + ux * hw)), .close]
        }
        var els = head(p1, ux, uy)
        if doubleHeaded { els += head(p0, -ux, -uy) }
        items.append(.path(PathItem(els, fill: color)))
    }

    // MARK: text

    func textPosition(_ at: Point, _ c: Coordinates) -> ScenePoint {
        switch c {
        case .data: return page(at)
        case .axesFraction: return ScenePoint(rect.x + at.x * rect.width, rect.maxY - at.y * rect.height)
        }
    }

    mutating func drawText(_ t: TextLabel) {
        var item = TextItem(text: t.text, position: textPosition(t.at, t.coordinates), horizontal: t.horizontal,
                            vertical: t.vertical, fontSize: m.annotation * t.scale, color: t.color ?? .foreground,
                            rotation: t.rotation)
        if let w = t.fitWidth, w > 0, t.coordinates == .data {
            let room = abs(X(t.at.x + w / 2) - X(t.at.x - w / 2)) - 0.3 * m.pad
            let natural = measurer.measure(t.text, fontSize: item.fontSize, bold: false).width
            if natural > room, room > 0 { item.fontSize *= max(0.6, room / natural) }
        }
        let box = textBounds(item, measurer: measurer)
        if t.boxed {
            let r = box.insetBy(-0.45 * item.fontSize)
            items.append(.path(PathItem(roundedRect(r, radius: 0.4 * m.pad), fill: .role(.legendBackground),
                                        stroke: StrokeStyle(color: .role(.legendEdge), width: 0.8 * m.spine))))
        }
        items.append(.text(item))
        obstacleBoxes.append(box)
    }

    mutating func drawAnnotation(_ a: Annotation) {
        var center = page(a.textAt)
        let target = page(a.point)
        var item = TextItem(text: a.text, position: center, horizontal: .center, vertical: .middle,
                            fontSize: m.annotation, color: a.color ?? .foreground)
        // Anchors are given in data units, but text keeps its size in points: on a narrower canvas
        // the same anchor lets the text run over the spine and the curve drawn along it. Slide the
        // box back inside the plot area (when it fits there at all).
        let inner = shiftInside(textBounds(item, measurer: measurer), within: rect.insetBy(0.35 * m.pad))
        center = ScenePoint(center.x + inner.dx, center.y + inner.dy)
        item.position = center
        center.y += clearOfLabels(textBounds(item, measurer: measurer), within: rect.insetBy(0.35 * m.pad),
                                  labels: annotationBoxes, leaders: annotationLeaders, target: target, gap: 0.35 * m.pad)
        item.position = center
        let box = textBounds(item, measurer: measurer)
        obstacleBoxes.append(box)
        annotationBoxes.append(box)
        // Leaders from where the centre→target ray leaves the (slightly enlarged) text box, one per
        // point the label names.
        let g = box.insetBy(-0.35 * m.pad)
        for target in [target] + a.alsoPoints.map(page) {
            annotationLeaders.append((center, target))
            let dx = target.x - center.x, dy = target.y - center.y
            var t = 1.0
            if dx != 0 { t = min(t, (dx > 0 ? g.maxX - center.x : g.x - center.x) / dx) }
            if dy != 0 { t = min(t, (dy > 0 ? g.maxY - center.y : g.y - center.y) / dy) }
            let start = ScenePoint(center.x + dx * t, center.y + dy * t)
            let len = hypot(target.x - start.x, target.y - start.y)
            if t < 1 && len > 3 * m.pad {
                let shrink = 0.5 * m.pad
                let end = ScenePoint(target.x - (target.x - start.x) / len * shrink, target.y - (target.y - start.y) / len * shrink)
                arrowItems(from: start, to: end, color: a.arrowColor ?? .muted, width: 0.9 * m.spine, doubleHeaded: false)
            }
        }
        items.append(.text(item))
    }

    // MARK: raster

    mutating func drawHeatmap(_ h: Heatmap) {
        let g = h.grid
        let nx = g.xs.count, ny = g.ys.count
        guard let range = h.range ?? g.finiteRange, range.lowerBound.isFinite, range.upperBound.isFinite else { return }
        let lut = h.colorMap.table
        let span = range.upperBound - range.lowerBound
        // Small grids are upsampled by an integer factor so viewers that ignore the no-smoothing hint
        // still show crisp cells; large grids are embedded at native resolution.
        let f = max(1, min(64, Int((160.0 / Double(max(nx, ny))).rounded(.up))))
        // Cells without a finite value show the ground: the background role, resolved by the exporter.
        let bg = ImageItem.backgroundPixel
        var px = [UInt32](repeating: 0, count: nx * ny * f * f)
        let rowW = nx * f
        for j in 0..<ny {
            let srcRow = ny - 1 - j   // top image row is the largest y
            for i in 0..<nx {
                let v = g.values[srcRow * nx + i]
                var c = bg
                if v.isFinite {
                    let t = span > 0 ? (v - range.lowerBound) / span : 0.5
                    if t.isFinite { c = lut[Int(min(max(t, 0), 0.999_999) * 256)] }
                }
                for a in 0..<f { for b in 0..<f { px[(j * f + a) * rowW + i * f + b] = c } }
            }
        }
        let e = cellEdges(g)
        let x0 = X(e.x0), x1 = X(e.x1), y0 = Y(e.y1), y1 = Y(e.y0)
        items.append(.image(ImageItem(pixelWidth: rowW, pixelHeight: ny * f, pixels: px,
                                      frame: Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0), clip: clip)))
    }

    func contourLevels(_ c: Contour) -> [Double] {
        switch c.levels {
        case .values(let v): return v
        case .count(let n):
            guard let r = c.grid.finiteRange else { return [] }
            return ExtendedWilkinson.ticks(r.lowerBound, r.upperBound, target: n + 2).values
                .filter { $0 > r.lowerBound && $0 < r.upperBound }
        }
    }

    func contourColor(_ c: Contour, level: Double) -> Paint {
        switch c.coloring {
        case .fixed(let col): return col
        case .colorMap(let cm):
            guard let r = c.grid.finiteRange, r.upperBound > r.lowerBound else { return .color(cm.color(at: 0.5)) }
            return .color(cm.color(at: (level - r.lowerBound) / (r.upperBound - r.lowerBound)))
        case .contrasting:
            for mark in plan.panel.marks {
                if case .heatmap(let h) = mark, let r = h.range ?? h.grid.finiteRange, r.upperBound > r.lowerBound {
                    let col = h.colorMap.color(at: (level - r.lowerBound) / (r.upperBound - r.lowerBound))
                    return .role(col.luminance < 0.3 ? .lightInk : .darkInk)
                }
            }
            return .foreground
        }
    }

    mutating func drawContour(_ c: Contour) {
        let width = c.width ?? 0.85 * m.spine * 1.1
        var placed: [(ScenePoint, Double)] = []
        for level in contourLevels(c) {
            let color = contourColor(c, level: level)
            let label = formatNumber(level, significant: 3)
            let ext = measurer.measure(label, fontSize: m.contour, bold: false)
            var els: [PathElement] = []
            let lines = contourLines(c.grid, level: level)
                .map { simplifyPolyline($0.map(page), tolerance: tolerance) }
                .sorted { polylineLength($0) > polylineLength($1) }
            for pts in lines where pts.count >= 2 {
                var pieces = [pts]
                if c.labels, let (center, angle, s) = labelSpot(pts, width: ext.width, height: ext.height, placed: placed) {
                    placed.append((center, ext.width))
                    let gap = ext.width / 2 + 0.35 * m.pad
                    pieces = cutPolyline(pts, from: s - gap, to: s + gap)
                    items.append(.text(TextItem(text: label, position: center, horizontal: .center, vertical: .middle,
                                                fontSize: m.contour, color: color, rotation: angle)))
                }
                for piece in pieces where piece.count >= 2 { els += Self.pathElements(piece); addObstacles(piece) }
            }
            if !els.isEmpty { items.append(.path(PathItem(els, stroke: StrokeStyle(color: color, width: width), clip: clip))) }
            contourLevelColors.append((level, color))
        }
    }
    var contourLevelColors: [(Double, Paint)] = []

    func polylineLength(_ p: [ScenePoint]) -> Double {
        zip(p, p.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
    }

    /// A spot for an inline label: long enough line, box inside the plot, clear of other labels.
    func labelSpot(_ pts: [ScenePoint], width: Double, height: Double, placed: [(ScenePoint, Double)])
        -> (ScenePoint, Double, Double)? {
        var cum = [0.0]
        for (a, b) in zip(pts, pts.dropFirst()) { cum.append(cum[cum.count - 1] + hypot(b.x - a.x, b.y - a.y)) }
        guard let total = cum.last, total > 3 * width + 2 * m.pad else { return nil }
        for frac in [0.5, 0.3, 0.7, 0.15, 0.85] {
            let s = total * frac
            guard let c = pointAt(pts, cum, s), let a = pointAt(pts, cum, s - width / 2),
                  let b = pointAt(pts, cum, s + width / 2) else { continue }
            let r = width / 2 + m.pad
            guard c.x - r > rect.x, c.x + r < rect.maxX, c.y - r > rect.y, c.y + r < rect.maxY else { continue }
            if placed.contains(where: { hypot($0.0.x - c.x, $0.0.y - c.y) < ($0.1 + width) / 2 + 1.2 * height }) { continue }
            var angle = atan2(-(b.y - a.y), b.x - a.x) * 180 / .pi
            if angle > 90 { angle -= 180 }
            if angle <= -90 { angle += 180 }
            return (c, (angle * 10).rounded() / 10, s)
        }
        return nil
    }

    /// The parts of a polyline before arc length s0 and after s1.
    func cutPolyline(_ pts: [ScenePoint], from s0: Double, to s1: Double) -> [[ScenePoint]] {
        var cum = [0.0]
        for (a, b) in zip(pts, pts.dropFirst()) { cum.append(cum[cum.count - 1] + hypot(b.x - a.x, b.y - a.y)) }
        var before: [ScenePoint] = [], after: [ScenePoint] = []
        for (i, p) in pts.enumerated() {
            if cum[i] < s0 { before.append(p) }
            if cum[i] > s1 { if after.isEmpty, let q = pointAt(pts, cum, s1) { after.append(q) }; after.append(p) }
        }
        if !before.isEmpty, let q = pointAt(pts, cum, s0) { before.append(q) }
        return [before, after]
    }

    // MARK: colorbar

    mutating func drawColorbar() {
        guard let cb = plan.panel.colorbar, let range = colorRange(plan.panel), range.upperBound > range.lowerBound else { return }
        let cm = colorMapOf(plan.panel)
        let bar = Rect(x: rect.maxX + colorbarGap(m), y: rect.y, width: colorbarWidth(m), height: rect.height)
        let lut = cm.table
        items.append(.image(ImageItem(pixelWidth: 1, pixelHeight: 256, pixels: lut.reversed(), frame: bar)))
        let map = AxisMap(lo: range.lowerBound, hi: range.upperBound, scale: .linear, p0: bar.maxY, p1: bar.y)
        var lines: [SceneItem] = []
        // Levels packed closer than a hairline's few widths (0, 0.1, 0.25 on a 0–7 bar) blur into one
        // smear; keep the first of each such cluster, as the labelled contours in the plot say the rest.
        var lastY = -Double.infinity
        for (level, color) in contourLevelColors.sorted(by: { $0.0 < $1.0 }) where range.contains(level) {
            guard abs(map(level) - lastY) >= 0.6 * m.tick else { continue }
            lastY = map(level)
            lines.append(.path(PathItem([.move(ScenePoint(bar.x, map(level))), .line(ScenePoint(bar.maxX, map(level)))],
                                        stroke: StrokeStyle(color: color, width: m.spine))))
        }
        items += lines
        var els: [PathElement] = [.move(ScenePoint(bar.x, bar.y)), .line(ScenePoint(bar.maxX, bar.y)),
                                  .line(ScenePoint(bar.maxX, bar.maxY)), .line(ScenePoint(bar.x, bar.maxY)), .close]
        var maxW = 0.0
        for (v, s) in plan.cbTicks.major {
            els += [.move(ScenePoint(bar.maxX, map(v))), .line(ScenePoint(bar.maxX + m.tickLength, map(v)))]
            items.append(.text(TextItem(text: s, position: ScenePoint(bar.maxX + m.tickLength + 0.6 * m.pad, map(v)),
                                        horizontal: .left, vertical: .middle, fontSize: m.tick, color: .foreground)))
            maxW = max(maxW, measurer.measure(s, fontSize: m.tick, bold: false).width)
        }
        items.append(.path(PathItem(els, stroke: StrokeStyle(color: .foreground, width: m.spine, join: .miter))))
        if let l = cb.label {
            items.append(.text(TextItem(text: l, position: ScenePoint(bar.maxX + m.tickLength + 0.6 * m.pad + maxW + 0.8 * m.pad, bar.y + bar.height / 2),
                                        horizontal: .center, vertical: .top, fontSize: m.label, color: .foreground, rotation: 90)))
        }
    }
}

/// The shift that brings `box` inside `area` along each axis where it is small enough to fit.
func shiftInside(_ box: Rect, within area: Rect) -> (dx: Double, dy: Double) {
    func shift(_ lo: Double, _ hi: Double, _ alo: Double, _ ahi: Double) -> Double {
        guard hi - lo <= ahi - alo else { return 0 }
        if lo < alo { return alo - lo }
        if hi > ahi { return ahi - hi }
        return 0
    }
    return (shift(box.x, box.maxX, area.x, area.maxX), shift(box.y, box.maxY, area.y, area.maxY))
}

/// The smallest vertical shift that keeps `box` off every box in `labels` (each grown by `gap`)
/// and inside `area`: anchors in data units give labels that collide once text keeps its size in
/// points (two coins of equal entropy, a narrow panel). Candidates are the edges of the labels in
/// the way, nearest first; one whose leader (centre to `target`) crosses no earlier label and
/// whose box no earlier leader crosses is preferred. 0 when nothing collides or nothing is clear.
func clearOfLabels(_ box: Rect, within area: Rect, labels: [Rect], leaders: [(ScenePoint, ScenePoint)],
                   target: ScenePoint, gap: Double) -> Double {
    let grown = labels.map { $0.insetBy(-gap) }
    func moved(_ dy: Double) -> Rect { Rect(x: box.x, y: box.y + dy, width: box.width, height: box.height) }
    func clear(_ dy: Double) -> Bool {
        let b = moved(dy)
        return b.y >= area.y - 1e-9 && b.maxY <= area.maxY + 1e-9 && !grown.contains { $0.intersects(b) }
    }
    // A leader keeps the same gap from other labels as labels keep from each other: one grazing a
    // label's edge reads as belonging to it (two coins of equal entropy, H(0.3) and H(0.7), stacked
    // the second label just above the first with the first's leader running up its side).
    func untangled(_ dy: Double) -> Bool {
        let b = moved(dy), c = ScenePoint(b.x + b.width / 2, b.y + b.height / 2), g = b.insetBy(-gap)
        return !grown.contains { segment(c, target, crosses: $0) } && !leaders.contains { segment($0.0, $0.1, crosses: g) }
    }
    if clear(0) && untangled(0) { return 0 }
    let candidates = [0] + grown.flatMap { [$0.y - box.maxY, $0.maxY - box.y] }.sorted { abs($0) < abs($1) }
    let open = candidates.filter(clear)
    return open.first(where: untangled) ?? open.first ?? 0
}

/// Whether the segment a–b passes through `r` (Liang–Barsky clipping).
func segment(_ a: ScenePoint, _ b: ScenePoint, crosses r: Rect) -> Bool {
    let dx = b.x - a.x, dy = b.y - a.y
    var t0 = 0.0, t1 = 1.0
    for (p, q) in [(-dx, a.x - r.x), (dx, r.maxX - a.x), (-dy, a.y - r.y), (dy, r.maxY - a.y)] {
        if p == 0 { if q < 0 { return false } else { continue } }
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return false }
    }
    return true
}

func roundedRect(_ r: Rect, radius: Double) -> [PathElement] {
    let k = 0.5522847498 * radius
    let x0 = r.x, y0 = r.y, x1 = r.maxX, y1 = r.maxY, q = radius
    return [.move(ScenePoint(x0 + q, y0)), .line(ScenePoint(x1 - q, y0)),
            .curve(ScenePoint(x1 - q + k, y0), ScenePoint(x1, y0 + q - k), ScenePoint(x1, y0 + q)),
            .line(ScenePoint(x1, y1 - q)),
            .curve(ScenePoint(x1, y1 - q + k), ScenePoint(x1 - q + k, y1), ScenePoint(x1 - q, y1)),
            .line(ScenePoint(x0 + q, y1)),
            .curve(ScenePoint(x0 + q - k, y1), ScenePoint(x0, y1 - q + k), ScenePoint(x0, y1 - q)),
            .line(ScenePoint(x0, y0 + q)),
            .curve(ScenePoint(x0, y0 + q - k), ScenePoint(x0 + q - k, y0), ScenePoint(x0 + q, y0)), .close]
}

/// Marker outline centred at p with overall size `size` (points).
func markerPath(_ shape: MarkerShape, at p: ScenePoint, size: Double) -> [PathElement] {
    let r = size / 2
    switch shape {
    case .circle:
        let k = 0.5522847498 * r
        return [.move(ScenePoint(p.x + r, p.y)),
                .curve(ScenePoint(p.x + r, p.y + k), ScenePoint(p.x + k, p.y + r), ScenePoint(p.x, p.y + r)),
                .curve(ScenePoint(p.x - k, p.y + r), ScenePoint(p.x - r, p.y + k), ScenePoint(p.x - r, p.y)),
                .curve(ScenePoint(p.x - r, p.y - k), ScenePoint(p.x - k, p.y - r), ScenePoint(p.x, p.y - r)),
                .curve(ScenePoint(p.x + k, p.y - r), ScenePoint(p.x + r, p.y - k), ScenePoint(p.x + r, p.y)), .close]
    case .square:
        let s = r * 0.9
        return [.move(ScenePoint(p.x - s, p.y - s)), .line(ScenePoint(p.x + s, p.y - s)), .line(ScenePoint(p.x + s, p.y + s)),
                .line(ScenePoint(p.x - s, p.y + s)), .close]
    case .triangle:
        let s = r * 1.15
        return [.move(ScenePoint(p.x, p.y - s)), .line(ScenePoint(p.x + s * 0.866, p.y + s * 0.5)),
                .line(ScenePoint(p.x - s * 0.866, p.y + s * 0.5)), .close]
    case .diamond:
        let s = r * 1.2
        return [.move(ScenePoint(p.x, p.y - s)), .line(ScenePoint(p.x + s * 0.75, p.y)), .line(ScenePoint(p.x, p.y + s)),
                .line(ScenePoint(p.x - s * 0.75, p.y)), .close]
    case .cross:
        let s = r * 0.8
        return [.move(ScenePoint(p.x - s, p.y - s)), .line(ScenePoint(p.x + s, p.y + s)),
                .move(ScenePoint(p.x - s, p.y + s)), .line(ScenePoint(p.x + s, p.y - s))]
    case .plus:
        return [.move(ScenePoint(p.x - r, p.y)), .line(ScenePoint(p.x + r, p.y)),
                .move(ScenePoint(p.x, p.y - r)), .line(ScenePoint(p.x, p.y + r))]
    case .star:
        let R = r * 1.35
        var els: [PathElement] = []
        for k in 0..<10 {
            let ang = -Double.pi / 2 + Double(k) * .pi / 5, rr = k % 2 == 1 ? R * 0.4 : R
            let q = ScenePoint(p.x + rr * cos(ang), p.y + rr * sin(ang))
            els.append(k == 0 ? .move(q) : .line(q))
        }
        return els + [.close]
    }
}
