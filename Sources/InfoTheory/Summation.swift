import Foundation

/// Neumaier's compensated sum: sums of many terms of mixed sign (KL terms, log-likelihoods) keep
/// close to full precision instead of losing digits to rounding (Neumaier 1974).
///
/// Once the running sum is no longer finite the compensation is meaningless (inf − inf in it is
/// NaN), so the plain IEEE sum is returned: ±∞ stays ±∞ and only a genuine ∞ − ∞ gives NaN.
/// (Returning `sum + c` there turned [1e308, 1e308] into NaN, which then slipped through the
/// sum-to-1 check because every comparison with NaN is false.)
public func accurateSum<S: Sequence>(_ xs: S) -> Double where S.Element == Double {
    let (sum, c) = compensatedSum(xs)
    return sum.isFinite ? sum + c : sum
}

/// Neumaier's running sum and its compensation, unrounded: P − 1 of a probability vector is
/// (sum − 1) + c to far below the ulp of 1 (`sum − 1` is exact by Sterbenz's lemma).
func compensatedSum<S: Sequence>(_ xs: S) -> (sum: Double, correction: Double) where S.Element == Double {
    var sum = 0.0, c = 0.0
    for x in xs {
        let t = sum + x
        if abs(sum) >= abs(x) { c += (sum - t) + x } else { c += (x - t) + sum }
        sum = t
    }
    return (sum, c)
}

/// max(0, x) that keeps NaN a NaN (Swift's `max(0, .nan)` is 0, which hid a NaN KL as "0").
@inline(__always) func clampedNonNegative(_ x: Double) -> Double { x < 0 ? 0 : x }

/// log Σ exp(a_i) without overflow or underflow: shift by the largest term first.
public func logSumExp(_ a: [Double]) -> Double {
    guard let m = a.max() else { return -.infinity }
    if m == -.infinity { return -.infinity }
    if m == .infinity { return .infinity }
    return m + log(accurateSum(a.map { exp($0 - m) }))
}

/// log(1 + e^x), stable for every x (the negative log-sigmoid of −x).
public func softplus(_ x: Double) -> Double {
    x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
}

/// 0·log 0 = 0 by continuity: the convention every entropy sum relies on.
@inline(__always) func xlogx(_ x: Double) -> Double { x == 0 ? 0 : x * log(x) }
