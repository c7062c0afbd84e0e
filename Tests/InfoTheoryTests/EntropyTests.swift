import Foundation
import Testing
import PropertyBased
@testable import InfoTheory

// References computed with mpmath at 40 digits (python3, mp.mp.dps = 40), from the textbook
// formulas H = −Σ p ln p, KL = Σ p ln(p/q), etc.; see the report of the numerics branch.

@Suite struct DiscreteReferenceTests {
    @Test func fairCoinIsOneBit() throws {
        #expect(try entropy([0.5, 0.5], unit: .bits) == 1)
        #expect(try binaryEntropy(0.5, unit: .bits) == 1)
    }

    @Test func skewedCoin() throws {
        // mpmath: H([0.1, 0.9]) / ln 2
        #expect(close(try binaryEntropy(0.1, unit: .bits), 0.4689955935892812212535893303833204600972))
        #expect(close(try entropy([0.9, 0.1], unit: .bits), 0.4689955935892812212535893303833204600972))
    }

    @Test func binaryEntropyIsAccurateNearTheEnds() throws {
        // mpmath: H([1e-12, 1 − 1e-12]) in nats
        let ref = 0.00000000002863102111592804820821589728955106860008
        #expect(close(try binaryEntropy(1e-12), ref, rel: 1e-13))
        #expect(close(try binaryEntropy(1 - 1e-12), ref, rel: 1e-4))   // 1 − 1e-12 itself is rounded in binary
        #expect(try binaryEntropy(0) == 0)
        #expect(try binaryEntropy(1) == 0)
    }

    @Test func hartleys() throws {
        // mpmath: H([1/2, 1/4, 1/4]) / ln 10
        #expect(close(try entropy([0.5, 0.25, 0.25], unit: .hartleys), 0.4515449934959717928206083420867395401523))
    }

    @Test func surprisalValues() throws {
        #expect(try surprisal(0.25, unit: .bits) == 2)
        #expect(try surprisal(0) == .infinity)
        #expect(try surprisal(1) == 0)
        #expect(throws: InfoTheoryError.self) { try surprisal(1.5) }
    }

