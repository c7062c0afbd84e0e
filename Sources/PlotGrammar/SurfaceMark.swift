import Foundation
import FigureModel

/// The `surface` mark: z over an (x, y) mesh drawn as a shaded 3-D surface seen from `azimuth`
/// and `elevation`, painter's algorithm, with axes on the edges nearest the viewer. The one
/// drawing of it, for the catalogue's `gaussian-kl-surface` and users' specs.
struct SurfaceView {
    /// The mesh (z at every node; NaN where undefined).
    let grid: Grid2D
    /// z range mapped to the box height and the colour map; z above it is cut off.
    let zRange: ClosedRange<Double>
    let colorMap: ColorMap
    let camera: Camera
    let labels: (x: String, y: String, z: String)

    /// Orthographic rotation by azimuth/elevation followed by a mild perspective divide.
    struct Camera {
        let ca, sa, ce, se: Double
        /// Eye distance in box units (the box spans about 1): enough perspective to read depth,
        /// little enough that the far edge is not much shorter than the near one.
        let distance = 3.2
        init(azimuth: Double, elevation: Double) {
            let a = azimuth * .pi / 180, e = elevation * .pi / 180
            ca = cos(a); sa = sin(a); ce = cos(e); se = sin(e)
        }
        /// World (u, v, w) in roughly [−½, ½]³ → screen (x, y) and depth (larger = nearer the viewer).
        func project(_ u: Double, _ v: Double, _ w: Double) -> (Point, Double) {
            let x1 = u * ca - v * sa, y1 = u * sa + v * ca
            let sx = x1, sy = y1 * se + w * ce
            let depth = -y1 * ce + w * se
            let k = distance / (distance - depth)
            return (Point(sx * k, sy * k), depth)
        }
    }

    /// Box height relative to its unit base: flat enough that the base's axes stay readable.
    static let height = 0.6

    func u(_ x: Double) -> Double { (x - grid.xs.first!) / (grid.xs.last! - grid.xs.first!) - 0.5 }
    func v(_ y: Double) -> Double { (y - grid.ys.first!) / (grid.ys.last! - grid.ys.first!) - 0.5 }
    func w(_ z: Double) -> Double {
        (min(max(z, zRange.lowerBound), zRange.upperBound) - zRange.lowerBound) / (zRange.upperBound - zRange.lowerBound) * Self.height
            - Self.height / 2
    }

    /// Where a data point (x, y) on the surface at height z lands on the screen.
    func project(x: Double, y: Double, z: Double) -> Point { camera.project(u(x), v(y), w(z)).0 }

    /// Ticks at 1, 2, 2.5 or 5 × 10ᵏ, about `target` of them inside [lo, hi].
    static func niceTicks(_ lo: Double, _ hi: Double, target: Int) -> [Double] {
        let raw = (hi - lo) / Double(max(target - 1, 1))
        guard raw > 0, raw.isFinite else { return [lo] }
        let e = pow(10, floor(log10(raw)))
        let step = ([1, 2, 2.5, 5, 10].map { $0 * e }.first { $0 >= raw * 0.999 }) ?? 10 * e
        let first = (lo / step).rounded(.up) * step
        return stride(from: first, through: hi + 1e-9 * step, by: step).map { abs($0) < 1e-12 * step ? 0 : $0 }
    }

