import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014, as in Vigna's reference code): a tiny deterministic
/// generator, so a figure drawn from "random" samples is the same on every machine and run.
struct SplitMix64: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform on (0, 1]: safe to take the logarithm of.
    mutating func uniformPositive() -> Double { Double((next() >> 11) + 1) * 0x1.0p-53 }

    /// A pair of independent standard normals by the Box–Muller transform (Box & Muller 1958).
    mutating func normalPair() -> (Double, Double) {
        let u1 = uniformPositive(), u2 = uniform()
        let r = (-2 * log(u1)).squareRoot(), a = 2 * Double.pi * u2
        return (r * cos(a), r * sin(a))
    }

    /// n standard normals (pairs used in order, the last spare dropped).
    mutating func normals(_ n: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(n + 1)
        while out.count < n { let (a, b) = normalPair(); out.append(a); out.append(b) }
        return Array(out.prefix(n))
    }
}
