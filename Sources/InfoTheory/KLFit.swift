import Foundation

/// One component w·N(μ, σ²) of a one-dimensional Gaussian mixture.
public struct MixtureComponent: Sendable, Equatable {
    public let weight: Double
    public let mu: Double
    public let sigma: Double
    public init(weight: Double, mu: Double, sigma: Double) {
        self.weight = weight; self.mu = mu; self.sigma = sigma
    }
}

/// Most components a fitted mixture may have (the documented size limit of `kl_fit`).
public let maximumMixtureComponents = 20

/// A validated one-dimensional Gaussian mixture p(x) = Σ wₖ N(x; μₖ, σₖ²).
public struct GaussianMixture: Sendable, Equatable {
    /// Components with positive weight (zero-weight components are dropped).
    public let components: [MixtureComponent]

    /// Weights must form a probability vector (or are rescaled with `normalize`); μ finite, σ > 0.
    public init(_ components: [MixtureComponent], normalize: Bool = false) throws {
        if components.isEmpty { throw InfoTheoryError("target: empty mixture; expected at least one component {weight, mu, sigma}") }
        guard components.count <= maximumMixtureComponents else {
            throw InfoTheoryError("target has \(components.count) components; expected at most \(maximumMixtureComponents) "
                                  + "(a reverse fit costs O(K²) quadrature work per step from 2K starts)")
        }
        let w = try validatedProbabilities(components.map(\.weight), name: "target weights", normalize: normalize)
        var kept: [MixtureComponent] = []
        for (i, c) in components.enumerated() {
            try requireFinite(c.mu, "target[\(i)].mu")
            try requirePositive(c.sigma, "target[\(i)].sigma")
            // Moments and quadrature square μ and σ: beyond 1e100 they overflow (σ = 1e300 gave a
            // NaN σ, μ = ±1e300 a KL of 0), so such mixtures are refused rather than fitted wrongly.
            guard abs(c.mu) <= 1e100, c.sigma <= 1e100 else {
                throw InfoTheoryError("target[\(i)]: mu = \(formatForMessage(c.mu)), sigma = \(formatForMessage(c.sigma)); "
                                      + "expected |mu| and sigma at most 1e100 (their squares must stay finite)")
            }
            if w[i] > 0 { kept.append(MixtureComponent(weight: w[i], mu: c.mu, sigma: c.sigma)) }
        }
        self.components = kept
    }

    /// ln p(x) by log-sum-exp over components (finite far into the tails).
    public func logDensity(_ x: Double) -> Double {
        logSumExp(components.map { log($0.weight) + gaussianLogDensity(x, mu: $0.mu, sigma: $0.sigma) })
    }

    /// d/dx ln p(x) = Σ rₖ(x)·(μₖ − x)/σₖ², with responsibilities rₖ computed in log space.
    public func dLogDensity(_ x: Double) -> Double {
        let logs = components.map { log($0.weight) + gaussianLogDensity(x, mu: $0.mu, sigma: $0.sigma) }
        let total = logSumExp(logs)
        return accurateSum(zip(components, logs).map { c, l in exp(l - total) * (c.mu - x) / (c.sigma * c.sigma) })
    }

    /// Mean Σ wₖμₖ.
    public var mean: Double { accurateSum(components.map { $0.weight * $0.mu }) }

    /// Variance Σ wₖ(σₖ² + (μₖ − mean)²) (law of total variance, centred to avoid cancellation).
    public var variance: Double {
        let m = mean
        return accurateSum(components.map { $0.weight * ($0.sigma * $0.sigma + ($0.mu - m) * ($0.mu - m)) })
    }

    /// Points where the density changes character: each component's centre and its ±1…±40 σ marks.
    /// Beyond ±40σ of every component the density is below e^−800 and contributes nothing.
    var breakpoints: [Double] {
        let marks: [Double] = [-40, -20, -10, -6, -3, -1.5, 0, 1.5, 3, 6, 10, 20, 40]
        return Array(Set(components.flatMap { c in marks.map { c.mu + $0 * c.sigma } })).sorted()
    }
}

/// A Gaussian N(μ, σ²) fitted to a mixture and the divergence it reaches.
public struct GaussianFit: Sendable, Equatable {
    public let mu: Double
    public let sigma: Double
    public let kl: Double
}

