import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// p vs q as grouped bars with H(p), H(p,q) and KL(p‖q) annotated.
    static let distributionCompare = CatalogueEntry(
        name: "distribution-compare",
        summary: "A true distribution p and a model q as grouped bars, with entropy, cross-entropy and KL divergence annotated",
        parameters: [
            ParameterSpec("labels", .strings, default: CourseData.weatherLabels, help: "outcome names, one per entry of p"),
            ParameterSpec("p", .numbers, default: CourseData.weatherP, help: "the true distribution p (sums to 1)"),
            ParameterSpec("q", .numbers, default: CourseData.weatherQ, help: "the model or forecast q (sums to 1)"),
            ParameterSpec("p_name", .string, default: .string("truth $p$"), help: "legend entry for p"),
            ParameterSpec("q_name", .string, default: .string("forecast $q$"), help: "legend entry for q"),
            CourseFigures.unitParameter(default: .bits),
        ],
        build: DistributionCompareFigure.build)
}

enum DistributionCompareFigure {
    static func numbers(_ args: FigureArguments) throws -> (p: [Double], q: [Double], h: Double, ce: Double, kl: Double) {
        let fig = args.figure, unit = CourseFigures.unit(args)
        let p = try CourseFigures.probabilities(args, "p")
        let q = try CourseFigures.probabilities(args, "q")
        try CourseFigures.requireSameLength(fig, p, q, "p", "q")
        return try CourseFigures.checked(fig, "q") {
            (p, q, try entropy(p, unit: unit), try crossEntropy(p, q, unit: unit), try klDivergence(p, q, unit: unit))
        }
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let unit = CourseFigures.unit(args)
        let (p, q, h, ce, kl) = try numbers(args)
        let labels = try CourseFigures.labels(args, "labels", count: p.count)
        let pName = args.string("p_name"), qName = args.string("q_name")
        let d = CourseFigures.decimals(for: [kl, h, ce], minimum: 4)
        let f = { (x: Double) in CourseFigures.fixed(x, d) }
        let u = unit.rawValue
        let top = (p + q).max() ?? 1
        let summary = "$H(p)$ = \(f(h)) \(u)\n$H(p,q)$ = \(f(ce)) \(u)\n$D_{\\mathrm{KL}}(p\\|q)$ = \(f(kl)) \(u)"
        let panel = Panel(
            x: Axis(), y: Axis(label: "probability", limits: .fixed(0, top * 1.38)),
            marks: [
                .bars(Bars(categories: labels, series: [
                    .init(label: pName, values: p, color: .series(0)),
                    .init(label: qName, values: q, color: .series(1))], showValues: true)),
                .text(TextLabel(summary, at: Point(0.98, 0.97), coordinates: .axesFraction, horizontal: .right, vertical: .top,
                                boxed: true)),
            ],
            legend: .upperLeft)
        let plainP = pName.replacingOccurrences(of: "$", with: ""), plainQ = qName.replacingOccurrences(of: "$", with: "")
        let text = "Grouped bars of \(plainP) = (\(CourseFigures.list(p))) and \(plainQ) = (\(CourseFigures.list(q))) over "
            + "\(labels.joined(separator: ", ")). Entropy H(p) = \(f(h)) \(u), cross-entropy H(p,q) = \(f(ce)) \(u), "
            + "KL divergence KL(p‖q) = \(f(kl)) \(u)."
        return Figure(title: (plainP.first.map { String($0).uppercased() } ?? "") + plainP.dropFirst() + " vs \(plainQ)", description: text, size: ctx.size, theme: ctx.theme, panels: [panel])
    }
}
