import Foundation

/// Most feature constraints `maxEntropyDistribution(values:features:means:)` accepts (the documented
/// size limit of `maxent` with `features`): each Newton step costs O(n·m² + m³) for n values.
public let maximumMaxEntConstraints = 64

/// Most Newton steps the multi-constraint solver takes; a feasible problem with means inside the
/// reachable set converges in well under 50 (quadratic convergence once the full step is taken).
let maxEntNewtonSteps = 200

/// The maximum-entropy distribution under several moment constraints.
public struct MaxEntSolution: Sendable, Equatable {
    /// pᵢ ∝ exp(Σₖ λₖ fₖ(xᵢ))
    public let p: [Double]
    /// One multiplier per constraint: ±∞ when its mean is the smallest or largest value its feature
    /// takes (the distribution then lives on the values attaining it), 0 when the constraint holds
    /// for every distribution on the remaining values.
    public let lambda: [Double]
}

/// Maximum-entropy distribution on `values` subject to Σᵢ pᵢ fₖ(xᵢ) = `means[k]`, with
/// `features[k][i]` = fₖ(xᵢ) (one row per constraint).
///
/// The solution has Gibbs form pᵢ ∝ exp(λ·f(xᵢ)) (Jaynes 1957); λ minimises the convex dual
/// ψ(λ) = ln Σᵢ exp(λ·(f(xᵢ) − means)), whose gradient is E_λ[f] − means and Hessian Cov_λ[f]
/// (Boyd & Vandenberghe, Convex Optimization, §5.2.4 and §9.5): damped Newton with a backtracking
/// (Armijo) line search, at most 200 steps; the Hessian is regularised when the features are
/// linearly dependent. A constraint whose mean is the smallest (largest) value of its feature on
/// the remaining support forces the distribution onto the values attaining it (as the
/// single-constraint maxent's point mass); that is applied first, repeatedly. Since the minimum of
/// ψ is the maximal entropy (≥ 0), any λ with ψ(λ) < 0 proves the means infeasible.
public func maxEntropyDistribution(values: [Double], features: [[Double]], means: [Double]) throws -> MaxEntSolution {
    if values.isEmpty { throw InfoTheoryError("values: empty; expected at least one value") }
    try requireAllFinite(values, "values")
    let n = values.count
    if features.isEmpty { throw InfoTheoryError("features: empty; expected one row of feature values per constraint") }
    if features.count > maximumMaxEntConstraints {
        throw InfoTheoryError("features has \(features.count) rows; expected at most \(maximumMaxEntConstraints) constraints")
    }
    for (k, row) in features.enumerated() {
        if row.count != n {
            throw InfoTheoryError("features[\(k)] has \(row.count) entries but values has \(n); expected one feature value per value")
        }
        try requireAllFinite(row, "features[\(k)]")
    }
    if means.count != features.count {
        throw InfoTheoryError("means has \(means.count) entries but features has \(features.count) rows; expected one mean per constraint")
    }
    try requireAllFinite(means, "means")

    // Centred and scaled features gₖ = (fₖ − meanₖ)/sₖ with sₖ the largest magnitude involved, so
    // values near ±1e308 cannot overflow (λₖ scales back by 1/sₖ).
    var scales: [Double] = [], g: [[Double]] = []
    for (row, mean) in zip(features, means) {
        let s = max(row.map(Swift.abs).max() ?? 0, Swift.abs(mean))
        scales.append(s)
        g.append(s == 0 ? row.map { _ in 0 } : row.map { $0 / s - mean / s })
    }
    var lambda = Array(repeating: 0.0, count: g.count)
    var support = Array(0..<n), active = Array(g.indices)
    // Point masses and faces: a constraint at the end of its feature's range on the current support.
    var reduced = true
    while reduced {
        reduced = false
        for k in active {
            let column = support.map { g[k][$0] }
            let lo = column.min() ?? 0, hi = column.max() ?? 0
            if lo > 0 || hi < 0 {
                let f = support.map { features[k][$0] }
                throw InfoTheoryError("means[\(k)] = \(formatForMessage(means[k])) is infeasible; on the values left by the other constraints features[\(k)] lies between \(formatForMessage(f.min() ?? 0)) and \(formatForMessage(f.max() ?? 0))")
            }
            if lo == 0 && hi == 0 { lambda[k] = 0 }
            else if lo == 0 { lambda[k] = -.infinity; support = support.filter { g[k][$0] == 0 } }
            else if hi == 0 { lambda[k] = .infinity; support = support.filter { g[k][$0] == 0 } }
            else { continue }
            active.removeAll { $0 == k }
            reduced = true
            break
        }
    }
    var p = Array(repeating: 0.0, count: n)
    if active.isEmpty {
        for i in support { p[i] = 1 / Double(support.count) }
        return MaxEntSolution(p: p, lambda: zip(lambda, scales).map { $1 == 0 ? $0 : $0 / $1 })
    }
    let rows = active.map { k in support.map { g[k][$0] } }   // m × n′
    let solved = try newtonMaxEnt(rows, means: active.map { means[$0] }, constraintIndices: active)
    for (j, i) in support.enumerated() { p[i] = solved.p[j] }
    for (j, k) in active.enumerated() { lambda[k] = solved.lambda[j] }
    return MaxEntSolution(p: p, lambda: zip(lambda, scales).map { $1 == 0 ? $0 : $0 / $1 })
}

