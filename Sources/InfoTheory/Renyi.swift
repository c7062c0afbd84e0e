import Foundation

// Rényi entropy and divergence (Rényi 1961, "On measures of entropy and information") and the
// Tsallis entropy (Tsallis 1988), for orders α ∈ [0, ∞].
//
// All three are computed for the distributions the vectors stand for, r = p/P and s = q/Q
// (P = Σp, Q = Σq may differ from 1 by the accepted 1e-9): near α = 1 the formulas divide by α − 1,
// and an unnormalised Σp = 1 + δ would add δ/(α − 1) to the result. At α = 1 exactly they are the
// Shannon entropy and the KL divergence. Near α = 1 they are written as log1p of a sum of terms of
// one sign, so orders 1 ± 1e-9 keep full relative precision; note that they differ from the Shannon
// value by about ∓½·1e-9·Var(ln r) (the derivative of H_α at α = 1 is −½ Var_r(ln r)).

/// An order α: a number ≥ 0, or +∞ ("inf" in requests).
func requireOrder(_ alpha: Double, _ name: String = "order") throws {
    if !(alpha >= 0) {
        throw InfoTheoryError("\(name) = \(formatForMessage(alpha)); expected an order >= 0 (or \"inf\")")
    }
}

/// A non-negative result, with −0 and rounding below 0 shown as 0 (NaN stays NaN).
@inline(__always) func nonNegativeResult(_ x: Double) -> Double { (x < 0 ? 0 : x) + 0 }

/// Rényi entropy H_α(p) = ln(Σ pᵢ^α)/(1 − α): α = 0 is the log of the support size (Hartley),
/// α = 1 the Shannon entropy, α = ∞ the min-entropy −ln max pᵢ. Non-increasing in α.
public func renyiEntropy(_ p: [Double], order: Double, normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let p = try validatedProbabilities(p, name: "p", normalize: normalize)
    try requireOrder(order)
    return unit.fromNats(nonNegativeResult(renyiEntropyNats(p, alpha: order)))
}

/// Tsallis entropy S_q(p) = (1 − Σ pᵢ^q)/(q − 1): q = 1 is the Shannon entropy (in nats), q = 0 the
/// support size − 1, q = ∞ the limit 0. It is not the logarithm of anything, so it has no unit.
public func tsallisEntropy(_ p: [Double], order: Double, normalize: Bool = false) throws -> Double {
    let p = try validatedProbabilities(p, name: "p", normalize: normalize)
    try requireOrder(order)
    let support = p.filter { $0 > 0 }
    switch order {
    case 0: return Double(support.count) - 1
    case 1: return nonNegativeResult(shannonOfNormalised(support))
    case .infinity: return 0
    default:
        // Σ r^q − 1 = exp(ln Σ r^q) − 1, see PowerSums.
        let mass = PowerSums(support), beta = order - 1
        return nonNegativeResult(-expm1(log1p(mass.excess(order)) - beta * mass.logTotal) / beta)
    }
}

/// Rényi divergence D_α(p‖q) = ln(Σ pᵢ^α qᵢ^{1−α})/(α − 1): α = 0 is −ln q(supp p), α = 1 the KL
/// divergence, α = ∞ ln max pᵢ/qᵢ. +∞ when the supports force it: for α ≥ 1 when q misses part of
/// p's support, for α < 1 only when p and q have no outcome in common (α = 0: q lies outside p's
/// support). Non-decreasing in α.
public func renyiDivergence(_ p: [Double], _ q: [Double], order: Double, normalize: Bool = false,
                            unit: InfoUnit = .nats) throws -> Double {
    let (p, q) = try validatedPair(p, q, normalize: normalize)
    try requireOrder(order)
    if order == 1 { return unit.fromNats(klSum(p, q)) }
    return unit.fromNats(nonNegativeResult(renyiDivergenceNats(p, q, alpha: order)))
}

// MARK: - entropy

