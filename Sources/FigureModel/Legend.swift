import Foundation

/// One legend row: a handle drawn like the mark, then its label.
struct LegendEntry {
    enum Handle {
        case line(StrokeStyle, MarkerShape?)
        case marker(MarkerShape, Paint, Double)
        case patch(fill: Paint?, stroke: StrokeStyle?)
    }
    var handle: Handle
    var label: String
    /// A patch's hatching (print theme), drawn like the bars it stands for.
    var hatch: Hatch = .none
}

/// Entries for labelled marks, in mark order. Series colours are resolved the same way the marks
/// resolve them (`PanelDrawer.nextSeries`), so handles match lines.
func legendEntries(_ panel: Panel, theme: Theme, m: Metrics) -> [LegendEntry] {
    var out: [LegendEntry] = []
    var series = 0
    func next(_ c: Paint?, _ s: LineStyle?) -> (Paint, LineStyle, MarkerShape?) {
        let i = series
        if c == nil { series += 1 }
        let autoMarker = (c == nil && s == nil && autoSeriesCount(panel) >= 2) ? theme.seriesMarker(i) : nil
        return (c ?? theme.seriesColor(i), s ?? (c == nil ? theme.seriesStyle(i) : .solid), autoMarker)
    }
    func stroke(_ color: Paint, _ width: Double, _ style: LineStyle) -> StrokeStyle {
        StrokeStyle(color: color, width: width, dash: style.dashPattern.map { $0 * width },
                    cap: style == .dotted || style == .dashDot ? .round : .butt)
    }
    for mark in panel.marks {
        switch mark {
        case .line(let l):
            let (c, s, am) = next(l.color, l.style)
            if let label = l.label { out.append(LegendEntry(handle: .line(stroke(c, l.width ?? m.line, s), l.marker ?? am), label: label)) }
        case .area(let a):
            let (c, _, _) = next(a.color, .solid)
            if let label = a.label {
                out.append(LegendEntry(handle: .patch(fill: a.opacity.map { c.opacity($0) } ?? .fillOpacity(c),
                                                      stroke: a.outline ? stroke(c, m.line * 0.75, .solid) : nil), label: label))
            }
        case .scatter(let sc):
            let (c, _, _) = next(sc.color, .solid)
            if let label = sc.label { out.append(LegendEntry(handle: .marker(sc.marker, c, min(sc.size ?? m.marker, 1.7 * m.marker)), label: label)) }
        case .bars(let b):
            for (si, s) in b.series.enumerated() {
                let (c, _, _) = next(s.color, .solid)
                if let label = s.label { out.append(LegendEntry(handle: .patch(fill: c, stroke: nil), label: label, hatch: theme.seriesHatch(si))) }
            }
        case .shape(let sh):
            if let label = sh.label {
                out.append(LegendEntry(handle: .patch(fill: sh.fill, stroke: sh.stroke.map { stroke($0, sh.strokeWidth ?? m.line * 0.8, sh.style) }),
                                       label: label))
            }
        case .reference(let r):
            if let label = r.label { out.append(LegendEntry(handle: .line(stroke(r.color ?? .muted, m.spine, r.style), nil), label: label)) }
        default: break
        }
    }
    return out
}

/// Space between the plot's edge and a legend inside it.
func legendInset(_ m: Metrics) -> Double { 0.8 * m.pad }

/// `Panel.legendHeadroom`: the y range grows upward by the share of the plot height that the legend,
/// its inset and one pad of clearance take, so the old top lands just under the legend.
func raiseForLegend(_ p: inout PanelPlan, plotHeight: Double, m: Metrics, theme: Theme, measurer: TextMeasurer) {
    let top: Set<LegendPlacement> = [.auto, .upperLeft, .upperCenter, .upperRight]
    guard p.panel.legendHeadroom, top.contains(p.panel.legend), p.panel.y.scale == .linear else { return }
    let entries = legendEntries(p.panel, theme: theme, m: m)
    guard !entries.isEmpty else { return }
    let g = legendBoxSize(entries, title: p.panel.legendTitle, m: m, measurer: measurer)
    let clear = g.height + legendInset(m) + m.pad
    // A legend taller than most of the plot cannot be cleared this way; leave the axis alone.
    guard clear < 0.6 * plotHeight else { return }
    p.yHi = p.yLo + (p.yHi - p.yLo) * plotHeight / (plotHeight - clear)
}

