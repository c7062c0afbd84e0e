import Foundation

/// Self-normalised importance sampling from log densities (Owen, Monte Carlo theory, methods
/// and examples, 2013, §9.2 and §9.3 for the effective sample size).
public struct ImportanceSample: Sendable, Equatable {
    /// log wᵢ = log pᵢ − log qᵢ, always representable.
    public let logWeights: [Double]
    /// wᵢ = p(xᵢ)/q(xᵢ) = exp(log wᵢ); inf where the ratio itself exceeds double range.
    public let weights: [Double]
    /// w̃ᵢ = wᵢ / Σw, computed as exp(log wᵢ − max log w) / Σ exp(…), so it never overflows.
    public let normalizedWeights: [Double]
    /// Kish's effective sample size (Σw)²/Σw², between 1 and n.
    public let effectiveSampleSize: Double
    /// Σ w̃ᵢ f(xᵢ) when f is given.
    public let estimate: Double?
}

/// Weights, normalised weights, ESS and the self-normalised estimate of E_p[f] from samples of q.
/// `logP` may hold −∞ (samples where p vanishes); `logQ` must be finite (the samples came from q).
public func importanceSampling(logP: [Double], logQ: [Double], f: [Double]? = nil) throws -> ImportanceSample {
    if logP.isEmpty { throw InfoTheoryError("log_p: no samples; expected at least one") }
    try requireSameLength(logP, logQ, "log_p", "log_q")
    for (i, v) in logP.enumerated() where v.isNaN || v == .infinity {
        throw InfoTheoryError("log_p[\(i)] = \(formatForMessage(v)); expected a log density (finite, or -inf where p is 0)")
    }
    try requireAllFinite(logQ, "log_q")
    if let f {
        try requireSameLength(logP, f, "log_p", "f")
        try requireAllFinite(f, "f")
    }
    let logW = zip(logP, logQ).map { $0 - $1 }
    guard let top = logW.max(), top > -.infinity else {
        throw InfoTheoryError("log_p is -inf at every sample: all weights are 0, so nothing can be normalised")
    }
    let shifted = logW.map { exp($0 - top) }          // in (0, 1], the largest exactly 1
    let total = accurateSum(shifted)                   // >= 1
    let normalized = shifted.map { $0 / total }
    let sumSquares = accurateSum(shifted.map { $0 * $0 })
    let ess = total * total / sumSquares
    let estimate = f.map { f in accurateSum(zip(normalized, f).map { $0 * $1 }) }
    return ImportanceSample(logWeights: logW, weights: logW.map(exp), normalizedWeights: normalized,
                            effectiveSampleSize: ess, estimate: estimate)
}

/// PPO's clipped surrogate objective (Schulman et al. 2017, eq. 7):
/// mean over samples of min(rᵢAᵢ, clip(rᵢ, 1 − ε, 1 + ε)Aᵢ).
public func ppoObjective(ratio: [Double], advantage: [Double], epsilon: Double = 0.2) throws -> Double {
    if ratio.isEmpty { throw InfoTheoryError("ratio: no samples; expected at least one") }
    try requireSameLength(ratio, advantage, "ratio", "advantage")
    for (i, r) in ratio.enumerated() where !(r.isFinite && r >= 0) {
        throw InfoTheoryError("ratio[\(i)] = \(formatForMessage(r)); expected a probability ratio (finite, >= 0)")
    }
    try requireAllFinite(advantage, "advantage")
    guard epsilon.isFinite, epsilon > 0, epsilon < 1 else {
        throw InfoTheoryError("epsilon = \(formatForMessage(epsilon)); expected a clipping range 0 < epsilon < 1")
    }
    let terms = zip(ratio, advantage).map { r, a in
        min(r * a, min(max(r, 1 - epsilon), 1 + epsilon) * a)
    }
    return accurateSum(terms) / Double(terms.count)
}

/// The mean KL(pᵢ ‖ qᵢ) over states, the quantity TRPO constrains (Schulman et al. 2015, eq. 12).
public func meanKL(_ p: [[Double]], _ q: [[Double]], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    if p.isEmpty { throw InfoTheoryError("p: no states; expected at least one distribution") }
    guard p.count == q.count else {
        throw InfoTheoryError("p has \(p.count) distributions but q has \(q.count); expected one pair per state")
    }
    var terms: [Double] = []
    for i in 0..<p.count {
        do { terms.append(try klDivergence(p[i], q[i], normalize: normalize)) } catch let e as InfoTheoryError {
            throw InfoTheoryError("state \(i) (p[\(i)], q[\(i)]): \(e.message)")
        }
    }
    // An infinite term (q excludes what p allows) makes the mean infinite, as it is.
    if terms.contains(.infinity) { return .infinity }
    return unit.fromNats(accurateSum(terms) / Double(terms.count))
}