func renyiEntropyNats(_ p: [Double], alpha: Double) -> Double {
    let support = p.filter { $0 > 0 }
    let mass = PowerSums(support)
    switch alpha {
    case 0: return log(Double(support.count))
    case 1: return shannonOfNormalised(support)
    case .infinity: return -(log(support.max() ?? 1) - mass.logTotal)
    default: break
    }
    let beta = alpha - 1
    let excess = mass.excess(alpha)   // Σ pᵢ^α/P − 1
    if beta > 0 && excess < -0.5 {
        // Σ r^α ≤ ½ (and 1 + excess may have underflowed): the logarithm is taken directly, with
        // α factored out so that α = 1e300 does not overflow: ln Σ e^{αℓᵢ} = αℓ* + ln Σ e^{α(ℓᵢ−ℓ*)}.
        let logs = support.map { log($0) - mass.logTotal }
        let top = logs.max() ?? 0
        let rest = log(accurateSum(logs.map { exp(alpha * ($0 - top)) }))
        return (alpha / beta) * -top - rest / beta
    }
    // ln Σ r^α = ln(Σ p^α) − α ln P = log1p(excess) − β ln P.
    return -log1p(excess) / beta + mass.logTotal
}

/// −Σ rᵢ ln rᵢ = −Σ pᵢ ln pᵢ/P + ln P of r = p/P: `entropy`'s value when the entries sum to 1
/// exactly, and the α → 1 limit of the Rényi and Tsallis entropies always.
func shannonOfNormalised(_ support: [Double]) -> Double {
    let mass = PowerSums(support)
    return -accurateSum(support.map(xlogx)) / mass.total + mass.logTotal
}

/// Power sums of the positive entries of a vector that sums to P ≈ 1, for orders near 1.
///
/// Σ pᵢ^α/P − 1 = Σ pᵢ(pᵢ^{α−1} − 1)/P is formed from the raw entries, whose terms
/// all have the sign of 1 − α (so the sum never cancels and expm1 keeps them exact near α = 1); the
/// normalisation enters only through ln P = log1p(P − 1), with P − 1 taken from the compensated
/// sum. Normalising first would not do: r = p/P rounded sums to 1 ± 1e-17, and that error, divided
/// by α − 1, was 4e-8 of a Rényi entropy of 2e-10.
struct PowerSums {
    let support: [Double], total: Double, logTotal: Double

    init(_ support: [Double]) {
        self.support = support
        let (sum, correction) = compensatedSum(support)
        total = sum + correction
        logTotal = sum >= 0.5 && sum <= 2 ? log1p((sum - 1) + correction) : log(total)
    }

    /// Σ pᵢ^α/P − 1 ≥ −1 (so ln Σ rᵢ^α = log1p(excess) − (α − 1) ln P).
    func excess(_ alpha: Double) -> Double {
        let beta = alpha - 1
        let sum = accurateSum(support.map { pi in
            let l = log(pi), x = beta * l
            // p^{α−1} = e^x overflows for tiny p and α < 1; then p^α − p directly (p^α ≥ e·p, no loss).
            return x <= 1 ? pi * expm1(x) : exp(alpha * l) - pi
        })
        return sum / total   // Σp^α = P + sum
    }
}

// MARK: - divergence

func renyiDivergenceNats(_ p: [Double], _ q: [Double], alpha: Double) -> Double {
    let P = accurateSum(p), Q = accurateSum(q)
    let logP = log(P), logQ = log(Q)
    switch alpha {
    case 0:
        // −ln Σ_{pᵢ>0} sᵢ = −ln(1 − mass of q outside supp p), the outside mass summed directly.
        let outside = accurateSum(zip(p, q).filter { $0.0 == 0 }.map { $0.1 }) / Q
        return -log1p(-outside)
    case .infinity:
        var best = -Double.infinity
        for (pi, qi) in zip(p, q) where pi > 0 {
            if qi == 0 { return .infinity }
            best = max(best, logRatio(pi, qi, P: P, Q: Q, logP: logP, logQ: logQ))
        }
        return best
    default: break
    }
    let beta = alpha - 1
    // S = Σ rᵢ^α sᵢ^{1−α} − 1 = Σ sᵢ h(τᵢ) with τᵢ = rᵢ/sᵢ − 1 and h(τ) = (1+τ)^α − 1 − ατ
    // (the ατ terms add up to α(Σr − Σs) = 0); h has the sign of α − 1 for every τ, so nothing cancels.
    var terms: [Double] = []
    terms.reserveCapacity(p.count)
    for (pi, qi) in zip(p, q) {
        if qi == 0 {
            if pi == 0 { continue }
            if beta > 0 { return .infinity }
            terms.append(-alpha * pi / P)   // r^α·0 − r − (α − 1)r
            continue
        }
        let s = qi / Q
        let tau = pi == 0 ? -1 : relativeExcess(pi, qi, P: P, Q: Q)
        if !(tau < 1e8) {
            // r ≫ s (τ may even overflow): r^α s^{1−α} − s − α(r − s) directly, where α·r dominates
            // for α < 1 and an overflow to ∞ for α > 1 sends the sum to the logarithmic form below.
            let r = pi / P
            terms.append(exp(alpha * (log(pi) - logP) + (1 - alpha) * (log(qi) - logQ)) - s - alpha * (r - s))
            continue
        }
        terms.append(s * binomialExcess(tau, alpha: alpha, beta: beta))
    }
    let excess = accurateSum(terms)
    if beta > 0 ? !(excess <= 1) : excess < -0.5 {
        // The logarithm of Σ r^α s^{1−α} is no longer small (or the sum overflowed): taken directly.
        var logs: [Double] = []
        for (pi, qi) in zip(p, q) where pi > 0 && qi > 0 {
            let lr = log(pi) - logP, ls = log(qi) - logQ
            logs.append(beta > 0 ? (lr - ls) + ls / alpha : alpha * lr + (1 - alpha) * ls)
        }
        if logs.isEmpty { return .infinity }   // α < 1 and disjoint supports
        if beta < 0 { return logSumExp(logs) / beta }
        // α > 1: ln Σ e^{α uᵢ} with uᵢ = tᵢ + ln(sᵢ)/α, factored so that a huge α cannot overflow.
        let top = logs.max() ?? 0
        let rest = log(accurateSum(logs.map { exp(alpha * ($0 - top)) }))
        return (alpha / beta) * top + rest / beta
    }
    return log1p(excess) / beta
}

