import Foundation

/// A bad input to an information-theory function: says what is wrong and what was expected.
public struct InfoTheoryError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// How far a probability vector's sum may stray from 1 (relative) before it is rejected.
public let probabilitySumTolerance = 1e-9

/// Short, round-trip-free rendering of a number for error messages ("1.1", not "1.1000000000000001").
func formatForMessage(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: "%.12g", x)
}

/// Checks that `p` is a probability vector: non-empty, finite, non-negative and summing to 1
/// within `probabilitySumTolerance`. With `normalize` the vector is rescaled to sum to 1 instead
/// (it must still be finite, non-negative and have a positive sum).
/// - Parameter name: how the argument is called in messages (e.g. "p", "q", "models[2]").
public func validatedProbabilities(_ p: [Double], name: String = "p", normalize: Bool = false) throws -> [Double] {
    if p.isEmpty { throw InfoTheoryError("\(name): empty probability vector; expected at least one probability") }
    for (i, v) in p.enumerated() {
        if v.isNaN { throw InfoTheoryError("\(name)[\(i)] is NaN; expected a probability in [0, 1]") }
        if v.isInfinite { throw InfoTheoryError("\(name)[\(i)] is \(formatForMessage(v)); expected a finite probability") }
        if v < 0 { throw InfoTheoryError("\(name)[\(i)] = \(formatForMessage(v)) is negative; probabilities must be >= 0") }
    }
    if normalize {
        // Scaled by the largest entry first, so the sum of [1e308, 1e308] is 2, not inf.
        let largest = p.max() ?? 0
        guard largest > 0 else {
            throw InfoTheoryError("\(name): probabilities sum to 0; cannot normalize a vector without positive mass")
        }
        let scaled = p.map { $0 / largest }
        let s = accurateSum(scaled)
        return scaled.map { $0 / s }
    }
    let s = accurateSum(p)
    // Written so that a NaN or infinite sum fails the check (a NaN comparison is false).
    if !(abs(s - 1) <= probabilitySumTolerance) {
        throw InfoTheoryError("\(name): probabilities sum to \(formatForMessage(s)), expected 1; pass normalize to rescale")
    }
    return p
}

/// Two vectors that are compared outcome by outcome must have the same length.
func requireSameLength(_ a: [Double], _ b: [Double], _ nameA: String, _ nameB: String) throws {
    if a.count != b.count {
        throw InfoTheoryError("\(nameA) has \(a.count) entries but \(nameB) has \(b.count); they must have the same length")
    }
}

/// A finite real number, or an error naming it.
func requireFinite(_ x: Double, _ name: String) throws {
    if !x.isFinite { throw InfoTheoryError("\(name) = \(formatForMessage(x)); expected a finite number") }
}

/// A finite, strictly positive number (standard deviations, Beta parameters…).
func requirePositive(_ x: Double, _ name: String) throws {
    if !(x.isFinite && x > 0) { throw InfoTheoryError("\(name) = \(formatForMessage(x)); expected a finite number > 0") }
}

func requireAllFinite(_ xs: [Double], _ name: String) throws {
    for (i, v) in xs.enumerated() where !v.isFinite {
        throw InfoTheoryError("\(name)[\(i)] = \(formatForMessage(v)); expected a finite number")
    }
}

/// Rows of equal, non-zero length; returns (rows, columns).
func requireRectangular(_ m: [[Double]], _ name: String) throws -> (Int, Int) {
    guard let first = m.first, !first.isEmpty else {
        throw InfoTheoryError("\(name): empty matrix; expected at least one row and one column")
    }
    for (i, row) in m.enumerated() where row.count != first.count {
        throw InfoTheoryError("\(name): row \(i) has \(row.count) entries but row 0 has \(first.count); rows must have equal length")
    }
    return (m.count, first.count)
}

/// A non-empty list of probability vectors over the same outcomes (ensemble members, the
/// distributions of a generalised JS); messages name the row: "models[2] has 3 classes but …".
func validatedDistributions(_ rows: [[Double]], name: String, normalize: Bool, what: String, outcomes: String,
                            agreement: String) throws -> [[Double]] {
    if rows.isEmpty { throw InfoTheoryError("\(name): empty; expected at least one \(what)") }
    var result: [[Double]] = []
    for (i, row) in rows.enumerated() {
        let v = try validatedProbabilities(row, name: "\(name)[\(i)]", normalize: normalize)
        if let first = result.first, first.count != v.count {
            throw InfoTheoryError("\(name)[\(i)] has \(v.count) \(outcomes) but \(name)[0] has \(first.count); \(agreement)")
        }
        result.append(v)
    }
    return result
}
