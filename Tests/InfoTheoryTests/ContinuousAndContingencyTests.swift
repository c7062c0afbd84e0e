import Foundation
import Testing
import PropertyBased
@testable import InfoTheory

// References: mpmath at 50 digits (gammainc(a, x, inf, regularized=True); the closed-form entropies
// with loggamma and psi), checked against scipy 1.17 (chi2_contingency(correction=False),
// contingency.association(method="cramer"), scipy.stats.<dist>.entropy()).

private func message(_ body: () throws -> Any) -> String {
    do { _ = try body(); return "" } catch { return "\(error)" }
}

@Suite struct ContinuousAndContingencyTests {
    @Test func upperIncompleteGammaMatchesMpmath() throws {
        let cases: [(Double, Double, Double)] = [
            (0.5, 2, 0.04550026389635841440056527433306687494355), (3, 0.5, 0.9856123220330293133561742443606682368431),
            (10, 30, 7.121750862815577091646660834340290593535e-6), (100, 100, 0.4867012017208513351426857434359708365291),
            (1e6, 1_001_000, 0.1586552136316597083724361485342101100768), (1e6, 999_000, 0.8413447864256963475369672565051763699767),
            (2.5, 600, 2.937560480685898480742831385114585630829e-257), (50, 400, 1.136640784050179423676910962314566565304e-109),
        ]
        for (a, x, reference) in cases {
            #expect(close(try regularizedUpperGamma(a, x), reference, rel: 1e-11), "Q(\(a), \(x))")
        }
        #expect(try regularizedUpperGamma(1e4, 2e4) == 0)   // 9e-1336 is below the least double
        #expect(try regularizedUpperGamma(2, 0) == 1)
        #expect(message { try regularizedUpperGamma(0, 1) }.contains("a = 0"))
    }

    @Test func cramersVMatchesScipy() throws {
        let r = try cramersV(table: [[10, 20, 30], [6, 9, 17]])
        #expect(close(r.chi2, 0.271574651504035216434336023478))
        #expect(r.dof == 2)
        #expect(close(r.pValue, 0.873028283380072930439088516913))
        #expect(close(r.v, 0.0543313757042229353634126345871))
        let s = try cramersV(table: [[12, 5], [3, 20]])
        #expect(close(s.chi2, 13.8107416879795396419437340153) && s.dof == 1)
        #expect(close(s.pValue, 0.000202177022943201447035911373462, rel: 1e-11))
        #expect(close(s.v, 0.587595560057671377780039184238))
        // Near independence the small χ² keeps its digits; counts near 1e308 do not overflow.
        #expect(close(try cramersV(table: [[1_000_000, 2_000_000], [3_000_000, 6_000_001]]).chi2, 1.38888867669756167480705783405e-8, rel: 1e-10))
        let huge = try cramersV(table: [[12e300, 5e300], [3e300, 20e300]])
        #expect(close(huge.v, s.v) && close(huge.chi2, s.chi2 * 1e300))
        #expect(try cramersV(table: [[1, 0], [0, 1]]).v == 1)
        #expect(message { try cramersV(table: [[1, 2, 3]]) }.contains("at least 2 rows and 2 columns"))
        #expect(message { try cramersV(table: [[1, 0], [2, 0]]) }.contains("column 1 has no counts"))
        #expect(message { try cramersV(table: [[1, -2], [2, 3]]) }.contains("table[0][1] = -2"))
        #expect(message { try cramersV(table: [[0, 0], [0, 0]]) }.contains("no counts"))
    }

    /// χ² ≥ 0, V ∈ [0, 1], p ∈ [0, 1] on random tables.
    @Test func cramersVIsBounded() async {
        await propertyCheck(input: Gen.double(in: 0.5...100).array(of: 6)) { counts in
            checking {
                let r = try cramersV(table: [Array(counts[0..<3]), Array(counts[3..<6])])
                #expect(r.chi2 >= 0 && r.v >= 0 && r.v <= 1 && r.pValue >= 0 && r.pValue <= 1)
            }
        }
    }

