import Foundation
import FigureModel

/// Demo figures shaped like the four design-card figures plus a bar chart: they exercise every
/// mark kind and are what the visual checks and renderer tests draw.
enum FigureDemos {
    static func entropy(theme: Theme = .light, size: FigureSize = .inches(6.4, 4)) throws -> Figure {
        let ps = (0...1000).map { Double($0) / 1000 }
        func h(_ p: Double) -> Double { (p <= 0 || p >= 1) ? 0 : -(p * log2(p) + (1 - p) * log2(1 - p)) }
        let left = Panel(
            title: "Entropy $H(p)$",
            x: Axis(label: "$p = \\Pr[X = 1]$"), y: Axis(label: "$H(p)$ [bits]", limits: .fixed(0, 1.18)),
            marks: [
                .line(Line(x: ps, y: ps.map(h), label: "$H(p) = -p\\log_2 p - (1-p)\\log_2(1-p)$")),
                .scatter(Scatter(points: [Point(0.5, 1), Point(0.9, h(0.9))], color: .color(OkabeIto.vermillion))),
                .annotation(Annotation("$p = 0.5$: $H = 1$ bit", point: Point(0.5, 1), textAt: Point(0.5, 0.62))),
                .annotation(Annotation("$p = 0.9$: $H = \(String(format: "%.3f", h(0.9)))$ bits", point: Point(0.9, h(0.9)),
                                       textAt: Point(0.62, 0.16))),
            ])
        let qs = ps.dropFirst().map { $0 }
        let right = Panel(
            title: "Surprisal $-\\log_2 p$",
            x: Axis(label: "$p$"), y: Axis(label: "surprisal [bits]", limits: .fixed(0, 10.5)),
            marks: [
                .line(Line(x: qs, y: qs.map { -log2($0) }, label: "$-\\log_2 p$", color: nil, style: .dashed)),
                .scatter(Scatter(points: [Point(0.5, 1), Point(0.9, -log2(0.9))], color: .color(OkabeIto.vermillion))),
                .annotation(Annotation("$-\\log_2 0.5 = 1$ bit", point: Point(0.5, 1), textAt: Point(0.45, 4))),
            ])
        return Figure(title: "Binary entropy and surprisal",
                      description: "Binary entropy H(p) in bits for p from 0 to 1, maximum 1 bit at p = 0.5, and surprisal −log₂ p.",
                      size: size, theme: theme, heading: "Binary entropy and surprisal", panels: [left, right])
    }

    static func klFits(theme: Theme = .light, size: FigureSize = .inches(6.4, 4)) -> Figure {
        let xs = (0...4000).map { -6 + 12 * Double($0) / 4000 }
        func n(_ x: Double, _ m: Double, _ s: Double) -> Double { exp(-0.5 * (x - m) * (x - m) / (s * s)) / (s * (2 * .pi).squareRoot()) }
        let p = xs.map { 0.5 * n($0, -2, 0.6) + 0.5 * n($0, 2, 0.6) }
        let sf = (0.36 + 4).squareRoot()
        let panel = Panel(
            x: Axis(label: "$x$"), y: Axis(label: "density"),
            marks: [
                .area(Area(x: xs, upper: p, color: .color(Color(hex: 0x9E9E9E)), opacity: 0.35)),
                .line(Line(x: xs, y: p, label: "target $p$", color: .color(Color(hex: 0x6E6E6E)), width: 1.2)),
                .line(Line(x: xs, y: xs.map { n($0, 0, sf) }, label: "forward fit $\\mathcal{N}(0, \(String(format: "%.2f", sf))^2)$")),
                .line(Line(x: xs, y: xs.map { n($0, 2, 0.6) }, label: "reverse fit $\\mathcal{N}(2, 0.60^2)$")),
            ])
        return Figure(title: "Forward vs reverse KL fits",
                      description: "A bimodal target with the mass-covering forward-KL Gaussian fit and the mode-seeking reverse-KL fit.",
                      size: size, theme: theme, panels: [panel])
    }

