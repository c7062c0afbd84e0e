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

/// The largest number of trials `lindleyExpectedInformation` sums over: the sum has n + 1 terms,
/// each a Beta entropy, so 10⁶ trials bound the work to about a second.
public let lindleyExpectedTrialsLimit = 1_000_000

/// Lindley's (1956) measure of the information an experiment is expected to give: for n coin
/// flips with θ ~ Beta(α, β), H(prior) − E_k[H(Beta(α + k, β + n − k))], the expectation over the
/// Beta-Binomial predictive of the number of heads k. It equals the mutual information I(θ; k),
/// so it is ≥ 0 even though a single outcome (`lindleyInformation`) can lose entropy.
///
/// The expectation is the exact sum over k = 0 … n. The predictive pmf is built by the ratio
/// pmf(k+1)/pmf(k) = (n−k)(α+k) / ((k+1)(β+n−k−1)) outward from its mode, where it is largest, and
/// normalised by its sum: no binomial coefficient is formed (they overflow past n ≈ 1000), and
/// the rounding of the ratios grows like √n ulp rather than with ln Γ(n)'s size as
/// differences of lgamma would.
public func lindleyExpectedInformation(alpha: Double, beta: Double, n: Int, unit: InfoUnit = .nats) throws -> Double {
    try requirePositive(alpha, "alpha"); try requirePositive(beta, "beta")
    guard n >= 0 else { throw InfoTheoryError("n = \(n); expected a number of trials >= 0") }
    guard n <= lindleyExpectedTrialsLimit else {
        throw InfoTheoryError("n = \(n); expected at most \(lindleyExpectedTrialsLimit) trials (the expectation is an exact sum over every outcome)")
    }
    guard (alpha + beta + Double(n)).isFinite else {
        throw InfoTheoryError("alpha = \(formatForMessage(alpha)), beta = \(formatForMessage(beta)): alpha + beta overflows double precision")
    }
    if n == 0 { return 0 }
    let prior = try betaEntropy(alpha: alpha, beta: beta)
    let nd = Double(n)
    // Locate the mode with the (approximate) log pmf; the weights themselves come from the ratios.
    func roughLogPMF(_ k: Int) -> Double {
        let kd = Double(k)
        return -lgamma(kd + 1) - lgamma(nd - kd + 1) + lgamma(kd + alpha) + lgamma(nd - kd + beta)
    }
    var mode = 0, best = -Double.infinity
    for k in 0...n { let v = roughLogPMF(k); if v > best { best = v; mode = k } }
    var weights = [Double](repeating: 0, count: n + 1)
    weights[mode] = 1
    for k in stride(from: mode, to: n, by: 1) {          // upward: w(k+1) = w(k)·ratio(k)
        let kd = Double(k)
        weights[k + 1] = weights[k] * ((nd - kd) * (alpha + kd)) / ((kd + 1) * (beta + nd - kd - 1))
    }
    for k in stride(from: mode, to: 0, by: -1) {          // downward: w(k−1) = w(k)/ratio(k−1)
        let kd = Double(k - 1)
        weights[k - 1] = weights[k] * ((kd + 1) * (beta + nd - kd - 1)) / ((nd - kd) * (alpha + kd))
    }
    let total = accurateSum(weights)
    var terms: [Double] = []
    terms.reserveCapacity(n + 1)
    for k in 0...n where weights[k] > 0 {
        terms.append(weights[k] / total * (try betaEntropy(alpha: alpha + Double(k), beta: beta + nd - Double(k))))
    }
    return unit.fromNats(prior - accurateSum(terms))
}