    /// The part of a polygon (u, v, z) with z ≤ cap, edges cut where z crosses cap by linear interpolation.
    static func clipBelow(_ poly: [(Double, Double, Double)], cap: Double) -> [(Double, Double, Double)] {
        var out: [(Double, Double, Double)] = []
        for k in poly.indices {
            let a = poly[k], b = poly[(k + 1) % poly.count]
            let aIn = a.2 <= cap, bIn = b.2 <= cap
            if aIn { out.append(a) }
            if aIn != bIn, a.2.isFinite, b.2.isFinite {
                let t = (cap - a.2) / (b.2 - a.2)
                out.append((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1), cap))
            }
        }
        return out
    }

    /// The shaded cells, farthest first.
    func cells() -> [(points: [Point], color: Color)] {
        let cap = zRange.upperBound
        let light = { () -> (Double, Double, Double) in
            // Light from the front left and above, as in most textbook renderings.
            let l = (-0.45, -0.55, 1.0), n = (l.0 * l.0 + l.1 * l.1 + l.2 * l.2).squareRoot()
            return (l.0 / n, l.1 / n, l.2 / n)
        }()
        var quads: [(points: [Point], depth: Double, color: Color)] = []
        let g = grid, nx = g.xs.count, ny = g.ys.count
        quads.reserveCapacity((nx - 1) * (ny - 1))
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                let raw = corners.map { (u(g.xs[$0.0]), v(g.ys[$0.1]), g.value($0.0, $0.1)) }
                // Cut the mesh at the top of the z range (Sutherland–Hodgman against the plane
                // z = cap) so a surface that leaves the box ends in a clean edge, not a jagged plateau.
                let cell = Self.clipBelow(raw, cap: cap)
                guard cell.count >= 3, cell.allSatisfy({ $0.2.isFinite }) else { continue }
                let projected = cell.map { camera.project($0.0, $0.1, w($0.2)) }
                // Normal from the quad's diagonals; Lambert shading with an ambient floor keeps dark colours readable.
                let a = raw.map { ($0.0, $0.1, w($0.2)) }
                let d1 = (a[2].0 - a[0].0, a[2].1 - a[0].1, a[2].2 - a[0].2)
                let d2 = (a[3].0 - a[1].0, a[3].1 - a[1].1, a[3].2 - a[1].2)
                var nrm = (d1.1 * d2.2 - d1.2 * d2.1, d1.2 * d2.0 - d1.0 * d2.2, d1.0 * d2.1 - d1.1 * d2.0)
                let len = max((nrm.0 * nrm.0 + nrm.1 * nrm.1 + nrm.2 * nrm.2).squareRoot(), 1e-300)
                nrm = (nrm.0 / len, nrm.1 / len, nrm.2 / len)
                if nrm.2 < 0 { nrm = (-nrm.0, -nrm.1, -nrm.2) }
                let lambert = max(0, nrm.0 * light.0 + nrm.1 * light.1 + nrm.2 * light.2)
                let shade = 0.62 + 0.38 * lambert
                let mean = cell.map { min($0.2, cap) }.reduce(0, +) / Double(cell.count)
                let span = zRange.upperBound - zRange.lowerBound
                let c = colorMap.color(at: (mean - zRange.lowerBound) / span)
                let lit = Color(red: c.red * shade, green: c.green * shade, blue: c.blue * shade)
                quads.append((projected.map(\.0), projected.map(\.1).reduce(0, +) / Double(cell.count), lit))
            }
        }
        // Painter's algorithm: farthest first.
        quads.sort { $0.depth < $1.depth }
        return quads.map { ($0.points, $0.color) }
    }

    /// One tick or axis label: its text, anchor and anchoring.
    struct Label {
        var text: String
        var at: Point
        var horizontal: HorizontalAnchor = .center
        var vertical: VerticalAnchor = .middle
        var scale: Double
    }

    /// Tick labels' size relative to the annotation font; axis names are larger.
    static let tickScale = 0.85, zNameScale = 0.9

    /// The marks and data limits. `panel` is about the panel's plot area in points and `fontSize`
    /// the annotation font size: ticks are chosen per axis so that neighbouring labels' boxes
    /// clear each other along that axis' projected direction (at steep azimuths an axis is
    /// foreshortened and keeps fewer ticks), and clear the labels already placed.
    func draw(panel: (width: Double, height: Double), fontSize fs: Double)
        -> (marks: [Mark], x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let quads = cells()
        // Fill only (a stroke per cell doubles the SVG); each cell grows 2 % about its centre so
        // anti-aliased neighbours overlap instead of showing hairline seams.
        var marks: [Mark] = quads.map { q in
            let cx = q.points.map(\.x).reduce(0, +) / Double(q.points.count)
            let cy = q.points.map(\.y).reduce(0, +) / Double(q.points.count)
            let grown = q.points.map { Point(cx + 1.02 * ($0.x - cx), cy + 1.02 * ($0.y - cy)) }
            return .shape(Shape(.polygon(grown), fill: .color(q.color)))
        }

        // Axes on the base and a vertical z axis, on the edges nearest the viewer.
        let cam = camera, height = Self.height
        let ink: Paint = .muted
        let vNear = cam.project(0, -0.5, 0).1 > cam.project(0, 0.5, 0).1 ? -0.5 : 0.5
        let uNear = cam.project(-0.5, 0, 0).1 > cam.project(0.5, 0, 0).1 ? -0.5 : 0.5
        let base = -height / 2
        let centre = cam.project(0, 0, base).0
        func p(_ a: Double, _ b: Double, _ c: Double) -> Point { cam.project(a, b, c).0 }
        func outward(_ q: Point, _ k: Double) -> Point {
            let dx = q.x - centre.x, dy = q.y - centre.y, l = max(hypot(dx, dy), 1e-9)
            return Point(q.x + dx / l * k, q.y + dy / l * k)
        }
        func line(_ a: Point, _ b: Point) -> Mark { .shape(Shape(.polyline([a, b]), stroke: ink, strokeWidth: 0.8)) }
        let xA = p(-0.5, vNear, base), xB = p(0.5, vNear, base)
        let yA = p(uNear, -0.5, base), yB = p(uNear, 0.5, base)
        let vFar = -vNear
        let zA = p(uNear, vFar, base), zB = p(uNear, vFar, base + height)
        marks += [line(xA, xB), line(yA, yB), line(zA, zB)]

        // Limits from the mesh and axes with a margin for the tick and axis labels around them
        // (the diagram's automatic limits see only the anchor points of text).
        var xs: [Double] = [], ys: [Double] = []
        for q in quads { for pt in q.points { xs.append(pt.x); ys.append(pt.y) } }
        for pt in [xA, xB, yA, yB, zA, zB] { xs.append(pt.x); ys.append(pt.y) }
        let lx = (xs.min() ?? -1) - 0.16, hx = (xs.max() ?? 1) + 0.16
        let ly = (ys.min() ?? -1) - 0.16, hy = (ys.max() ?? 1) + 0.1
        // Points per screen unit once the layout fits these limits into the panel; 10 % less, as the
        // layout may widen the limits further to fit the labels' measured boxes.
        let s = 0.9 * min(panel.width / (hx - lx), panel.height / (hy - ly))

        // Axis names first: they are placed whatever the ticks do.
        var placed: [Label] = []
        let xMid = p(0, vNear, base), yMid = p(uNear, 0, base), zTop = p(uNear, vFar, base + height * 1.12)
        placed.append(Label(text: labels.x, at: outward(xMid, 0.2), scale: 1))
        placed.append(Label(text: labels.y, at: outward(yMid, 0.2), scale: 1))
        // Anchored toward the middle so the label grows into the panel, not off its edge.
        placed.append(Label(text: labels.z, at: zTop, horizontal: zTop.x < centre.x ? .left : .right, vertical: .bottom,
                            scale: Self.zNameScale))

        let x0 = grid.xs.first!, x1 = grid.xs.last!, y0 = grid.ys.first!, y1 = grid.ys.last!
        let tickLabel = { (t: Double) in fixedDecimal(t, decimals: 2, trimmed: true) }
        let xTicks = fittingTicks(x0, x1, s: s, fs: fs, placed: placed) { t in
            Label(text: tickLabel(t), at: outward(p(u(t), vNear, base), 0.07), scale: Self.tickScale)
        }
        placed += xTicks
        let yTicks = fittingTicks(y0, y1, s: s, fs: fs, placed: placed) { t in
            Label(text: tickLabel(t), at: outward(p(uNear, v(t), base), 0.07), scale: Self.tickScale)
        }
        placed += yTicks
        // No label at the bottom of the z axis: that corner already carries a tick of the base.
        let zTicks = fittingTicks(zRange.lowerBound, zRange.upperBound, s: s, fs: fs, placed: placed, skipFirst: true) { t in
            let q = p(uNear, vFar, w(t))
            let side: HorizontalAnchor = q.x < centre.x ? .right : .left
            return Label(text: tickLabel(t), at: Point(q.x + (side == .right ? -0.025 : 0.025), q.y), horizontal: side,
                         scale: Self.tickScale)
        }
        placed += zTicks
        for l in placed {
            marks.append(.text(TextLabel(l.text, at: l.at, horizontal: l.horizontal, vertical: l.vertical, scale: l.scale,
                                         color: .foreground)))
        }
        return (marks, lx...hx, ly...hy)
    }

    /// A label's box in points about its anchor (screen units times `s`, y up), estimated from
    /// its characters: digits and signs are at most 0.6 em wide in the label fonts, lines 1.2 em
    /// high; padded by a quarter em so neighbours keep a visible gap.
    static func box(_ l: Label, s: Double, fs: Double) -> (x0: Double, y0: Double, x1: Double, y1: Double) {
        let size = fs * l.scale
        let chars = Double(l.text.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: "\\", with: "").count)
        let w = max(chars, 1) * 0.6 * size, h = 1.2 * size, pad = 0.25 * size
        let cx = l.at.x * s, cy = l.at.y * s
        let left: Double = switch l.horizontal { case .left: cx; case .center: cx - w / 2; case .right: cx - w }
        let bottom: Double = switch l.vertical { case .bottom: cy; case .middle, .baseline: cy - h / 2; case .top: cy - h }
        return (left - pad, bottom - pad, left + w + pad, bottom + h + pad)
    }

    static func intersects(_ a: Label, _ b: Label, s: Double, fs: Double) -> Bool {
        let p = box(a, s: s, fs: fs), q = box(b, s: s, fs: fs)
        return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1
    }

    /// The most ticks (from about 6 down to 2) over [lo, hi] whose labels, placed by `label`, clear
    /// each other and everything already placed; then any that still collide are dropped.
    func fittingTicks(_ lo: Double, _ hi: Double, s: Double, fs: Double, placed: [Label], skipFirst: Bool = false,
                      label: (Double) -> Label) -> [Label] {
        var best: [Label] = []
        for target in stride(from: 6, through: 2, by: -1) {
            let ticks = Self.niceTicks(lo, hi, target: target).filter { !skipFirst || $0 > lo }
            let ls = ticks.map(label)
            let clear = zip(ls, ls.dropFirst()).allSatisfy { !Self.intersects($0, $1, s: s, fs: fs) }
            if clear { best = ls; break }
        }
        var kept: [Label] = []
        for l in best where !(placed + kept).contains(where: { Self.intersects($0, l, s: s, fs: fs) }) { kept.append(l) }
        return kept
    }
}
