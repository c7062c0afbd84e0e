import Foundation

/// Surprisal (self-information) −log p of an outcome with probability p ∈ [0, 1]; +∞ for p = 0.
public func surprisal(_ p: Double, unit: InfoUnit = .nats) throws -> Double {
    if !(p.isFinite && p >= 0 && p <= 1) {
        throw InfoTheoryError("p = \(formatForMessage(p)); expected a probability in [0, 1]")
    }
    return unit.fromNats(-log(p))
}

/// Shannon entropy H(p) = −Σ pᵢ log pᵢ (0·log 0 = 0).
public func entropy(_ p: [Double], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let p = try validatedProbabilities(p, name: "p", normalize: normalize)
    return unit.fromNats(-accurateSum(p.map(xlogx)))
}

/// Binary entropy h(p) = −p log p − (1−p) log(1−p), accurate to full relative precision near
/// both ends: the smaller of p and 1−p (computed exactly, Sterbenz) drives the formula, and the
/// other logarithm is log1p of it.
public func binaryEntropy(_ p: Double, unit: InfoUnit = .nats) throws -> Double {
    if !(p.isFinite && p >= 0 && p <= 1) {
        throw InfoTheoryError("p = \(formatForMessage(p)); expected a probability in [0, 1]")
    }
    let small = p <= 0.5 ? p : 1 - p
    if small == 0 { return 0 }
    return unit.fromNats(-small * log(small) - (1 - small) * log1p(-small))
}

/// Cross-entropy H(p, q) = −Σ pᵢ log qᵢ; +∞ when some qᵢ = 0 where pᵢ > 0.
public func crossEntropy(_ p: [Double], _ q: [Double], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let (p, q) = try validatedPair(p, q, normalize: normalize)
    var terms: [Double] = []
    for (pi, qi) in zip(p, q) where pi > 0 {
        if qi == 0 { return .infinity }
        terms.append(-pi * log(qi))
    }
    return unit.fromNats(accurateSum(terms))
}

/// Per-outcome terms pᵢ log(pᵢ/qᵢ) of KL(p‖q) (0 where pᵢ = 0, +∞ where qᵢ = 0 < pᵢ).
/// Individual terms may be negative; their sum is not.
public func klTerms(_ p: [Double], _ q: [Double], normalize: Bool = false, unit: InfoUnit = .nats) throws -> [Double] {
    let (p, q) = try validatedPair(p, q, normalize: normalize)
    return zip(p, q).map { pi, qi in unit.fromNats(klTerm(pi, qi)) }
}

/// Kullback–Leibler divergence KL(p‖q) = Σ pᵢ log(pᵢ/qᵢ); +∞ when q misses part of p's support.
public func klDivergence(_ p: [Double], _ q: [Double], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let (p, q) = try validatedPair(p, q, normalize: normalize)
    return unit.fromNats(klSum(p, q))
}

/// Jensen–Shannon divergence ½KL(p‖m) + ½KL(q‖m), m = (p+q)/2; always finite, at most log 2.
public func jensenShannon(_ p: [Double], _ q: [Double], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let (p, q) = try validatedPair(p, q, normalize: normalize)
    let m = zip(p, q).map { 0.5 * ($0 + $1) }
    return unit.fromNats(min(M_LN2, 0.5 * klSum(p, m) + 0.5 * klSum(q, m)))
}

/// Cross-entropy loss −log softmax(logits)[label] for a 0-based target class, computed as
/// logsumexp(logits) − logits[label] so logits of ±1000 neither overflow nor underflow.
public func crossEntropyFromLogits(_ logits: [Double], label: Int, unit: InfoUnit = .nats) throws -> Double {
    if logits.isEmpty { throw InfoTheoryError("logits: empty; expected at least one logit") }
    try requireAllFinite(logits, "logits")
    guard label >= 0, label < logits.count else {
        throw InfoTheoryError("label = \(label) is out of range; expected a 0-based class index in 0...\(logits.count - 1)")
    }
    let m = logits.max() ?? 0
    // Subtracting the label's logit inside the sum keeps small losses precise.
    let lse = log(accurateSum(logits.map { exp($0 - m) }))
    return unit.fromNats(max(0, (m - logits[label]) + lse))
}

/// Softmax probabilities of a logit vector (stable: shifted by the maximum).
public func softmax(_ logits: [Double]) -> [Double] {
    guard let m = logits.max() else { return [] }
    let e = logits.map { exp($0 - m) }
    let s = accurateSum(e)
    return e.map { $0 / s }
}

@inline(__always) func klTerm(_ p: Double, _ q: Double) -> Double {
    if p == 0 { return 0 }
    if q == 0 { return .infinity }
    // Near p = q the difference p − q is exact (Sterbenz), so log1p keeps the small log precise.
    if p <= 2 * q && q <= 2 * p { return p * log1p((p - q) / q) }
    return p * log(p / q)
}

func validatedPair(_ p: [Double], _ q: [Double], normalize: Bool) throws -> ([Double], [Double]) {
    let vp = try validatedProbabilities(p, name: "p", normalize: normalize)
    let vq = try validatedProbabilities(q, name: "q", normalize: normalize)
    try requireSameLength(vp, vq, "p", "q")
    return (vp, vq)
}

/// Σ pᵢ ln(pᵢ/qᵢ) to full relative precision even when p ≈ q.
///
/// Summing pᵢ ln(pᵢ/qᵢ) directly cancels (terms of size |p − q| add up to a KL of size (p − q)²).
/// Instead each outcome contributes pᵢ ln(pᵢ/qᵢ) − pᵢ + qᵢ = qᵢ·g(tᵢ), tᵢ = (pᵢ − qᵢ)/qᵢ,
/// g(t) = (1+t) ln(1+t) − t ≥ 0, and the sums are restored by adding Σpᵢ − Σqᵢ. Every term is then
/// non-negative, so nothing cancels. +∞ when some qᵢ = 0 < pᵢ.
func klSum(_ p: [Double], _ q: [Double]) -> Double {
    var terms: [Double] = []
    terms.reserveCapacity(p.count)
    for (pi, qi) in zip(p, q) {
        if pi == 0 { terms.append(qi); continue }
        if qi == 0 { return .infinity }
        let t = (pi - qi) / qi
        terms.append(Swift.abs(t) < 0.1 ? qi * onePlusTLogOnePlusTMinusT(t) : pi * log(pi / qi) - pi + qi)
    }
    // One compensated sum over the terms, p and −q: Σp − Σq is ~1e-17 and must not be rounded
    // to the precision of the separate sums (~1e-16) first.
    let restored = accurateSum(terms + p + q.map { -$0 })
    return max(0, restored)
}

/// g(t) = (1+t) ln(1+t) − t = Σ_{k≥2} (−1)ᵏ tᵏ / (k(k−1)) for |t| < 0.1 (terms fall by 10× each).
func onePlusTLogOnePlusTMinusT(_ t: Double) -> Double {
    var sum = 0.0, power = t
    for k in 2...40 {
        power *= t
        let term = (k % 2 == 0 ? power : -power) / Double(k * (k - 1))
        sum += term
        if Swift.abs(term) <= 1e-18 * Swift.abs(sum) { break }
    }
    return sum
}
