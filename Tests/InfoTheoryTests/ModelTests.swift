import Foundation
import Testing
@testable import InfoTheory

@Suite struct SpecialFunctionTests {
    @Test func digammaAgainstMpmath() {
        // mpmath.digamma at 40 digits
        let cases: [(Double, Double)] = [
            (0.001, -1000.5755719318103004714726144696492285),
            (0.5, -1.963510026021423479440976332998755567193),
            (1, -0.5772156649015328606065120900824024310422),
            (3.7, 1.167153539361511385873863966145046881174),
            (10.5, 2.303001034297686375272593550849766052226),
            (100, 4.600161852738087400198605585575850726867),
            (-0.5, 0.03648997397857652055902366700124443280684),
            (-2.3, 3.317323157561820123267000336263514186342),
        ]
        // Near the root at 1.46 relative accuracy is limited by the recurrence, hence the absolute term.
        for (x, ref) in cases { #expect(close(digamma(x), ref, rel: 1e-14, abs: 2e-15), "digamma(\(x))") }
        #expect(digamma(0).isNaN && digamma(-3).isNaN)
    }

    @Test func quadratureIsExactForPolynomialsAndAccurateForGaussians() {
        #expect(close(adaptiveIntegral({ pow($0, 22) }, breakpoints: [-1, 1]).value, 2.0 / 23, rel: 1e-14))
        let normal = adaptiveIntegral({ exp(-0.5 * $0 * $0) }, breakpoints: [-40, 0, 40]).value
        #expect(close(normal, (2 * Double.pi).squareRoot(), rel: 1e-14))
    }
}

@Suite struct MaxEntTests {
    @Test func meanTwoOnZeroToFive() throws {
        let values: [Double] = [0, 1, 2, 3, 4, 5]
        let r = try maxEntropyDistribution(values: values, mean: 2)
        // The constraint holds to machine precision.
        #expect(Swift.abs(accurateSum(zip(r.p, values).map { $0 * $1 }) - 2) < 4e-16)
        #expect(close(accurateSum(r.p), 1, rel: 1e-15))
        // mpmath findroot of E_λ[X] = 2 (40 digits)
        #expect(close(r.lambda, -0.1746289312154884696404312912570058920232, rel: 1e-13))
        let refP = [0.2467823792336771759816119760470125323661719, 0.2072400869111006482392971347647764628718836,
                    0.1740337124404366155047180429090560619064672, 0.1461480426747410535630111942817830538204578,
                    0.122730533516419573494575063415097193321316, 0.1030652452236249332167865885822746957137121]
        for (a, b) in zip(r.p, refP) { #expect(close(a, b, rel: 1e-13)) }
    }

    @Test func plainAverageGivesUniform() throws {
        let r = try maxEntropyDistribution(values: [0, 1, 2, 3, 4, 5], mean: 2.5)
        #expect(r.lambda == 0)
        #expect(r.p.allSatisfy { $0 == 1.0 / 6 })
    }

    @Test func extremeMeansStillMeetTheConstraint() throws {
        let values: [Double] = [1, 2, 3, 4, 5, 6]
        for mean in [1.001, 1.5, 5.9, 5.999] {
            let r = try maxEntropyDistribution(values: values, mean: mean)
            #expect(close(accurateSum(zip(r.p, values).map { $0 * $1 }), mean, rel: 1e-14))
        }
    }

    @Test func infeasibleMeans() {
        for mean in [-1.0, -1e-300, 5.000001, 7, .nan] {   // 0 and 5 are the point masses (EdgeDefectTests)
            #expect(throws: InfoTheoryError.self) { try maxEntropyDistribution(values: [0, 1, 2, 3, 4, 5], mean: mean) }
        }
        #expect(throws: InfoTheoryError.self) { try maxEntropyDistribution(values: [], mean: 1) }
    }
}

@Suite struct EnsembleAndLindleyTests {
    @Test func ensembleDecomposition() throws {
        let models = [[0.7, 0.2, 0.1], [0.5, 0.3, 0.2], [0.2, 0.5, 0.3]]
        let r = try ensembleUncertainty(models: models)
        // mpmath: H(mean), mean H, and their difference
        #expect(close(r.total, 1.043757036331408460467537798081995116238))
        #expect(close(r.aleatoric, 0.9537081935574947877973272317960859362993))
        #expect(close(r.epistemic, 0.09004884277391367267021056628590917993843, rel: 1e-11))
        #expect(close(r.epistemic, r.total - r.aleatoric, rel: 1e-12))
        // Members that agree have no epistemic uncertainty.
        #expect(try ensembleUncertainty(models: [[0.3, 0.7], [0.3, 0.7]]).epistemic == 0)
        #expect(throws: InfoTheoryError.self) { try ensembleUncertainty(models: [[0.5, 0.5], [1]]) }
        #expect(throws: InfoTheoryError.self) { try ensembleUncertainty(models: []) }
    }

