import Foundation
import Testing
@testable import InfoTheory

@Suite struct GaussianTests {
    @Test func univariate() throws {
        // Closed form ln 2 + (0.25 + 1)/2 − 1/2 (mpmath, 40 digits).
        #expect(close(try gaussianKL(mu1: 1, sigma1: 0.5, mu2: 0, sigma2: 1), 0.8181471805599453094172321214581765680755))
        #expect(try gaussianKL(mu1: 3, sigma1: 2, mu2: 3, sigma2: 2) == 0)
        // mpmath: ln(2πe·4)/2
        #expect(close(try gaussianEntropy(sigma: 2), 2.112085713764618051197561857863794207937))
        #expect(close(try gaussianEntropy(sigma: 1, unit: .bits), 0.5 * log2(2 * Double.pi * M_E)))
    }

    @Test func multivariate() throws {
        let s1 = [[2, 0.5], [0.5, 1]], s2 = [[1, 0.2], [0.2, 3]]
        // mpmath with matrix inverse and determinant: ½[tr(S2⁻¹S1) + dᵀS2⁻¹d − 2 + ln(det S2/det S1)]
        #expect(close(try gaussianKL(mean1: [1, 0], cov1: s1, mean2: [0, 2], cov2: s2), 1.729002956416489375372676528971427145935))
        // mpmath: (2 ln(2πe) + ln det S1)/2
        #expect(close(try gaussianEntropy(covariance: s1), 3.117684960377056826696103723074648576466))
        // 1-D multivariate forms agree with the scalar ones.
        #expect(close(try gaussianKL(mean1: [1], cov1: [[0.25]], mean2: [0], cov2: [[1]]),
                      try gaussianKL(mu1: 1, sigma1: 0.5, mu2: 0, sigma2: 1)))
    }

    @Test func rejectsBadCovariances() {
        #expect(throws: InfoTheoryError.self) { try gaussianEntropy(covariance: [[1, 2], [2, 1]]) }       // indefinite
        #expect(throws: InfoTheoryError.self) { try gaussianEntropy(covariance: [[1, 1], [1, 1]]) }       // singular
        #expect(throws: InfoTheoryError.self) { try gaussianEntropy(covariance: [[1, 0.5], [0.2, 1]]) }   // asymmetric
        #expect(throws: InfoTheoryError.self) { try gaussianEntropy(covariance: [[1, 0, 0], [0, 1, 0]]) }  // not square
        #expect(throws: InfoTheoryError.self) { try gaussianKL(mean1: [0], cov1: [[1]], mean2: [0, 0], cov2: [[1, 0], [0, 1]]) }
        #expect(throws: InfoTheoryError.self) { try gaussianEntropy(sigma: 0) }
        do { _ = try gaussianEntropy(covariance: [[1, 2], [2, 1]]) } catch {
            #expect("\(error)".contains("not positive definite"))
        }
    }
}

@Suite struct LikelihoodTests {
    @Test func bernoulli() throws {
        let mle = try bernoulliMLE(heads: 7, tails: 3)
        #expect(mle.pHat == 0.7)
        // mpmath: 7 ln 0.7 + 3 ln 0.3
        #expect(close(mle.logLikelihood, -6.108643020548934630256709631973806854609))
        #expect(close(try bernoulliLogLikelihood(p: 0.7, heads: 7, tails: 3), -6.108643020548934630256709631973806854609))
        let allHeads = try bernoulliMLE(heads: 5, tails: 0)
        #expect(allHeads.pHat == 1 && allHeads.logLikelihood == 0)
        let allTails = try bernoulliMLE(heads: 0, tails: 4)
        #expect(allTails.pHat == 0 && allTails.logLikelihood == 0)
        #expect(throws: InfoTheoryError.self) { try bernoulliMLE(heads: 0, tails: 0) }
        #expect(throws: InfoTheoryError.self) { try bernoulliMLE(heads: -1, tails: 2) }
        #expect(try bernoulliLogLikelihood(p: 0, heads: 1, tails: 1) == -.infinity)
    }

