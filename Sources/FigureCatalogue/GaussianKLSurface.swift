import Foundation
import FigureModel
import InfoTheory
import InfoRequests

/// `gaussian-kl-surface`: KL(N(μ, σ²) ‖ N(μ₀, σ₀²)) over a (μ, σ) grid, as a heatmap with labelled
/// contours or as a shaded 3-D mesh; optionally the reverse direction beside it on the same colour scale.
enum GaussianKLSurface {
    static let entry = CatalogueEntry(
        name: "gaussian-kl-surface",
        summary: "KL(N(mu, sigma^2) || N(mu0, sigma0^2)) over a (mu, sigma) grid: heatmap with contours, or a 3-D surface.",
        parameters: [
            ParameterSpec("mu0", .number, default: .number(0), help: "mean of the reference Gaussian"),
            ParameterSpec("sigma0", .number, default: .number(1), help: "standard deviation of the reference Gaussian (> 0)"),
            ParameterSpec("view", .choice, default: .string("heatmap"), help: "heatmap with contours, or shaded 3-D surface",
                          choices: ["heatmap", "surface"]),
            ParameterSpec("reverse", .boolean, default: .bool(false),
                          help: "also show KL(N(mu0, sigma0^2) || N(mu, sigma^2)) beside it on the same colour scale"),
            ParameterSpec("resolution", .integer, default: .number(200),
                          help: "grid points per axis (10 to 1000; the surface mesh uses at most 40 cells per axis)"),
            ParameterSpec("azimuth", .number, default: .number(-130), help: "surface view: rotation about the vertical axis, degrees"),
            ParameterSpec("elevation", .number, default: .number(28), help: "surface view: viewing angle above the (mu, sigma) plane, degrees (5 to 85)"),
        ],
        build: build)

    struct Setup {
        let mu0, sigma0: Double
        let muRange, sigmaRange: ClosedRange<Double>
        let resolution: Int
        /// KL(N(μ, σ²) ‖ N(μ₀, σ₀²)) when forward, KL(N(μ₀, σ₀²) ‖ N(μ, σ²)) otherwise.
        func kl(_ mu: Double, _ sigma: Double, forward: Bool) -> Double {
            let v = forward ? try? gaussianKL(mu1: mu, sigma1: sigma, mu2: mu0, sigma2: sigma0)
                : try? gaussianKL(mu1: mu0, sigma1: sigma0, mu2: mu, sigma2: sigma)
            return v ?? .nan
        }
        /// The surface mesh: σ spaced geometrically, so the cells are small where KL is steep (σ → 0).
        func mesh(forward: Bool, cells: Int) throws -> Grid2D {
            let xs = linspace(muRange.lowerBound, muRange.upperBound, cells + 1)
            let ys = linspace(log(sigmaRange.lowerBound), log(sigmaRange.upperBound), cells + 1).map { exp($0) }
            var values: [Double] = []
            for y in ys { for x in xs { values.append(kl(x, y, forward: forward)) } }
            return try Grid2D(xs: xs, ys: ys, values: values)
        }
        func grid(forward: Bool, n: Int? = nil) throws -> Grid2D {
            let k = n ?? resolution
            return try Grid2D(x: muRange, y: sigmaRange, nx: k, ny: k) { kl($0, $1, forward: forward) }
        }
    }

    static func setup(_ args: FigureArguments) throws -> Setup {
        let mu0 = args.number("mu0"), sigma0 = args.number("sigma0"), n = args.integer("resolution")
        guard sigma0 > 0, sigma0 < 1e100 else {
            throw CatalogueError("parameter 'sigma0' of figure 'gaussian-kl-surface': expected a positive number below 10¹⁰⁰, got \(formatNumber(sigma0))")
        }
        guard abs(mu0) < 1e100 else {
            throw CatalogueError("parameter 'mu0' of figure 'gaussian-kl-surface': expected a number of moderate size, got \(mu0)")
        }
        guard (10...1000).contains(n) else {
            throw CatalogueError("parameter 'resolution' of figure 'gaussian-kl-surface': expected an integer from 10 to 1000, got \(n)")
        }
        let el = args.number("elevation")
        guard (5...85).contains(el) else {
            throw CatalogueError("parameter 'elevation' of figure 'gaussian-kl-surface': expected degrees from 5 to 85, got \(fixedText(el))")
        }
        // KL between Gaussians depends only on (μ − μ₀)/σ₀ and σ/σ₀, so the window scales with σ₀.
        return Setup(mu0: mu0, sigma0: sigma0, muRange: (mu0 - 3 * sigma0)...(mu0 + 3 * sigma0),
                     sigmaRange: (0.2 * sigma0)...(3 * sigma0), resolution: n)
    }