    @Test func lindley() throws {
        // mpmath: ln B(a,b) − (a−1)ψ(a) − (b−1)ψ(b) + (a+b−2)ψ(a+b)
        #expect(close(try betaEntropy(alpha: 2, beta: 3), -0.2349066497880003102297094798388788407986, rel: 1e-13))
        #expect(close(try lindleyInformation(alpha: 2, beta: 3, heads: 7, tails: 3), 0.4534334516369491807630104426515409844001, rel: 1e-13))
        #expect(Swift.abs(try betaEntropy(alpha: 1, beta: 1)) <= 1e-15)   // uniform on [0, 1], up to rounding of ψ(2)
        #expect(try lindleyInformation(alpha: 2, beta: 2, heads: 0, tails: 0) == 0)
        #expect(throws: InfoTheoryError.self) { try lindleyInformation(alpha: 0, beta: 1, heads: 1, tails: 1) }
    }
}

@Suite struct ELBOTests {
    let data = [1.2, 0.8, 2.1, 1.5]

    @Test func optimumIsThePosteriorAndReachesTheLogEvidence() throws {
        let r = try elboGaussianMean(data: data, noiseSigma: 1, priorMu: 0, priorSigma: 2)
        // Conjugate posterior: precision 1/4 + 4 = 17/4, mean (5.6)/(17/4) = 22.4/17.
        #expect(close(r.qMu, 22.4 / 17))
        #expect(close(r.qSigma, (4.0 / 17).squareRoot()))
        // Independent log evidence: mpmath log density of N(0·1, I + 4·11ᵀ) with explicit det and inverse.
        let logEvidence = -5.77294904014091665430490978397
        #expect(close(r.elbo, logEvidence, rel: 1e-13))
        let model = try GaussianMeanModel(data: data, noiseSigma: 1, priorMu: 0, priorSigma: 2)
        #expect(close(model.logEvidence, logEvidence, rel: 1e-13))
    }

    @Test func elboForAGivenQ() throws {
        // mpmath quadrature of E_q[ln p(x|μ) + ln p(μ) − ln q(μ)] for q = N(1, 0.5²).
        let r = try elboGaussianMean(data: data, noiseSigma: 1, priorMu: 0, priorSigma: 2, qMu: 1, qSigma: 0.5)
        #expect(close(r.elbo, -5.98829849393858158595578318854, rel: 1e-13))
        #expect(r.elbo < -5.77294904014091665430490978397)   // a bound, strictly below the evidence
        #expect(throws: InfoTheoryError.self) { try elboGaussianMean(data: data, noiseSigma: 0, priorMu: 0, priorSigma: 1) }
    }

    @Test func finiteInputsThatOverflowAreRejected() {
        // n/σ² = 4e600 is infinite, so the posterior variance is 0 and its mean inf·0 = NaN.
        #expect(throws: InfoTheoryError.self) { try GaussianMeanModel(data: data, noiseSigma: 1e-300, priorMu: 0, priorSigma: 1) }
        // Σx² = 2e600 is infinite: the log evidence would be NaN.
        #expect(throws: InfoTheoryError.self) { try GaussianMeanModel(data: [1e300, -1e300], noiseSigma: 1, priorMu: 0, priorSigma: 5) }
        #expect(throws: InfoTheoryError.self) {
            try elboGaussianMean(data: [1e300, -1e300], noiseSigma: 1e-300, priorMu: 0, priorSigma: 1)
        }
    }
}

@Suite struct KLFitTests {
    let symmetric = [MixtureComponent(weight: 0.5, mu: -2, sigma: 0.6), MixtureComponent(weight: 0.5, mu: 2, sigma: 0.6)]

    @Test func forwardIsMomentMatching() throws {
        let r = try klFit(target: symmetric, direction: .forward)
        #expect(r.best.mu == 0)
        #expect(close(r.best.sigma, (0.36 + 4).squareRoot()))
        // mpmath.quad of ∫ p (ln p − ln q) with breakpoints at the components (25 digits).
        #expect(close(r.best.kl, 0.5551555286321126365759391507, rel: 1e-10))
        let asym = [MixtureComponent(weight: 0.7, mu: -1, sigma: 0.5), MixtureComponent(weight: 0.3, mu: 2, sigma: 1)]
        let a = try klFit(target: asym, direction: .forward)
        #expect(close(a.best.mu, -0.1, rel: 1e-14))
        #expect(close(a.best.sigma, 1.537855649922969850907029656, rel: 1e-14))
        #expect(close(a.best.kl, 0.3554083842669761724353245085, rel: 1e-10))
    }

