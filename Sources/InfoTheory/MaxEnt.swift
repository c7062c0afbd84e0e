import Foundation

/// The maximum-entropy distribution over given values with a prescribed mean.
public struct MaxEntDistribution: Sendable, Equatable {
    /// pᵢ ∝ exp(λ vᵢ)
    public let p: [Double]
    /// The Lagrange multiplier of the mean constraint (0 when the mean is the plain average).
    public let lambda: Double
}

/// Maximum-entropy distribution on `values` subject to Σ pᵢ vᵢ = `mean`.
///
/// The solution has Gibbs form pᵢ ∝ exp(λ vᵢ) (Jaynes 1957); λ solves the 1-D dual
/// d/dλ [ln Z(λ) − λ·mean] = E_λ[v] − mean = 0, whose left side increases strictly in λ
/// (its derivative is Var_λ[v]). It is solved by Newton's method safeguarded by a bracket
/// (bisection whenever Newton leaves it) until the bracket closes to adjacent doubles.
/// A mean equal to the smallest (largest) value is feasible only as the point mass on the values
/// equal to it, the limit λ → −∞ (+∞); outside [min, max] it is infeasible.
public func maxEntropyDistribution(values: [Double], mean: Double) throws -> MaxEntDistribution {
    if values.isEmpty { throw InfoTheoryError("values: empty; expected at least one value") }
    try requireAtMost(values.count, maximumMaxEntValues, "values", "entries", "each solver step touches every value")
    try requireAllFinite(values, "values")
    try requireFinite(mean, "mean")
    let lo = values.min() ?? 0, hi = values.max() ?? 0
    if lo == hi {
        if mean == lo { return MaxEntDistribution(p: values.map { _ in 1 / Double(values.count) }, lambda: 0) }
        throw InfoTheoryError("mean = \(formatForMessage(mean)) is infeasible: every value equals \(formatForMessage(lo))")
    }
    guard mean >= lo, mean <= hi else {
        throw InfoTheoryError("mean = \(formatForMessage(mean)) is infeasible; expected a mean between the smallest value \(formatForMessage(lo)) and the largest \(formatForMessage(hi))")
    }
    if mean == lo || mean == hi {
        let hits = values.filter { $0 == mean }.count
        return MaxEntDistribution(p: values.map { $0 == mean ? 1 / Double(hits) : 0 }, lambda: mean == lo ? -.infinity : .infinity)
    }
    // Solved on values scaled to [−1, 1] (λ scales back by the same factor): [1e308, 0, −1e308] has
    // a range of ∞, which made the bracket's step 1/range = 0 and the search loop forever.
    let scale = max(abs(lo), abs(hi))
    let scaled = values.map { $0 / scale }
    let r = try scaledMaxEnt(values: scaled, mean: mean / scale)
    return MaxEntDistribution(p: r.p, lambda: r.lambda / scale)
}

/// The solver for values in [−1, 1] with min < mean < max; every loop is bounded.
private func scaledMaxEnt(values: [Double], mean: Double) throws -> MaxEntDistribution {
    let n = Double(values.count)
    let lo = values.min() ?? 0, hi = values.max() ?? 0
    let average = accurateSum(values) / n
    if mean == average { return MaxEntDistribution(p: values.map { _ in 1 / n }, lambda: 0) }

    // f(λ) = E_λ[v − mean], evaluated with centred values and a max-shift against overflow.
    let centred = values.map { $0 - mean }
    func weights(_ lambda: Double) -> [Double] {
        let a = centred.map { lambda * $0 }
        let m = a.max() ?? 0
        return a.map { exp($0 - m) }
    }
    func moments(_ lambda: Double) -> (f: Double, variance: Double) {
        let w = weights(lambda)
        let z = accurateSum(w)
        let f = accurateSum(zip(w, centred).map { $0 * $1 }) / z
        let v = accurateSum(zip(w, centred).map { $0 * ($1 - f) * ($1 - f) }) / z
        return (f, v)
    }
    // Bracket: λ has the sign of mean − average; grow geometrically from the natural scale 1/range
    // (range ≤ 2 here). Doubling from ≥ 0.5 reaches the largest double in under 1100 steps.
    let scale = 1 / (hi - lo)
    var a = 0.0, b = mean > average ? scale : -scale
    var bracketed = false
    for _ in 0..<1100 {
        let fb = moments(b).f
        if fb == 0 || fb.sign != moments(a).f.sign { bracketed = true; break }
        a = b
        b *= 2
        if !b.isFinite { break }
    }
    guard bracketed else {
        throw InfoTheoryError("mean = \(formatForMessage(mean)) lies too close to the end of the values for double precision (the multiplier lambda overflows)")
    }
    var left = min(a, b), right = max(a, b)   // f(left) < 0 < f(right)
    var lambda = 0.5 * (left + right)
    for _ in 0..<400 {
        let (f, v) = moments(lambda)
        if f == 0 { break }
        if f < 0 { left = lambda } else { right = lambda }
        var next = v > 0 ? lambda - f / v : .nan
        if !(next > left && next < right) { next = 0.5 * (left + right) }
        if next == lambda || left.nextUp >= right { break }
        lambda = next
    }
    let w = weights(lambda)
    let z = accurateSum(w)
    return MaxEntDistribution(p: w.map { $0 / z }, lambda: lambda)
}