    @Test func differentialEntropiesMatchMpmath() throws {
        let cases: [(ContinuousDistribution, Double)] = [
            (.gaussian(mu: 1, sigma: 2.5), 2.335229265078827806963856948173628711311),
            (.uniform(a: -1.25, b: 3.5), 1.558144618046549841174563188971500401086),
            (.uniform(a: -1e308, b: 1e308), 709.8893558227260159979376637936828078663),
            (.exponential(rate: 0.3), 2.203972804325936029630180371933723868516),
            (.laplace(mu: 0, scale: 0.7), 1.336472236621212867063277717350902053504),
            (.logistic(mu: 0, scale: 1.7), 2.530628251062170370108648466126255153287),
            (.cauchy(mu: 0, scale: 0.2), 0.9215863345351904738882834923010496887103),
            (.beta(alpha: 2, beta: 5), -0.4845307149954887087465700249402232455819),
            (.gamma(shape: 2.5, scale: 1.5), 2.135413017613218760771972284645184411682),
            (.gamma(shape: 1e10, scale: 1), 12.93186399814156782853612034316076090009),
            (.studentT(df: 1, mu: 0, scale: 1), 2.531024246969290792977891594269411847798),
            (.studentT(df: 3, mu: 0, scale: 1), 1.773477571863290948092746334188851268198),
            (.studentT(df: 30, mu: 0, scale: 1), 1.452543329787207479082834578449761853453),
            (.studentT(df: 99, mu: 0, scale: 1), 1.429064877869112364304311643465891463064),
            (.studentT(df: 101, mu: 0, scale: 1), 1.42886386776743579647171636088712288413),
            (.studentT(df: 1e4, mu: 0, scale: 1), 1.419038535704506062616663319617511785378),
            (.studentT(df: 1e10, mu: 0, scale: 1), 1.418938533304672741782829736405450973195),
            (.studentT(df: 5, mu: 3, scale: 2), 2.32064985297434129050798074072138450836),
            (.lognormal(mu: 0.3, sigma: 0.8), 1.495794981890463030422955631102043212688),
        ]
        for (d, reference) in cases {
            #expect(close(try differentialEntropy(d), reference, rel: 1e-13), "\(d)")
        }
        #expect(close(try differentialEntropy(.studentT(df: .infinity, mu: 0, scale: 1)), try differentialEntropy(.gaussian(mu: 0, sigma: 1))))
        #expect(close(try differentialEntropy(.gaussian(mu: 0, sigma: 1), unit: .bits), 2.047095585180641 ))
    }

    @Test func badDistributionParametersAreNamed() {
        #expect(message { try differentialEntropy(.gaussian(mu: 0, sigma: -1)) }.contains("sigma = -1; expected a finite number > 0"))
        #expect(message { try differentialEntropy(.uniform(a: 2, b: 1)) }.contains("b = 1 must be greater than a = 2"))
        #expect(message { try differentialEntropy(.exponential(rate: 0)) }.contains("rate = 0"))
        #expect(message { try differentialEntropy(.laplace(mu: .nan, scale: 1)) }.contains("mu = NaN"))
        #expect(message { try differentialEntropy(.gamma(shape: .infinity, scale: 1)) }.contains("shape = inf"))
        #expect(message { try differentialEntropy(.studentT(df: 0, mu: 0, scale: 1)) }.contains("df = 0"))
        #expect(message { try differentialEntropy(.beta(alpha: 1, beta: -2)) }.contains("beta = -2"))
    }

    /// Student t tends to the Gaussian from above, across the switch to the asymptotic series.
    @Test func studentTDecreasesToTheGaussian() async {
        await propertyCheck(input: Gen.double(in: 0.5...300).array(of: 2)) { dfs in
            checking {
                let a = try differentialEntropy(.studentT(df: dfs.min() ?? 1, mu: 0, scale: 1))
                let b = try differentialEntropy(.studentT(df: dfs.max() ?? 1, mu: 0, scale: 1))
                #expect(b <= a * (1 + 1e-15))
                #expect(b >= (try differentialEntropy(.gaussian(mu: 0, sigma: 1))))
            }
        }
    }

