import Foundation
import Testing
import PropertyBased
@testable import InfoTheory

@Suite struct ModelPropertyTests {
    /// The maximum-entropy solution meets the constraint and has Gibbs form: ln pᵢ − λvᵢ is constant.
    @Test func maxEntIsGibbsAndMeetsTheMean() async {
        await propertyCheck(input: Gen.double(in: -5...5).array(of: 4), Gen.double(in: 0.05...0.95)) { values, fraction in
            checking {
                let lo = values.min() ?? 0, hi = values.max() ?? 0
                guard hi - lo > 1e-3 else { return }
                let mean = lo + fraction * (hi - lo)
                let r = try maxEntropyDistribution(values: values, mean: mean)
                #expect(close(accurateSum(zip(r.p, values).map { $0 * $1 }), mean, rel: 1e-13, abs: 1e-14 * (hi - lo)))
                let offsets = zip(r.p, values).map { log($0) - r.lambda * $1 }
                for o in offsets { #expect(close(o, offsets[0], rel: 1e-11, abs: 1e-11)) }
            }
        }
    }

    /// Independent coordinates: the multivariate KL is the sum of the univariate ones.
    @Test func diagonalGaussianKLIsASum() async {
        await propertyCheck(input: Gen.double(in: -3...3).array(of: 4), Gen.double(in: 0.2...3).array(of: 4)) { mus, sigmas in
            checking {
                let cov1 = [[sigmas[0] * sigmas[0], 0], [0, sigmas[1] * sigmas[1]]]
                let cov2 = [[sigmas[2] * sigmas[2], 0], [0, sigmas[3] * sigmas[3]]]
                let joint = try gaussianKL(mean1: [mus[0], mus[1]], cov1: cov1, mean2: [mus[2], mus[3]], cov2: cov2)
                let a = try gaussianKL(mu1: mus[0], sigma1: sigmas[0], mu2: mus[2], sigma2: sigmas[2])
                let b = try gaussianKL(mu1: mus[1], sigma1: sigmas[1], mu2: mus[3], sigma2: sigmas[3])
                #expect(close(joint, a + b, rel: 1e-12, abs: 1e-15))
            }
        }
    }

    /// Epistemic = total − aleatoric, and all three are non-negative with total ≤ ln K.
    @Test func ensembleDecompositionAddsUp() async {
        await propertyCheck(input: Gen.double(in: 0.01...1).array(of: 9)) { flat in
            checking {
                let models = [normalized(Array(flat[0..<3])), normalized(Array(flat[3..<6])), normalized(Array(flat[6..<9]))]
                let r = try ensembleUncertainty(models: models)
                #expect(close(r.epistemic, r.total - r.aleatoric, rel: 1e-9, abs: 1e-15))
                #expect(r.epistemic >= 0 && r.aleatoric >= 0 && r.total <= log(3) + 1e-15)
            }
        }
    }

    /// The ELBO never exceeds the log evidence, with equality at the posterior.
    @Test func elboIsALowerBound() async {
        await propertyCheck(input: Gen.double(in: -2...2), Gen.double(in: 0.1...2)) { m, s in
            checking {
                let model = try GaussianMeanModel(data: [0.3, -0.4, 1.1], noiseSigma: 0.8, priorMu: 0.5, priorSigma: 1.5)
                #expect(try model.elbo(qMu: m, qSigma: s) <= model.logEvidence + 1e-12)
                let post = model.posterior
                #expect(close(try model.elbo(qMu: post.mu, qSigma: post.sigma), model.logEvidence, rel: 1e-13))
            }
        }
    }
}
