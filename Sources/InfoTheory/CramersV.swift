import Foundation

/// Pearson's chi-squared test of independence on a contingency table, and Cramér's V.
public struct ContingencyAssociation: Sendable, Equatable {
    /// χ² = Σ (O − E)²/E with E = row sum · column sum / N (no Yates correction).
    public let chi2: Double
    /// (rows − 1)(columns − 1)
    public let dof: Int
    /// P(χ²_dof ≥ χ²) = Q(dof/2, χ²/2), the regularised upper incomplete gamma function.
    public let pValue: Double
    /// Cramér's V = √(χ²/(N·(min(rows, columns) − 1))) ∈ [0, 1] (Cramér 1946, §21.9).
    public let v: Double
}

/// χ², its degrees of freedom and p-value, and Cramér's V of a table of counts (rows × columns,
/// counts ≥ 0, not necessarily integers). Every row and column needs a positive total (an empty
/// one has expected count 0, as scipy's chi2_contingency also refuses). scipy applies Yates'
/// continuity correction to 2×2 tables by default; this is the uncorrected statistic
/// (scipy: `correction=False`, which `scipy.stats.contingency.association` uses).
/// Work linear in the number of cells.
public func cramersV(table: [[Double]]) throws -> ContingencyAssociation {
    let (r, c) = try requireRectangular(table, "table")
    for (i, row) in table.enumerated() {
        for (j, v) in row.enumerated() where !(v.isFinite && v >= 0) {
            throw InfoTheoryError("table[\(i)][\(j)] = \(formatForMessage(v)); expected a count >= 0")
        }
    }
    if r < 2 || c < 2 {
        throw InfoTheoryError("table is \(r)×\(c); expected at least 2 rows and 2 columns (an association needs two variables that vary)")
    }
    // Scaled by a power of two (exact) so that sums and products of counts near 1e308 stay finite;
    // χ² scales with the counts, V and the p-value's χ²/N do not.
    let top = table.joined().max() ?? 0
    if top == 0 { throw InfoTheoryError("table has no counts (every entry is 0); expected a positive total") }
    let e = top.exponent
    let o = table.map { $0.map { Double(sign: .plus, exponent: -e, significand: $0) } }
    let rows = o.map { accurateSum($0) }
    let columns = (0..<c).map { j in accurateSum(o.map { $0[j] }) }
    if let i = rows.firstIndex(of: 0) { throw InfoTheoryError("table row \(i) has no counts; every row and column needs a positive total") }
    if let j = columns.firstIndex(of: 0) { throw InfoTheoryError("table column \(j) has no counts; every row and column needs a positive total") }
    let n = accurateSum(rows)
    // (O − E)²/E = (N·O − R·C)²/(N·R·C), the difference formed exactly by fused multiply-adds, so a
    // table close to independence keeps the digits of its small χ².
    var terms: [Double] = []
    terms.reserveCapacity(r * c)
    for i in 0..<r {
        for j in 0..<c {
            let a = n * o[i][j], ea = fma(n, o[i][j], -a), b = rows[i] * columns[j], eb = fma(rows[i], columns[j], -b)
            let d = (a - b) + (ea - eb)
            terms.append(d / b * (d / n))
        }
    }
    let scaledChi2 = accurateSum(terms)
    let chi2 = Double(sign: .plus, exponent: e, significand: scaledChi2)
    let dof = (r - 1) * (c - 1)
    let v = (scaledChi2 / n / Double(min(r, c) - 1)).squareRoot()
    let p = try regularizedUpperGamma(Double(dof) / 2, chi2 / 2)
    return ContingencyAssociation(chi2: chi2, dof: dof, pValue: p, v: v > 1 ? 1 : v)
}
