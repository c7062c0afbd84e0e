import Foundation
import Testing
import FigureModel
import InfoRequests
@testable import PlotGrammar

/// `{random: {seed, n, columns}}` under `data:` or `let:`: seeded draws, the same numbers on every run and machine.
@Suite struct SeededSamplesTests {
    @Test func splitMix64MatchesTheReferenceSequences() {
        // Vigna's splitmix64.c from state 0: e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f;
        // Rosetta Code's "Pseudo-random numbers/Splitmix64" from 1234567: 6457827717110365317, 3203168211198807973.
        var g = SplitMix64(seed: 0)
        #expect([g.next(), g.next(), g.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var r = SplitMix64(seed: 1_234_567)
        #expect([r.next(), r.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973])
        var u = SplitMix64(seed: 42)
        #expect((0..<1000).map { _ in u.uniform() }.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    static let spec = """
        params: {seed: {type: integer, default: 42}}
        data:
          draws:
            random:
              seed: seed
              n: 5
              columns: {x: {uniform: [-3, 3]}, z: normal, w: {normal: [10, 2]}, u: uniform}
        layers:
          - {mark: scatter, data: draws, x: x, y: z}
        """

    /// One drawn column, read back from a scatter of it against itself.
    func column(_ name: String, seed: String = "42") throws -> [Double] {
        let f = try compile(Self.spec.replacingOccurrences(of: "x: x, y: z", with: "x: \(name), y: \(name)"), settings: [("seed", seed)])
        guard case .scatter(let s) = f.panels[0].marks[0] else { return [] }
        return s.points.map(\.x)
    }

    @Test func columnsAreDrawnInOrderFromOneStream() throws {
        // By hand from the generator: n uniforms, then normals in Box–Muller pairs (the fifth's
        // spare dropped), then the next column's pairs, then uniforms again.
        var g = SplitMix64(seed: 42)
        let x = (0..<5).map { _ in -3 + 6 * g.uniform() }
        let z = g.normals(5), w = g.normals(5).map { 10 + 2 * $0 }, u = (0..<5).map { _ in g.uniform() }
        #expect(try column("x") == x)
        #expect(try column("z") == z)
        #expect(try column("w") == w)
        #expect(try column("u") == u)
        // The course figure's first draw (mi-vs-correlation, seed 42): X = −3 + 6U = 1.44938927263094.
        #expect(abs(x[0] - 1.44938927263094) < 1e-13)
    }

    @Test func theSeedIsAParameterAndDrawsRepeat() throws {
        #expect(try column("z") == column("z"))
        #expect(try column("z", seed: "7") != column("z"))
        // A negative seed is its 64-bit two's complement.
        var g = SplitMix64(seed: UInt64(bitPattern: -1))
        #expect(try column("x", seed: "-1") == (0..<5).map { _ in -3 + 6 * g.uniform() })
    }

    @Test func columnsAreNamesInExpressions() throws {
        let f = try compile("""
            let:
              d: {random: {seed: 1, n: 400, columns: {z: normal}}}
              m: "mean(d.z)"
            layers:
              - {mark: annotate, at: [0, 0], text: "{{m:6}}"}
            """)
        guard case .text(let t) = f.panels[0].marks[0], let m = Double(t.text.replacingOccurrences(of: "\u{2212}", with: "-")) else {
            Issue.record("no mean printed"); return
        }
        // The mean of 400 standard normals: within 4 standard errors (0.2) of 0.
        #expect(abs(m) < 0.2)
    }

    @Test func badRandomTablesAreLocatedErrors() {
        let base = "layers: [{mark: line, x: [0, 1], y: [0, 1]}]\ndata:\n  d: "
        #expect(specError(base + "{random: {seed: 1, n: 0, columns: {z: normal}}}")?.message.contains("n must be a whole number from 1") == true)
        #expect(specError(base + "{random: {seed: 1.5, n: 3, columns: {z: normal}}}")?.message.contains("seed must be a whole number") == true)
        let unknown = specError(base + "{random: {seed: 1, n: 3, columns: {z: normall}}}")
        #expect(unknown?.message.contains("did you mean normal") == true, "\(String(describing: unknown))")
        #expect(unknown?.position.line == 3)
        #expect(specError(base + "{random: {seed: 1, n: 3, columns: {z: {uniform: [1, 0]}}}}")?.message.contains("lo < hi") == true)
        #expect(specError(base + "{random: {seed: 1, n: 3, columns: {z: {normal: [0, -1]}}}}")?.message.contains("sigma ≥ 0") == true)
        #expect(specError(base + "{random: {seed: 1, n: 3}}")?.message.contains("a random table is") == true)
    }
}
