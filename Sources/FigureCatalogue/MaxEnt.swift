import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// Maximum-entropy distributions over given values for several prescribed means.
    static let maxent = CatalogueEntry(
        name: "maxent",
        summary: "Maximum-entropy distributions p(x) ∝ exp(λx) over given values for several target means",
        parameters: [
            ParameterSpec("values", .numbers, default: CourseFigures.numbers([0, 1, 2, 3, 4, 5]),
                          help: "the values x the distribution lives on (at least two distinct)"),
            ParameterSpec("means", .numbers, default: CourseFigures.numbers([1, 2, 2.5, 3.5]),
                          help: "target means E[X], each strictly between the smallest and largest value"),
        ],
        build: MaxEntFigure.build)
}

enum MaxEntFigure {
    static func solutions(_ args: FigureArguments) throws -> (values: [Double], means: [Double], dists: [MaxEntDistribution], entropies: [Double]) {
        let fig = args.figure
        let values = args.numbers("values"), means = args.numbers("means")
        guard values.count >= 2, Set(values).count >= 2 else {
            throw CourseFigures.fail(fig, "values", "expected at least two distinct values, got \(values.count)")
        }
        guard values.count <= 40 else { throw CourseFigures.fail(fig, "values", "\(values.count) values; expected at most 40") }
        guard !means.isEmpty, means.count <= 6 else {
            throw CourseFigures.fail(fig, "means", "\(means.count) means; expected 1 to 6 target means")
        }
        let dists = try means.map { m in try CourseFigures.checked(fig, "means") { try maxEntropyDistribution(values: values, mean: m) } }
        let hs = try dists.map { try entropy($0.p) }
        return (values, means, dists, hs)
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let (values, means, dists, hs) = try solutions(args)
        let theme = ctx.theme
        let series = zip(means, dists).enumerated().map { i, md in
            Bars.Series(label: "$\\mathbb{E}[X] = \(formatNumber(md.0))$, $\\lambda = \(CourseFigures.fixed(md.1.lambda, 3))$",
                        values: md.1.p, color: .series(i))
        }
        let top = dists.flatMap(\.p).max() ?? 1
        let average = values.reduce(0, +) / Double(values.count)
        let panel = Panel(
            title: "Maximum entropy: $p(x) \\propto e^{\\lambda x}$",
            x: Axis(label: "value $x$"), y: Axis(label: "$p(x)$", limits: .fixed(0, top * 1.35)),
            marks: [.bars(Bars(categories: values.map { formatNumber($0) }, series: series, groupWidth: 0.84))],
            legend: .upperCenter)
        let parts = zip(means, zip(dists, hs)).map { m, dh in
            "mean \(formatNumber(m)): λ = \(CourseFigures.fixed(dh.0.lambda, 4)), p = (\(CourseFigures.list(dh.0.p, 4))), H = \(withUnit(CourseFigures.fixed(dh.1, 4), .nats))"
        }
        let text = "Maximum-entropy distributions over the values \(values.map { formatNumber($0) }.joined(separator: ", ")) for \(means.count) target mean\(means.count == 1 ? "" : "s"): "
            + parts.joined(separator: "; ") + ". "
            + "The mean \(formatNumber(average)), the plain average of the values, gives the uniform distribution (λ = 0); other means tilt it exponentially."
        return Figure(title: "Maximum-entropy distributions for given means", description: text, size: ctx.size, theme: theme,
                      panels: [panel])
    }
}
