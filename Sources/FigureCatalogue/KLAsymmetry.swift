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
        sizeNote: KLAsymmetryFigure.sizeNote,
        build: KLAsymmetryFigure.build)
}

enum KLAsymmetryFigure {
    struct Numbers { var p, q, forwardTerms, reverseTerms: [Double]; var forward, reverse: Double }

    static let sizeNote = CourseFigures.sizeNote(kept: "the terms-and-sums panel is", dropped: "the distributions panel is")

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

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let unit = CourseFigures.unit(args)
        let n = try numbers(args)
        let labels = try CourseFigures.labels(args, "labels", count: n.p.count)
        let theme = ctx.theme
        let pColor: Paint = .series(0), qColor: Paint = .series(1)
        let d = CourseFigures.decimals(for: [n.forward, n.reverse])
        let f = { (x: Double) in CourseFigures.fixed(x, d) }

        let left = Panel(title: "Distributions", y: Axis(label: "probability"),
                         marks: [.bars(Bars(categories: labels, series: [
                             .init(label: "$p$", values: n.p, color: pColor), .init(label: "$q$", values: n.q, color: qColor)],
                                            showValues: true))],
                         legend: .auto)

        // The terms of each sum per outcome, then a last group with the two sums themselves.
        // Infinite values (q = 0 where p > 0) are drawn as bars running off the top, marked ∞.
        let forward = n.forwardTerms + [n.forward], reverse = n.reverseTerms + [n.reverse]
        let finite = (forward + reverse).filter(\.isFinite)
        let hi = max(finite.max() ?? 0, 0), lo = min(finite.min() ?? 0, 0)
        let span = max(hi - lo, 1e-9)
        // Bars running off the top take the upper corners, so the legend then goes to a widened bottom.
        let infinite = (forward + reverse).contains { !$0.isFinite }
        let top = hi + 0.3 * span, bottom = lo - (infinite ? 0.45 : (lo < 0 ? 0.08 : 0.02)) * span
        let shown = { (xs: [Double]) in xs.map { $0.isFinite ? $0 : 10 * top } }
        let k = labels.count
        let sumLabel = "sum"
        var marks: [Mark] = [
            .reference(ReferenceLine(.horizontal, at: 0, color: .foreground, style: .solid)),
            .reference(ReferenceLine(.vertical, at: Double(k) - 0.5, color: .muted, style: .dotted)),
            .bars(Bars(categories: labels + [sumLabel], series: [
                .init(label: "$p\\,\(CourseFigures.logSymbol(unit))(p/q)$ (sum \(f(n.forward)))", values: shown(forward), color: pColor),
                .init(label: "$q\\,\(CourseFigures.logSymbol(unit))(q/p)$ (sum \(f(n.reverse)))", values: shown(reverse), color: qColor),
            ])),
        ]
        for (side, values) in [(-0.2, forward), (0.2, reverse)] {
            for (i, t) in values.enumerated() {
                let x = Double(i) + side
                if !t.isFinite {
                    marks.append(.text(TextLabel("∞", at: Point(x, top - 0.03 * span), vertical: .top, scale: 1.2,
                                                 color: .background)))
                }
            }
        }
        let right = Panel(title: "Terms and sums: $D_{\\mathrm{KL}}(p\\|q)$ vs $D_{\\mathrm{KL}}(q\\|p)$",
                          y: Axis(label: "[\(unit.rawValue)]", limits: .fixed(bottom, top)),
                          marks: marks, legend: infinite ? .lowerCenter : .auto)

        var text = "Two distributions over \(labels.joined(separator: ", ")): p = (\(CourseFigures.list(n.p))) and q = (\(CourseFigures.list(n.q))). "
            + "Per-outcome terms of KL(p‖q) in \(unit.rawValue): \(CourseFigures.list(n.forwardTerms, 4)); of KL(q‖p): \(CourseFigures.list(n.reverseTerms, 4)). "
            + "KL(p‖q) = \(withUnit(f(n.forward), unit)) but KL(q‖p) = \(withUnit(f(n.reverse), unit)): the divergence depends on the direction."
        let (panels, columns, dropped) = CourseFigures.arrange([left, right], essential: [1], size: ctx.size)
        if dropped { text += " " + sizeNote }
        return Figure(title: "KL divergence is asymmetric", description: text, size: ctx.size, theme: theme, panels: panels,
                      columns: columns)
    }
}