    static func venn(theme: Theme = .light, size: FigureSize = .inches(6.4, 4)) -> Figure {
        let blue: Paint = .series(0), orange: Paint = .series(1)
        let marks: [Mark] = [
            .shape(Shape(.circle(center: Point(-0.45, 0), radius: 0.8), fill: blue.opacity(0.3), stroke: blue, label: "$X$")),
            .shape(Shape(.circle(center: Point(0.45, 0), radius: 0.75), fill: orange.opacity(0.3), stroke: orange, label: "$Y$")),
            .text(TextLabel("$H(X|Y)$\n0.557 bits", at: Point(-0.85, 0))),
            .text(TextLabel("$I(X;Y)$\n0.324\nbits", at: Point(0.0, 0))),
            .text(TextLabel("$H(Y|X)$\n0.542 bits", at: Point(0.82, 0))),
            .shape(Shape(.polyline([Point(-1.25, 0.85), Point(-1.25, 0.92), Point(0.35, 0.92), Point(0.35, 0.85)]), stroke: blue)),
            .text(TextLabel("$H(X) = 0.881$ bits", at: Point(-0.45, 0.95), vertical: .bottom, color: blue)),
            .shape(Shape(.polyline([Point(-1.25, -0.85), Point(-1.25, -0.92), Point(1.2, -0.92), Point(1.2, -0.85)]),
                         stroke: .foreground)),
            .text(TextLabel("$H(X,Y) = 1.423$ bits", at: Point(0, -0.96), vertical: .top)),
            .text(TextLabel("joint $p(x,y)$\n0.56  0.14\n0.04  0.26", at: Point(1.55, 0), horizontal: .left, boxed: true)),
        ]
        return Figure(title: "Entropy Venn diagram",
                      description: "Information diagram for the weather/umbrella table: H(X|Y), I(X;Y) and H(Y|X) in bits.",
                      size: size, theme: theme, panels: [.diagram(title: "Entropy Venn diagram", marks: marks, legend: .auto)])
    }

    static func klSurface(theme: Theme = .light, size: FigureSize = .inches(6.4, 4), n: Int = 400) throws -> Figure {
        let grid = try Grid2D(x: -3...3, y: 0.2...3, nx: n, ny: n) { m, s in 0.5 * (s * s + m * m - 1) - log(s) }
        let panel = Panel(
            title: "$\\mathrm{KL}(\\mathcal{N}(\\mu, \\sigma^2) \\| \\mathcal{N}(0, 1))$",
            x: Axis(label: "$\\mu$"), y: Axis(label: "$\\sigma$"),
            marks: [
                .heatmap(Heatmap(grid)),
                .contour(Contour(grid, levels: .values([0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 6]))),
                .scatter(Scatter(points: [Point(0, 1)], marker: .star, size: 11, label: "minimum $(0, 1)$, KL = 0",
                                 color: .color(OkabeIto.vermillion), edgeColor: .color(.white))),
            ],
            colorbar: Colorbar(label: "KL [nats]"), frame: .box, grid: false)
        return Figure(title: "Gaussian KL surface",
                      description: "KL divergence of N(μ, σ²) from N(0, 1) over μ in [−3, 3] and σ in [0.2, 3]; minimum 0 at (0, 1).",
                      size: size, theme: theme, panels: [panel])
    }

    static func bars(theme: Theme = .light, size: FigureSize = .inches(6.4, 4)) -> Figure {
        let cats = ["dog", "cat", "bird", "fish"]
        let grouped = Panel(title: "$p$ vs $q$", x: Axis(label: "class"), y: Axis(label: "probability"),
                            marks: [.bars(Bars(categories: cats, series: [
                                .init(label: "$p$", values: [0.5, 0.3, 0.15, 0.05]),
                                .init(label: "$q$", values: [0.4, 0.4, 0.1, 0.1])], showValues: true))])
        let stacked = Panel(title: "$H(p) + \\mathrm{KL} = H(p, q)$", x: Axis(label: "model"), y: Axis(label: "bits"),
                            marks: [.bars(Bars(categories: ["A", "B", "C"], series: [
                                .init(label: "$H(p)$", values: [1.65, 1.65, 1.65]),
                                .init(label: "$\\mathrm{KL}(p\\|q)$", values: [0.08, 0.35, 0.9])], mode: .stacked)),
                                .reference(ReferenceLine(.horizontal, at: 1.65, label: "$H(p)$ = 1.65"))],
                            legend: .upperLeft)
        return Figure(title: "Bars", description: "Grouped and stacked bars.", size: size, theme: theme,
                      panels: [grouped, stacked])
    }

