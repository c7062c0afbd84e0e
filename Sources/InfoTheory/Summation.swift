import Foundation

/// Neumaier's compensated sum: sums of many terms of mixed sign (KL terms, log-likelihoods) keep
/// close to full precision instead of losing digits to rounding (Neumaier 1974).
public func accurateSum<S: Sequence>(_ xs: S) -> Double where S.Element == Double {
    var sum = 0.0, c = 0.0
    for x in xs {
        let t = sum + x
        if abs(sum) >= abs(x) { c += (sum - t) + x } else { c += (x - t) + sum }
        sum = t
    }
    return sum + c
}

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
