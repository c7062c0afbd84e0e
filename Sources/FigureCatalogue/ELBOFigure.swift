import Foundation
import FigureModel
import InfoTheory

extension CatalogueEntry {
    /// ELBO of the Gaussian-mean model over q's mean and width, maximum at the exact posterior.
    static let elbo = CatalogueEntry(
        name: "elbo",
        summary: "ELBO of q = N(m, s²) for the mean of Gaussian data over (m, s), heatmap and contours, optimum at the exact posterior",
        parameters: [
            ParameterSpec("data", .numbers, default: CourseData.measurements, help: "the observations x₁…xₙ"),
            ParameterSpec("noise_sigma", .number, default: .number(1), help: "known noise standard deviation σ of each observation (> 0)"),
            ParameterSpec("prior_mu", .number, default: .number(0), help: "prior mean μ₀ of the unknown mean"),
            ParameterSpec("prior_sigma", .number, default: .number(5), help: "prior standard deviation σ₀ (> 0)"),
        ],
        build: ELBOFigure.build)
}

enum ELBOFigure {
    /// Contours at these gaps below the maximum: ELBO = log p(x) − KL(q‖posterior), so each
    /// contour is a set of q at one KL distance from the posterior.
    static let gaps: [Double] = [0.5, 1, 2, 4, 8]

    static func model(_ args: FigureArguments) throws -> GaussianMeanModel {
        let fig = args.figure
        let data = args.numbers("data")
        guard !data.isEmpty, data.count <= 100_000 else {
            throw CourseFigures.fail(fig, "data", "\(data.count) observations; expected 1 to 100000 numbers")
        }
        let names = ["noise_sigma", "prior_sigma"]
        for name in names where !(args.number(name) > 0) {
            throw CourseFigures.fail(fig, name, "\(formatNumber(args.number(name))); expected a standard deviation > 0")
        }
        return try CourseFigures.checked(fig, "data") {
            try GaussianMeanModel(data: data, noiseSigma: args.number("noise_sigma"), priorMu: args.number("prior_mu"),
                                  priorSigma: args.number("prior_sigma"))
        }
    }

    static func build(_ args: FigureArguments, _ ctx: FigureContext) throws -> Figure {
        let model = try model(args)
        let post = model.posterior, logZ = model.logEvidence
        let theme = ctx.theme
        // A window of ±4 posterior standard deviations in m and 0.15…3 posterior widths in s holds
        // every contour down to 8 nats below the optimum for any data (the ELBO gap depends only on
        // (m − μ*)/s* and s/s*).
        let mRange = (post.mu - 4 * post.sigma)...(post.mu + 4 * post.sigma)
        let sRange = (0.15 * post.sigma)...(3 * post.sigma)
        let grid = try Grid2D(x: mRange, y: sRange, nx: 241, ny: 241) { m, s in (try? model.elbo(qMu: m, qSigma: s)) ?? -.infinity }
        let low = logZ - 12
        let levels = gaps.reversed().map { logZ - $0 }
        let zText = CourseFigures.fixed(logZ, 3)
        let panel = Panel(
            title: "ELBO$(q)$ for $q = \\mathcal{N}(m, s^2)$",
            x: Axis(label: "mean of $q$: $m$"), y: Axis(label: "width of $q$: $s$"),
            marks: [
                .heatmap(Heatmap(grid, range: low...logZ)),
                .contour(Contour(grid, levels: .values(levels))),
                .scatter(Scatter(points: [Point(post.mu, post.sigma)], marker: .star, size: 1.4 * ctx.size.baseFontSize,
                                 label: "optimum $m = \(CourseFigures.fixed(post.mu, 3))$, $s = \(CourseFigures.fixed(post.sigma, 3))$\nELBO = $\\log p(x)$ = \(zText)",
                                 color: .series(1), edgeColor: .color(.white))),
            ],
            legend: .lowerCenter, colorbar: Colorbar(label: "ELBO [nats]"), frame: .box, grid: false)
        let data = model.data
        let text = "ELBO of the Gaussian approximation q = N(m, s²) to the posterior of the mean of \(data.count) observation\(data.count == 1 ? "" : "s") "
            + "(noise σ = \(formatNumber(model.noiseSigma)), prior N(\(formatNumber(model.priorMu)), \(formatNumber(model.priorSigma))²)), "
            + "over m from \(CourseFigures.fixed(mRange.lowerBound, 2)) to \(CourseFigures.fixed(mRange.upperBound, 2)) and s from "
            + "\(CourseFigures.fixed(sRange.lowerBound, 3)) to \(CourseFigures.fixed(sRange.upperBound, 3)); contours at "
            + gaps.map { formatNumber($0) }.joined(separator: ", ") + " nats below the maximum. The maximum is at the exact posterior "
            + "m = \(CourseFigures.fixed(post.mu, 3)), s = \(CourseFigures.fixed(post.sigma, 3)), where the ELBO equals the log evidence "
            + "log p(x) = \(withUnit(zText, .nats))."
        return Figure(title: "ELBO over the variational mean and width", description: text, size: ctx.size, theme: theme,
                      panels: [panel])
    }
}
