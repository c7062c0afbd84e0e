import Foundation
import Testing
import PropertyBased
@testable import InfoTheory

@Suite struct JointTableTests {
    let umbrella = [[0.56, 0.14], [0.04, 0.26]]

    @Test func umbrellaTable() throws {
        // mpmath (40 digits) from the table: H(X,Y), H(X,Y) − H(X), H(X,Y) − H(Y), H(X) + H(Y) − H(X,Y).
        #expect(close(try jointEntropy(umbrella), 1.078948338699890634747107871801858380164))
        #expect(close(try conditionalEntropy(umbrella, given: .x), 0.4680840366449971717214369086044776947029))
        #expect(close(try conditionalEntropy(umbrella, given: .y), 0.4059366716906341987503885293124567906569))
        #expect(close(try mutualInformation(umbrella), 0.204927630364259264275282433884923894804))
    }

    @Test func independentTableHasZeroInformation() throws {
        let t = [[0.1 * 0.3, 0.1 * 0.7], [0.9 * 0.3, 0.9 * 0.7]]
        #expect(try mutualInformation(t) < 1e-15)
    }

    @Test func raggedAndBadTables() {
        #expect(throws: InfoTheoryError.self) { try jointEntropy([[0.5, 0.5], [0.0]]) }
        #expect(throws: InfoTheoryError.self) { try jointEntropy([]) }
        #expect(throws: InfoTheoryError.self) { try mutualInformation([[0.5, 0.6]]) }
    }

    /// Random 2×3 joint tables.
    static let table = Gen.double(in: 0.001...1).array(of: 6)

    @Test func chainRuleSymmetryAndKLForm() async {
        await propertyCheck(input: JointTableTests.table) { flat in
            checking {
            let f = normalized(flat)
            let t = [Array(f[0..<3]), Array(f[3..<6])]
            let transposed = (0..<3).map { j in t.map { $0[j] } }
            let px = t.map { $0.reduce(0, +) }, py = (0..<3).map { j in t[0][j] + t[1][j] }
            let hxy = try jointEntropy(t)
            #expect(close(hxy, try entropy(px, normalize: true) + conditionalEntropy(t, given: .x), rel: 1e-12))
            #expect(close(hxy, try entropy(py, normalize: true) + conditionalEntropy(t, given: .y), rel: 1e-12))
            let mi = try mutualInformation(t)
            #expect(close(mi, try mutualInformation(transposed), rel: 1e-10, abs: 1e-16))
            let product = px.flatMap { a in py.map { a * $0 } }
            #expect(close(mi, try klDivergence(f, product, normalize: true), rel: 1e-9, abs: 1e-15))
            #expect(mi >= 0 && mi <= min(log(2), log(3)) + 1e-15)
            }
        }
    }
}

@Suite struct EstimatorTests {
    /// n samples of a standard bivariate normal with correlation rho.
    func bivariateNormal(n: Int, rho: Double, seed: UInt64) -> ([Double], [Double]) {
        var rng = SplitMix64(seed: seed)
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<n {
            let a = rng.normal(), b = rng.normal()
            x.append(a)
            y.append(rho * a + (1 - rho * rho).squareRoot() * b)
        }
        return (x, y)
    }

    @Test func ksgOnCorrelatedGaussians() throws {
        let (x, y) = bivariateNormal(n: 2000, rho: 0.8, seed: 42)
        let exact = -0.5 * log(1 - 0.8 * 0.8)   // I = −½ ln(1 − ρ²) for a bivariate normal
        let estimate = try ksgMutualInformation(x, y, k: 3)
        #expect(Swift.abs(estimate - exact) < 0.05)
        #expect(close(try pearsonCorrelation(x, y), 0.8, rel: 0.05))
    }

    @Test func ksgNearZeroForIndependentSamples() throws {
        let (x, y) = bivariateNormal(n: 1000, rho: 0, seed: 7)
        #expect(Swift.abs(try ksgMutualInformation(x, y)) < 0.03)
    }

    @Test func squareDependenceHasInformationButNoCorrelation() throws {
        var rng = SplitMix64(seed: 2024)
        let x = (0..<2000).map { _ in 2 * rng.uniform() - 1 }
        let y = x.map { $0 * $0 + 0.01 * rng.normal() }
        #expect(Swift.abs(try pearsonCorrelation(x, y)) < 0.1)
        #expect(try ksgMutualInformation(x, y) > 1)
    }

    @Test func ksgRejectsRepeatedPoints() {
        #expect(throws: InfoTheoryError.self) { try ksgMutualInformation([1, 1, 1, 1, 2], [0, 0, 0, 0, 1], k: 3) }
        #expect(throws: InfoTheoryError.self) { try ksgMutualInformation([1, 2], [1, 2, 3]) }
        #expect(throws: InfoTheoryError.self) { try ksgMutualInformation([1, 2, 3], [1, 2, 3], k: 3) }
    }

    @Test func correlationByHand() throws {
        // x = 1…4, y = 2x + 1 → r = 1; y reversed → r = −1; a hand case: r(1,2,3 ; 1,3,2) = 0.5.
        #expect(close(try pearsonCorrelation([1, 2, 3, 4], [3, 5, 7, 9]), 1))
        #expect(close(try pearsonCorrelation([1, 2, 3, 4], [9, 7, 5, 3]), -1))
        #expect(close(try pearsonCorrelation([1, 2, 3], [1, 3, 2]), 0.5))
        #expect(throws: InfoTheoryError.self) { try pearsonCorrelation([1, 1, 1], [1, 2, 3]) }
    }

    @Test func plugInMutualInformation() throws {
        // Samples reproducing the umbrella table exactly (counts 56, 14, 4, 26 of 100).
        var x: [Double] = [], y: [Double] = []
        for (a, b, count) in [(0.0, 0.0, 56), (0, 1, 14), (1, 0, 4), (1, 1, 26)] {
            x += Array(repeating: a, count: count); y += Array(repeating: b, count: count)
        }
        #expect(close(try InfoTheory.plugInMutualInformation(x, y), 0.204927630364259264275282433884923894804, rel: 1e-12))
        #expect(close(try binnedMutualInformation(x, y, bins: 2), 0.204927630364259264275282433884923894804, rel: 1e-12))
    }
}
