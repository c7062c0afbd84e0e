import Foundation

/// Mutual information between a continuous x and a discrete y (class labels) from samples, by the
/// nearest-neighbour estimator of Ross, PLoS ONE 9(2):e87357 (2014), eq. 2:
///   I = ψ(N) + ⟨ψ(kᵢ)⟩ − ⟨ψ(N_{yᵢ})⟩ − ⟨ψ(mᵢ)⟩,
/// where dᵢ is the distance from xᵢ to its kᵢ-th nearest neighbour among the points of its own class
/// (N_{yᵢ} of them), and mᵢ counts the points of all classes closer than dᵢ, xᵢ itself included.
/// As scikit-learn's mutual_info_classif does: a class with a single point carries no neighbour and
/// is left out (N counts the rest), and kᵢ = min(k, N_{yᵢ} − 1) in small classes. Unlike it, no noise
/// is added and the estimate is not clamped at 0 (it can be slightly negative for independent data).
/// x is standardised as for KSG (the estimate does not depend on the scale of a single variable; this
/// keeps distances of data near ±1e308 finite). Sorting makes the neighbour search O(n log n + n k).
public func mixedMutualInformation(_ x: [Double], _ y: [Double], k: Int = 3, unit: InfoUnit = .nats) throws -> Double {
    try requireSamplePairs(x, y, minimum: 2)
    guard k >= 1 else { throw InfoTheoryError("k = \(k); expected at least 1 neighbour") }
    let sx = standardized(x)
    var classes: [Double: [Int]] = [:]
    for (i, label) in y.enumerated() { classes[label, default: []].append(i) }
    let groups = classes.values.filter { $0.count > 1 }
    let kept = groups.reduce(0) { $0 + $1.count }
    if kept == 0 {
        throw InfoTheoryError("y: every class has a single sample; the mixed estimator needs at least one class with 2 or more samples")
    }
    let everything = groups.flatMap { $0.map { sx[$0] } }.sorted()
    var terms: [Double] = []
    terms.reserveCapacity(kept)
    for members in groups {
        let values = members.map { sx[$0] }.sorted()
        let ki = min(k, values.count - 1)
        for position in values.indices {
            let d = kthNeighbourDistance(sorted: values, position: position, k: ki)
            if d == 0 {
                throw InfoTheoryError("x has more than k = \(ki) identical values within one class of y; the mixed estimator needs continuous x (add tiny noise or use method \"discrete\")")
            }
            let m = countStrictlyWithin(everything, center: values[position], radius: d)
            terms.append(digamma(Double(ki)) - digamma(Double(values.count)) - digamma(Double(m)))
        }
    }
    return unit.fromNats(digamma(Double(kept)) + accurateSum(terms) / Double(kept))
}
