import Foundation

/// The likelihood of data under one fully specified model, three ways: L, ℓ = ln L and −ℓ.
public struct ModelLikelihood: Sendable, Equatable {
    /// L = e^ℓ; it underflows to 0 for long data sets, which is why ℓ is the number to use.
    public let likelihood: Double
    public let logLikelihood: Double
    /// The negative log-likelihood −ℓ, the loss a fit minimises.
    public let negativeLogLikelihood: Double

    init(_ ll: Double) {
        likelihood = exp(ll); logLikelihood = ll; negativeLogLikelihood = -ll
    }
}

/// Bernoulli data as counts: ℓ = h ln p + t ln(1 − p), with 0·ln 0 = 0.
public func bernoulliLikelihood(p: Double, heads: Int, tails: Int) throws -> ModelLikelihood {
    ModelLikelihood(try bernoulliLogLikelihood(p: p, heads: heads, tails: tails))
}

/// Bernoulli data as outcomes 0/1.
public func bernoulliLikelihood(p: Double, x: [Double]) throws -> ModelLikelihood {
    var heads = 0, tails = 0
    for (i, v) in x.enumerated() {
        switch v {
        case 1: heads += 1
        case 0: tails += 1
        default: throw InfoTheoryError("x[\(i)] = \(formatForMessage(v)); expected an outcome 0 or 1")
        }
    }
    return try bernoulliLikelihood(p: p, heads: heads, tails: tails)
}

/// Categorical data as counts per category: ℓ = Σ cᵢ ln pᵢ, with 0·ln 0 = 0 (a category of
/// probability 0 that was observed gives ℓ = −∞, the true value).
public func categoricalLikelihood(p: [Double], counts: [Double]) throws -> ModelLikelihood {
    let p = try validatedProbabilities(p)
    try requireSameLength(p, counts, "p", "counts")
    for (i, c) in counts.enumerated() where !(c.isFinite && c >= 0 && c == c.rounded()) {
        throw InfoTheoryError("counts[\(i)] = \(formatForMessage(c)); expected a count (an integer >= 0)")
    }
    return ModelLikelihood(accurateSum(zip(counts, p).map { c, pi in c == 0 ? 0 : c * log(pi) }))
}

/// Categorical data as 0-based category indices.
public func categoricalLikelihood(p: [Double], x: [Double]) throws -> ModelLikelihood {
    var counts = [Double](repeating: 0, count: p.count)
    for (i, v) in x.enumerated() {
        guard v == v.rounded(), v >= 0, v < Double(p.count) else {
            throw InfoTheoryError("x[\(i)] = \(formatForMessage(v)); expected a category index 0 … \(p.count - 1)")
        }
        counts[Int(v)] += 1
    }
    return try categoricalLikelihood(p: p, counts: counts)
}

/// Gaussian data: ℓ = −(n/2) ln 2π − n ln σ − Σ(xᵢ − μ)²/(2σ²).
public func gaussianLikelihood(mu: Double, sigma: Double, x: [Double]) throws -> ModelLikelihood {
    try requireFinite(mu, "mu"); try requirePositive(sigma, "sigma")
    if x.isEmpty { throw InfoTheoryError("x: no observations; expected at least one") }
    try requireAllFinite(x, "x")
    // Standardised residuals first, so (x − μ)² cannot overflow where (x − μ)/σ is moderate.
    let z2 = accurateSum(x.map { let z = ($0 - mu) / sigma; return z * z })
    let n = Double(x.count)
    return ModelLikelihood(-0.5 * z2 - n * (log(sigma) + 0.5 * log(2 * Double.pi)))
}

/// Poisson data: ℓ = Σ (xᵢ ln λ − λ − ln xᵢ!), with 0·ln 0 = 0 so λ = 0 is allowed for all-zero data.
public func poissonLikelihood(rate: Double, x: [Double]) throws -> ModelLikelihood {
    if !(rate.isFinite && rate >= 0) { throw InfoTheoryError("rate = \(formatForMessage(rate)); expected a finite number >= 0") }
    if x.isEmpty { throw InfoTheoryError("x: no observations; expected at least one") }
    for (i, v) in x.enumerated() where !(v.isFinite && v >= 0 && v == v.rounded()) {
        throw InfoTheoryError("x[\(i)] = \(formatForMessage(v)); expected a count (an integer >= 0)")
    }
    let terms = x.map { k in (k == 0 ? 0 : k * log(rate)) - lgamma(k + 1) }
    return ModelLikelihood(accurateSum(terms) - Double(x.count) * rate)
}