    let xs = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0].map { [1, $0] }
    let ys: [Double] = [0, 0, 1, 0, 1, 0, 1, 1]

    @Test func logisticLikelihoodAndFit() throws {
        // mpmath: Σ yη − ln(1 + e^η) at β = (−1, 0.5)
        #expect(close(try logisticLogLikelihood(x: xs, y: ys, beta: [-1, 0.5]), -4.63018368842586851696757512833))
        // mpmath findroot on the score equations (30 digits)
        let fit = try logisticFit(x: xs, y: ys)
        #expect(close(fit.beta[0], -2.67337962089360109031324304667, rel: 1e-9))
        #expect(close(fit.beta[1], 1.18816872039715604013921913185, rel: 1e-9))
        #expect(close(fit.logLikelihood, -4.22479053743656524426315537115, rel: 1e-12))
    }

    @Test func logisticFitWithConfidentExtremesIsNotMistakenForSeparation() throws {
        // x = 0…199, labels from a logistic model with slope 0.5 around 100: the fitted log-odds at
        // the ends are about ±50 (probabilities within e^−50 of 0 or 1), yet the classes overlap
        // near 100, so a finite MLE exists. It must satisfy the score equations Σ(yᵢ − σ(ηᵢ))xᵢ = 0.
        var rng = SplitMix64(seed: 11)
        let xs = (0..<200).map { [1.0, Double($0)] }
        let ys = xs.map { row -> Double in
            let u = rng.uniform()
            return 0.5 * (row[1] - 100) + log(u / (1 - u)) > 0 ? 1 : 0
        }
        let fit = try logisticFit(x: xs, y: ys)
        var score = [0.0, 0.0], scale = [0.0, 0.0]
        for (row, y) in zip(xs, ys) {
            let r = y - sigmoid(row[0] * fit.beta[0] + row[1] * fit.beta[1])
            for j in 0..<2 { score[j] += r * row[j]; scale[j] += Swift.abs(row[j]) }
        }
        #expect(Swift.abs(score[0]) < 1e-9 * scale[0] && Swift.abs(score[1]) < 1e-9 * scale[1])
        #expect(fit.beta[1] > 0.2 && fit.beta[1] < 1.5)
        #expect(maxAbsEta(xs, fit.beta) > 30)   // the regime a |η| heuristic would call separable
        let bump = try logisticLogLikelihood(x: xs, y: ys, beta: [fit.beta[0] + 1e-3, fit.beta[1]])
        #expect(bump < fit.logLikelihood)
    }

    @Test func logisticIsStableForHugeEta() throws {
        // η = ±1000: the correct labels cost e^−1000 ≈ 0, the wrong ones exactly 1000.
        #expect(try logisticLogLikelihood(x: [[1000], [-1000]], y: [1, 0], beta: [1]) == 0)
        #expect(try logisticLogLikelihood(x: [[1000], [-1000]], y: [0, 1], beta: [1]) == -2000)
    }

    @Test func logisticFitErrors() {
        // Completely separated by x = 2.
        let sepX = [1.0, 1.5, 2.5, 3.0].map { [1, $0] }
        do {
            _ = try logisticFit(x: sepX, y: [0, 0, 1, 1])
            Issue.record("separable data must be rejected")
        } catch { #expect("\(error)".contains("separable")) }
        // Collinear columns.
        #expect(throws: InfoTheoryError.self) { try logisticFit(x: [[1, 2], [1, 2], [1, 2]], y: [0, 1, 0]) }
        #expect(throws: InfoTheoryError.self) { try logisticFit(x: [[1, 2]], y: [0.5]) }
        #expect(throws: InfoTheoryError.self) { try logisticLogLikelihood(x: [[1, 2]], y: [1], beta: [1]) }
    }

    @Test func informationCriteria() throws {
        #expect(try aic(k: 2, logLikelihood: -10) == 24)
        #expect(try bic(k: 2, n: 100, logLikelihood: -10) == 2 * log(100) + 20)
        #expect(throws: InfoTheoryError.self) { try bic(k: 2, n: 0, logLikelihood: -1) }
        #expect(throws: InfoTheoryError.self) { try aic(k: -1, logLikelihood: -1) }
    }
}
