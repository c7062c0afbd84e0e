import Foundation
import Testing
import PropertyBased
@testable import InfoRequests
@testable import InfoTheory

/// log_likelihood, ols_fit, importance_sampling, ppo_objective, mean_kl and
/// lindley_expected_information: references from mpmath (40 digits; scipy.stats agrees), their
/// identities as properties, and errors that name the argument.
@Suite struct CourseOpsReferenceTests {
    @Test func logLikelihoodOfEachModel() {
        // mpmath: 7 ln 0.3 + 3 ln 0.7; Σ cᵢ ln pᵢ; Σ norm.logpdf; Σ poisson.logpmf.
        let cases: [(String, Double)] = [
            (#"{"op": "log_likelihood", "model": "bernoulli", "p": 0.3, "heads": 7, "tails": 3}"#, -9.497834462097749085097139658056423),
            (#"{"op": "log_likelihood", "model": "bernoulli", "p": 0.3, "x": [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]}"#, -9.497834462097749085097139658056423),
            (#"{"op": "log_likelihood", "model": "categorical", "p": [0.5, 0.3, 0.2], "counts": [3, 2, 5]}"#, -12.534576712502209786500985466029145),
            (#"{"op": "log_likelihood", "model": "categorical", "p": [0.5, 0.3, 0.2], "x": [0, 2, 1, 2, 0, 2, 2, 1, 0, 2]}"#, -12.534576712502209786500985466029145),
            (#"{"op": "log_likelihood", "model": "gaussian", "mu": 1, "sigma": 2, "x": [0.5, 1.5, 3.2, -0.7]}"#, -7.4770928550584722047902474314551768),
            (#"{"op": "log_likelihood", "model": "poisson", "rate": 2.5, "x": [0, 1, 3, 2, 6]}"#, -10.568669079308240523087561231526691),
        ]
        for (line, ll) in cases {
            let v = answerValue(line)
            #expect(close(number(v?["log_likelihood"]), ll, rel: 1e-14), "\(line) → \(handleJSONLine(line))")
            #expect(number(v?["nll"]) == -number(v?["log_likelihood"]))
            #expect(close(number(v?["likelihood"]), exp(ll), rel: 1e-13))
        }
        // Bits convert the log-likelihood and the NLL, not the likelihood itself.
        let bits = answerValue(#"{"op": "log_likelihood", "model": "bernoulli", "p": 0.3, "heads": 7, "tails": 3, "unit": "bits"}"#)
        #expect(close(number(bits?["nll"]), 9.497834462097749085097139658056423 / M_LN2, rel: 1e-14))
        #expect(close(number(bits?["likelihood"]), exp(-9.497834462097749085097139658056423), rel: 1e-13))
        // An observed category of probability 0: ℓ = −∞ and L = 0, the true values.
        let impossible = answerValue(#"{"op": "log_likelihood", "model": "categorical", "p": [1, 0], "counts": [2, 1]}"#)
        #expect(impossible?["log_likelihood"] == .string("-inf") && impossible?["likelihood"] == .number(0))
    }

    @Test func olsFitMatchesTheExactLeastSquaresSolution() {
        let line = #"{"op": "ols_fit", "x": [[1, 0], [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 7], [1, 8], [1, 9]], "y": [1.1, 2.9, 5.2, 7.1, 8.8, 11.3, 12.9, 15.2, 16.8, 19.1]}"#
        let v = answerValue(line)
        guard case .array(let beta)? = v?["beta"], beta.count == 2 else { Issue.record("\(handleJSONLine(line))"); return }
        // mpmath (exact rational solution): β = (1.061818…, 1.995151…), σ̂ = √(RSS/n), ℓ = −n/2 (ln 2πσ̂² + 1).
        #expect(close(number(beta[0]), 1.06181818181818181818181818182, rel: 1e-13))
        #expect(close(number(beta[1]), 1.99515151515151515151515151515, rel: 1e-13))
        #expect(close(number(v?["sigma"]), 0.16794660045996943626436670438312327, rel: 1e-13))
        #expect(close(number(v?["log_likelihood"]), 3.6517067130556756845136952315540132, rel: 1e-13))
    }

    /// A quadratic in t ≈ 1000 (condition number 9.5e12): the normal equations in double give
    /// β₂ = 5.79e-7 (42 % off, numpy.linalg.solve(XᵀX, Xᵀy)); Householder QR keeps five digits.
    @Test func olsFitIsStableWhereTheNormalEquationsFail() {
        let ts = ["1000", "1000.1", "1000.2", "1000.3", "1000.4", "1000.5", "1000.6", "1000.7", "1000.8", "1000.9", "1001", "1001.1"]
        let ys = [2.01, 1.99000001, 2.01000004, 1.99000009, 2.01000016, 1.99000025, 2.01000036, 1.99000049, 2.01000064,
                  1.99000081, 2.010001, 1.99000121]
        let x = ts.map { Double($0)! }.map { [1, $0, $0 * $0] }
        guard let fit = try? olsFit(x: x, y: ys) else { Issue.record("ols_fit failed"); return }
        // mpmath at 60 digits on the same doubles.
        let exact = [7.198115090282687662109536, -0.006195810596625824491966537, 0.00000100000319865141568202006]
        for (b, e) in zip(fit.beta, exact) { #expect(close(b, e, rel: 1e-4), "\(fit.beta)") }
        #expect(close(fit.sigma, 0.009894548898363032055614862, rel: 1e-12))
        #expect(close(fit.logLikelihood, 38.36199307930469109755576, rel: 1e-12))
    }

    @Test func importanceSamplingInLogSpace() {
        let line = #"{"op": "importance_sampling", "log_p": [-1.2, -0.3, -2.5, -0.9], "log_q": [-1.0, -0.8, -1.1, -1.4], "f": [2, -1, 0.5, 3]}"#
        let v = answerValue(line)
        // mpmath: wᵢ = e^{log pᵢ − log qᵢ}, w̃ = w/Σw, ESS = (Σw)²/Σw², Σ w̃ f.
        let w = [0.818730753077981858669935508619, 1.64872127070012814684865078781, 0.246596963941606476939861239834, 1.64872127070012814684865078781]
        let nw = [0.187663045400542963208928932122, 0.377906965767498348269299388737, 0.0565230230644603402524722904032, 0.377906965767498348269299388737]
        guard case .array(let gw)? = v?["weights"], case .array(let gnw)? = v?["normalized_weights"] else {
            Issue.record("\(handleJSONLine(line))"); return
        }
        for (a, b) in zip(gw, w) { #expect(close(number(a), b, rel: 1e-14)) }
        for (a, b) in zip(gnw, nw) { #expect(close(number(a), b, rel: 1e-14)) }
        #expect(close(number(v?["ess"]), 3.0860423768082624055096278140248761, rel: 1e-14))
        #expect(close(number(v?["estimate"]), 1.1594015338683127930826927869204058, rel: 1e-14))
        // Weights beyond double range: the raw ones are inf, the normalised ones and ESS exact
        // (softmax of [1000, 999, 998]: 1/(1 + e⁻¹ + e⁻²) …).
        let big = answerValue(#"{"op": "importance_sampling", "log_p": [1000, 999, 998], "log_q": [0, 0, 0]}"#)
        guard case .array(let bnw)? = big?["normalized_weights"] else { Issue.record("no normalized_weights"); return }
        #expect(close(number(bnw[0]), 0.66524095577481771038, rel: 1e-14))
        #expect(big?["weights"] == .array([.string("inf"), .string("inf"), .string("inf")]))
        #expect(big?["log_weights"] == .array([.number(1000), .number(999), .number(998)]))
        #expect(big?["estimate"] == nil)
    }

    @Test func ppoObjectiveAndMeanKL() {
        // By hand: min(rA, clip(r)A) = 0.8·1, −0.9, 1.2·2, −0.5·1.5… → (0.8 − 0.9 + 2.2 − 0.75 + 3)/5 = 0.81.
        #expect(close(number(answerValue(#"{"op": "ppo_objective", "ratio": [0.5, 0.9, 1.1, 1.5, 1.0], "advantage": [1, -1, 2, -0.5, 3]}"#)),
                      0.81, rel: 1e-15))
        // ε = 0.5 leaves 0.5 inside: (0.5 − 0.9 + 2.2 − 0.75 + 3)/5.
        #expect(close(number(answerValue(#"{"op": "ppo_objective", "ratio": [0.5, 0.9, 1.1, 1.5, 1.0], "advantage": [1, -1, 2, -0.5, 3], "epsilon": 0.5}"#)),
                      0.81, rel: 1e-15))
        // mpmath: (KL([.5,.5]‖[.6,.4]) + KL([.9,.1]‖[.8,.2]))/2.
        #expect(close(number(answerValue(#"{"op": "mean_kl", "p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.6, 0.4], [0.8, 0.2]]}"#)),
                      0.028550505647439071460240009477655906, rel: 1e-14))
        #expect(answerValue(#"{"op": "mean_kl", "p": [[0.5, 0.5]], "q": [[1, 0]]}"#) == .string("inf"))
    }

    @Test func lindleyExpectedInformationIsTheExactExpectation() {
        // mpmath: H(Beta(α,β)) − Σₖ BetaBinomial(k; n, α, β)·H(Beta(α+k, β+n−k)), every term at 40 digits.
        let cases: [(Double, Double, Int, Double)] = [
            (2, 3, 10, 0.54124171135187276002651228543807595),
            (1, 1, 1, 0.19314718055994530941723212145817657),
            (1, 1, 100, 1.9003381897519826134582880990530773),
            (0.5, 0.5, 1000, 3.1961720808409356020982865483381208),
            (50, 20, 5, 0.034421592376935937619028627506426985),
            (1, 1, 10000, 4.1864765556945727682390536107238386),
        ]
        for (a, b, n, expected) in cases {
            let line = #"{"op": "lindley_expected_information", "alpha": \#(a), "beta": \#(b), "n": \#(n)}"#
            #expect(close(number(answerValue(line)), expected, rel: 1e-12), "\(line) → \(handleJSONLine(line))")
        }
        // One flip of a uniform prior: 1 − ln 2 + ln 2 … in closed form 1/2 − ln 2 + … = mpmath 0.1931…; n = 0 gives 0.
        #expect(answerValue(#"{"op": "lindley_expected_information", "alpha": 2, "beta": 3, "n": 0}"#) == .number(0))
    }

    @Test func badArgumentsNameTheArgument() {
        let cases: [(String, String)] = [
            (#"{"op": "log_likelihood", "model": "gaussian", "mu": 0, "x": [1]}"#, "missing argument 'sigma'"),
            (#"{"op": "log_likelihood", "model": "gaussian", "mu": 0, "sigma": -1, "x": [1]}"#, "sigma = -1"),
            (#"{"op": "log_likelihood", "model": "gaussian", "mu": 0, "sigma": 1, "x": [1], "rate": 2}"#, "argument 'rate' does not apply"),
            (#"{"op": "log_likelihood", "model": "bernoulli", "p": 0.5, "x": [1], "heads": 1}"#, "not both"),
            (#"{"op": "log_likelihood", "model": "bernoulli", "p": 0.5, "heads": 1}"#, "missing argument 'tails'"),
            (#"{"op": "log_likelihood", "model": "bernoulli", "p": 0.5, "x": [2]}"#, "x[0] = 2; expected an outcome 0 or 1"),
            (#"{"op": "log_likelihood", "model": "bernoulli", "p": [0.5], "x": [1]}"#, "argument 'p' must be a number"),
            (#"{"op": "log_likelihood", "model": "categorical", "p": [0.5, 0.6], "counts": [1, 1]}"#, "p: probabilities sum to 1.1"),
            (#"{"op": "log_likelihood", "model": "categorical", "p": [0.5, 0.5], "x": [2]}"#, "x[0] = 2; expected a category index 0 … 1"),
            (#"{"op": "log_likelihood", "model": "poisson", "rate": 1, "x": [1.5]}"#, "x[0] = 1.5; expected a count"),
            (#"{"op": "log_likelihood", "model": "poisson", "x": [1]}"#, "missing argument 'rate'"),
            (#"{"op": "log_likelihood", "model": "normal", "x": [1]}"#, "argument 'model' must be one of"),
            (#"{"op": "ols_fit", "x": [[1, 0], [1, 1]], "y": [1, 2]}"#, "more observations than coefficients"),
            (#"{"op": "ols_fit", "x": [[1, 0], [1, 1], [1, 2]], "y": [1, 2]}"#, "x has 3 rows but y has 2"),
            (#"{"op": "ols_fit", "x": [[1, 2], [1, 2], [1, 2]], "y": [1, 2, 3]}"#, "column 1 is a linear combination"),
            (#"{"op": "ols_fit", "x": [[1, 0], [1, 1], [1, 2]], "y": [1, 2, 3]}"#, "fitted exactly"),
            (#"{"op": "ols_fit", "x": [[1, 0], [1, "inf"], [1, 2]], "y": [1, 2, 3]}"#, "x[1][1] = inf"),
            (#"{"op": "importance_sampling", "log_p": [0, 0], "log_q": [0]}"#, "log_p has 2 entries but log_q has 1"),
            (#"{"op": "importance_sampling", "log_p": ["-inf", "-inf"], "log_q": [0, 0]}"#, "all weights are 0"),
            (#"{"op": "importance_sampling", "log_p": ["inf"], "log_q": [0]}"#, "log_p[0] = inf"),
            (#"{"op": "importance_sampling", "log_p": [0], "log_q": ["-inf"]}"#, "log_q[0] = -inf"),
            (#"{"op": "importance_sampling", "log_p": [], "log_q": []}"#, "log_p: no samples"),
            (#"{"op": "importance_sampling", "log_p": [0], "log_q": [0], "f": [1, 2]}"#, "log_p has 1 entries but f has 2"),
            (#"{"op": "ppo_objective", "ratio": [1], "advantage": [1], "epsilon": 1}"#, "epsilon = 1; expected a clipping range"),
            (#"{"op": "ppo_objective", "ratio": [-1], "advantage": [1]}"#, "ratio[0] = -1"),
            (#"{"op": "ppo_objective", "ratio": [1, 2], "advantage": [1]}"#, "ratio has 2 entries but advantage has 1"),
            (#"{"op": "ppo_objective", "ratio": [1], "advantage": [1], "unit": "bits"}"#, "not an information quantity"),
            (#"{"op": "mean_kl", "p": [[0.5, 0.5]], "q": [[0.5, 0.5], [1, 0]]}"#, "p has 1 distributions but q has 2"),
            (#"{"op": "mean_kl", "p": [[0.5, 0.5], [0.5, 0.6]], "q": [[0.5, 0.5], [0.5, 0.5]]}"#, "state 1 (p[1], q[1]): p: probabilities sum to 1.1"),
            (#"{"op": "lindley_expected_information", "alpha": 1, "beta": 1, "n": 1000001}"#, "expected at most 1000000 trials"),
            (#"{"op": "lindley_expected_information", "alpha": 0, "beta": 1, "n": 3}"#, "alpha = 0"),
            (#"{"op": "lindley_expected_information", "alpha": 1, "beta": 1, "n": -3}"#, "n = -3"),
            (#"{"op": "lindley_expected_information", "alpha": 1e308, "beta": 1e308, "n": 3}"#, "overflows"),
        ]
        for (line, fragment) in cases {
            let message = answerError(line)
            #expect(message.contains(fragment), "\(line) → \(message)")
            #expect(!message.isEmpty && !handleJSONLine(line).contains("nan"), "\(line)")
        }
    }
}

@Suite struct CourseOpsPropertyTests {
    /// ESS lies in [1, n]; it is n exactly for equal weights, whatever their common size.
    @Test func effectiveSampleSizeIsBetweenOneAndN() async {
        await propertyCheck(input: Gen.double(in: -30...30).array(of: 1...12)) { logW in
            checking {
                let r = try importanceSampling(logP: logW, logQ: logW.map { _ in 0 })
                let n = Double(logW.count)
                #expect(r.effectiveSampleSize >= 1 - 1e-12 && r.effectiveSampleSize <= n * (1 + 1e-12))
                #expect(close(accurateSum(r.normalizedWeights), 1, rel: 1e-14))
                let equal = try importanceSampling(logP: logW.map { _ in logW[0] }, logQ: logW.map { _ in 0 })
                #expect(close(equal.effectiveSampleSize, n, rel: 1e-14))
            }
        }
    }

    /// With f constant the self-normalised estimate is that constant.
    @Test func estimateOfAConstantIsTheConstant() async {
        await propertyCheck(input: Gen.double(in: -20...20).array(of: 1...10), Gen.double(in: -5...5)) { logW, c in
            checking {
                let r = try importanceSampling(logP: logW, logQ: logW.map { _ in 0.5 }, f: logW.map { _ in c })
                #expect(close(r.estimate ?? .nan, c, rel: 1e-13, abs: 1e-15))
            }
        }
    }

    /// All ratios inside the clip range: the objective is the plain mean of r·A.
    @Test func ppoIsTheMeanOfRTimesAInsideTheClip() async {
        await propertyCheck(input: Gen.double(in: 0.81...1.19).array(of: 1...10), Gen.double(in: -5...5).array(of: 10)) { ratio, adv in
            checking {
                let a = Array(adv.prefix(ratio.count))
                let objective = try ppoObjective(ratio: ratio, advantage: a, epsilon: 0.2)
                #expect(close(objective, accurateSum(zip(ratio, a).map { $0 * $1 }) / Double(ratio.count), rel: 1e-13, abs: 1e-15))
                // And the clipped objective never exceeds the unclipped one (it is a pessimistic bound).
                let wide = ratio.map { $0 * 3 }
                #expect(try ppoObjective(ratio: wide, advantage: a) <= accurateSum(zip(wide, a).map { $0 * $1 }) / Double(a.count) + 1e-12)
            }
        }
    }

    /// The residuals of an OLS fit are orthogonal to every column of x, and σ̂² = RSS/n.
    @Test func olsResidualsAreOrthogonalToTheColumns() async {
        await propertyCheck(input: Gen.double(in: -10...10).array(of: 8), Gen.double(in: -10...10).array(of: 8)) { t, y in
            checking {
                let x = t.map { [1, $0, $0 * $0 / 10] }
                guard let fit = try? olsFit(x: x, y: y) else { return }   // degenerate draws (collinear) are errors, tested above
                let residuals = zip(x, y).map { row, yi in yi - accurateSum(zip(row, fit.beta).map { $0 * $1 }) }
                let scale = accurateSum(y.map { $0 * $0 }).squareRoot() * 100
                for j in 0..<3 {
                    #expect(Swift.abs(accurateSum(zip(residuals, x.map { $0[j] }).map { $0 * $1 })) <= 1e-11 * scale)
                }
                #expect(close(fit.sigma * fit.sigma, accurateSum(residuals.map { $0 * $0 }) / 8, rel: 1e-9, abs: 1e-20))
            }
        }
    }

    /// The Gaussian log-likelihood at the OLS fit is the maximum: any other β (same σ̂) is lower.
    @Test func olsIsTheGaussianMaximumLikelihood() async {
        await propertyCheck(input: Gen.double(in: -1...1).array(of: 2)) { shift in
            checking {
                let x: [[Double]] = (0..<10).map { [1, Double($0)] }
                let y = [1.1, 2.9, 5.2, 7.1, 8.8, 11.3, 12.9, 15.2, 16.8, 19.1]
                let fit = try olsFit(x: x, y: y)
                let at = { (b: [Double]) throws -> Double in
                    let r = zip(x, y).map { row, yi in yi - row[0] * b[0] - row[1] * b[1] }
                    return try gaussianLikelihood(mu: 0, sigma: fit.sigma, x: r).logLikelihood
                }
                #expect(close(try at(fit.beta), fit.logLikelihood, rel: 1e-13))
                #expect(try at([fit.beta[0] + shift[0], fit.beta[1] + shift[1]]) <= fit.logLikelihood + 1e-12)
            }
        }
    }

    /// Lindley's expected information is the mutual information I(θ; k): ≥ 0 and growing with n.
    @Test func expectedInformationIsNonNegativeAndGrowsWithN() async {
        await propertyCheck(input: Gen.double(in: 0.2...20), Gen.double(in: 0.2...20), Gen.int(in: 0...40)) { a, b, n in
            checking {
                let now = try lindleyExpectedInformation(alpha: a, beta: b, n: n)
                let more = try lindleyExpectedInformation(alpha: a, beta: b, n: n + 1)
                #expect(now >= 0 && more >= now - 1e-14)
                // It is also the average realised information over the predictive.
                if n <= 5 {
                    var avg = 0.0
                    for k in 0...n {
                        let logPMF = lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
                            + logBeta(a + Double(k), b + Double(n - k)) - logBeta(a, b)
                        avg += exp(logPMF) * (try lindleyInformation(alpha: a, beta: b, heads: k, tails: n - k))
                    }
                    #expect(close(avg, now, rel: 1e-10, abs: 1e-13))
                }
            }
        }
    }
}
