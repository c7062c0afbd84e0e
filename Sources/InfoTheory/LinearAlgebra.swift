import Foundation

/// Lower-triangular Cholesky factor L of a symmetric positive-definite matrix A = L Lᵀ.
public struct CholeskyFactor: Sendable {
    public let lower: [[Double]]
    public var dimension: Int { lower.count }

    /// Factors `matrix`, rejecting non-square, non-finite, non-symmetric or non-positive-definite input.
    /// - Parameter name: the argument's name in messages (e.g. "cov1").
    public init(_ matrix: [[Double]], name: String = "cov") throws {
        let (r, c) = try requireRectangular(matrix, name)
        guard r == c else { throw InfoTheoryError("\(name) is \(r)×\(c); expected a square matrix") }
        try requireAtMost(r, maximumMatrixDimension, name, "rows", "its eigenvalues and factor cost O(rows³)")
        for (i, row) in matrix.enumerated() { try requireAllFinite(row, "\(name)[\(i)]") }
        let n = r
        for i in 0..<n {
            for j in 0..<i {
                let a = matrix[i][j], b = matrix[j][i]
                if abs(a - b) > 1e-12 * max(abs(a), abs(b), 1e-300) && a != b {
                    throw InfoTheoryError("\(name) is not symmetric: entry [\(i)][\(j)] = \(formatForMessage(a)) but [\(j)][\(i)] = \(formatForMessage(b))")
                }
            }
        }
        // Definiteness and conditioning are judged from the eigenvalues (Jacobi, accurate to about
        // ε‖A‖), not from a Cholesky pivot, so an SPD matrix of condition 1e15 is called
        // ill-conditioned with its condition number instead of "not positive definite".
        let eigenvalues = symmetricEigenvalues(matrix)
        let largest = eigenvalues.map(abs).max() ?? 0, smallest = eigenvalues.min() ?? 0
        let noise = Double(n) * Double.ulpOfOne * largest
        if largest == 0 {
            throw InfoTheoryError("\(name) is the zero matrix; a covariance must be symmetric positive definite")
        }
        if smallest < -noise {
            throw InfoTheoryError("\(name) is not positive definite (it has the eigenvalue \(formatForMessage(smallest))); a covariance must be symmetric positive definite")
        }
        if smallest <= noise || largest / smallest > maximumConditionNumber {
            let condition = smallest <= noise ? "above \(formatForMessage(1 / (Double(n) * Double.ulpOfOne))) (singular in double precision)"
                : formatForMessage(largest / smallest)
            throw InfoTheoryError("\(name) is ill-conditioned: condition number \(condition); expected at most "
                                  + "\(formatForMessage(maximumConditionNumber)), beyond which its inverse and determinant lose most digits")
        }
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            var d = matrix[j][j]
            for k in 0..<j { d -= l[j][k] * l[j][k] }
            // Pivot relative to the diagonal entry: a numerically singular matrix is not PD.
            if !(d > 1e-14 * abs(matrix[j][j])) || !(d > 0) {
                throw InfoTheoryError("\(name) is not positive definite (pivot \(j) of its Cholesky factorisation is \(formatForMessage(d))); a covariance must be symmetric positive definite")
            }
            let ljj = d.squareRoot()
            l[j][j] = ljj
            for i in (j + 1)..<max(j + 1, n) {
                var s = matrix[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                l[i][j] = s / ljj
            }
        }
        lower = l
    }

    /// ln det A = 2 Σ ln Lᵢᵢ.
    public var logDeterminant: Double { 2 * accurateSum(lower.indices.map { log(lower[$0][$0]) }) }

    /// Solves L z = b (forward substitution).
    public func forwardSolve(_ b: [Double]) -> [Double] {
        var z = b
        for i in 0..<dimension {
            var s = z[i]
            for k in 0..<i { s -= lower[i][k] * z[k] }
            z[i] = s / lower[i][i]
        }
        return z
    }

    /// Solves A x = b by forward then back substitution.
    public func solve(_ b: [Double]) -> [Double] {
        let n = dimension
        var z = b
        for i in 0..<n {
            var s = z[i]
            for k in 0..<i { s -= lower[i][k] * z[k] }
            z[i] = s / lower[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<max(i + 1, n) { s -= lower[k][i] * z[k] }
            z[i] = s / lower[i][i]
        }
        return z
    }
}

/// Largest accepted condition number λmax/λmin of a covariance: with rounding ε ≈ 1.1e-16 a
/// solve or determinant keeps roughly log10(1/(κε)) ≈ 2 digits at κ = 1e14 (Higham 2002, §10.1).
public let maximumConditionNumber = 1e14

/// Eigenvalues of a symmetric matrix (ascending) by the cyclic Jacobi method (Golub & Van Loan,
/// Matrix Computations, 4th ed., §8.5): rotations zero the off-diagonal entries until they are
/// negligible against the diagonal. Quadratic convergence; at most 60 sweeps.
public func symmetricEigenvalues(_ matrix: [[Double]]) -> [Double] {
    let n = matrix.count
    // Scaled to entries of at most 1 so the sums of squares below cannot overflow.
    let scale = matrix.joined().map(abs).max() ?? 0
    if n == 0 || scale == 0 || !scale.isFinite { return Array(repeating: scale == 0 ? 0 : .nan, count: n) }
    var a = matrix.map { $0.map { $0 / scale } }
    for _ in 0..<60 {
        var off = 0.0, diag = 0.0
        for i in 0..<n {
            diag += a[i][i] * a[i][i]
            for j in 0..<n where j != i { off += a[i][j] * a[i][j] }
        }
        if off == 0 || off <= 1e-36 * diag { break }
        for p in 0..<n {
            for q in (p + 1)..<max(p + 1, n) where a[p][q] != 0 {
                // Rotation angle from Golub & Van Loan alg. 8.5.1 (sym.schur2).
                let tau = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
                let c = 1 / (1 + t * t).squareRoot(), s = t * c
                for k in 0..<n {
                    let akp = a[k][p], akq = a[k][q]
                    a[k][p] = c * akp - s * akq
                    a[k][q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let apk = a[p][k], aqk = a[q][k]
                    a[p][k] = c * apk - s * aqk
                    a[q][k] = s * apk + c * aqk
                }
            }
        }
    }
    return (0..<n).map { a[$0][$0] * scale }.sorted()
}
