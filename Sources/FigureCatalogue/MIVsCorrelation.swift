import Foundation
import FigureModel
import InfoTheory
import PlotGrammar

extension CatalogueEntry {
    /// Y = X² + noise: no correlation, plenty of mutual information; a linear sample for contrast.
    static let miVsCorrelation = CatalogueEntry(
        name: "mi-vs-correlation",
        summary: "Scatter of Y = X² + noise with Pearson correlation and KSG mutual information annotated, beside a linear sample",
        parameters: [
            ParameterSpec("n", .integer, default: .number(500), help: "number of samples (10 to 20000)"),
            ParameterSpec("noise", .number, default: .number(0.1), help: "standard deviation of the Gaussian noise added to X² (≥ 0)"),
            ParameterSpec("seed", .integer, default: .number(42), help: "seed of the deterministic random generator (SplitMix64)"),
            ParameterSpec("contrast", .boolean, default: .bool(true),
                          help: "add a panel with the linear relation Y = X + N(0, 1.5²) for contrast"),
        ],
        sizeNote: MIVsCorrelationFigure.sizeNote,
        build: MIVsCorrelationFigure.build)
}

enum MIVsCorrelationFigure {
    /// Neighbours in the KSG estimator (Kraskov et al. 2004 recommend 2–4).
    static let k = 3
    static let sizeNote = CourseFigures.sizeNote(kept: "the Y = X² panel is", dropped: "the linear contrast panel (contrast=true) is")
    /// Noise of the linear contrast sample: enough that its correlation is high but its information low.
    static let contrastNoise = 1.5

    struct Sample { var x: [Double]; var y: [Double]; var r: Double; var mi: Double }

    /// X ~ U(−3, 3) (the course's range), then Y = X² + noise·Z and the contrast Y = X + 1.5·Z′, all
    /// from one SplitMix64 stream in that order: n uniforms, n normals, n normals.
    static func samples(_ args: FigureArguments) throws -> (quadratic: Sample, linear: Sample) {
        let fig = args.figure
        let n = args.integer("n"), noise = args.number("noise"), seed = args.integer("seed")
        guard (10...20_000).contains(n) else { throw CourseFigures.fail(fig, "n", "\(n) samples; expected 10 to 20000") }
        guard noise >= 0, noise <= 100 else { throw CourseFigures.fail(fig, "noise", "\(formatNumber(noise)); expected a standard deviation from 0 to 100") }
        var rng = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        let x = (0..<n).map { _ in -3 + 6 * rng.uniform() }
        let z1 = rng.normals(n), z2 = rng.normals(n)
        let yq = zip(x, z1).map { $0 * $0 + noise * $1 }
        let yl = zip(x, z2).map { $0 + contrastNoise * $1 }
        func sample(_ y: [Double]) throws -> Sample {
            try CourseFigures.checked(fig, "noise") {
                Sample(x: x, y: y, r: try pearsonCorrelation(x, y), mi: try ksgMutualInformation(x, y, k: k))
            }
        }
        return (try sample(yq), try sample(yl))
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let (quad, lin) = try samples(args)
        let noise = args.number("noise"), n = args.integer("n"), contrast = args.bool("contrast")
        let theme = ctx.theme
        let marker = max(1.6, min(4.5, 60 / Double(n).squareRoot())) * ctx.size.baseFontSize / 10
        func stats(_ s: Sample) -> String {
            "$r$ = \(CourseFigures.fixed(s.r, 3))\n$\\hat I(X;Y)$ = \(withUnit(CourseFigures.fixed(s.mi, 3), .nats))"
        }
        func panel(_ s: Sample, title: String, color: Paint, at: Point, horizontal: HorizontalAnchor) -> Panel {
            let ys = s.y.sorted()
            let lo = ys.first ?? 0, hi = ys.last ?? 1
            return Panel(title: title, x: Axis(label: "$X$"), y: Axis(label: "$Y$", limits: .fixed(lo - 0.05 * (hi - lo), hi + 0.3 * (hi - lo))),
                         marks: [
                            .scatter(Scatter(points: zip(s.x, s.y).map { Point($0, $1) }, size: marker, color: color.opacity(0.7),
                                             edgeColor: color.opacity(0))),
                            .text(TextLabel(stats(s), at: at, coordinates: .axesFraction, horizontal: horizontal, vertical: .top, boxed: true)),
                         ], legend: .none)
        }
        let noiseText = formatNumber(noise)
        var panels = [panel(quad, title: "$Y = X^2 + \\varepsilon$, $\\sigma_\\varepsilon = \(noiseText)$", color: .series(0),
                            at: Point(0.5, 0.97), horizontal: .center)]
        if contrast {
            panels.append(panel(lin, title: "$Y = X + \\varepsilon$, $\\sigma_\\varepsilon = \(formatNumber(contrastNoise))$",
                                color: .series(1), at: Point(0.04, 0.97), horizontal: .left))
        }
        var text = "Scatter of \(n) samples of X uniform on [−3, 3] and Y = X² + Gaussian noise with standard deviation \(noiseText) "
            + "(seed \(args.integer("seed"))): Pearson correlation r = \(CourseFigures.fixed(quad.r, 3)), yet the KSG estimate "
            + "(k = \(k)) of the mutual information is \(withUnit(CourseFigures.fixed(quad.mi, 3), .nats))."
        if contrast {
            text += " For contrast, Y = X + noise with standard deviation \(formatNumber(contrastNoise)) has r = \(CourseFigures.fixed(lin.r, 3)) "
                + "but only \(withUnit(CourseFigures.fixed(lin.mi, 3), .nats)) of mutual information."
        }
        let (arranged, columns, dropped) = CourseFigures.arrange(panels, essential: [0], size: ctx.size)
        if dropped { text += " " + Self.sizeNote }
        return Figure(title: "Mutual information vs correlation", description: text, size: ctx.size, theme: theme,
                      panels: arranged, columns: columns)
    }
}
