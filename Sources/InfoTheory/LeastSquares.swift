import Foundation

/// An ordinary-least-squares fit read as maximum likelihood under Gaussian noise.
public struct OLSFit: Sendable, Equatable {
    public let beta: [Double]
    /// The maximum-likelihood noise level σ̂ = √(RSS/n) (divided by n, not n − p: it is the MLE).
    public let sigma: Double
    /// ℓ(β̂, σ̂) = −(n/2)(ln 2π σ̂² + 1).
    public let logLikelihood: Double
    public let residualSumOfSquares: Double
}

/// Fits y ≈ Xβ by least squares with Householder QR (Golub & Van Loan, Matrix Computations,
/// 4th ed., §5.3.3), never forming XᵀX: the normal equations square the condition number and
/// lose twice the digits. Rows of `x` are observations and include the intercept column.
/// The residual sum of squares is the squared tail of Qᵀy (§5.3.2), exact up to rounding even
/// when the fit is nearly perfect.
public func olsFit(x: [[Double]], y: [Double]) throws -> OLSFit {
    let (n, p) = try requireRectangular(x, "x")
    for (i, row) in x.enumerated() { try requireAllFinite(row, "x[\(i)]") }
    try requireAllFinite(y, "y")
    guard y.count == n else { throw InfoTheoryError("x has \(n) rows but y has \(y.count) entries; expected one y per row") }
    guard n > p else {
        throw InfoTheoryError("x has \(n) rows and \(p) columns; the fit needs more observations than coefficients")
    }
    // Column-major copy, reduced in place to R (upper triangle); b becomes Qᵀy.
    var a = (0..<p).map { j in x.map { $0[j] } }
    var b = y
    let scale = a.map { col in col.map(abs).max() ?? 0 }
    for k in 0..<p {
        // Householder vector v for column k below the diagonal: (I − 2vvᵀ/vᵀv) a_k = −sign·‖a_k‖ e_k.
        let norm = hypotNorm(a[k][k...])
        // A column that is (numerically) a combination of the previous ones leaves nothing below
        // the diagonal: ‖·‖ at the rounding level of the column's own size.
        guard norm > Double(n) * Double.ulpOfOne * max(scale[k], Double.leastNormalMagnitude) else {
            throw InfoTheoryError("x: column \(k) is a linear combination of the columns before it (or zero); the coefficients are not identifiable")
        }
        let alpha = a[k][k] > 0 ? -norm : norm
        var v = Array(a[k][k...])
        v[0] -= alpha
        let vv = accurateSum(v.map { $0 * $0 })
        func reflect(_ col: inout [Double]) {
            let s = 2 * accurateSum(zip(v, col[k...]).map { $0 * $1 }) / vv
            for i in 0..<v.count { col[k + i] -= s * v[i] }
        }
        for j in (k + 1)..<max(p, k + 1) { reflect(&a[j]) }
        reflect(&b)
        a[k][k] = alpha
    }
    // Back substitution R β = (Qᵀy)[0..<p].
    var beta = [Double](repeating: 0, count: p)
    for i in stride(from: p - 1, through: 0, by: -1) {
        let s = accurateSum(((i + 1)..<p).map { a[$0][i] * beta[$0] })
        beta[i] = (b[i] - s) / a[i][i]
    }
    let rss = accurateSum(b[p...].map { $0 * $0 })
    // Residuals at the rounding level of y (n ulp of ‖y‖) are an exact fit that rounding blurred.
    let roundingLevel = Double(n) * Double.ulpOfOne * hypotNorm(y[...])
    guard rss.squareRoot() > roundingLevel else {
        throw InfoTheoryError("y is fitted exactly (residual sum of squares 0): the maximum-likelihood σ is 0 and the likelihood is unbounded")
    }
    let sigma = (rss / Double(n)).squareRoot()
    let ll = -0.5 * Double(n) * (log(2 * Double.pi) + 2 * log(sigma) + 1)
    return OLSFit(beta: beta, sigma: sigma, logLikelihood: ll, residualSumOfSquares: rss)
}

/// ‖v‖₂ without overflow or underflow: scaled by the largest entry.
private func hypotNorm(_ v: ArraySlice<Double>) -> Double {
    let m = v.map(abs).max() ?? 0
    guard m > 0, m.isFinite else { return m }
    return m * accurateSum(v.map { ($0 / m) * ($0 / m) }).squareRoot()
}
