import Foundation

/// Differential entropy of Beta(α, β):
/// ln B(α,β) − (α−1)ψ(α) − (β−1)ψ(β) + (α+β−2)ψ(α+β).
public func betaEntropy(alpha: Double, beta: Double, unit: InfoUnit = .nats) throws -> Double {
    try requirePositive(alpha, "alpha"); try requirePositive(beta, "beta")
    let h = logBeta(alpha, beta) - (alpha - 1) * digamma(alpha) - (beta - 1) * digamma(beta)
        + (alpha + beta - 2) * digamma(alpha + beta)
    return unit.fromNats(h)
}

/// Lindley's information gained about a Bernoulli parameter θ ~ Beta(α, β) from observing
/// `heads` successes and `tails` failures: H(prior) − H(posterior), where the posterior is
/// Beta(α + heads, β + tails) (Lindley 1956). It can be negative for data that surprise a
/// confident prior.
public func lindleyInformation(alpha: Double, beta: Double, heads: Int, tails: Int, unit: InfoUnit = .nats) throws -> Double {
    try requireCounts(heads, tails)
    let prior = try betaEntropy(alpha: alpha, beta: beta)
    let posterior = try betaEntropy(alpha: alpha + Double(heads), beta: beta + Double(tails))
    return unit.fromNats(prior - posterior)
}
