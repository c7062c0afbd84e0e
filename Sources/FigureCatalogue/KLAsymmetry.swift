import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// KL(p‖q) vs KL(q‖p): the two distributions, the per-outcome terms in both directions, both totals.
    static let klAsymmetry = CatalogueEntry(
        name: "kl-asymmetry",
        summary: "KL divergence is not symmetric: p and q side by side, the per-outcome terms of KL(p‖q) and KL(q‖p), and both totals",
        parameters: [
            ParameterSpec("p", .numbers, default: CourseData.animalP, help: "first distribution p (sums to 1)"),
            ParameterSpec("q", .numbers, default: CourseData.concentratedQ, help: "second distribution q over the same outcomes (sums to 1)"),
            ParameterSpec("labels", .strings, default: CourseData.animalLabels, help: "outcome names, one per entry of p"),
            CourseFigures.unitParameter(default: .bits),
        ],
        build: KLAsymmetryFigure.build)
}

enum KLAsymmetryFigure {
    struct Numbers { var p, q, forwardTerms, reverseTerms: [Double]; var forward, reverse: Double }

    static func numbers(_ args: FigureArguments) throws -> Numbers {
        let fig = args.figure, unit = CourseFigures.unit(args)
        let p = try CourseFigures.probabilities(args, "p")
        let q = try CourseFigures.probabilities(args, "q")
        try CourseFigures.requireSameLength(fig, p, q, "p", "q")
        return try CourseFigures.checked(fig, "q") {
            Numbers(p: p, q: q, forwardTerms: try klTerms(p, q, unit: unit), reverseTerms: try klTerms(q, p, unit: unit),
                    forward: try klDivergence(p, q, unit: unit), reverse: try klDivergence(q, p, unit: unit))
        }
    }

    static func logSymbol(_ unit: InfoUnit) -> String {
        switch unit {
        case .bits: "\\log_2"
        case .nats: "\\ln"
        case .hartleys: "\\log_{10}"
        }
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let unit = CourseFigures.unit(args)
        let n = try numbers(args)
        let labels = try CourseFigures.labels(args, "labels", count: n.p.count)
        let theme = ctx.theme
        let pColor = CourseFigures.color(theme, 0), qColor = CourseFigures.color(theme, 1)
        let d = CourseFigures.decimals(for: [n.forward, n.reverse])
        let f = { (x: Double) in CourseFigures.fixed(x, d) }

        let left = Panel(title: "Distributions", y: Axis(label: "probability"),
                         marks: [.bars(Bars(categories: labels, series: [
                             .init(label: "$p$", values: n.p, color: pColor), .init(label: "$q$", values: n.q, color: qColor)],
                                            showValues: true))],
                         legend: .auto)

        // Infinite terms (q = 0 where p > 0) are drawn as bars running off the top, marked ∞.
        let allTerms = n.forwardTerms + n.reverseTerms
        let finite = allTerms.filter(\.isFinite)
        let hi = max(finite.max() ?? 0, 0), lo = min(finite.min() ?? 0, 0)
        let span = max(hi - lo, 1e-9)
        let top = hi + 0.42 * span, bottom = lo - 0.12 * span
        let shown = { (xs: [Double]) in xs.map { $0.isFinite ? $0 : 10 * top } }
        var marks: [Mark] = [
            .reference(ReferenceLine(.horizontal, at: 0, color: theme.foreground, style: .solid)),
            .bars(Bars(categories: labels, series: [
                .init(label: "$p\\,\(logSymbol(unit))(p/q)$", values: shown(n.forwardTerms), color: pColor),
                .init(label: "$q\\,\(logSymbol(unit))(q/p)$", values: shown(n.reverseTerms), color: qColor),
            ])),
        ]
        for (k, terms) in [n.forwardTerms, n.reverseTerms].enumerated() {
            for (i, t) in terms.enumerated() where !t.isFinite {
                let x = Double(i) + (k == 0 ? -0.2 : 0.2)
                marks.append(.text(TextLabel("∞", at: Point(x, top - 0.04 * span), vertical: .top, scale: 1.3,
                                             color: theme.background)))
            }
        }
        marks.append(.text(TextLabel("$D_{\\mathrm{KL}}(p\\|q)$ = \(f(n.forward)) \(unit.rawValue)\n$D_{\\mathrm{KL}}(q\\|p)$ = \(f(n.reverse)) \(unit.rawValue)",
                                     at: Point(0.03, 0.97), coordinates: .axesFraction, horizontal: .left, vertical: .top,
                                     boxed: true)))
        let right = Panel(title: "Terms of the two sums", y: Axis(label: "[\(unit.rawValue)]", limits: .fixed(bottom, top)),
                          marks: marks, legend: .upperRight)

        let text = "Two distributions over \(labels.joined(separator: ", ")): p = (\(CourseFigures.list(n.p))) and q = (\(CourseFigures.list(n.q))). "
            + "Per-outcome terms of KL(p‖q) in \(unit.rawValue): \(CourseFigures.list(n.forwardTerms, 4)); of KL(q‖p): \(CourseFigures.list(n.reverseTerms, 4)). "
            + "KL(p‖q) = \(f(n.forward)) \(unit.rawValue) but KL(q‖p) = \(f(n.reverse)) \(unit.rawValue): the divergence depends on the direction."
        return Figure(title: "KL divergence is asymmetric", description: text, size: ctx.size, theme: theme, panels: [left, right])
    }
}