    @Test func weatherForecast() throws {
        let p = [0.5, 0.3, 0.2], q = [0.4, 0.35, 0.25]
        // mpmath references
        #expect(close(try klDivergence(p, q, unit: .bits), 0.02986070206527432656462671686161276279509))
        #expect(close(try klDivergence(p, q), 0.02069786144608543544202591157420711393816))
        #expect(close(try crossEntropy(p, q), 1.050350875510658962857617704277084476767))
        #expect(close(try jensenShannon(p, q), 0.005137771650640691457199989798426419502022, rel: 1e-11))
        let terms = try klTerms(p, q)
        let refTerms = [0.1115717756571048778831475451549172516873011, -0.04624520394817749128786261551874323707422328,
                        -0.04462871026284195115325901806196690067491973]
        for (t, r) in zip(terms, refTerms) { #expect(close(t, r)) }
    }

    @Test func nearlyEqualDistributionsKeepTheirDigits() throws {
        // mpmath Σ p′ ln(p′/q′) for p′ = p/Σp, q′ = q/Σq over the exact binary values of these doubles
        // (40 digits): the KL of the distributions the vectors stand for (their unnormalised
        // Σ p ln(p/q), 2.6722e-14, carries the 1e-16 rounding of Σq). A direct sum of p ln(p/q)
        // would cancel down to a few correct digits here.
        let kl = try klDivergence([0.5, 0.3, 0.2], [0.5000001, 0.2999999, 0.2])
        #expect(close(kl, 2.666666902746957120075575617113958636347e-14, rel: 1e-9))
        // mpmath: ln σ₂ + 1/(2σ₂²) − ½ for σ₂ = 1.0000001 (as a double)
        #expect(close(try gaussianKL(mu1: 0, sigma1: 1, mu2: 0, sigma2: 1.0000001), 9.999998345010898953954772270204348880274e-15, rel: 1e-9))
    }

    @Test func supportMismatch() throws {
        #expect(try klDivergence([0.5, 0.5], [1, 0]) == .infinity)
        #expect(try crossEntropy([0.5, 0.5], [1, 0]) == .infinity)
        #expect(try klDivergence([1, 0], [0.5, 0.5]) == log(2))       // 0·log 0 = 0
        #expect(try klTerms([0.5, 0.5], [1, 0]) == [0.5 * log(0.5), .infinity])
        #expect(close(try jensenShannon([1, 0], [0, 1]), log(2)))     // disjoint supports: exactly log 2
    }

    @Test func logitsAreStable() throws {
        // mpmath: ln(e² + e + e^0.1) − 2
        #expect(close(try crossEntropyFromLogits([2, 1, 0.1], label: 0), 0.4170300162778334826077878649511097074005))
        #expect(try crossEntropyFromLogits([-1000, 1000, 0], label: 0) == 2000)
        #expect(try crossEntropyFromLogits([-1000, 1000, 0], label: 2) == 1000)
        #expect(try crossEntropyFromLogits([-1000, 1000, 0], label: 1) == 0)
        #expect(try crossEntropyFromLogits([1000, 1000], label: 0) == log(2))
        #expect(throws: InfoTheoryError.self) { try crossEntropyFromLogits([1, 2], label: 2) }
    }
}

@Suite struct ValidationTests {
    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "" } catch { return "\(error)" }
    }

    @Test func sumMessage() throws {
        #expect(message { try entropy([0.5, 0.6]) } == "p: probabilities sum to 1.1, expected 1; pass normalize to rescale")
        #expect(try entropy([1, 1], normalize: true) == log(2))
    }

    @Test func otherMessages() {
        #expect(message { try entropy([]) }.contains("empty"))
        #expect(message { try entropy([0.5, -0.5, 1]) }.contains("p[1] = -0.5 is negative"))
        #expect(message { try entropy([.nan, 1]) }.contains("p[0] is NaN"))
        #expect(message { try entropy([.infinity, 1]) }.contains("p[0] is inf"))
        #expect(message { try klDivergence([0.5, 0.5], [1]) }.contains("p has 2 entries but q has 1"))
        #expect(message { try klDivergence([0.5, 0.5], [0.9, 0.2]) }.hasPrefix("q: probabilities sum to 1.1"))
        #expect(message { try entropy([0, 0], normalize: true) }.contains("cannot normalize"))
    }

    @Test func toleranceIsOneInABillion() throws {
        _ = try entropy([0.5, 0.5 + 5e-10])
        #expect(throws: InfoTheoryError.self) { try entropy([0.5, 0.5 + 2e-9]) }
    }
}

/// Random probability vectors of a fixed length (positive entries, normalised in the test).
let positiveVector = Gen.double(in: 0.001...1).array(of: 5)

@Suite struct DiscretePropertyTests {
    @Test func gibbsInequalityAndCrossEntropyIdentity() async {
        await propertyCheck(input: positiveVector, positiveVector) { a, b in
            checking {
            let p = normalized(a), q = normalized(b)
            let kl = try klDivergence(p, q), h = try entropy(p), ce = try crossEntropy(p, q)
            #expect(kl >= 0)
            #expect(close(ce, h + kl, rel: 1e-12, abs: 1e-15))
            #expect(try klDivergence(p, p) == 0)
            }
        }
    }

    @Test func entropyIsAtMostLogK() async {
        await propertyCheck(input: positiveVector) { a in
            checking {
            let p = normalized(a)
            let h = try entropy(p)
            #expect(h <= log(5) + 1e-15)
            #expect(h >= 0)
            }
        }
    }

    @Test func pinskerAndJensenShannonBound() async {
        await propertyCheck(input: positiveVector, positiveVector) { a, b in
            checking {
            let p = normalized(a), q = normalized(b)
            let tv = 0.5 * zip(p, q).map { Swift.abs($0 - $1) }.reduce(0, +)
            #expect(tv <= (try klDivergence(p, q) / 2).squareRoot() + 1e-15)
            let js = try jensenShannon(p, q)
            #expect(js >= 0 && js <= log(2))
            #expect(close(js, try jensenShannon(q, p), rel: 1e-12, abs: 1e-16))
            }
        }
    }

    @Test func klTermsSumToKL() async {
        await propertyCheck(input: positiveVector, positiveVector) { a, b in
            checking {
            let p = normalized(a), q = normalized(b)
            let terms = try klTerms(p, q, unit: .bits), kl = try klDivergence(p, q, unit: .bits)
            #expect(close(accurateSum(terms), kl, rel: 1e-10, abs: 1e-15))
            }
        }
    }
}