    static let contourLevels: [Double] = [0.1, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 16, 32, 64]

    static func refText(_ s: Setup) -> String { "\\mathcal{N}(\(fixedText(s.mu0)), \(fixedText(s.sigma0))^2)" }
    static func panelTitle(_ s: Setup, forward: Bool) -> String {
        forward ? "$D_{\\mathrm{KL}}(\\mathcal{N}(\\mu,\\sigma^2)\\,\\|\\,\(refText(s)))$"
            : "$D_{\\mathrm{KL}}(\(refText(s))\\,\\|\\,\\mathcal{N}(\\mu,\\sigma^2))$"
    }

    static func build(_ args: FigureArguments, _ context: FigureContext) throws -> Figure {
        let s = try setup(args)
        let reverse = args.bool("reverse"), surface = args.string("view") == "surface"
        let fwdGrid = try s.grid(forward: true)
        let revGrid = reverse ? try s.grid(forward: false) : nil
        // One colour scale for both panels, set by the forward surface, so equal colours mean equal KL;
        // the reverse direction grows far faster as σ → 0 and saturates beyond it.
        let cap = fwdGrid.finiteRange?.upperBound ?? 1
        let directions: [(Bool, Grid2D)] = [(true, fwdGrid)] + (revGrid.map { [(false, $0)] } ?? [])

        var panels: [Panel] = []
        for (i, (forward, grid)) in directions.enumerated() {
            if surface {
                let mesh = try s.mesh(forward: forward, cells: min(s.resolution, 40))
                var panel = surfacePanel(mesh, setup: s, cap: cap, forward: forward, args: args,
                                         baseFont: context.size.baseFontSize)
                if i > 0 { panel.legend = .none }
                panels.append(panel)
            } else {
                let levels = contourLevels.filter { $0 < (grid.finiteRange?.upperBound ?? 0) }
                let marks: [Mark] = [
                    .heatmap(Heatmap(grid, colorMap: .viridis, range: 0...cap)),
                    .contour(Contour(grid, levels: .values(levels))),
                    .scatter(Scatter(points: [Point(s.mu0, s.sigma0)], marker: .star, size: 1.1 * context.size.baseFontSize,
                                     label: "minimum $(\\mu_0,\\sigma_0)$: KL = \(fixedText(s.kl(s.mu0, s.sigma0, forward: forward)))",
                                     color: .color(OkabeIto.vermillion), edgeColor: .color(.white))),
                ]
                let last = i == directions.count - 1
                panels.append(Panel(title: panelTitle(s, forward: forward),
                                    x: Axis(label: "$\\mu$", limits: .fixed(s.muRange.lowerBound, s.muRange.upperBound)),
                                    y: Axis(label: "$\\sigma$", limits: .fixed(s.sigmaRange.lowerBound, s.sigmaRange.upperBound)),
                                    marks: marks, legend: i == 0 ? .lowerCenter : .none,
                                    colorbar: last ? Colorbar(label: "KL [nats]") : nil, frame: .box, grid: false))
            }
        }

        func extremes(_ g: Grid2D) -> (Double, Double, Double) {
            var best = (-Double.infinity, 0.0, 0.0)
            for j in g.ys.indices { for i in g.xs.indices where g.value(i, j) > best.0 { best = (g.value(i, j), g.xs[i], g.ys[j]) } }
            return best
        }
        let n = s.resolution
        let (fmax, fmu, fsig) = extremes(fwdGrid)
        var d = surface ? "Shaded 3-D surface (viewed from azimuth \(fixedText(args.number("azimuth"), 1))°, elevation \(fixedText(args.number("elevation"), 1))°) "
            : "Heatmap with labelled contours "
        d += "of the KL divergence KL(N(μ, σ²) ‖ N(\(fixedText(s.mu0)), \(fixedText(s.sigma0))²)) in nats over μ from \(fixedText(s.muRange.lowerBound)) "
            + "to \(fixedText(s.muRange.upperBound)) and σ from \(fixedText(s.sigmaRange.lowerBound)) to \(fixedText(s.sigmaRange.upperBound)) "
            + (surface ? "(drawn as a \(min(n, 40))×\(min(n, 40))-cell mesh, σ spaced geometrically; values from a \(n)×\(n) grid). "
                : "(\(n)×\(n) grid). ")
            + "The minimum, 0, is at μ = \(fixedText(s.mu0)), σ = \(fixedText(s.sigma0)); "
            + "the largest value shown is \(withUnit(fixedText(fmax), .nats)) at μ = \(fixedText(fmu)), σ = \(fixedText(fsig))."
        if let rg = revGrid {
            let (rmax, rmu, rsig) = extremes(rg)
            d += " Beside it, the reverse direction KL(N(\(fixedText(s.mu0)), \(fixedText(s.sigma0))²) ‖ N(μ, σ²)), also 0 at the same point, "
                + "grows much faster as σ shrinks, reaching \(withUnit(fixedText(rmax), .nats)) at μ = \(fixedText(rmu)), σ = \(fixedText(rsig)); "
                + "both panels share one colour scale from 0 to \(withUnit(fixedText(cap), .nats)), so the reverse panel saturates where it exceeds that."
        }
        let title = "KL divergence between Gaussians over (μ, σ)" + (reverse ? ", both directions" : "")
        return Figure(title: title, description: d, panels: panels, sharedY: !surface && reverse).styled(context)
    }