    @Test func reverseFindsBothModes() throws {
        let r = try klFit(target: symmetric, direction: .reverse)
        // mpmath: quad for KL(q‖p), findroot on its gradient (25 digits).
        // Besides the two modes there is a broad local minimum at μ = 0 that covers both (mpmath:
        // findroot of ∂KL/∂ln σ at μ = 0 gives σ 1.79027851643571524, KL 1.13838187765581690;
        // second derivatives 0.312 in μ and 9.84 in ln σ, so a true minimum).
        #expect(r.optima.count == 3)
        #expect(close(Swift.abs(r.best.mu), 1.997078281545838197649076, rel: 1e-7))
        #expect(close(r.best.sigma, 0.6048564206737839700692631, rel: 1e-7))
        #expect(close(r.best.kl, 0.6918360050285669902298191, rel: 1e-10))
        let mus = r.optima.prefix(2).map(\.mu).sorted()
        #expect(close(mus[0], -mus[1], rel: 1e-7))
        #expect(Swift.abs(r.optima[2].mu) < 1e-7)
        #expect(close(r.optima[2].sigma, 1.79027851643571524, rel: 1e-7))
        #expect(close(r.optima[2].kl, 1.13838187765581690, rel: 1e-9))
    }

    @Test func reverseOnAnUnevenMixture() throws {
        let asym = [MixtureComponent(weight: 0.7, mu: -1, sigma: 0.5), MixtureComponent(weight: 0.3, mu: 2, sigma: 1)]
        let r = try klFit(target: asym, direction: .reverse)
        // mpmath as above. The broad minor component has its own local optimum: scipy's Nelder–Mead
        // from (2, ln 1) slid to the global one, but a finite-difference Hessian at the point BFGS
        // finds has eigenvalues 0.127 and 5.84 (a true minimum); mpmath findroot polished it.
        #expect(r.optima.count == 2)
        #expect(close(r.best.mu, -0.9534564616479450809817893, rel: 1e-7))
        #expect(close(r.best.sigma, 0.5495547298453183827567107, rel: 1e-7))
        #expect(close(r.best.kl, 0.3239008121230342225173188, rel: 1e-10))
        #expect(close(r.optima[1].mu, 0.335123675724124110222256321406, rel: 1e-6))
        #expect(close(r.optima[1].sigma, 1.39040940367508148315314680524, rel: 1e-6))
        #expect(close(r.optima[1].kl, 0.530013745008443445358984704468, rel: 1e-10))
    }

    @Test func wellSeparatedModesGiveMinusLogWeight() throws {
        // Components 40σ apart: a q sitting on one component puts mass < e^−200 where the other
        // matters, so each local optimum is the component itself and reaches KL = −ln wₖ exactly.
        let mix = [MixtureComponent(weight: 0.6, mu: -10, sigma: 0.5), MixtureComponent(weight: 0.4, mu: 10, sigma: 0.5)]
        let r = try klFit(target: mix, direction: .reverse, unit: .bits)
        #expect(r.optima.count == 2)
        #expect(close(r.optima[0].mu, -10, rel: 1e-7) && close(r.optima[0].sigma, 0.5, rel: 1e-7))
        #expect(close(r.optima[0].kl, -log2(0.6), rel: 1e-10))
        #expect(close(r.optima[1].mu, 10, rel: 1e-7) && close(r.optima[1].sigma, 0.5, rel: 1e-7))
        #expect(close(r.optima[1].kl, -log2(0.4), rel: 1e-10))
    }

    @Test func singleComponentIsFitExactly() throws {
        let one = [MixtureComponent(weight: 1, mu: 1.5, sigma: 2)]
        for direction in KLDirection.allCases {
            let r = try klFit(target: one, direction: direction)
            #expect(close(r.best.mu, 1.5, rel: 1e-9) && close(r.best.sigma, 2, rel: 1e-9))
            #expect(r.best.kl < 1e-13)
        }
    }

    @Test func badMixtures() {
        #expect(throws: InfoTheoryError.self) { try klFit(target: [], direction: .forward) }
        #expect(throws: InfoTheoryError.self) { try klFit(target: [MixtureComponent(weight: 1, mu: 0, sigma: -1)], direction: .forward) }
        #expect(throws: InfoTheoryError.self) { try klFit(target: [MixtureComponent(weight: 0.5, mu: 0, sigma: 1)], direction: .reverse) }
        // Finite but overflowing: σ² = 1e600 made the forward fit's σ NaN; μ = ±1e300 a reverse KL of 0.
        #expect(throws: InfoTheoryError.self) { try klFit(target: [MixtureComponent(weight: 1, mu: 0, sigma: 1e300)], direction: .forward) }
        #expect(throws: InfoTheoryError.self) {
            try klFit(target: [MixtureComponent(weight: 0.5, mu: -1e300, sigma: 1), MixtureComponent(weight: 0.5, mu: 1e300, sigma: 1)],
                      direction: .reverse)
        }
    }
}