struct LegendGeometry {
    var width: Double, height: Double
    var rowHeights: [Double]
    var titleHeight: Double
    var pad: Double, handleWidth: Double, gap: Double
    var fontSize: Double
}

func legendBoxSize(_ entries: [LegendEntry], title: String?, m: Metrics, measurer: TextMeasurer,
                   fontSize: Double? = nil) -> LegendGeometry {
    let fs = fontSize ?? m.legend
    let pad = 0.5 * fs, handle = 2.2 * fs, gap = 0.6 * fs
    var maxW = 0.0
    var rows: [Double] = []
    for e in entries {
        let x = measurer.measure(e.label, fontSize: fs, bold: false)
        maxW = max(maxW, x.width)
        rows.append(max(x.height, 1.2 * fs) + 0.15 * fs)
    }
    var titleH = 0.0, w = 2 * pad + handle + gap + maxW
    if let t = title {
        let x = measurer.measure(t, fontSize: fs, bold: false)
        titleH = x.height + 0.2 * fs
        w = max(w, 2 * pad + x.width)
    }
    return LegendGeometry(width: w, height: 2 * pad + titleH + rows.reduce(0, +), rowHeights: rows, titleHeight: titleH,
                          pad: pad, handleWidth: handle, gap: gap, fontSize: fs)
}

extension PanelDrawer {
    /// Legend placement: the candidate box (corners, then edge midpoints, matplotlib's order) that
    /// covers the fewest data samples, text boxes and filled regions; ties go to the earlier one.
    func legendCost(_ r: Rect) -> Double {
        var cost = 0.0
        for p in obstaclePoints where r.contains(p) { cost += 1 }
        for b in obstacleBoxes { cost += r.intersectionArea(b) / 4 }
        if !filledPolygons.isEmpty {
            for a in 0..<8 {
                for b in 0..<5 {
                    let p = ScenePoint(r.x + (Double(a) + 0.5) / 8 * r.width, r.y + (Double(b) + 0.5) / 5 * r.height)
                    for poly in filledPolygons where pointInPolygon(p, poly) { cost += 2 }
                }
            }
        }
        return cost
    }

