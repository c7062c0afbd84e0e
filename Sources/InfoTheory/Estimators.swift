import Foundation

/// Pearson's correlation coefficient r between paired samples (two-pass, centred sums).
public func pearsonCorrelation(_ x: [Double], _ y: [Double]) throws -> Double {
    try requireSamplePairs(x, y, minimum: 2)
    let n = Double(x.count)
    let mx = accurateSum(x) / n, my = accurateSum(y) / n
    let sxy = accurateSum(zip(x, y).map { ($0 - mx) * ($1 - my) })
    let sxx = accurateSum(x.map { ($0 - mx) * ($0 - mx) })
    let syy = accurateSum(y.map { ($0 - my) * ($0 - my) })
    if sxx == 0 { throw InfoTheoryError("x is constant; correlation is undefined for a sample without variance") }
    if syy == 0 { throw InfoTheoryError("y is constant; correlation is undefined for a sample without variance") }
    return min(1, max(-1, sxy / (sxx.squareRoot() * syy.squareRoot())))
}

/// Plug-in ("empirical") mutual information of discrete samples: each distinct value of x and of y
/// is a category, the joint frequency table is the estimate of p(x,y), and I is computed from it.
/// Biased upward for small samples (roughly (|X|−1)(|Y|−1)/(2n) nats); use for categorical data.
public func plugInMutualInformation(_ x: [Double], _ y: [Double], unit: InfoUnit = .nats) throws -> Double {
    try requireSamplePairs(x, y, minimum: 1)
    let xs = Array(Set(x)).sorted(), ys = Array(Set(y)).sorted()
    var ix: [Double: Int] = [:], iy: [Double: Int] = [:]
    for (k, v) in xs.enumerated() { ix[v] = k }
    for (k, v) in ys.enumerated() { iy[v] = k }
    var table = Array(repeating: Array(repeating: 0.0, count: ys.count), count: xs.count)
    for (a, b) in zip(x, y) {
        if let i = ix[a], let j = iy[b] { table[i][j] += 1 }
    }
    let n = Double(x.count)
    return try mutualInformation(table.map { $0.map { $0 / n } }, normalize: true, unit: unit)
}

/// Plug-in mutual information of continuous samples after binning each variable into `bins`
/// equal-width bins over its sample range. The value depends on the binning; shown beside KSG
/// to make exactly that point.
public func binnedMutualInformation(_ x: [Double], _ y: [Double], bins: Int = 10, unit: InfoUnit = .nats) throws -> Double {
    try requireSamplePairs(x, y, minimum: 1)
    guard bins >= 1 else { throw InfoTheoryError("bins = \(bins); expected at least 1 bin") }
    func binIndex(_ v: [Double]) -> [Double] {
        let lo = v.min() ?? 0, hi = v.max() ?? 0
        if hi == lo { return v.map { _ in 0 } }
        return v.map { Double(min(bins - 1, Int((($0 - lo) / (hi - lo)) * Double(bins)))) }
    }
    return try plugInMutualInformation(binIndex(x), binIndex(y), unit: unit)
}

/// Kraskov–Stögbauer–Grassberger k-nearest-neighbour estimator of I(X;Y) for continuous scalar
/// samples, algorithm 1 of Kraskov, Stögbauer & Grassberger, Phys. Rev. E 69, 066138 (2004):
///   I = ψ(k) + ψ(N) − ⟨ψ(nₓ + 1) + ψ(n_y + 1)⟩,
/// where εᵢ is the max-norm distance from point i to its k-th neighbour in the joint space and
/// nₓ(i), n_y(i) count the other points strictly closer than εᵢ in each marginal.
/// The max-norm mixes the two axes, so the estimate depends on their units: each variable is
/// divided by its standard deviation first (as scikit-learn's mutual_info_regression does;
/// `standardize: false` keeps the data as given). Neighbours come from a 2-d tree, O(n log n).
/// The estimate may be slightly negative for independent variables (it is not clamped).
/// Repeated points make εᵢ = 0, where the estimator is undefined: that is reported as an error.
public func ksgMutualInformation(_ x: [Double], _ y: [Double], k: Int = 3, standardize: Bool = true,
                                 unit: InfoUnit = .nats) throws -> Double {
    try requireSamplePairs(x, y, minimum: 2)
    let n = x.count
    guard k >= 1, k < n else {
        throw InfoTheoryError("k = \(k); expected 1 <= k < number of samples (\(n))")
    }
    let sx = standardize ? standardized(x) : x, sy = standardize ? standardized(y) : y
    let tree = MaxNormTree(x: sx, y: sy)
    let sortedX = sx.sorted(), sortedY = sy.sorted()
    var psiSum: [Double] = []
    psiSum.reserveCapacity(n)
    for i in 0..<n {
        let eps = tree.kthNeighbourDistance(of: i, k: k)
        if eps == 0 {
            throw InfoTheoryError("samples contain more than k = \(k) identical (x, y) points; the KSG estimator needs continuous data (add tiny noise or use plug-in MI)")
        }
        let nx = countStrictlyWithin(sortedX, center: sx[i], radius: eps) - 1
        let ny = countStrictlyWithin(sortedY, center: sy[i], radius: eps) - 1
        psiSum.append(digamma(Double(nx + 1)) + digamma(Double(ny + 1)))
    }
    let estimate = digamma(Double(k)) + digamma(Double(n)) - accurateSum(psiSum) / Double(n)
    return unit.fromNats(estimate)
}

/// (v − mean)/sd with the population standard deviation, computed on v/max|v| so 1e308 does not
/// overflow; a constant sample is returned centred (its spread is 0 and stays 0).
func standardized(_ v: [Double]) -> [Double] {
    let scale = v.map(abs).max() ?? 0
    guard scale > 0 else { return v }
    let u = v.map { $0 / scale }
    let mean = accurateSum(u) / Double(u.count)
    let centred = u.map { $0 - mean }
    let sd = (accurateSum(centred.map { $0 * $0 }) / Double(u.count)).squareRoot()
    return sd > 0 ? centred.map { $0 / sd } : centred
}

/// Number of entries v of the ascending array `sorted` with |v − center| < radius.
func countStrictlyWithin(_ sorted: [Double], center: Double, radius: Double) -> Int {
    // Compared as distances, computed exactly as the k-NN search computed ε: the neighbour at
    // distance ε must not count, and `v > center − radius` can admit it after rounding.
    // First index with center − v < radius, first index with v − center >= radius (both monotone).
    func firstIndex(_ pred: (Double) -> Bool) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pred(sorted[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
    let a = firstIndex { center - $0 < radius }
    let b = firstIndex { $0 - center >= radius }
    return max(0, b - a)
}

func requireSamplePairs(_ x: [Double], _ y: [Double], minimum: Int) throws {
    try requireSameLength(x, y, "x", "y")
    if x.count < minimum {
        throw InfoTheoryError("x and y have \(x.count) samples; expected at least \(minimum)")
    }
    try requireAllFinite(x, "x")
    try requireAllFinite(y, "y")
}