/// Result of a KL fit: the best fit, and for reverse KL every distinct local optimum found
/// (sorted by KL, the first being the global optimum); for forward KL `optima` holds just the fit.
public struct KLFitResult: Sendable, Equatable {
    public let best: GaussianFit
    public let optima: [GaussianFit]
}

/// Direction of the divergence minimised when fitting q = N(μ, σ²) to a target p.
public enum KLDirection: String, Sendable, CaseIterable {
    /// minimise KL(p‖q): mass-covering; the optimum matches the mixture's mean and variance.
    case forward
    /// minimise KL(q‖p): mode-seeking; may have several local optima.
    case reverse
}

/// Fits one Gaussian to a Gaussian mixture by minimising KL in the given direction.
public func klFit(target: [MixtureComponent], direction: KLDirection, normalize: Bool = false,
                  unit: InfoUnit = .nats) throws -> KLFitResult {
    let mixture = try GaussianMixture(target, normalize: normalize)
    switch direction {
    case .forward:
        let fit = forwardKLFit(mixture)
        let f = GaussianFit(mu: fit.mu, sigma: fit.sigma, kl: unit.fromNats(fit.kl))
        return KLFitResult(best: f, optima: [f])
    case .reverse:
        let optima = reverseKLOptima(mixture).map { GaussianFit(mu: $0.mu, sigma: $0.sigma, kl: unit.fromNats($0.kl)) }
        guard let best = optima.first else { throw InfoTheoryError("reverse KL fit found no optimum") }
        return KLFitResult(best: best, optima: optima)
    }
}

/// Forward KL(p‖q) minimiser: moment matching (μ = E_p[x], σ² = Var_p[x]); the KL it reaches is
/// ∫ p (ln p − ln q) dx by adaptive quadrature.
public func forwardKLFit(_ p: GaussianMixture) -> GaussianFit {
    let mu = p.mean, sigma = p.variance.squareRoot()
    return GaussianFit(mu: mu, sigma: sigma, kl: forwardKL(p, mu: mu, sigma: sigma))
}

/// KL(p‖N(μ, σ²)) = ∫ p(x)[ln p(x) − ln q(x)] dx, integrated in one pass so small values keep digits.
public func forwardKL(_ p: GaussianMixture, mu: Double, sigma: Double) -> Double {
    let points = Array(Set(p.breakpoints + [mu])).sorted()
    let integral = adaptiveIntegral({ x in
        let lp = p.logDensity(x)
        return exp(lp) * (lp - gaussianLogDensity(x, mu: mu, sigma: sigma))
    }, breakpoints: points)
    return max(0, integral.value)
}

/// KL(N(μ, σ²)‖p) = ∫ q(x)[ln q(x) − ln p(x)] dx, integrated in z = (x − μ)/σ over |z| ≤ 40
/// (beyond it q < e^−800) with breakpoints at the components' centres.
public func reverseKL(_ p: GaussianMixture, mu: Double, sigma: Double) -> Double {
    max(0, reverseKLAndGradient(p, mu: mu, logSigma: log(sigma), gradient: false).value)
}

