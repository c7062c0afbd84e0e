import Foundation

/// A continuous distribution with a closed-form differential entropy. Parameters as scipy.stats
/// names them where it has them (scale = 1/rate).
public enum ContinuousDistribution: Sendable, Equatable {
    case gaussian(mu: Double, sigma: Double)
    case uniform(a: Double, b: Double)
    case exponential(rate: Double)
    case laplace(mu: Double, scale: Double)
    case logistic(mu: Double, scale: Double)
    case cauchy(mu: Double, scale: Double)
    case beta(alpha: Double, beta: Double)
    case gamma(shape: Double, scale: Double)
    /// df may be +∞ (the Gaussian limit).
    case studentT(df: Double, mu: Double, scale: Double)
    /// ln X ~ N(mu, sigma²)
    case lognormal(mu: Double, sigma: Double)
}

/// Differential entropy h = −∫ f ln f (Cover & Thomas, Elements of Information Theory, table 17.1;
/// the Student t and Gamma forms as in scipy.stats). Every parameter is checked and a bad one is
/// named. The closed forms are sums of terms of size O(1 + |ln scale|), accurate to a few units in
/// the last place of the largest term; Gamma and Student t use asymptotic series for large shape
/// and df, where ln Γ and ψ would cancel.
public func differentialEntropy(_ d: ContinuousDistribution, unit: InfoUnit = .nats) throws -> Double {
    let halfLog2PiE = 0.5 * log(2 * Double.pi * M_E)
    let h: Double
    switch d {
    case let .gaussian(mu, sigma):
        try requireFinite(mu, "mu"); try requirePositive(sigma, "sigma")
        h = halfLog2PiE + log(sigma)
    case let .uniform(a, b):
        try requireFinite(a, "a"); try requireFinite(b, "b")
        if !(b > a) { throw InfoTheoryError("b = \(formatForMessage(b)) must be greater than a = \(formatForMessage(a))") }
        let width = b - a
        h = width.isFinite ? log(width) : log(0.5 * b - 0.5 * a) + M_LN2
    case let .exponential(rate):
        try requirePositive(rate, "rate")
        h = 1 - log(rate)
    case let .laplace(mu, scale):
        try requireFinite(mu, "mu"); try requirePositive(scale, "scale")
        h = 1 + M_LN2 + log(scale)
    case let .logistic(mu, scale):
        try requireFinite(mu, "mu"); try requirePositive(scale, "scale")
        h = 2 + log(scale)
    case let .cauchy(mu, scale):
        try requireFinite(mu, "mu"); try requirePositive(scale, "scale")
        h = log(4 * Double.pi) + log(scale)
    case let .beta(alpha, beta):
        h = try betaEntropy(alpha: alpha, beta: beta)
    case let .gamma(shape, scale):
        try requirePositive(shape, "shape"); try requirePositive(scale, "scale")
        // k + ln θ + ln Γ(k) + (1 − k)ψ(k) = G(k) + ln θ, G as for the Beta entropy.
        h = betaEntropyPart(shape) + log(scale)
    case let .studentT(df, mu, scale):
        if !(df > 0) { throw InfoTheoryError("df = \(formatForMessage(df)); expected degrees of freedom > 0 (or \"inf\")") }
        try requireFinite(mu, "mu"); try requirePositive(scale, "scale")
        h = studentTStandardEntropy(df: df) + log(scale)
    case let .lognormal(mu, sigma):
        try requireFinite(mu, "mu"); try requirePositive(sigma, "sigma")
        h = mu + halfLog2PiE + log(sigma)
    }
    return unit.fromNats(h)
}

/// Entropy of the standard Student t with ν = 2a degrees of freedom:
/// (a + ½)[ψ(a + ½) − ψ(a)] + ½ ln ν + ln B(a, ½).
/// For a ≥ 50 from the expansions of DLMF 5.11.8 (ln Γ(z + h) with Bernoulli polynomials Bₖ(h)):
/// ln Γ(a + ½) − ln Γ(a) = ½ ln a + L(a), L(a) = −1/(8a) + 1/(192a³) − 1/(640a⁵) + 17/(14336a⁷) − 31/(18432a⁹),
/// and its derivative ψ(a + ½) − ψ(a) = 1/(2a) + 1/(8a²) − 1/(64a⁴) + 1/(128a⁶) − 17/(2048a⁸) + 31/(2048a¹⁰),
/// which give h = ½ ln 2π + (a + ½)[ψ(a + ½) − ψ(a)] − L(a) without forming ln Γ of a large number
/// (at ν = 1e10 the direct form lost 5 digits). The first omitted terms are below 1e-21 at a = 50.
func studentTStandardEntropy(df: Double) -> Double {
    let halfLog2Pi = 0.5 * log(2 * Double.pi)
    if df == .infinity { return halfLog2Pi + 0.5 }
    let a = 0.5 * df
    if a < 50 {
        return (a + 0.5) * (digamma(a + 0.5) - digamma(a)) + 0.5 * log(df) + lgamma(a) + 0.5 * log(Double.pi) - lgamma(a + 0.5)
    }
    let inv = 1 / a, inv2 = inv * inv
    let l = -inv * (1.0 / 8 - inv2 * (1.0 / 192 - inv2 * (1.0 / 640 - inv2 * (17.0 / 14336 - inv2 * (31.0 / 18432)))))
    let dpsi = inv * 0.5 + inv2 * (1.0 / 8 - inv2 * (1.0 / 64 - inv2 * (1.0 / 128 - inv2 * (17.0 / 2048 - inv2 * (31.0 / 2048)))))
    return halfLog2Pi + (a + 0.5) * dpsi - l
}