    mutating func drawLegend() {
        let panel = plan.panel
        guard panel.legend != .none else { return }
        let entries = legendEntries(panel, theme: theme, m: m)
        guard !entries.isEmpty else { return }
        let inset = legendInset(m)
        var g = legendBoxSize(entries, title: panel.legendTitle, m: m, measurer: measurer)
        if panel.legend != .outsideRight && g.width > rect.width - 2 * inset {
            // Too wide for the plot (long formulas in narrow panels): shrink the legend's text,
            // but not below half the legend size; what is still too wide starts at the plot's left
            // edge and runs into the gutter on the right rather than off the canvas on the left.
            let fs = m.legend * max(0.5, (rect.width - 2 * inset) / g.width)
            g = legendBoxSize(entries, title: panel.legendTitle, m: m, measurer: measurer, fontSize: fs)
        }
        let fs = g.fontSize
        func box(_ p: LegendPlacement) -> Rect {
            let l = rect.x + inset, r = rect.maxX - inset - g.width, cx = rect.x + (rect.width - g.width) / 2
            let t = rect.y + inset, b = rect.maxY - inset - g.height, cy = rect.y + (rect.height - g.height) / 2
            let (x, y): (Double, Double)
            switch p {
            case .upperRight, .auto, .none: (x, y) = (r, t)
            case .upperLeft: (x, y) = (l, t)
            case .lowerLeft: (x, y) = (l, b)
            case .lowerRight: (x, y) = (r, b)
            case .upperCenter: (x, y) = (cx, t)
            case .lowerCenter: (x, y) = (cx, b)
            case .centerLeft: (x, y) = (l, cy)
            case .centerRight: (x, y) = (r, cy)
            case .outsideRight: (x, y) = (rect.maxX + m.pad + (panel.colorbar != nil ? plan.margins.right - g.width - m.pad : 0), rect.y)
            }
            return Rect(x: x, y: y, width: g.width, height: g.height)
        }
        var frame: Rect
        if panel.legend == .auto {
            let candidates: [LegendPlacement] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight, .centerRight, .centerLeft,
                                                 .lowerCenter, .upperCenter]
            var best = box(.upperRight), bestCost = Double.infinity
            for c in candidates {
                let b = box(c)
                // Scored with a margin of half the inset, so a curve that would graze the box's
                // edge (a steep end running up the plot's side) counts against that place too.
                let cost = legendCost(Rect(x: b.x - inset / 2, y: b.y - inset / 2, width: b.width + inset, height: b.height + inset))
                if cost < bestCost - 1e-9 { best = b; bestCost = cost }
            }
            frame = best
        } else {
            frame = box(panel.legend)
        }
        if panel.legend != .outsideRight { frame.x = max(min(frame.x, canvasWidth - frame.width - 0.5 * m.pad), rect.x) }
        frame = Rect(x: frame.x.rounded(), y: frame.y.rounded(), width: frame.width, height: frame.height)
        items.append(.path(PathItem(roundedRect(frame, radius: 0.3 * fs), fill: .role(.legendBackground),
                                    stroke: StrokeStyle(color: .role(.legendEdge), width: 0.8 * m.spine))))
        var y = frame.y + g.pad
        if let t = panel.legendTitle {
            items.append(.text(TextItem(text: t, position: ScenePoint(frame.x + frame.width / 2, y), horizontal: .center,
                                        vertical: .top, fontSize: fs, color: .foreground)))
            y += g.titleHeight
        }
        for (e, h) in zip(entries, g.rowHeights) {
            let cy = y + h / 2, hx = frame.x + g.pad
            switch e.handle {
            case .line(let st, let marker):
                items.append(.path(PathItem([.move(ScenePoint(hx, cy)), .line(ScenePoint(hx + g.handleWidth, cy))], stroke: st)))
                if let marker {
                    let els = markerPath(marker, at: ScenePoint(hx + g.handleWidth / 2, cy), size: m.marker)
                    if marker == .cross || marker == .plus {
                        items.append(.path(PathItem(els, stroke: StrokeStyle(color: st.color, width: m.marker * 0.2, cap: .round))))
                    } else {
                        items.append(.path(PathItem(els, fill: st.color, stroke: StrokeStyle(color: .background, width: m.marker * 0.12))))
                    }
                }
            case .marker(let shape, let color, let size):
                let els = markerPath(shape, at: ScenePoint(hx + g.handleWidth / 2, cy), size: size)
                if shape == .cross || shape == .plus {
                    items.append(.path(PathItem(els, stroke: StrokeStyle(color: color, width: m.marker * 0.2, cap: .round))))
                } else {
                    items.append(.path(PathItem(els, fill: color, stroke: StrokeStyle(color: .background, width: m.marker * 0.12))))
                }
            case .patch(let fill, let stroke):
                let r = Rect(x: hx, y: cy - 0.35 * fs, width: g.handleWidth, height: 0.7 * fs)
                items.append(.path(PathItem(DrawerPaths.rect(r), fill: fill, stroke: stroke)))
                let hatch = e.hatch.segments(in: r, spacing: hatchSpacing * 0.8)
                if !hatch.isEmpty, let fill {
                    items.append(.path(PathItem(hatch, stroke: StrokeStyle(color: fill.contrastingInk, width: hatchWidth))))
                }
            }
            items.append(.text(TextItem(text: e.label, position: ScenePoint(hx + g.handleWidth + g.gap, cy), horizontal: .left,
                                        vertical: .middle, fontSize: fs, color: .foreground)))
            y += h
        }
    }
}

enum DrawerPaths {
    static func rect(_ r: Rect) -> [PathElement] {
        [.move(ScenePoint(r.x, r.y)), .line(ScenePoint(r.maxX, r.y)), .line(ScenePoint(r.maxX, r.maxY)),
         .line(ScenePoint(r.x, r.maxY)), .close]
    }
}

/// Even–odd rule point-in-polygon test.
func pointInPolygon(_ p: ScenePoint, _ poly: [ScenePoint]) -> Bool {
    var inside = false
    var j = poly.count - 1
    for i in 0..<poly.count {
        let a = poly[i], b = poly[j]
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
        j = i
    }
    return inside
}

/// Lines whose colour and dash are left to the theme; print-theme markers only matter when
/// there are at least two of them to tell apart.
func autoSeriesCount(_ panel: Panel) -> Int {
    panel.marks.reduce(0) { n, mark in
        if case .line(let l) = mark, l.color == nil, l.style == nil { return n + 1 }
        return n
    }
}
