import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// L(p) and ℓ(p) = log L(p) of coin flips, sharing the p axis, with the MLE marked.
    static let likelihoodCurve = CatalogueEntry(
        name: "likelihood-curve",
        summary: "Likelihood L(p) and log-likelihood ℓ(p) of coin flips (default 4 heads, 1 tail) with the MLE p̂ marked",
        parameters: [
            ParameterSpec("heads", .integer, default: .number(4), help: "number of heads observed (≥ 0)"),
            ParameterSpec("tails", .integer, default: .number(1), help: "number of tails observed (≥ 0)"),
        ],
        build: LikelihoodCurveFigure.build)
}

enum LikelihoodCurveFigure {
    static func counts(_ args: FigureArguments) throws -> (heads: Int, tails: Int, mle: BernoulliMLE) {
        let h = args.integer("heads"), t = args.integer("tails")
        guard h >= 0 else { throw CourseFigures.fail(args.figure, "heads", "\(h) is negative; expected a count ≥ 0") }
        guard t >= 0 else { throw CourseFigures.fail(args.figure, "tails", "\(t) is negative; expected a count ≥ 0") }
        guard h + t >= 1 else { throw CourseFigures.fail(args.figure, "heads", "heads + tails = 0; expected at least one flip") }
        guard h + t <= 100_000 else {
            throw CourseFigures.fail(args.figure, "heads", "heads + tails = \(h + t); expected at most 100000 flips")
        }
        return (h, t, try CourseFigures.checked(args.figure, "heads") { try bernoulliMLE(heads: h, tails: t) })
    }

    /// ℓ(p) → −∞ at p = 0 after a head and at p = 1 after a tail. There the grid's end point is
    /// replaced by points ever closer to it (down to 1e-15 away), which carry the curve far below
    /// any window, so the plot area clips it at its edge instead of it stopping in mid-air.
    static func logLikelihoodGrid(_ ps: [Double], heads h: Int, tails t: Int) -> [Double] {
        let approach = (1...15).map { pow(10, -Double($0)) }
        var grid = ps.filter { !(h > 0 && $0 == 0) && !(t > 0 && $0 == 1) }
        if h > 0 { grid += approach }
        if t > 0 { grid += approach.map { 1 - $0 } }
        return Array(Set(grid)).sorted()
    }

    /// p^h (1−p)^t in TeX, dropping exponents of 1 and factors with exponent 0.
    static func formula(_ h: Int, _ t: Int) -> String {
        let a = h == 0 ? "" : (h == 1 ? "p" : "p^{\(h)}")
        let b = t == 0 ? "" : (t == 1 ? "(1-p)" : "(1-p)^{\(t)}")
        return a + b
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let (h, t, mle) = try counts(args)
        let ps = CourseFigures.linspace(0, 1, 801)
        let ell = ps.map { (try? bernoulliLogLikelihood(p: $0, heads: h, tails: t)) ?? -.infinity }
        let curvePs = logLikelihoodGrid(ps, heads: h, tails: t)
        let ellCurve = curvePs.map { (try? bernoulliLogLikelihood(p: $0, heads: h, tails: t)) ?? -.infinity }
        // Long experiments push L(p̂) = e^{ℓ(p̂)} below the smallest double; then the top panel shows
        // the relative likelihood L(p)/L(p̂) instead, which has the same shape and maximum.
        let relative = mle.logLikelihood < -600
        let shift = relative ? mle.logLikelihood : 0
        let lik = ell.map { exp($0 - shift) }
        let pHat = mle.pHat, lHat = exp(mle.logLikelihood - shift)
        let theme = ctx.theme
        let curveColor: Paint = .series(0), accent: Paint = .series(1)
        // ℓ → −∞ at an end with a non-zero count; show a window below the maximum that keeps the shape.
        let n = Double(h + t)
        let floorEll = mle.logLikelihood - max(8, 2.5 * n.squareRoot() + 0.25 * n)
        let ellLo = max(ell.filter(\.isFinite).min() ?? floorEll, floorEll)
        let ellSpan = max(mle.logLikelihood - ellLo, 1e-9)

        let pText = CourseFigures.fixed(pHat, 3)
        let lText = lHat >= 1e-3 ? CourseFigures.fixed(lHat, 4) : formatNumber(lHat, significant: 4)
        let lName = relative ? "L(p)/L(\\hat p)" : "L(p)"
        let llText = CourseFigures.fixed(mle.logLikelihood, 3)
        // The value labels sit in the headroom above the maximum, on the side with more room,
        // where the curves (well below their maximum 0.3 away from p̂) never reach.
        let side = pHat > 0.5 ? -0.3 : 0.3
        let likPanel = Panel(
            title: relative ? "Relative likelihood $L(p)/L(\\hat p)$, $L(p) = \(formula(h, t))$" : "Likelihood $L(p) = \(formula(h, t))$",
            x: Axis(limits: .fixed(0, 1)), y: Axis(label: "$\(lName)$", limits: .fixed(0, lHat * 1.22)),
            marks: [
                .reference(ReferenceLine(.vertical, at: pHat, color: .muted, style: .dashed)),
                .line(Line(x: ps, y: lik, color: curveColor)),
                .scatter(Scatter(points: [Point(pHat, lHat)], color: accent)),
                .annotation(Annotation(relative ? "$\\hat p = \(pText)$" : "$\\hat p = \(pText)$, $L(\\hat p)$ = \(lText)", point: Point(pHat, lHat),
                                       textAt: Point(pHat + side, lHat * 1.04))),
            ], legend: .none)
        let ellPanel = Panel(
            title: "Log-likelihood $\\ell(p) = \\ln L(p)$",
            x: Axis(label: "probability of heads $p$", limits: .fixed(0, 1)),
            y: Axis(label: "$\\ell(p)$", limits: .fixed(ellLo - 0.04 * ellSpan, mle.logLikelihood + 0.24 * ellSpan)),
            marks: [
                .reference(ReferenceLine(.vertical, at: pHat, color: .muted, style: .dashed)),
                .line(Line(x: curvePs, y: ellCurve, color: curveColor)),
                .scatter(Scatter(points: [Point(pHat, mle.logLikelihood)], color: accent)),
                .annotation(Annotation("$\\hat p = \(pText)$, $\\ell(\\hat p)$ = \(llText)", point: Point(pHat, mle.logLikelihood),
                                       textAt: Point(pHat + side, mle.logLikelihood + 0.1 * ellSpan))),
            ], legend: .none)
        let heads = CourseFigures.count(h, "head"), tails = CourseFigures.count(t, "tail")
        let plainL = CourseFigures.plainPower("p", h) + CourseFigures.plainPower("(1 − p)", t)
        let text = "Likelihood L(p) = \(plainL) (top) and log-likelihood ℓ(p) = ln L(p) (bottom) for \(heads) and \(tails), "
            + "p from 0 to 1. Both peak at the maximum-likelihood estimate p̂ = \(h)/\(h + t) = \(pText), where L(p̂) = \(relative ? "e^\(llText)" : lText) "
            + "and ℓ(p̂) = \(withUnit(llText, .nats))."
        return Figure(title: "Likelihood and log-likelihood for \(heads), \(tails)", description: text, size: ctx.size,
                      theme: theme, panels: [likPanel, ellPanel], columns: 1, sharedX: true)
    }
}
