import Foundation

/// How `normalizedMutualInformation` averages the two entropies, as scikit-learn's
/// normalized_mutual_info_score names them.
public enum EntropyAverage: String, Sendable, CaseIterable {
    case arithmetic, geometric, min, max

    func of(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .arithmetic: return 0.5 * a + 0.5 * b
        case .geometric: return a.squareRoot() * b.squareRoot()
        case .min: return Swift.min(a, b)
        case .max: return Swift.max(a, b)
        }
    }
}

/// Normalised mutual information I(X;Y)/mean(H(X), H(Y)) of a joint distribution, in [0, 1]
/// (the ratio is unit-free). Degenerate cases as scikit-learn defines them: when both variables
/// take a single value (both entropies 0) it is 1, when only one does it is 0; it is exactly 1
/// when X and Y determine each other (every row and every column has one positive cell).
public func normalizedMutualInformation(_ pxy: [[Double]], average: EntropyAverage = .arithmetic,
                                        normalize: Bool = false) throws -> Double {
    let d = try JointDistribution(pxy, normalize: normalize)
    let px = d.marginalX, py = d.marginalY
    let rowCells = d.table.map { $0.filter { $0 > 0 }.count }
    let columnCells = (0..<d.columns).map { j in d.table.filter { $0[j] > 0 }.count }
    let bijection = rowCells.allSatisfy { $0 <= 1 } && columnCells.allSatisfy { $0 <= 1 }
    return nmiRatio(mi: klSumOfTable(d, px, py), hx: -accurateSum(px.map(xlogx)), hy: -accurateSum(py.map(xlogx)),
                    singleX: px.filter { $0 > 0 }.count == 1, singleY: py.filter { $0 > 0 }.count == 1,
                    bijection: bijection, average: average)
}

/// Normalised mutual information of two labelings of the same items (scikit-learn's
/// normalized_mutual_info_score): the contingency of the labels is kept sparse, so the work and
/// memory are linear in the number of items however many distinct labels there are.
public func normalizedMutualInformation<Label: Hashable>(labelsTrue: [Label], labelsPred: [Label],
                                                         average: EntropyAverage = .arithmetic) throws -> Double {
    if labelsTrue.count != labelsPred.count {
        throw InfoTheoryError("labels_true has \(labelsTrue.count) labels but labels_pred has \(labelsPred.count); they must label the same items")
    }
    if labelsTrue.isEmpty { throw InfoTheoryError("labels_true: empty; expected at least one labelled item") }
    func codes(_ labels: [Label]) -> ([Int], Int) {
        var index: [Label: Int] = [:]
        let c = labels.map { label -> Int in
            if let i = index[label] { return i }
            index[label] = index.count
            return index.count - 1
        }
        return (c, index.count)
    }
    let (ct, nt) = codes(labelsTrue), (cp, np) = codes(labelsPred)
    var a = Array(repeating: 0.0, count: nt), b = Array(repeating: 0.0, count: np)
    var cells: [Int: [Int: Double]] = [:]   // row → column → count
    for (i, j) in zip(ct, cp) {
        a[i] += 1; b[j] += 1
        cells[i, default: [:]][j, default: 0] += 1
    }
    let n = Double(ct.count)
    // I = Σ over all cells of q·g(t) with q = aᵢbⱼ/n², t = n·nᵢⱼ/(aᵢbⱼ) − 1 (every term ≥ 0, as in
    // klSum); the empty cells of row i contribute their q, aᵢ(n − Σ_{occupied j} bⱼ)/n², in integers.
    var terms: [Double] = []
    for (i, row) in cells {
        var occupied = 0.0
        for (j, count) in row {
            occupied += b[j]
            let x = n * count, ex = fma(n, count, -x), y = a[i] * b[j], ey = fma(a[i], b[j], -y)
            let t = ((x - y) + (ex - ey)) / y
            terms.append(a[i] / n * (b[j] / n) * onePlusTLogOnePlusTMinusTAnywhere(t))
        }
        terms.append(a[i] / n * ((n - occupied) / n))
    }
    let entropyOf = { (counts: [Double]) in -accurateSum(counts.map { xlogx($0 / n) }) }
    let bijection = cells.values.allSatisfy { $0.count == 1 } && nt == np
    return nmiRatio(mi: clampedNonNegative(accurateSum(terms)), hx: entropyOf(a), hy: entropyOf(b),
                    singleX: nt == 1, singleY: np == 1, bijection: bijection, average: average)
}

func nmiRatio(mi: Double, hx: Double, hy: Double, singleX: Bool, singleY: Bool, bijection: Bool,
              average: EntropyAverage) -> Double {
    if singleX || singleY { return singleX && singleY ? 1 : 0 }
    if bijection { return 1 }
    if mi == 0 { return 0 }
    let ratio = mi / average.of(hx, hy)
    return ratio > 1 ? 1 : ratio   // I ≤ min(H(X), H(Y)) ≤ every mean; rounding may step over 1
}
