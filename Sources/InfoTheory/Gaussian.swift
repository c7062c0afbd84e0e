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
    // With u = ln(σ₁/σ₂) the variance part r² − 1 − ln r² is e^{2u} − 1 − 2u. Near σ₁ = σ₂, u comes
    // from log1p of the exact difference σ₁ − σ₂ (Sterbenz) and e^x − 1 − x from its series, so
    // the value keeps full relative precision instead of cancelling. Far from it u is a plain
    // logarithm: log1p((σ₁ − σ₂)/σ₂) rounds to log1p(−1) = −∞ once σ₁/σ₂ < 1e-17, and a ratio
    // that underflows (1e-170/1e170) needs ln σ₁ − ln σ₂.
    let ratio = sigma1 / sigma2
    let u = ratio > 0.5 && ratio < 2 ? log1p((sigma1 - sigma2) / sigma2)
        : ratio.isNormal ? log(ratio) : log(sigma1) - log(sigma2)
    let varianceTerm = expm1MinusX(2 * u)
    return unit.fromNats(0.5 * (varianceTerm + dm * dm))
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
    // With Σ₂ = LLᵀ, tr(Σ₂⁻¹Σ₁) − d − ln det(Σ₂⁻¹Σ₁) = Σ (δ − ln(1 + δ)) over the eigenvalues δ of
    // D = L⁻¹(Σ₁ − Σ₂)L⁻ᵀ, and the mean part is |L⁻¹(m₂ − m₁)|². Both are sums of non-negative terms
    // built from the exact differences Σ₁ − Σ₂ and m₂ − m₁, so equal covariances and a 1e-9 mean
    // shift give 2.6e-19 instead of the rounding noise of tr − d + ln det − ln det (which was 0).
    let difference = (0..<d).map { i in (0..<d).map { j in cov1[i][j] - cov2[i][j] } }
    let halfSolved = (0..<d).map { j in c2.forwardSolve(difference.map { $0[j] }) }   // columns of L⁻¹ΔΣ
    let rowsOfLinvDelta = (0..<d).map { i in halfSolved.map { $0[i] } }                // L⁻¹ΔΣ
    let dMatrix = rowsOfLinvDelta.map { c2.forwardSolve($0) }                            // (L⁻¹ΔΣ)L⁻ᵀ
    let symmetric = (0..<d).map { i in (0..<d).map { j in 0.5 * (dMatrix[i][j] + dMatrix[j][i]) } }
    let covariancePart = accurateSum(symmetricEigenvalues(symmetric).map { delta in
        delta > -1 ? -log1pMinusX(delta) : Double.infinity
    })
    let z = c2.forwardSolve(zip(mean2, mean1).map { $0 - $1 })
    let meanPart = accurateSum(z.map { $0 * $0 })
    return unit.fromNats(0.5 * (covariancePart + meanPart))
}

/// ln(1 + x) − x without cancellation for small x (series −x²/2 + x³/3 − … below |x| = 0.1).
func log1pMinusX(_ x: Double) -> Double {
    if Swift.abs(x) >= 0.1 { return log1p(x) - x }
    var sum = 0.0, power = x
    for k in 2...40 {
        power *= -x
        let term = power / Double(k)   // (−1)^{k+1} x^k / k with the sign carried in power
        sum += term
        if Swift.abs(term) <= 1e-18 * Swift.abs(sum) { break }
    }
    return sum
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
