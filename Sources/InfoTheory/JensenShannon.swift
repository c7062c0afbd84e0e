import Foundation

/// Jensen–Shannon divergence of p and q with weights (w, 1 − w) (default ½, ½):
/// w·KL(p‖m) + (1 − w)·KL(q‖m), m = w·p + (1 − w)·q; always finite, at most H(w, 1 − w) (ln 2).
/// - Parameter weights: two non-negative weights summing to 1, for p and q.
public func jensenShannon(_ p: [Double], _ q: [Double], weights: [Double]? = nil, normalize: Bool = false,
                          unit: InfoUnit = .nats) throws -> Double {
    let (p, q) = try validatedPair(p, q, normalize: normalize)
    if let w = weights, w.count != 2 {
        throw InfoTheoryError("weights has \(w.count) entries; expected 2, the weights of p and q")
    }
    let w = try validatedProbabilities(weights ?? [0.5, 0.5], name: "weights")
    return unit.fromNats(weightedJensenShannon([p, q], weights: w))
}

/// The generalised Jensen–Shannon divergence of several distributions (Lin 1991):
/// JS_π(P₁…P_k) = H(Σ πⱼPⱼ) − Σ πⱼH(Pⱼ) = Σ πⱼ KL(Pⱼ ‖ M), M = Σ πⱼPⱼ; between 0 and H(π).
/// - Parameters:
///   - dists: the distributions, all over the same outcomes.
///   - weights: one weight per distribution, a probability vector (default: equal weights).
/// Work and memory are linear in the number of entries.
public func jensenShannon(dists: [[Double]], weights: [Double]? = nil, normalize: Bool = false,
                          unit: InfoUnit = .nats) throws -> Double {
    let rows = try validatedDistributions(dists, name: "dists", normalize: normalize, what: "distribution",
                                          outcomes: "outcomes", agreement: "all distributions must have the same outcomes")
    if let w = weights, w.count != rows.count {
        throw InfoTheoryError("weights has \(w.count) entries but there are \(rows.count) distributions; expected one weight per distribution")
    }
    let w = try validatedProbabilities(weights ?? rows.map { _ in 1 / Double(rows.count) }, name: "weights")
    return unit.fromNats(weightedJensenShannon(rows, weights: w))
}

/// Σⱼ πⱼ KL(Pⱼ‖M) summed outcome by outcome as Mᵢ Σⱼ πⱼ g(tⱼ), tⱼ = Pⱼᵢ/Mᵢ − 1, g(t) = (1+t)ln(1+t) − t:
/// an exact rewriting (Σⱼ πⱼtⱼ = 0 at every outcome) in which every term is non-negative, so nothing
/// cancels (JS ≈ 5e-13 kept only 4 digits as a difference of KLs). Each outcome is first scaled by a
/// power of two (exact) so that Mᵢ never underflows (½·5e-324 rounds to 0, which made JS of
/// [5e-324, 1] and [0, 1] come out as ln 2), and Mᵢ is formed in double-double so that Pⱼᵢ − Mᵢ keeps
/// its digits when the distributions nearly agree.
func weightedJensenShannon(_ rows: [[Double]], weights: [Double]) -> Double {
    let kept = weights.indices.filter { weights[$0] > 0 }
    let pi = kept.map { weights[$0] }, ps = kept.map { rows[$0] }
    let n = rows[0].count
    var terms: [Double] = []
    terms.reserveCapacity(n)
    for i in 0..<n {
        let values = ps.map { $0[i] }
        guard let top = values.max(), top > 0 else { continue }
        let e = top.exponent
        let u = values.map { Double(sign: .plus, exponent: -e, significand: $0) }
        var hi = 0.0, lo = 0.0   // M = Σ πⱼuⱼ as hi + lo (TwoProduct by fma, TwoSum; Ogita, Rump & Oishi 2005)
        for (w, x) in zip(pi, u) {
            let prod = w * x, prodErr = fma(w, x, -prod)
            let s = hi + prod, bp = s - hi, sumErr = (hi - (s - bp)) + (prod - bp)
            hi = s; lo += sumErr + prodErr
        }
        let m = hi + lo, mLo = lo - (m - hi)
        var inner: [Double] = []
        inner.reserveCapacity(u.count)
        for (w, x) in zip(pi, u) {
            let t = x == 0 ? -1 : max(-1, ((x - m) - mLo) / m)
            inner.append(w * onePlusTLogOnePlusTMinusTAnywhere(t))
        }
        terms.append(Double(sign: .plus, exponent: e, significand: m * accurateSum(inner)))
    }
    let bound = -accurateSum(pi.map(xlogx))   // H(π)
    let js = accurateSum(terms)
    return js > bound ? bound : js
}
