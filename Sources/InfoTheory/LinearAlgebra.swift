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
