import Foundation

/// Perplexity exp H(p) (the effective number of equally likely outcomes), or with q the cross-
/// perplexity exp H(p, q) of a model q on data distributed as p (the usual language-model score).
/// The same number in every logarithm base (b^{H in base b}), so it takes no unit. +∞ when q
/// misses part of p's support; an error when the value is finite but beyond double precision.
public func perplexity(_ p: [Double], _ q: [Double]? = nil, normalize: Bool = false) throws -> Double {
    let h = try q.map { try crossEntropy(p, $0, normalize: normalize) } ?? entropy(p, normalize: normalize)
    let value = exp(h)
    if value == .infinity && h.isFinite {
        throw InfoTheoryError("the perplexity exp(\(formatForMessage(h))) exceeds double precision; use cross_entropy for its logarithm")
    }
    return value
}
