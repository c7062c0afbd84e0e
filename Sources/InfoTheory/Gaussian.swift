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
    let r = sigma1 / sigma2, dm = (mu1 - mu2) / sigma2
    // r² − 1 − ln r² ≥ 0; it loses relative digits only for r ≈ 1, where it is tiny anyway.
    let varianceTerm = r * r - 1 - 2 * log(r)
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