/// τ = r/s − 1 for r = p/P, s = q/Q (q > 0), with the numerator pQ − qP formed exactly by fused
/// multiply-adds (as in `klSum`), so p ≈ q gives a τ with all its digits.
func relativeExcess(_ p: Double, _ q: Double, P: Double, Q: Double) -> Double {
    let a = p * Q, ea = fma(p, Q, -a), b = q * P, eb = fma(q, P, -b)
    return ((a - b) + (ea - eb)) / b
}

/// ln(r/s) for r = p/P, s = q/Q (p, q > 0): log1p of τ near 1, differences of logarithms where the
/// ratio would overflow or underflow.
func logRatio(_ p: Double, _ q: Double, P: Double, Q: Double, logP: Double, logQ: Double) -> Double {
    let tau = relativeExcess(p, q, P: P, Q: Q)
    if tau.isFinite && tau > -0.5 && tau < 1 { return log1p(tau) }
    return (log(p) - logP) - (log(q) - logQ)
}

/// h(τ) = (1+τ)^α − 1 − ατ for τ ≥ −1, α > 0 (β = α − 1), to full relative precision:
/// the binomial series Σ_{k≥2} C(α,k)τᵏ for small τ; else β·g(τ) + (1+τ)·e₂(βL) (L = ln(1+τ),
/// g(τ) = (1+τ)L − τ ≥ 0, e₂(x) = eˣ − 1 − x ≥ 0), whose terms share a sign for α ≥ 1 and are at
/// most comparable for ½ ≤ α < 1; below α = ½, e₂(αL) + α(L − τ), which the factor α keeps apart.
func binomialExcess(_ tau: Double, alpha: Double, beta: Double) -> Double {
    if tau == -1 { return beta }   // (1+τ)^α = 0
    if Swift.abs(tau) < 0.1 && Swift.abs(alpha * tau) < 0.5 {
        // Successive terms shrink by |(α − k + 1)τ/k| < 0.35.
        var term = alpha * tau, sum = 0.0
        for k in 2...80 {
            term *= (alpha - Double(k - 1)) / Double(k) * tau
            sum += term
            if Swift.abs(term) <= 1e-17 * Swift.abs(sum) { break }
        }
        return sum
    }
    let L = log1p(tau)
    if alpha >= 0.5 { return beta * onePlusTLogOnePlusTMinusTAnywhere(tau) + (1 + tau) * expm1MinusX(beta * L) }
    return expm1MinusX(alpha * L) + alpha * log1pMinusX(tau)
}

/// g(t) = (1+t) ln(1+t) − t for every t ≥ −1 (g(−1) = 1): the series below |t| = 0.1.
func onePlusTLogOnePlusTMinusTAnywhere(_ t: Double) -> Double {
    if Swift.abs(t) < 0.1 { return onePlusTLogOnePlusTMinusT(t) }
    if t == -1 { return 1 }
    return (1 + t) * log1p(t) - t
}
