import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// Beta prior vs Beta posterior of a coin's bias, with the entropy drop this one outcome gave.
    /// Lindley's information (1956) is that drop's expectation over the outcomes an experiment can
    /// have; the figure shows one realised outcome, so it prints the realised drop and says so.
    static let lindley = CatalogueEntry(
        name: "lindley",
        summary: "Beta(α, β) prior and Beta posterior for a coin's probability of heads, with the realised entropy drop H(prior) − H(posterior)",
        parameters: [
            ParameterSpec("alpha", .number, default: .number(1), help: "prior Beta parameter α (> 0); α = β = 1 is uniform"),
            ParameterSpec("beta", .number, default: .number(1), help: "prior Beta parameter β (> 0)"),
            ParameterSpec("heads", .integer, default: .number(60), help: "heads observed (≥ 0)"),
            ParameterSpec("tails", .integer, default: .number(40), help: "tails observed (≥ 0)"),
            CourseFigures.unitParameter(default: .nats),
        ],
        build: LindleyFigure.build)
}

enum LindleyFigure {
    struct Numbers { var alpha, beta, alphaPost, betaPost, hPrior, hPost, gain: Double; var heads, tails: Int }

    static func numbers(_ args: FigureArguments) throws -> Numbers {
        let fig = args.figure, unit = CourseFigures.unit(args)
        let a = args.number("alpha"), b = args.number("beta"), h = args.integer("heads"), t = args.integer("tails")
        guard a > 0, a <= 1e6 else { throw CourseFigures.fail(fig, "alpha", "\(formatNumber(a)); expected a number > 0 (at most 10⁶)") }
        guard b > 0, b <= 1e6 else { throw CourseFigures.fail(fig, "beta", "\(formatNumber(b)); expected a number > 0 (at most 10⁶)") }
        guard h >= 0, h <= 1_000_000 else { throw CourseFigures.fail(fig, "heads", "\(h); expected a count from 0 to 10⁶") }
        guard t >= 0, t <= 1_000_000 else { throw CourseFigures.fail(fig, "tails", "\(t); expected a count from 0 to 10⁶") }
        return try CourseFigures.checked(fig, "alpha") {
            Numbers(alpha: a, beta: b, alphaPost: a + Double(h), betaPost: b + Double(t),
                    hPrior: try betaEntropy(alpha: a, beta: b, unit: unit),
                    hPost: try betaEntropy(alpha: a + Double(h), beta: b + Double(t), unit: unit),
                    gain: try lindleyInformation(alpha: a, beta: b, heads: h, tails: t, unit: unit), heads: h, tails: t)
        }
    }

    /// Beta(a, b) density at θ from the log form (a−1)ln θ + (b−1)ln(1−θ) − ln B(a, b), which stays
    /// finite for the large parameters of long experiments; the end points follow the limits.
    static func density(_ theta: Double, _ a: Double, _ b: Double) -> Double {
        if theta <= 0 { return a < 1 ? .infinity : (a == 1 ? exp(-logBeta(a, b)) : 0) }
        if theta >= 1 { return b < 1 ? .infinity : (b == 1 ? exp(-logBeta(a, b)) : 0) }
        return exp((a - 1) * log(theta) + (b - 1) * log1p(-theta) - logBeta(a, b))
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let unit = CourseFigures.unit(args)
        let n = try numbers(args)
        let theme = ctx.theme
        let thetas = CourseFigures.linspace(0, 1, 1001)
        let prior = thetas.map { density($0, n.alpha, n.beta) }
        let post = thetas.map { density($0, n.alphaPost, n.betaPost) }
        let peak = (prior + post).filter(\.isFinite).max() ?? 1
        let top = peak * 1.3
        // Shading stops at the top of the axes; an infinite density at an end is cut there.
        let clipped = { (ys: [Double]) in ys.map { min($0, top * 2) } }
        let pc: Paint = .series(0), qc: Paint = .series(1)
        let u = unit.rawValue
        let f = { (x: Double) in CourseFigures.fixed(x, 3) }
        let mean = n.alphaPost / (n.alphaPost + n.betaPost)
        let summary = "$H(\\mathrm{prior})$ = \(f(n.hPrior)) \(u)\n$H(\\mathrm{posterior})$ = \(f(n.hPost)) \(u)\n"
            + "entropy drop = \(f(n.gain)) \(u)"
        let priorName = "prior Beta(\(formatNumber(n.alpha)), \(formatNumber(n.beta)))"
        let postName = "posterior Beta(\(formatNumber(n.alphaPost)), \(formatNumber(n.betaPost)))"
        // The summary box goes to the side away from the posterior's mass.
        let boxLeft = mean > 0.5
        let panel = Panel(
            title: "Prior and posterior after \(CourseFigures.count(n.heads, "head")), \(CourseFigures.count(n.tails, "tail"))",
            x: Axis(label: "probability of heads $\\theta$", limits: .fixed(0, 1)),
            y: Axis(label: "density", limits: .fixed(0, top)),
            marks: [
                // The prior's outline is dashed so the two curves differ in grey-scale print too.
                .area(Area(x: thetas, upper: clipped(prior), color: pc, opacity: 0.3)),
                .line(Line(x: thetas, y: clipped(prior), label: priorName, color: pc, style: .dashed)),
                .area(Area(x: thetas, upper: clipped(post), label: postName, color: qc, opacity: 0.35, outline: true)),
                .text(TextLabel(summary, at: Point(boxLeft ? 0.03 : 0.97, 0.62), coordinates: .axesFraction,
                                horizontal: boxLeft ? .left : .right, vertical: .top, boxed: true)),
            ],
            legend: boxLeft ? .upperLeft : .upperRight)
        let text = "Densities of the \(priorName) and the \(postName) for a coin's probability of heads θ after \(CourseFigures.count(n.heads, "head")) "
            + "and \(CourseFigures.count(n.tails, "tail")); posterior mean \(f(mean)). Differential entropies: prior \(f(n.hPrior)) \(u), posterior "
            + "\(f(n.hPost)) \(u); the drop in entropy from this outcome is \(f(n.gain)) \(u) (Lindley's information is its expectation over outcomes)."
        return Figure(title: "Prior vs posterior: the entropy drop", description: text, size: ctx.size, theme: theme,
                      panels: [panel])
    }
}