/// Every distinct local minimum of KL(q‖p) over (μ, ln σ) found by BFGS from 2K starts: each
/// component (μₖ, σₖ), the moment match of each pair of neighbouring components (sorted by μ),
/// and the moment match of the whole mixture, which finds the broad optima that cover several
/// modes (μ 0, σ 2.7438 for ½N(−3,1) + ½N(3,1)). A point is kept only if its Hessian
/// (central differences of the analytic gradient) is positive definite, so saddles between modes
/// are not reported. Sorted by KL, the first being the global optimum among them.
/// Work: 2K minimisations of at most `reverseFitIterations` steps, each evaluation O(K) density
/// terms on O(K) quadrature pieces: O(K²) per step; `GaussianMixture` bounds K.
public func reverseKLOptima(_ p: GaussianMixture) -> [GaussianFit] {
    let sorted = p.components.sorted { $0.mu < $1.mu }
    var starts = sorted.map { ($0.mu, log($0.sigma)) }
    for (a, b) in zip(sorted, sorted.dropFirst()) {
        let pair = try? GaussianMixture([a, b].map { MixtureComponent(weight: $0.weight, mu: $0.mu, sigma: $0.sigma) }, normalize: true)
        if let pair { starts.append((pair.mean, 0.5 * log(pair.variance))) }
    }
    if sorted.count > 1 { starts.append((p.mean, 0.5 * log(p.variance))) }
    var found: [GaussianFit] = []
    func isKnown(_ mu: Double, _ logSigma: Double) -> Bool {
        found.contains { f in abs(f.mu - mu) <= 1e-5 * max(f.sigma, exp(logSigma)) && abs(log(f.sigma) - logSigma) <= 1e-5 }
    }
    for (k, start) in starts.enumerated() {
        // A start seen before ends where it ended then (for two components the pair's moments are
        // the mixture's): skipping it changes no result and saves a quarter of the search.
        if starts[..<k].contains(where: { $0 == start }) { continue }
        let (mu, logSigma) = minimiseReverseKL(p, start: start)
        guard mu.isFinite, logSigma.isFinite, !isKnown(mu, logSigma), hasPositiveDefiniteHessian(p, mu: mu, logSigma: logSigma) else { continue }
        let sigma = exp(logSigma)
        found.append(GaussianFit(mu: mu, sigma: sigma, kl: reverseKL(p, mu: mu, sigma: sigma)))
    }
    return found.sorted { $0.kl < $1.kl || ($0.kl == $1.kl && $0.mu < $1.mu) }
}

/// Most BFGS steps one reverse-fit start may take (a start converges in 10–40; the cap bounds the
/// work on nearly flat directions such as two almost coincident components).
let reverseFitIterations = 200

/// Hessian of KL(q‖p) in (μ/σ, ln σ) by central differences of the gradient (step 1e-4, error
/// O(1e-8)); positive definite when its trace and determinant are positive. A flat direction
/// (determinant within the difference error of 0) counts as a minimum: the point is then one of a
/// continuum of equally good fits and BFGS stopped on it.
func hasPositiveDefiniteHessian(_ p: GaussianMixture, mu: Double, logSigma: Double) -> Bool {
    let sigma = exp(logSigma), h = 1e-4
    func grad(_ m: Double, _ s: Double) -> (Double, Double) {
        let r = reverseKLAndGradient(p, mu: m, logSigma: s, gradient: true)
        return (r.dMu * sigma, r.dLogSigma)   // derivative in μ/σ
    }
    let mp = grad(mu + h * sigma, logSigma), mm = grad(mu - h * sigma, logSigma)
    let sp = grad(mu, logSigma + h), sm = grad(mu, logSigma - h)
    let a = (mp.0 - mm.0) / (2 * h), d = (sp.1 - sm.1) / (2 * h)
    let b = 0.5 * ((mp.1 - mm.1) / (2 * h) + (sp.0 - sm.0) / (2 * h))
    let det = a * d - b * b
    return a + d > 0 && det > -1e-6 * max(1, (a + d) * (a + d))
}

/// KL(q‖p) and optionally its gradient in (μ, s = ln σ). With x = μ + σz, by differentiating under
/// the integral: ∂KL/∂μ = −E[(ln p)′(x)], ∂KL/∂s = −1 − σ E[z (ln p)′(x)].
func reverseKLAndGradient(_ p: GaussianMixture, mu: Double, logSigma: Double, gradient: Bool)
    -> (value: Double, dMu: Double, dLogSigma: Double) {
    let sigma = exp(logSigma)
    var points: Set<Double> = [-40, -16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16, 40]
    for c in p.components {
        for k in [-1.0, 0, 1] {
            let z = (c.mu + k * c.sigma - mu) / sigma
            if abs(z) < 40 { points.insert(z) }
        }
    }
    let bps = points.sorted()
    let logPhiConst = -0.5 * log(2 * Double.pi)
    let value = adaptiveIntegral({ z in
        let logPhi = logPhiConst - 0.5 * z * z
        let logQ = logPhi - logSigma
        return exp(logPhi) * (logQ - p.logDensity(mu + sigma * z))
        // Absolute floor 1e-15: the integrand is a difference of log densities of size 1–800, whose
        // rounding (≈ 1e-16 of E_q|ln q|) no refinement removes; without it a KL near 1e-6 ran every
        // evaluation to the interval limit (2 s each in a debug build).
    }, breakpoints: bps, absoluteTolerance: 1e-15).value
    if !gradient { return (value, 0, 0) }
    let eDeriv = adaptiveIntegral({ z in
        exp(logPhiConst - 0.5 * z * z) * p.dLogDensity(mu + sigma * z)
    }, breakpoints: bps, absoluteTolerance: 1e-15).value
    let eZDeriv = adaptiveIntegral({ z in
        exp(logPhiConst - 0.5 * z * z) * z * p.dLogDensity(mu + sigma * z)
    }, breakpoints: bps, absoluteTolerance: 1e-15).value
    return (value, -eDeriv, -1 - sigma * eZDeriv)
}

