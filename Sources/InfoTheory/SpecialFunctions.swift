import Foundation

/// The digamma function ψ(x) = d/dx ln Γ(x), accurate to a few ulp for x > 0.
///
/// Method: shift x upward with ψ(x) = ψ(x+1) − 1/x until x ≥ 10, then the asymptotic series
/// ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (Abramowitz & Stegun 6.3.18), whose terms through
/// x⁻¹⁴ leave an error below 1e-17 at x = 10. Negative non-integers use the reflection formula
/// ψ(1−x) − ψ(x) = π cot(πx); poles (0, −1, −2, …) give NaN.
public func digamma(_ x: Double) -> Double {
    if x.isNaN || x == -.infinity { return .nan }
    if x == .infinity { return .infinity }
    if x <= 0 {
        if x == x.rounded() { return .nan }
        // Reflection; tan(πx) computed from the fractional part keeps πx small.
        let frac = x - x.rounded(.down)
        return digamma(1 - x) - Double.pi / tan(Double.pi * frac)
    }
    var result = 0.0
    var y = x
    while y < 10 {
        result -= 1 / y
        y += 1
    }
    let inv2 = 1 / (y * y)
    // Bernoulli numbers B2..B14 divided by 2k: 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12
    let series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
        - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))))
    return result + log(y) - 0.5 / y - series
}

/// ln Γ(x) for x > 0 (the C library's lgamma, wrapped so callers need not import Glibc/Darwin).
public func logGamma(_ x: Double) -> Double { lgamma(x) }

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
public func logBeta(_ a: Double, _ b: Double) -> Double { lgamma(a) + lgamma(b) - lgamma(a + b) }

/// G(x) = ln Γ(x) − (x − 1)ψ(x) + x, the piece of the Beta entropy that belongs to one argument.
///
/// For x ≥ 10 the large terms of ln Γ (Stirling, A&S 6.1.41) and (x − 1)ψ (A&S 6.3.18) cancel on
/// paper, leaving G(x) = ½ ln(2πx) + (x − 1)/(2x) + C(x) + (x − 1)S(x), where
/// C(x) = Σ B₂ₖ/(2k(2k−1)x^{2k−1}) and S(x) = Σ B₂ₖ/(2k x^{2k}); evaluated this way nothing of size
/// x ln x is ever formed (at 10⁹ heads the direct form lost 4.5e-6, and at 1e308 it was inf − inf).
/// Below 10 the direct form is exact to a few ulp.
func betaEntropyPart(_ x: Double) -> Double {
    if x < 10 { return lgamma(x) - (x - 1) * digamma(x) + x }
    let inv = 1 / x, inv2 = inv * inv
    let c = stirlingSeries(x)
    // The digamma series as in `digamma`: B₂ₖ/(2k): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12
    let sPart = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
        - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))))
    return 0.5 * log(2 * Double.pi) + 0.5 * log(x) + 0.5 * (1 - inv) + c + (x - 1) * sPart
}

/// The tail of Stirling's series, ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] = Σ B₂ₖ/(2k(2k−1)x^{2k−1})
/// (A&S 6.1.41), for x ≥ 10, where the terms through x⁻¹³ leave an error below 1e-17.
func stirlingSeries(_ x: Double) -> Double {
    let inv = 1 / x, inv2 = inv * inv
    // B₂ₖ/(2k(2k−1)): 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156
    return inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680
        - inv2 * (1.0 / 1188 - inv2 * (691.0 / 360360 - inv2 * (1.0 / 156)))))))
}