    @Test func maxEntWithSeveralConstraints() throws {
        let values = [1.0, 2, 3, 4, 5, 6]
        let r = try maxEntropyDistribution(values: values, features: [values, values.map { $0 * $0 }], means: [4, 18])
        let reference = [0.0501944355367394343937702501277, 0.11316460300207969950584569608, 0.191695288090526636828969570365,
                         0.243982162348547548540314611145, 0.233319221339309022440228031654, 0.167644289682797658290871840628]
        for (a, b) in zip(r.p, reference) { #expect(close(a, b, rel: 1e-12)) }
        #expect(close(r.lambda[0], 1.24175264826497416877693555846, rel: 1e-11))
        #expect(close(r.lambda[1], -0.142937800131671632062008427216, rel: 1e-11))
        // One constraint reproduces the single-constraint solver.
        let one = try maxEntropyDistribution(values: values, features: [values], means: [4.5])
        let single = try maxEntropyDistribution(values: values, mean: 4.5)
        for (a, b) in zip(one.p, single.p) { #expect(close(a, b, rel: 1e-12)) }
        // A mean at the end of a feature's range: the point mass, and a constraint it settles.
        let edge = try maxEntropyDistribution(values: values, features: [values, values.map { $0 * $0 }], means: [1, 1])
        #expect(edge.p == [1, 0, 0, 0, 0, 0] && edge.lambda[0] == -.infinity && edge.lambda[1] == 0)
        // Repeated (dependent) features with consistent means.
        let twice = try maxEntropyDistribution(values: values, features: [values, values], means: [4.5, 4.5])
        for (a, b) in zip(twice.p, single.p) { #expect(close(a, b, rel: 1e-10)) }
    }

    @Test func maxEntInfeasibleAndBadArguments() {
        let v = [1.0, 2, 3]
        #expect(message { try maxEntropyDistribution(values: v, features: [v], means: [0.5]) }.contains("means[0] = 0.5 is infeasible"))
        // Each mean inside its range, jointly impossible (variance 3 − 2² < 0).
        #expect(message { try maxEntropyDistribution(values: v, features: [v, v.map { $0 * $0 }], means: [2, 3]) }.contains("infeasible"))
        #expect(message { try maxEntropyDistribution(values: v, features: [v], means: [1, 2]) }.contains("means has 2 entries but features has 1"))
        #expect(message { try maxEntropyDistribution(values: v, features: [[1, 2]], means: [1]) }.contains("features[0] has 2 entries but values has 3"))
        #expect(message { try maxEntropyDistribution(values: v, features: Array(repeating: v, count: 65), means: Array(repeating: 2, count: 65)) }.contains("at most 64"))
        #expect(message { try maxEntropyDistribution(values: v, features: [[1, .infinity, 2]], means: [1]) }.contains("features[0][1] = inf"))
    }

    /// The solution meets every constraint and has Gibbs form.
    @Test func maxEntMeetsItsConstraints() async {
        await propertyCheck(input: Gen.double(in: 0.05...1).array(of: 5)) { raw in
            checking {
                let values = [-2.0, -1, 0, 1, 2]
                let features = [values, values.map { $0 * $0 }]
                let target = normalized(raw)   // means every distribution reaches are feasible
                let means = features.map { f in zip(f, target).map { $0 * $1 }.reduce(0, +) }
                let r = try maxEntropyDistribution(values: values, features: features, means: means)
                for (f, m) in zip(features, means) {
                    #expect(close(zip(f, r.p).map { $0 * $1 }.reduce(0, +), m, rel: 1e-11, abs: 1e-12))
                }
                let offsets = values.indices.map { i in log(r.p[i]) - r.lambda[0] * features[0][i] - r.lambda[1] * features[1][i] }
                for o in offsets { #expect(close(o, offsets[0], rel: 1e-9, abs: 1e-9)) }
                #expect(try entropy(r.p) >= (try entropy(target)) - 1e-12)
            }
        }
    }
}
