import Foundation
import Testing
@testable import InfoTheory
import InfoRequests

// Regression tests for the nine defects of issue 12, each failing before its fix.
// References: mpmath at 40 digits (python3, mp.dps = 40) on the exact binary values of the doubles
// (mpf(float(x))), from the textbook formulas: KL = Σ p ln(p/q) of the normalised vectors,
// JS = ½Σ p ln(p/m) + ½Σ q ln(q/m), H(Beta(a,b)) = ln B − (a−1)ψ(a) − (b−1)ψ(b) + (a+b−2)ψ(a+b)
// with mpmath's loggamma and psi, univariate Gaussian KL ln(σ₂/σ₁) + (σ₁² + Δμ²)/(2σ₂²) − ½,
// multivariate ½ΔᵀΣ⁻¹Δ by mpmath.lu_solve.

private func message(_ body: () throws -> Any) -> String {
    do { _ = try body(); return "" } catch { return "\(error)" }
}

@Suite struct EdgeDefectTests {
    // 1. An overflowing ratio p/q made the compensated sum NaN and max(0, NaN) returned 0.
    // Subnormal literals warn at compile time; these are the same doubles.
    let q310 = Double("1e-310")!, leastSubnormal = Double.leastNonzeroMagnitude   // 5e-324

    @Test func klWithAnOverflowingRatio() throws {
        // mpmath: −ln(1e-310)
        #expect(close(try klDivergence([1, 0], [q310, 1]), 713.8013788281541651006446006623883741382))
        #expect(try klTerms([1, 0], [q310, 1])[0] == .infinity)   // 1/1e-310 itself overflows
        #expect(close(try entropy([1e308, 1e308], normalize: true), log(2)))
        // Overflowing sums no longer slip through the sum-to-1 check as NaN.
        #expect(message { try entropy([1e308, 1e308]) }.contains("sum to inf"))
        #expect(accurateSum([1e308, 1e308, -1]) == .infinity)
    }

    // 4. Large counts: the direct Beta entropy cancels terms of size 2e10.
    @Test func lindleyForLargeCounts() throws {
        // mpmath: H(Beta(1,1)) − H(Beta(1+10⁹, 2)), etc.
        #expect(close(try lindleyInformation(alpha: 1, beta: 1, heads: 1_000_000_000, tails: 1), 19.14605017554487829113874434241038677084))
        #expect(close(try lindleyInformation(alpha: 2, beta: 3, heads: 1_000_000_000_000, tails: 7), 24.86006028767606825560547782689797841213))
        #expect(close(try lindleyInformation(alpha: 0.5, beta: 0.5, heads: 1_000_000, tails: 1_000_000), 6.286973541346829329687622592750621537031))
    }

    // 5. p̂ rounded before 1 − p̂.
    @Test func bernoulliLogLikelihoodFromCounts() throws {
        // mpmath: h ln(h/n) + t ln(t/n) for h = 10¹⁴, t = 3
        #expect(close(try bernoulliMLE(heads: 100_000_000_000_000, tails: 3).logLikelihood, -96.41273703974563465456990538528920919759))
    }

    // 6. σ₁ ≪ σ₂: log1p((σ₁ − σ₂)/σ₂) rounds to log1p(−1).
    @Test func gaussianKLWithVeryUnequalSigmas() throws {
        #expect(close(try gaussianKL(mu1: 0, sigma1: 1e-16, mu2: 0, sigma2: 1), 36.34136148790473096519007655091522897823))
        #expect(close(try gaussianKL(mu1: 0, sigma1: 1e-17, mu2: 0, sigma2: 1), 38.64394658089877655676343067501226962985))
        #expect(close(try gaussianKL(mu1: 0, sigma1: 1e-150, mu2: 0, sigma2: 1e150), 690.2755278982137051799376743455736727099))
        #expect(close(try gaussianKL(mu1: 0, sigma1: 1e-170, mu2: 0, sigma2: 1e170), 782.3789316179755326171906498531344576035))
    }

    // 7. Underflow in p(x)p(y) and in m = (p+q)/2.
    @Test func underflowingProductsAndMidpoints() throws {
        // mpmath at 400 digits: I of the table divided by its sum 1 + 1e-170 (at 40 digits the
        // 1e-170 of the sum is lost and gives 3.9144e-168 = 1e-170·ln 1e170, the unnormalised value).
        #expect(close(try mutualInformation([[1e-170, 0], [0, 1]]), 3.924394658089877597638295916675361607549e-168))
        // mpmath: 1.7123e-324, which rounds to 0 or the least subnormal 4.9e-324 (was ln 2)
        #expect(try jensenShannon([leastSubnormal, 1], [0, 1]) <= leastSubnormal)
    }

