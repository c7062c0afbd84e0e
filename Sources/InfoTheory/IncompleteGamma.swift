import Foundation

/// The regularised upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) for a > 0, x ≥ 0, to
/// near full relative precision also deep in the tail (p-values of 1e-300 keep their digits).
///
/// Method (Numerical Recipes, 3rd ed., §6.2; DLMF 8.7.1 and 8.9.2): below x = a + 1 the series
/// P(a, x) = xᵃe⁻ˣ/Γ(a+1) · Σ xⁿ/((a+1)…(a+n)) and Q = 1 − P (Q ≥ about ½ there, so nothing is
/// lost); above it the continued fraction for Q, evaluated by the modified Lentz method. The common
/// factor xᵃe⁻ˣ/Γ(a) is formed as √(a/2π)·exp(a·(ln(1+u) − u) − stirling(a)), u = (x − a)/a, for
/// a ≥ 10 (as Temme and Boost do), so the huge a ln x − x − ln Γ(a) never cancels. Both loops stop
/// once a term no longer changes the sum; they need O(√a) steps near x = a, and are capped.
public func regularizedUpperGamma(_ a: Double, _ x: Double) throws -> Double {
    try requirePositive(a, "a")
    if !(x >= 0) { throw InfoTheoryError("x = \(formatForMessage(x)); expected a number >= 0") }
    if x == 0 { return 1 }
    if x == .infinity { return 0 }
    let cap = 1000 + Int(min(1e7, 50 * a.squareRoot()))
    let prefix = gammaPrefix(a, x)
    if x < a + 1 {
        var term = 1.0, sum = 1.0, denominator = a
        for _ in 0..<cap {
            denominator += 1
            term *= x / denominator
            sum += term
            if term <= 1e-17 * sum { break }
        }
        let p = prefix / a * sum
        return p >= 1 ? 0 : 1 - p
    }
    // Lentz: Q = prefix · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …)))
    let tiny = 1e-300
    var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
    for i in 1...cap {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b
        if Swift.abs(d) < tiny { d = tiny }
        c = b + an / c
        if Swift.abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if Swift.abs(delta - 1) <= 1e-16 { break }
    }
    return prefix * h
}

/// xᵃe⁻ˣ/Γ(a), see `regularizedUpperGamma`.
func gammaPrefix(_ a: Double, _ x: Double) -> Double {
    if a < 10 { return exp(a * log(x) - x - lgamma(a)) }
    let u = (x - a) / a
    return (a / (2 * Double.pi)).squareRoot() * exp(a * log1pMinusX(u) - stirlingSeries(a))
}
