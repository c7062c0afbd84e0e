import Foundation
import PropertyBased
import Testing
@testable import InfoTheory

// Issue 13, "Memory and time grow near-linearly with input size": the plug-in estimators count
// observed pairs only, binning cannot overflow, and every size limit is an error naming the
// argument and the limit before work starts. References: mpmath at 40 digits (mp.dps = 40).

@Suite struct SizeLimitTests {
    /// The textbook plug-in estimate from a dense table (what the estimator computed before).
    func denseMutualInformation(_ x: [Double], _ y: [Double]) throws -> Double {
        let xs = Array(Set(x)).sorted(), ys = Array(Set(y)).sorted()
        var table = Array(repeating: Array(repeating: 0.0, count: ys.count), count: xs.count)
        for (a, b) in zip(x, y) { table[xs.firstIndex(of: a)!][ys.firstIndex(of: b)!] += 1 }
        return try mutualInformation(table, normalize: true)
    }

    @Test func sparseCountsAgreeWithTheDenseTable() async {
        let categories = Gen.int(in: 0...4).array(of: 1...40)
        await propertyCheck(input: categories, categories) { a, b in
            checking {
                let n = min(a.count, b.count)
                let x = a.prefix(n).map(Double.init), y = b.prefix(n).map(Double.init)
                let sparse = try plugInMutualInformation(x, y), dense = try denseMutualInformation(x, y)
                #expect(close(sparse, dense, rel: 1e-12, abs: 1e-15))
            }
        }
    }

    /// 10,000 distinct values with y = x: I = H(X) = ln 10⁴ (a 7.8-GB dense table before).
    @Test func tenThousandDistinctValuesAreLinear() throws {
        let x = (0..<10_000).map(Double.init)
        #expect(close(try plugInMutualInformation(x, x), 9.210340371976182736071965818737456830404, rel: 1e-14))
        #expect(close(try binnedMutualInformation(x, x, bins: 10_000), 9.210340371976182736071965818737456830404, rel: 1e-14))
    }

    /// x = ±1e308 made the width hi − lo infinite and Int(NaN) trap. Bins of x: [1, 0, 1, 1],
    /// of y: [0, 0, 1, 1]; I = H(¼, ¾) + ln 2 − H(¼, ¼, ½).
    @Test func binningTheWholeDoubleRangeDoesNotOverflow() throws {
        #expect(binIndices([1e308, -1e308, 0, 5], bins: 2) == [1, 0, 1, 1])
        #expect(binIndices([.greatestFiniteMagnitude, -.greatestFiniteMagnitude], bins: 1_000_000_000) == [999_999_999, 0])
        let i = try binnedMutualInformation([1e308, -1e308, 0, 5], [1, 2, 3, 4], bins: 2)
        #expect(close(i, 0.2157615543388356955794142544953705736276, rel: 1e-14))
    }

    /// [1e308, −1e308] made the centred squares ∞ and r = ∞/∞ = NaN, which the clamp to [−1, 1]
    /// turned into −1 for perfectly correlated samples.
    @Test func correlationOnTheWholeDoubleRange() throws {
        #expect(close(try pearsonCorrelation([1e308, -1e308, 1], [1e308, -1e308, 2]), 1, rel: 1e-15))
        #expect(close(try pearsonCorrelation([1e308, -1e308, 1], [-1e308, 1e308, 2]), -1, rel: 1e-15))
    }

    @Test func maxentOnTheWholeDoubleRangeReturns() throws {
        let r = try maxEntropyDistribution(values: [1e308, 0, -1e308], mean: 1)
        #expect(r.p.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(close(r.p.reduce(0, +), 1, rel: 1e-15))
    }

    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "" } catch { return "\(error)" }
    }

    @Test func sizeLimitsAreNamedErrorsBeforeWork() {
        let big = [Double](repeating: 0, count: maximumKSGSamples + 1).enumerated().map { Double($0.offset) }
        #expect(message { try ksgMutualInformation(big, big) }
            == "x and y have 100001 samples; at most 100000 are allowed (KSG searches k nearest neighbours of every sample; use method \"binned\" for more)")
        let huge = [Double](repeating: 1, count: maximumPlugInSamples + 1)
        #expect(message { try plugInMutualInformation(huge, huge) }.hasPrefix("x and y have 1000001 samples; at most 1000000 are allowed"))
        #expect(message { try binnedMutualInformation(huge, huge) }.hasPrefix("x and y have 1000001 samples; at most 1000000 are allowed"))
        #expect(message { try maxEntropyDistribution(values: Array(repeating: 0, count: maximumMaxEntValues + 1), mean: 0) }
            .hasPrefix("values has 10001 entries; at most 10000 are allowed"))
        let identity = (0..<201).map { i in (0..<201).map { $0 == i ? 1.0 : 0 } }
        #expect(message { try gaussianEntropy(covariance: identity) }.hasPrefix("cov has 201 rows; at most 200 are allowed"))
        let components = (0..<100).map { MixtureComponent(weight: 0.01, mu: Double($0), sigma: 1) }
        #expect(message { try klFit(target: components, direction: .reverse) }.hasPrefix("target has 100 components; expected at most 20"))
        let rows = (0..<1_000).map { i in (0..<101).map { j in Double((i * 7 + j * 3) % 11) } }
        #expect(message { try logisticFit(x: rows, y: rows.map { _ in 0 }) }
            .hasPrefix("x has 10201000 rows × columns²; at most 10000000 are allowed"))
    }
}
