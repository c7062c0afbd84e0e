import Foundation

/// Pearson's correlation coefficient r between paired samples (two-pass, centred sums).
public func pearsonCorrelation(_ x: [Double], _ y: [Double]) throws -> Double {
    try requireSamplePairs(x, y, minimum: 2)
    // r is scale-invariant: on x/max|x| the squares cannot overflow ([1e308, −1e308] gave
    // ∞/∞ = NaN, which the clamp below turned into r = −1).
    let x = scaledToUnit(x), y = scaledToUnit(y)
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
/// Only observed pairs are stored (10,000 distinct values made a dense 10⁴ × 10⁴ table of 7.8 GB):
/// O(n) memory and expected time.
public func plugInMutualInformation(_ x: [Double], _ y: [Double], unit: InfoUnit = .nats) throws -> Double {
    try requireSamplePairs(x, y, minimum: 1)
    try requireAtMost(x.count, maximumPlugInSamples, "x and y", has: "have", "samples", "plug-in MI counts every pair")
    return unit.fromNats(countedMutualInformation(x, y))
}

/// I(X;Y) of the empirical joint distribution of paired categories, from counts only.
///
/// With p = c/n and q = cₓc_y/n², each observed pair contributes p ln(p/q) − p + q ≥ 0 and the
/// unobserved cells contribute their q, whose total (n² − Σ cₓc_y)/n² is an exact integer
/// ratio; every term is non-negative, so nothing cancels (the same form `klSum` uses on tables).
/// t = (p − q)/q = (c·n − cₓc_y)/(cₓc_y) is exact in integers (n ≤ `maximumPlugInSamples`).
func countedMutualInformation<T: Hashable>(_ x: [T], _ y: [T]) -> Double {
    var cx: [T: Int] = [:], cy: [T: Int] = [:]
    var cxy: [CategoryPair<T>: Int] = [:]
    for (a, b) in zip(x, y) {
        cx[a, default: 0] += 1
        cy[b, default: 0] += 1
        cxy[CategoryPair(a: a, b: b), default: 0] += 1
    }
    let n = x.count, nn = Double(n) * Double(n)
    var terms: [Double] = []
    terms.reserveCapacity(cxy.count + 1)
    var observedProduct = 0
    for (pair, c) in cxy {
        let product = cx[pair.a]! * cy[pair.b]!
        observedProduct += product
        let q = Double(product) / nn, p = Double(c) / Double(n)
        let t = Double(c * n - product) / Double(product)
        terms.append(abs(t) < 0.1 ? q * onePlusTLogOnePlusTMinusT(t) : p * log1p(t) - p + q)
    }
    terms.append(Double(n * n - observedProduct) / nn)
    return clampedNonNegative(accurateSum(terms))
}

private struct CategoryPair<T: Hashable>: Hashable { let a: T, b: T }

/// Plug-in mutual information of continuous samples after binning each variable into `bins`
/// equal-width bins over its sample range. The value depends on the binning; shown beside KSG
/// to make exactly that point. Bins are integers counted sparsely, so 10,000 bins cost no more
/// than 10.
public func binnedMutualInformation(_ x: [Double], _ y: [Double], bins: Int = 10, unit: InfoUnit = .nats) throws -> Double {
    try requireSamplePairs(x, y, minimum: 1)
    guard bins >= 1 else { throw InfoTheoryError("bins = \(bins); expected at least 1 bin") }
    try requireAtMost(x.count, maximumPlugInSamples, "x and y", has: "have", "samples", "plug-in MI counts every pair")
    return unit.fromNats(countedMutualInformation(binIndices(x, bins: bins), binIndices(y, bins: bins)))
}

/// The equal-width bin 0..<bins of each value over the sample's range.
func binIndices(_ v: [Double], bins: Int) -> [Int] {
    let lo = v.min() ?? 0, hi = v.max() ?? 0
    if hi == lo { return v.map { _ in 0 } }
    // For x = ±1e308 the width hi − lo overflows to ∞ (0/∞ and ∞/∞ then made Int(NaN) trap);
    // halves never overflow, and for finite widths the plain quotient keeps earlier results.
    let width = hi - lo
    let fraction: (Double) -> Double = width.isFinite ? { ($0 - lo) / width } : { ($0 / 2 - lo / 2) / (hi / 2 - lo / 2) }
    return v.map { value in
        let scaled = fraction(value) * Double(bins)   // in [0, bins]: fraction is in [0, 1]
        return min(bins - 1, max(0, Int(scaled)))
    }
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
    try requireAtMost(x.count, maximumKSGSamples, "x and y", has: "have", "samples",
                      "KSG searches k nearest neighbours of every sample; use method \"binned\" for more")
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

/// v/max|v| (v itself when all zero): values in [−1, 1], whose squares and sums stay finite.
func scaledToUnit(_ v: [Double]) -> [Double] {
    let scale = v.map(abs).max() ?? 0
    return scale > 0 ? v.map { $0 / scale } : v
}

/// (v − mean)/sd with the population standard deviation, computed on v/max|v| so 1e308 does not
/// overflow; a constant sample is returned centred (its spread is 0 and stays 0).
func standardized(_ v: [Double]) -> [Double] {
    let u = scaledToUnit(v)
    guard u.contains(where: { $0 != 0 }) else { return v }
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
