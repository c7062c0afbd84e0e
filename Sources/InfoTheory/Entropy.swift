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

/// Cross-entropy loss −log softmax(logits)[label] for a 0-based target class, computed as
/// logsumexp(logits) − logits[label] so logits of ±1000 neither overflow nor underflow.
public func crossEntropyFromLogits(_ logits: [Double], label: Int, unit: InfoUnit = .nats) throws -> Double {
    if logits.isEmpty { throw InfoTheoryError("logits: empty; expected at least one logit") }
    try requireAllFinite(logits, "logits")
    guard label >= 0, label < logits.count else {
        throw InfoTheoryError("label = \(label) is out of range; expected a 0-based class index in 0...\(logits.count - 1)")
    }
    // With m the largest logit (taken once), Σ exp(lⱼ − m) = 1 + r, and the loss is
    // (m − l_label) + log1p(r): a confident correct prediction ([0, −40], label 0) keeps its
    // 4.25e-18 instead of log(1 + 4e-18) = 0.
    let top = logits.indices.max { logits[$0] < logits[$1] } ?? 0
    let m = logits[top]
    let rest = accurateSum(logits.indices.lazy.filter { $0 != top }.map { exp(logits[$0] - m) })
    return unit.fromNats((m - logits[label]) + log1p(rest))
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

/// KL of the distributions p and q stand for, to full relative precision even when p ≈ q.
///
/// Vectors are accepted when they sum to 1 within `probabilitySumTolerance`, so the divergence is
/// that of p/P and q/Q (P = Σp, Q = Σq): the exact Σ pᵢ ln(pᵢ/qᵢ) of two such vectors carries the
/// rounding P − Q ≈ 1e-16 of their entries and can even be negative, which put an absolute floor of
/// 1e-16 under every small KL. Each outcome contributes q′ᵢ·g(tᵢ) ≥ 0 with q′ᵢ = qᵢ/Q,
/// tᵢ = (pᵢQ − qᵢP)/(qᵢP) (the numerator formed exactly with fused multiply-adds) and
/// g(t) = (1+t) ln(1+t) − t; since Σp′ = Σq′ = 1 these terms sum to the KL, and nothing cancels.
/// (With P and Q rounded, Σp′ − Σq′ = O(ε) is the same first-order amount by which Σ p′ ln(p′/q′)
/// differs from the normalised KL, so leaving both out is right to first order.)
/// +∞ when some qᵢ = 0 < pᵢ.
/// - Parameter qFactor: when given, qᵢ = q[i]·qFactor[i] is a product that may underflow (the
///   p(x)p(y) of mutual information); ln qᵢ then comes from the factors.
func klSum(_ p: [Double], _ q: [Double], qFactor: [Double]? = nil) -> Double {
    let product = qFactor.map { f in zip(q, f).map { $0 * $1 } } ?? q
    let P = accurateSum(p), Q = accurateSum(product)
    var terms: [Double] = []
    terms.reserveCapacity(p.count)
    for i in p.indices {
        let pi = p[i], qi = product[i]
        let logQ = qFactor.map { log(q[i]) + log($0[i]) } ?? log(qi)
        if pi == 0 { terms.append(qi / Q); continue }
        if logQ == -.infinity { return .infinity }
        let qn = qi / Q, pn = pi / P
        // pᵢQ − qᵢP exactly enough: each product split into its rounded value and error (fma).
        let a = pi * Q, ea = fma(pi, Q, -a), b = qi * P, eb = fma(qi, P, -b)
        let t = ((a - b) + (ea - eb)) / (qi * P)
        if t.isFinite && Swift.abs(t) < 0.1 {
            terms.append(qn * onePlusTLogOnePlusTMinusT(t))
        } else {
            // ln(p′/q′) from logarithms when the ratio would overflow (p = 1, q = 1e-310) or q underflowed.
            let ratio = pn / qn
            let logRatio = ratio.isNormal && qi.isNormal ? log(ratio) : (log(pi) - log(P)) - (logQ - log(Q))
            terms.append(pn * logRatio - pn + qn)
        }
    }
    return clampedNonNegative(accurateSum(terms))
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