/// Damped Newton on ψ(λ) = ln Σᵢ exp(λ·gᵢ) for centred, scaled features g (rows = constraints).
private func newtonMaxEnt(_ g: [[Double]], means: [Double], constraintIndices: [Int]) throws -> MaxEntSolution {
    let m = g.count, n = g[0].count
    func exponents(_ lambda: [Double]) -> [Double] {
        (0..<n).map { i in accurateSum((0..<m).map { lambda[$0] * g[$0][i] }) }
    }
    func psi(_ lambda: [Double]) -> Double { logSumExp(exponents(lambda)) }
    func distribution(_ lambda: [Double]) -> [Double] {
        let a = exponents(lambda), top = a.max() ?? 0
        let w = a.map { exp($0 - top) }, z = accurateSum(w)
        return w.map { $0 / z }
    }
    var lambda = Array(repeating: 0.0, count: m)
    var value = psi(lambda)
    var gradientNorm = Double.infinity
    for _ in 0..<maxEntNewtonSteps {
        let p = distribution(lambda)
        let grad = (0..<m).map { k in accurateSum((0..<n).map { p[$0] * g[k][$0] }) }
        gradientNorm = grad.map(Swift.abs).max() ?? 0
        if gradientNorm <= 1e-15 { return MaxEntSolution(p: p, lambda: lambda) }
        var hessian = Array(repeating: Array(repeating: 0.0, count: m), count: m)
        for a in 0..<m {
            for b in 0...a {
                let h = accurateSum((0..<n).map { p[$0] * (g[a][$0] - grad[a]) * (g[b][$0] - grad[b]) })
                hessian[a][b] = h; hessian[b][a] = h
            }
        }
        let step = regularisedNewtonStep(hessian, grad)
        let slope = accurateSum(zip(grad, step).map { $0 * $1 })   // < 0
        var t = 1.0, accepted = false
        if -slope < 1e-12 {
            // Newton decrement below 1e-6: inside the region of quadratic convergence, where ψ changes
            // by less than its rounding and the line search could not tell a better point (Boyd &
            // Vandenberghe §9.5.3); the full step is taken.
            lambda = zip(lambda, step).map { $0 + $1 }
            value = psi(lambda)
            continue
        }
        for _ in 0..<60 {
            let trial = zip(lambda, step).map { $0 + t * $1 }
            let v = psi(trial)
            if v <= value + 1e-4 * t * slope {
                lambda = trial; value = v; accepted = true
                break
            }
            t *= 0.5
        }
        if value < -1e-12 { throw infeasibleMeans(means, constraintIndices, "no distribution on the values has these feature means") }
        if !accepted {
            // ψ cannot decrease further: at its minimum to working precision.
            if gradientNorm <= 1e-11 { return MaxEntSolution(p: distribution(lambda), lambda: lambda) }
            break
        }
    }
    if gradientNorm <= 1e-11 { return MaxEntSolution(p: distribution(lambda), lambda: lambda) }
    throw infeasibleMeans(means, constraintIndices,
        "after \(maxEntNewtonSteps) Newton steps the feature means still miss by \(formatForMessage(gradientNorm)) (relative): they lie outside, or on the boundary of, the set of means the features can reach, where the solution would need zero probabilities that only a mean at the end of a single feature's range is recognised for")
}

private func infeasibleMeans(_ means: [Double], _ indices: [Int], _ why: String) -> InfoTheoryError {
    let list = zip(indices, means).map { "means[\($0)] = \(formatForMessage($1))" }.joined(separator: ", ")
    return InfoTheoryError("\(list): infeasible; \(why)")
}

/// Solves (H + τI)x = −g by Cholesky, with τ = 0 first and raised (relative to the largest
/// diagonal entry) until the factorisation succeeds: dependent features make H singular.
private func regularisedNewtonStep(_ h: [[Double]], _ grad: [Double]) -> [Double] {
    let m = h.count
    let largest = max((0..<m).map { h[$0][$0] }.max() ?? 0, 1e-300)
    var tau = 0.0
    for _ in 0..<40 {
        var l = Array(repeating: Array(repeating: 0.0, count: m), count: m)
        var ok = true
        outer: for j in 0..<m {
            var d = h[j][j] + tau
            for k in 0..<j { d -= l[j][k] * l[j][k] }
            if !(d > 1e-13 * largest) { ok = false; break outer }
            l[j][j] = d.squareRoot()
            for i in (j + 1)..<max(j + 1, m) {
                var s = h[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                l[i][j] = s / l[j][j]
            }
        }
        if ok {
            var z = grad.map { -$0 }
            for i in 0..<m { for k in 0..<i { z[i] -= l[i][k] * z[k] }; z[i] /= l[i][i] }
            for i in stride(from: m - 1, through: 0, by: -1) {
                for k in (i + 1)..<max(i + 1, m) { z[i] -= l[k][i] * z[k] }
                z[i] /= l[i][i]
            }
            return z
        }
        tau = tau == 0 ? 1e-12 * largest : tau * 100
    }
    return grad.map { -$0 }   // not reached for finite H (τ = 1e66·largest dominates); a gradient step
}