    /// Every other mark kind: log axes, all marker shapes, ellipse/polygon/arrow, a painter's-algorithm
    /// mesh in a diagram panel, a magma heatmap with colour-mapped contours, legend outside.
    static func marks(theme: Theme = .light, size: FigureSize = .inches(8, 6)) throws -> Figure {
        let ns = (0...40).map { pow(10, Double($0) / 10) }
        let shapes = MarkerShape.allCases
        let scatter: [Mark] = shapes.enumerated().map { k, shape in
            .scatter(Scatter(points: (0..<5).map { Point(pow(10, Double($0) + 0.3 * Double(k) / 7), 1 / pow(10, Double($0) * 0.5) * Double(k + 1)) },
                             marker: shape, label: shape.rawValue))
        }
        let logPanel = Panel(title: "Log–log", x: Axis(label: "$n$", scale: .log), y: Axis(label: "error", scale: .log),
                             marks: [.line(Line(x: ns, y: ns.map { 1 / $0.squareRoot() }, label: "$n^{-1/2}$", style: .dotted))] + scatter,
                             legend: .outsideRight)
        let geo = Panel(title: "Shapes", x: Axis(label: "$x$"), y: Axis(label: "$y$"),
                        marks: [
                            .shape(Shape(.ellipse(center: Point(0, 0), rx: 2, ry: 1, rotation: 30), fill: Paint.series(2).opacity(0.3),
                                         stroke: .series(2), label: "ellipse")),
                            .shape(Shape(.polygon([Point(1, 1), Point(2.5, 1.5), Point(1.5, 2.5)]), fill: Paint.series(3).opacity(0.4),
                                         stroke: .series(3), style: .dashed, label: "polygon")),
                            .arrow(Arrow(from: Point(-2, 2), to: Point(-0.5, 0.5))),
                            .arrow(Arrow(from: Point(-2.5, -2), to: Point(2.5, -2), doubleHeaded: true)),
                            .text(TextLabel("width", at: Point(0, -2), vertical: .bottom)),
                            .reference(ReferenceLine(.vertical, at: 0)),
                        ], equalAspect: true)
        // A 3-D surface z = exp(-(x²+y²)) as a shaded mesh, projected and painted back to front.
        var quads: [(depth: Double, pts: [Point], shade: Double)] = []
        let az = 0.7, el = 0.5, n = 14
        func proj(_ x: Double, _ y: Double, _ z: Double) -> (Point, Double) {
            let xr = x * cos(az) - y * sin(az), yr = x * sin(az) + y * cos(az)
            return (Point(xr, yr * sin(el) + 1.6 * z * cos(el)), yr * cos(el) - z * sin(el))
        }
        for i in 0..<n {
            for j in 0..<n {
                let x0 = -2 + 4 * Double(i) / Double(n), x1 = -2 + 4 * Double(i + 1) / Double(n)
                let y0 = -2 + 4 * Double(j) / Double(n), y1 = -2 + 4 * Double(j + 1) / Double(n)
                let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)].map { proj($0.0, $0.1, exp(-($0.0 * $0.0 + $0.1 * $0.1))) }
                let zc = exp(-(((x0 + x1) / 2) * ((x0 + x1) / 2) + ((y0 + y1) / 2) * ((y0 + y1) / 2)))
                quads.append((corners.map(\.1).reduce(0, +) / 4, corners.map(\.0), zc))
            }
        }
        quads.sort { $0.depth > $1.depth }
        let mesh = Panel.diagram(title: "Mesh (painter's algorithm)", marks: quads.map {
            .shape(Shape(.polygon($0.pts), fill: .color(ColorMap.magma.color(at: 0.15 + 0.8 * $0.shade)), stroke: .background, strokeWidth: 0.4))
        })
        let grid = try Grid2D(x: -2...2, y: -2...2, nx: 60, ny: 60) { x, y in sin(x) * cos(y) }
        let heat = Panel(title: "Magma + saddles", x: Axis(label: "$x$"), y: Axis(label: "$y$"),
                         marks: [.heatmap(Heatmap(grid, colorMap: .magma)), .contour(Contour(grid, levels: .count(6)))],
                         colorbar: Colorbar(label: "$\\sin x \\cos y$"), frame: .box, grid: false)
        return Figure(title: "Marks", description: "Every mark kind.", size: size, theme: theme, panels: [logPanel, geo, mesh, heat], columns: 2)
    }

    static func all(theme: Theme) throws -> [(String, Figure)] {
        [("entropy-curve", try entropy(theme: theme)), ("kl-fits", klFits(theme: theme)), ("venn", venn(theme: theme)),
         ("gaussian-kl-surface", try klSurface(theme: theme)), ("bars", bars(theme: theme)), ("marks", try marks(theme: theme))]
    }
}
