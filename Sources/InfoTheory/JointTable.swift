import Foundation

/// Which variable a conditional entropy conditions on. Tables have x along rows, y along columns.
public enum ConditioningVariable: String, Sendable, CaseIterable {
    /// H(Y|X)
    case x
    /// H(X|Y)
    case y
}

/// A validated joint distribution p(x, y): rows are values of X, columns values of Y.
public struct JointDistribution: Sendable, Equatable {
    public let table: [[Double]]
    public var rows: Int { table.count }
    public var columns: Int { table.first?.count ?? 0 }

    /// Checks shape (rectangular, non-empty) and that the entries form a probability distribution.
    public init(_ table: [[Double]], normalize: Bool = false) throws {
        let (r, c) = try requireRectangular(table, "pxy")
        let flat = try validatedProbabilities(table.flatMap { $0 }, name: "pxy", normalize: normalize)
        self.table = (0..<r).map { i in Array(flat[(i * c)..<((i + 1) * c)]) }
    }

    /// p(x): row sums.
    public var marginalX: [Double] { table.map { accurateSum($0) } }
    /// p(y): column sums.
    public var marginalY: [Double] { (0..<columns).map { j in accurateSum(table.map { $0[j] }) } }
}

/// Joint entropy H(X, Y) = −Σ p(x,y) log p(x,y).
public func jointEntropy(_ pxy: [[Double]], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let d = try JointDistribution(pxy, normalize: normalize)
    return unit.fromNats(-accurateSum(d.table.joined().map(xlogx)))
}

/// Conditional entropy: given `.x` → H(Y|X) = −Σ p(x,y) log p(y|x); given `.y` → H(X|Y).
/// Computed term by term from p(x,y)/p(x) rather than as H(X,Y) − H(X), so small values keep their digits.
public func conditionalEntropy(_ pxy: [[Double]], given: ConditioningVariable, normalize: Bool = false,
                               unit: InfoUnit = .nats) throws -> Double {
    let d = try JointDistribution(pxy, normalize: normalize)
    let px = d.marginalX, py = d.marginalY
    var terms: [Double] = []
    for i in 0..<d.rows {
        for j in 0..<d.columns {
            let pij = d.table[i][j]
            if pij == 0 { continue }
            let cond = given == .x ? pij / px[i] : pij / py[j]
            terms.append(-pij * log(cond))
        }
    }
    return unit.fromNats(clampedNonNegative(accurateSum(terms)))
}

/// Mutual information I(X;Y) = Σ p(x,y) log[p(x,y) / (p(x)p(y))] = KL(p(x,y) ‖ p(x)p(y)).
public func mutualInformation(_ pxy: [[Double]], normalize: Bool = false, unit: InfoUnit = .nats) throws -> Double {
    let d = try JointDistribution(pxy, normalize: normalize)
    return unit.fromNats(klSumOfTable(d, d.marginalX, d.marginalY))
}

/// KL(p(x,y) ‖ p(x)p(y)) with the product passed as two factors: 1e-170 · 1e-170 underflows to 0,
/// which made a tiny MI infinite.
func klSumOfTable(_ d: JointDistribution, _ px: [Double], _ py: [Double]) -> Double {
    let fx = px.flatMap { a in py.map { _ in a } }, fy = px.flatMap { _ in py }
    return klSum(Array(d.table.joined()), fx, qFactor: fy)
}
