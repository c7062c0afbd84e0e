import Foundation
import Expressions
import FigureModel
import InfoRequests
import InfoTheory

/// SplitMix64 (Steele, Lea & Flood 2014, as in Vigna's reference code): a tiny deterministic
/// generator, so a figure drawn from "random" samples is the same on every machine and run.
/// Integer arithmetic only up to the conversion to [0, 1); Box–Muller then uses the C library's
/// log, sqrt, cos and sin, which glibc computes identically on every machine we build on.
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform on (0, 1]: safe to take the logarithm of.
    public mutating func uniformPositive() -> Double { Double((next() >> 11) + 1) * 0x1.0p-53 }

    /// A pair of independent standard normals by the Box–Muller transform (Box & Muller 1958).
    public mutating func normalPair() -> (Double, Double) {
        let u1 = uniformPositive(), u2 = uniform()
        let r = (-2 * log(u1)).squareRoot(), a = 2 * Double.pi * u2
        return (r * cos(a), r * sin(a))
    }

    /// n standard normals (pairs used in order, the last spare dropped).
    public mutating func normals(_ n: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(n + 1)
        while out.count < n { let (a, b) = normalPair(); out.append(a); out.append(b) }
        return Array(out.prefix(n))
    }
}

/// Most rows a `random:` table draws: ten times the largest sample the KSG estimator takes
/// (InfoTheory's `maximumKSGSamples`), so a spec can draw more than it estimates from, yet a
/// typo such as n: 1e9 fails at once instead of filling memory.
let maximumRandomRows = 10 * maximumKSGSamples

extension SpecCompiler {
    /// `{random: {seed: 42, n: 500, columns: {x: {uniform: [-3, 3]}, z: normal}}}`: a table of
    /// seeded pseudo-random draws. The columns are drawn in the order written from one SplitMix64
    /// stream seeded with `seed` (its 64-bit two's complement): a `uniform` column takes n
    /// uniforms on [0, 1) (or [lo, hi) as lo + (hi − lo)·u), a `normal` column n standard normals
    /// by Box–Muller in pairs, the last spare dropped (or mu + sigma·z). The same spec and seed
    /// give the same numbers on every run and machine.
    func randomTable(_ node: YAMLNode) throws -> DataTable {
        try reader.allow(node, ["seed", "n", "columns"], what: "random table")
        guard let seedNode = node["seed"], let nNode = node["n"], let columnsNode = node["columns"] else {
            throw reader.error(node, "a random table is {seed: 42, n: 500, columns: {x: uniform, z: normal}}")
        }
        let seed = try number(seedNode, "seed"), n = try number(nNode, "n")
        guard seed == seed.rounded(), abs(seed) <= 9.007_199_254_740_992e15 else {
            throw reader.error(seedNode, "seed must be a whole number of magnitude at most 2^53, got \(formatNumber(seed))")
        }
        guard n == n.rounded(), n >= 1, n <= Double(maximumRandomRows) else {
            throw reader.error(nNode, "n must be a whole number from 1 to \(maximumRandomRows), got \(formatNumber(n))")
        }
        guard let columns = columnsNode.entries, !columns.isEmpty else {
            throw reader.error(columnsNode, "columns must map names to uniform, normal, {uniform: [lo, hi]} or {normal: [mu, sigma]}")
        }
        var rng = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        var table = DataTable(columnNames: [], columns: [:], rowCount: Int(n))
        for c in columns {
            let (kind, a, b) = try distribution(c.value, column: c.key)
            let draws: [Double]
            if kind == "uniform" {
                draws = (0..<Int(n)).map { _ in a + (b - a) * rng.uniform() }
            } else {
                draws = rng.normals(Int(n)).map { a + b * $0 }
            }
            table.columnNames.append(c.key)
            table.columns[c.key] = .array(draws.map(JSONValue.number))
        }
        return table
    }

    /// `uniform` (on [0, 1)), `normal` (standard), `{uniform: [lo, hi]}` or `{normal: [mu, sigma]}`.
    private func distribution(_ node: YAMLNode, column: String) throws -> (String, Double, Double) {
        let kinds = ["uniform", "normal"]
        if node.string != nil {
            return (try reader.choice(node, "column '\(column)'", kinds), 0, 1)
        }
        guard let entries = node.entries, entries.count == 1 else {
            throw reader.error(node, "column '\(column)' must be uniform, normal, {uniform: [lo, hi]} or {normal: [mu, sigma]}")
        }
        let e = entries[0]
        guard kinds.contains(e.key) else {
            throw reader.error(at: e.keyPosition, "column '\(column)': unknown distribution '\(e.key)'\(suggestion(for: e.key, in: kinds)); expected uniform or normal")
        }
        let bounds = try numbers(e.value, e.key)
        guard bounds.count == 2, bounds.allSatisfy(\.isFinite) else {
            throw reader.error(e.value, "\(e.key) takes two finite numbers: \(e.key == "uniform" ? "[lo, hi]" : "[mu, sigma]")")
        }
        if e.key == "uniform", !(bounds[0] < bounds[1]) {
            throw reader.error(e.value, "uniform needs lo < hi, got [\(formatNumber(bounds[0])), \(formatNumber(bounds[1]))]")
        }
        if e.key == "normal", !(bounds[1] >= 0) {
            throw reader.error(e.value, "normal needs sigma ≥ 0, got \(formatNumber(bounds[1]))")
        }
        return (e.key, bounds[0], bounds[1])
    }
}