    // 8. Relative precision of tiny values.
    @Test func tinyValuesKeepRelativePrecision() throws {
        #expect(close(try jensenShannon([0.5, 0.5], [0.5 + 1e-6, 0.5 - 1e-6]), 5.000000000015833806009413036632353252919e-13, rel: 1e-12))
        #expect(close(try jensenShannon([0.2, 0.3, 0.5], [0.2 + 2e-7, 0.3 - 1e-7, 0.5 - 1e-7]), 3.166665511293975682626484961357018718143e-14, rel: 1e-12))
        // KL of the normalised vectors (mpmath Σ (p/P) ln((p/P)/(q/Q))); the raw Σ p ln(p/q) of these
        // doubles is −5.3e-17, pure rounding of the inputs.
        #expect(close(try klDivergence([0.3, 0.7], [0.3 + 1e-9, 0.7 - 1e-9]), 2.380952428290256172025372697270285735442e-18, rel: 1e-9))
        #expect(close(try klDivergence([0.1, 0.2, 0.3, 0.4], [0.1 + 3e-10, 0.2 - 1e-10, 0.3 - 1e-10, 0.4 - 1e-10]),
                      5.041666659439343010604072006609116308232e-19, rel: 1e-8))
        // mpmath: ln(1 + e^−40)
        #expect(close(try crossEntropyFromLogits([0, -40], label: 0), 4.248354255291588986304987850486620597081e-18))
        // mpmath: ½ΔᵀΣ⁻¹Δ, Σ = [[2, 0.3], [0.3, 1]], Δ = (1e-9, 0)
        let cov = [[2, 0.3], [0.3, 1.0]]
        #expect(close(try gaussianKL(mean1: [0, 0], cov1: cov, mean2: [1e-9, 0], cov2: cov), 2.61780104712041916511929664889684904918e-19, rel: 1e-12))
    }

    // 9. Messages.
    @Test func pointMassesIllConditioningAndNoNaN() throws {
        let low = try maxEntropyDistribution(values: [0, 1, 2, 0], mean: 0)
        #expect(low.p == [0.5, 0, 0, 0.5] && low.lambda == -.infinity)
        let high = try maxEntropyDistribution(values: [0, 1, 2], mean: 2)
        #expect(high.p == [0, 0, 1] && high.lambda == .infinity)
        let m = message { try gaussianEntropy(covariance: [[1, 0], [0, 1e-15]]) }
        #expect(m.contains("ill-conditioned") && m.contains("condition number 1e+15"))
        #expect(message { try gaussianEntropy(covariance: [[1, 2], [2, 1]]) }.contains("not positive definite"))
        let lindley = try lindleyInformation(alpha: 1e308, beta: 1, heads: 3, tails: 2)
        #expect(lindley.isFinite)
        #expect(message { try elboGaussianMean(data: [1, 2], noiseSigma: 1, priorMu: 0, priorSigma: 1, qMu: 1e308) }.contains("q_mu = 1e+308"))
        // Extreme logistic inputs: limits instead of ∞ − ∞, or an error naming the row.
        #expect(try logisticLogLikelihood(x: [[1e308, 1e308]], y: [1], beta: [1, 1]) == 0)
        #expect(try logisticLogLikelihood(x: [[1e308, 1e308]], y: [0], beta: [1, 1]) == -.infinity)
        #expect(message { try logisticLogLikelihood(x: [[1e308, -1e308]], y: [0], beta: [10, 10]) }.contains("x[0]·beta"))
        // maxent with an infinite range returned never.
        let wide = try maxEntropyDistribution(values: [1e308, 0, -1e308], mean: 1e307)
        #expect(close(accurateSum(zip(wide.p, [1.0, 0, -1]).map { $0 * $1 }), 0.1, rel: 1e-13))
    }
}

@Suite struct KSGAndReverseFitDefectTests {
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

    // 2. KSG in the max-norm depended on the units of x (x·1e-6 gave 0).
    @Test func ksgDoesNotDependOnUnits() throws {
        let (x, y) = bivariateNormal(n: 10_000, rho: 0.6, seed: 11)
        let exact = -0.5 * log(1 - 0.36)   // 0.2231
        let asGiven = try ksgMutualInformation(x, y)
        #expect(Swift.abs(asGiven - exact) < 0.02)
        for factor in [1e-6, 1e6] {
            #expect(close(try ksgMutualInformation(x.map { $0 * factor }, y), asGiven, rel: 1e-6))
        }
        // Opting out keeps the old behaviour: the narrow variable's neighbours decide.
        #expect(try ksgMutualInformation(x.map { $0 * 1e-6 }, y, standardize: false) < 0.05)
    }

    // 3. Reverse KL fit: the broad optima covering several modes were missed. References: scipy
    // minimize (Nelder–Mead, xatol 1e-10) of the quadrature KL from the moment-matched starts,
    // polished by mpmath findroot on the gradient (the values quoted in issue 12).
    @Test func reverseFitFindsTheBroadOptima() throws {
        func optima(_ c: [(Double, Double, Double)]) throws -> [GaussianFit] {
            try klFit(target: c.map { MixtureComponent(weight: $0.0, mu: $0.1, sigma: $0.2) }, direction: .reverse).optima
        }
        func contains(_ fits: [GaussianFit], _ mu: Double, _ sigma: Double, _ kl: Double) -> Bool {
            fits.contains { Swift.abs($0.mu - mu) < 1e-4 && Swift.abs($0.sigma - sigma) < 1e-4 && Swift.abs($0.kl - kl) < 1e-5 }
        }
        #expect(contains(try optima([(0.5, -3, 1), (0.5, 3, 1)]), 0, 2.7438, 0.84062))
        #expect(contains(try optima([(0.35, -1, 0.6), (0.35, 1, 0.6), (0.3, 8, 1)]), 4.0990, 3.3300, 2.36460))
        #expect(contains(try optima([(0.6, -4, 1), (0.3, 1, 0.7), (0.1, 5, 0.5)]), -2.1276, 2.4162, 0.76269))
        // Two almost coincident components: one optimum, found with bounded work.
        let close2 = try optima([(0.5, -0.5, 1), (0.5, -1e-8, 1)])
        #expect(close2.count == 1)
        #expect(throws: InfoTheoryError.self) {
            try klFit(target: (0..<21).map { MixtureComponent(weight: 1, mu: Double($0), sigma: 1) }, direction: .reverse, normalize: true)
        }
    }
}