    // MARK: 3-D surface

    /// Orthographic rotation by azimuth/elevation followed by a mild perspective divide.
    struct Camera {
        let ca, sa, ce, se: Double
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

    /// Ticks at 1, 2, 2.5 or 5 × 10ᵏ, about `target` of them inside [lo, hi].
    static func niceTicks(_ lo: Double, _ hi: Double, target: Int = 5) -> [Double] {
        let raw = (hi - lo) / Double(max(target - 1, 1))
        guard raw > 0, raw.isFinite else { return [lo] }
        let e = pow(10, floor(log10(raw)))
        let step = ([1, 2, 2.5, 5, 10].map { $0 * e }.first { $0 >= raw * 0.999 }) ?? 10 * e
        let first = (lo / step).rounded(.up) * step
        return stride(from: first, through: hi + 1e-9 * step, by: step).map { abs($0) < 1e-12 * step ? 0 : $0 }
    }

    /// The part of a polygon (u, v, KL) with KL ≤ cap, edges cut where KL crosses cap by linear interpolation.
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

    static func surfacePanel(_ g: Grid2D, setup s: Setup, cap: Double, forward: Bool, args: FigureArguments,
                             baseFont: Double) -> Panel {
        let cam = Camera(azimuth: args.number("azimuth"), elevation: args.number("elevation"))
        let height = 0.6
        let muLo = s.muRange.lowerBound, muSpan = s.muRange.upperBound - muLo
        let sgLo = s.sigmaRange.lowerBound, sgSpan = s.sigmaRange.upperBound - sgLo
        func u(_ mu: Double) -> Double { (mu - muLo) / muSpan - 0.5 }
        func v(_ sg: Double) -> Double { (sg - sgLo) / sgSpan - 0.5 }
        func w(_ kl: Double) -> Double { min(kl, cap) / cap * height - height / 2 }
        let light = { () -> (Double, Double, Double) in
            let l = (-0.45, -0.55, 1.0), n = (l.0 * l.0 + l.1 * l.1 + l.2 * l.2).squareRoot()
            return (l.0 / n, l.1 / n, l.2 / n)
        }()

        struct Quad { let points: [Point]; let depth: Double; let color: Color }
        var quads: [Quad] = []
        let nx = g.xs.count, ny = g.ys.count
        quads.reserveCapacity((nx - 1) * (ny - 1))
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                let raw = corners.map { (u(g.xs[$0.0]), v(g.ys[$0.1]), g.value($0.0, $0.1)) }
                // Cut the mesh at the top of the colour scale (Sutherland–Hodgman against the plane
                // KL = cap) so a surface that leaves the box ends in a clean edge, not a jagged plateau.
                let cell = clipBelow(raw, cap: cap)
                guard cell.count >= 3 else { continue }
                let world = cell.map { ($0.0, $0.1, w($0.2)) }
                let projected = world.map { cam.project($0.0, $0.1, $0.2) }
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
                let c = ColorMap.viridis.color(at: mean / cap)
                let lit = Color(red: c.red * shade, green: c.green * shade, blue: c.blue * shade)
                quads.append(Quad(points: projected.map(\.0), depth: projected.map(\.1).reduce(0, +) / Double(cell.count), color: lit))
            }
        }
        // Painter's algorithm: farthest first.
        quads.sort { $0.depth < $1.depth }
        // Fill only (a stroke per cell doubles the SVG); each cell grows 2 % about its centre so
        // anti-aliased neighbours overlap instead of showing hairline seams.
        var marks: [Mark] = quads.map { q in
            let cx = q.points.map(\.x).reduce(0, +) / Double(q.points.count)
            let cy = q.points.map(\.y).reduce(0, +) / Double(q.points.count)
            let grown = q.points.map { Point(cx + 1.02 * ($0.x - cx), cy + 1.02 * ($0.y - cy)) }
            return .shape(Shape(.polygon(grown), fill: .color(q.color)))
        }

