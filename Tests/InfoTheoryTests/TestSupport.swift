import Foundation
import Testing

/// |a − b| ≤ rel·max(|a|, |b|) + abs: the comparison every numeric reference test uses.
func close(_ a: Double, _ b: Double, rel: Double = 1e-12, abs absTol: Double = 0) -> Bool {
    if a == b { return true }
    return Swift.abs(a - b) <= rel * max(Swift.abs(a), Swift.abs(b)) + absTol
}

func normalized(_ v: [Double]) -> [Double] {
    let s = v.reduce(0, +)
    return v.map { $0 / s }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator so sampled tests are
/// reproducible on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in (0, 1): 53 random bits, never exactly 0.
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9007199254740992 }
    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u1 = uniform(), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

/// Runs a throwing property body inside a non-throwing property closure; a throw is a failure.
func checking(_ body: () throws -> Void) {
    do { try body() } catch { Issue.record(error) }
}
