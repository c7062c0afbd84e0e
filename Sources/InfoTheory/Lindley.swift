import Foundation

/// Differential entropy of Beta(α, β):
/// ln B(α,β) − (α−1)ψ(α) − (β−1)ψ(β) + (α+β−2)ψ(α+β).
public func betaEntropy(alpha: Double, beta: Double, unit: InfoUnit = .nats) throws -> Double {
    try requirePositive(alpha, "alpha"); try requirePositive(beta, "beta")
    let total = alpha + beta
    guard total.isFinite else {
        throw InfoTheoryError("alpha + beta = \(formatForMessage(alpha)) + \(formatForMessage(beta)) overflows double precision; expected a finite sum")
    }
    // H = G(α) + G(β) − G(α+β) − ψ(α+β) with G(x) = ln Γ(x) − (x−1)ψ(x) + x (the added x's cancel):
    // see betaEntropyPart for why this keeps its digits for large counts.
    let h = betaEntropyPart(alpha) + betaEntropyPart(beta) - betaEntropyPart(total) - digamma(total)
    return unit.fromNats(h)
}

/// Lindley's information gained about a Bernoulli parameter θ ~ Beta(α, β) from observing
/// `heads` successes and `tails` failures: H(prior) − H(posterior), where the posterior is
/// Beta(α + heads, β + tails) (Lindley 1956). It can be negative for data that surprise a
/// confident prior.
public func lindleyInformation(alpha: Double, beta: Double, heads: Int, tails: Int, unit: InfoUnit = .nats) throws -> Double {
    try requireCounts(heads, tails)
    try requirePositive(alpha, "alpha"); try requirePositive(beta, "beta")
    guard (alpha + Double(heads) + beta + Double(tails)).isFinite else {
        throw InfoTheoryError("alpha = \(formatForMessage(alpha)), beta = \(formatForMessage(beta)): the posterior's alpha + beta overflows double precision")
    }
    let prior = try betaEntropy(alpha: alpha, beta: beta)
    let posterior = try betaEntropy(alpha: alpha + Double(heads), beta: beta + Double(tails))
    return unit.fromNats(prior - posterior)
}