        // Axes on the base and a vertical KL axis, on the edges nearest the viewer.
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
        let muA = p(-0.5, vNear, base), muB = p(0.5, vNear, base)
        let sgA = p(uNear, -0.5, base), sgB = p(uNear, 0.5, base)
        let vFar = -vNear
        let klA = p(uNear, vFar, base), klB = p(uNear, vFar, base + height)
        marks += [line(muA, muB), line(sgA, sgB), line(klA, klB)]
        for t in niceTicks(s.muRange.lowerBound, s.muRange.upperBound) {
            let q = p(u(t), vNear, base)
            marks.append(.text(TextLabel(fixedText(t, 2), at: outward(q, 0.07), scale: 0.85, color: .foreground)))
        }
        for t in niceTicks(s.sigmaRange.lowerBound, s.sigmaRange.upperBound) {
            let q = p(uNear, v(t), base)
            marks.append(.text(TextLabel(fixedText(t, 2), at: outward(q, 0.07), scale: 0.85, color: .foreground)))
        }
        // No label at 0: that corner already carries the last σ tick.
        // Seen from high above, the KL axis is foreshortened: fewer labels so they do not pile up.
        let klTicks = niceTicks(0, cap, target: hypot(klB.x - klA.x, klB.y - klA.y) > 0.3 ? 4 : 2)
        for t in klTicks where t > 0 {
            let q = p(uNear, vFar, w(t))
            let side: HorizontalAnchor = q.x < centre.x ? .right : .left
            marks.append(.text(TextLabel(fixedText(t, 2), at: Point(q.x + (side == .right ? -0.025 : 0.025), q.y),
                                         horizontal: side, scale: 0.85, color: .foreground)))
        }
        let muMid = p(0, vNear, base), sgMid = p(uNear, 0, base), klMid = p(uNear, vFar, base + height * 1.12)
        marks.append(.text(TextLabel("$\\mu$", at: outward(muMid, 0.2), color: .foreground)))
        marks.append(.text(TextLabel("$\\sigma$", at: outward(sgMid, 0.2), color: .foreground)))
        // Anchored toward the middle so the label grows into the panel, not off its edge.
        marks.append(.text(TextLabel("KL [nats]", at: klMid, horizontal: klMid.x < centre.x ? .left : .right,
                                     vertical: .bottom, scale: 0.9, color: .foreground)))
        // The minimum, on top of everything.
        let mq = p(u(s.mu0), v(s.sigma0), w(0))
        marks.append(.scatter(Scatter(points: [mq], marker: .star, size: 0.9 * baseFont,
                                      label: "minimum $(\\mu_0,\\sigma_0)$: KL = 0", color: .color(OkabeIto.vermillion), edgeColor: .color(.white))))
        // Limits from the mesh and axes with a margin for the tick and axis labels around them
        // (the diagram's automatic limits see only the anchor points of text).
        var xs: [Double] = [], ys: [Double] = []
        for q in quads { for pt in q.points { xs.append(pt.x); ys.append(pt.y) } }
        for pt in [muA, muB, sgA, sgB, klA, klB] { xs.append(pt.x); ys.append(pt.y) }
        let x0 = (xs.min() ?? -1) - 0.16, x1 = (xs.max() ?? 1) + 0.16
        let y0 = (ys.min() ?? -1) - 0.16, y1 = (ys.max() ?? 1) + 0.1
        return Panel.diagram(title: panelTitle(s, forward: forward), marks: marks, legend: .lowerRight, x: x0...x1, y: y0...y1)
    }
}
