import Foundation

/// Differential entropy of N(μ, σ²): ½ ln(2πe σ²). Independent of μ.
public func gaussianEntropy(sigma: Double, unit: InfoUnit = .nats) throws -> Double {
    try requirePositive(sigma, "sigma")
    return unit.fromNats(0.5 * log(2 * Double.pi * M_E) + log(sigma))
}

/// Differential entropy of a d-dimensional Gaussian: ½(d ln(2πe) + ln det Σ), det via Cholesky.
public func gaussianEntropy(covariance: [[Double]], unit: InfoUnit = .nats) throws -> Double {
    let chol = try CholeskyFactor(covariance, name: "cov")
    let d = Double(chol.dimension)
    return unit.fromNats(0.5 * (d * log(2 * Double.pi * M_E) + chol.logDeterminant))
}

/// KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.
public func gaussianKL(mu1: Double, sigma1: Double, mu2: Double, sigma2: Double, unit: InfoUnit = .nats) throws -> Double {
    try requireFinite(mu1, "mu1"); try requireFinite(mu2, "mu2")
    try requirePositive(sigma1, "sigma1"); try requirePositive(sigma2, "sigma2")
    let dm = (mu1 - mu2) / sigma2
    // With u = ln(σ₁/σ₂) the variance part r² − 1 − ln r² is e^{2u} − 1 − 2u. u comes from log1p of
    // the exact difference σ₁ − σ₂ and e^x − 1 − x from its series for small x, so σ₁ ≈ σ₂ keeps
    // full relative precision instead of cancelling.
    let u = log1p((sigma1 - sigma2) / sigma2)
    let varianceTerm = expm1MinusX(2 * u)
    return unit.fromNats(max(0, 0.5 * (varianceTerm + dm * dm)))
}

/// KL(N(m₁, Σ₁) ‖ N(m₂, Σ₂)) = ½[tr(Σ₂⁻¹Σ₁) + (m₂−m₁)ᵀΣ₂⁻¹(m₂−m₁) − d + ln det Σ₂ − ln det Σ₁].
public func gaussianKL(mean1: [Double], cov1: [[Double]], mean2: [Double], cov2: [[Double]],
                       unit: InfoUnit = .nats) throws -> Double {
    let c1 = try CholeskyFactor(cov1, name: "cov1")
    let c2 = try CholeskyFactor(cov2, name: "cov2")
    try requireAllFinite(mean1, "mean1"); try requireAllFinite(mean2, "mean2")
    let d = c1.dimension
    guard c2.dimension == d, mean1.count == d, mean2.count == d else {
        throw InfoTheoryError("dimensions differ: mean1 has \(mean1.count), cov1 is \(d)×\(d), mean2 has \(mean2.count), cov2 is \(c2.dimension)×\(c2.dimension); expected all equal")
    }
    // tr(Σ₂⁻¹Σ₁) = Σ_j (Σ₂⁻¹ Σ₁)_jj, one solve per column of Σ₁.
    var trace: [Double] = []
    for j in 0..<d {
        let col = cov1.map { $0[j] }
        trace.append(c2.solve(col)[j])
    }
    let diff = zip(mean2, mean1).map { $0 - $1 }
    let quad = accurateSum(zip(diff, c2.solve(diff)).map { $0 * $1 })
    let value = 0.5 * (accurateSum(trace) + quad - Double(d) + c2.logDeterminant - c1.logDeterminant)
    return unit.fromNats(max(0, value))
}

/// Log density of N(μ, σ²) at x.
public func gaussianLogDensity(_ x: Double, mu: Double, sigma: Double) -> Double {
    let z = (x - mu) / sigma
    return -0.5 * z * z - log(sigma) - 0.5 * log(2 * Double.pi)
}

/// eˣ − 1 − x without cancellation: Σ_{k≥2} xᵏ/k! for |x| < 0.5, expm1(x) − x otherwise.
func expm1MinusX(_ x: Double) -> Double {
    if Swift.abs(x) >= 0.5 { return expm1(x) - x }
    var sum = 0.0, term = x
    for k in 2...40 {
        term *= x / Double(k)
        sum += term
        if Swift.abs(term) <= 1e-18 * Swift.abs(sum) { break }
    }
    return sum
}