/// BFGS with Armijo backtracking (Nocedal & Wright, alg. 6.1) on θ = (μ, ln σ).
func minimiseReverseKL(_ p: GaussianMixture, start: (Double, Double)) -> (Double, Double) {
    var theta = [start.0, start.1]
    func evaluate(_ t: [Double]) -> (Double, [Double]) {
        let r = reverseKLAndGradient(p, mu: t[0], logSigma: t[1], gradient: true)
        return (r.value, [r.dMu, r.dLogSigma])
    }
    var (f, g) = evaluate(theta)
    // Inverse-Hessian guess: the reverse KL near a single component N(μₖ, σₖ²) is about
    // (Δμ)²/(2σₖ²) + (Δs)², so start from diag(σ², ½).
    let s0 = exp(start.1)
    var h: [[Double]] = [[s0 * s0, 0], [0, 0.5]]
    for _ in 0..<reverseFitIterations {
        let gScaled = max(abs(g[0]) * exp(theta[1]), abs(g[1]))
        if gScaled < 1e-11 { break }
        var dir = [-(h[0][0] * g[0] + h[0][1] * g[1]), -(h[1][0] * g[0] + h[1][1] * g[1])]
        var slope = dir[0] * g[0] + dir[1] * g[1]
        if !(slope < 0) {   // not a descent direction: reset to scaled steepest descent
            h = [[s0 * s0, 0], [0, 0.5]]
            dir = [-h[0][0] * g[0], -h[1][1] * g[1]]
            slope = dir[0] * g[0] + dir[1] * g[1]
        }
        // Trial points need only the value (one integral instead of three); 30 halvings reach a
        // step of 1e-9 of Newton's, below which the quadrature's rounding decides the comparison.
        var step = 1.0
        var accepted: ([Double], Double)?
        for _ in 0..<30 {
            let trial = [theta[0] + step * dir[0], theta[1] + step * dir[1]]
            let ft = reverseKLAndGradient(p, mu: trial[0], logSigma: trial[1], gradient: false).value
            if ft.isFinite && ft <= f + 1e-4 * step * slope {
                accepted = (trial, ft)
                break
            }
            step /= 2
        }
        guard let (next, fNext) = accepted else { break }
        let gNext = evaluate(next).1
        // No measurable decrease left: the KL is flat to rounding here (two almost coincident
        // components made BFGS crawl for its whole iteration budget).
        let stalled = f - fNext <= 8 * Double.ulpOfOne * abs(f)
        let s = [next[0] - theta[0], next[1] - theta[1]]
        let y = [gNext[0] - g[0], gNext[1] - g[1]]
        let sy = s[0] * y[0] + s[1] * y[1]
        if sy > 1e-300 {
            // H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ
            let rho = 1 / sy
            let hy = [h[0][0] * y[0] + h[0][1] * y[1], h[1][0] * y[0] + h[1][1] * y[1]]
            let yhy = y[0] * hy[0] + y[1] * hy[1]
            for i in 0..<2 {
                for j in 0..<2 {
                    h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                }
            }
        }
        let moved = abs(s[0]) + abs(s[1])
        theta = next; f = fNext; g = gNext
        if stalled || moved < 1e-15 * (1 + abs(theta[0]) + abs(theta[1])) { break }
    }
    return (theta[0], theta[1])
}
