import Foundation

/// The conjugate model xᵢ ~ N(μ, σ²) (σ known), μ ~ N(μ₀, σ₀²), with data x₁…xₙ.
public struct GaussianMeanModel: Sendable, Equatable {
    public let data: [Double]
    public let noiseSigma: Double
    public let priorMu: Double
    public let priorSigma: Double

    public init(data: [Double], noiseSigma: Double, priorMu: Double, priorSigma: Double) throws {
        try requireAllFinite(data, "data")
        try requirePositive(noiseSigma, "noise_sigma")
        try requireFinite(priorMu, "prior_mu")
        try requirePositive(priorSigma, "prior_sigma")
        self.data = data
        self.noiseSigma = noiseSigma
        self.priorMu = priorMu
        self.priorSigma = priorSigma
        // Finite inputs can still overflow (σ = 1e-300 makes n/σ² infinite; |x| = 1e300 makes Σx²
        // infinite): refuse them here, so callers never meet a NaN posterior or evidence.
        let post = posterior, evidence = logEvidence
        guard post.mu.isFinite, post.sigma.isFinite, post.sigma > 0, evidence.isFinite else {
            throw InfoTheoryError("data, noise_sigma and prior_sigma overflow double precision (posterior N(\(formatForMessage(post.mu)), "
                                  + "\(formatForMessage(post.sigma))²), log evidence \(formatForMessage(evidence))); "
                                  + "expected values whose squares and ratios stay finite: rescale the data")
        }
    }

    /// The exact posterior N(m, s²): 1/s² = 1/σ₀² + n/σ², m = s²(μ₀/σ₀² + Σxᵢ/σ²).
    /// It is also the q that maximises the ELBO, where ELBO = log evidence.
    public var posterior: (mu: Double, sigma: Double) {
        let n = Double(data.count)
        let precision = 1 / (priorSigma * priorSigma) + n / (noiseSigma * noiseSigma)
        let s2 = 1 / precision
        let m = s2 * (priorMu / (priorSigma * priorSigma) + accurateSum(data) / (noiseSigma * noiseSigma))
        return (m, s2.squareRoot())
    }

    /// ELBO(q) = E_q[ln p(x|μ)] + E_q[ln p(μ)] + H(q) for q = N(qMu, qSigma²), in closed form:
    ///   E_q[ln p(x|μ)] = −(n/2) ln(2πσ²) − Σ[(xᵢ − m)² + s²]/(2σ²)
    ///   E_q[ln p(μ)]   = −½ ln(2πσ₀²) − [(m − μ₀)² + s²]/(2σ₀²)
    ///   H(q)           = ½ ln(2πe s²)
    public func elbo(qMu: Double, qSigma: Double) throws -> Double {
        try requireFinite(qMu, "q_mu")
        try requirePositive(qSigma, "q_sigma")
        let n = Double(data.count)
        let s2 = qSigma * qSigma, v = noiseSigma * noiseSigma, v0 = priorSigma * priorSigma
        let twoPi = 2 * Double.pi
        let squares = accurateSum(data.map { ($0 - qMu) * ($0 - qMu) })
        let likelihood = -0.5 * n * log(twoPi * v) - (squares + n * s2) / (2 * v)
        let prior = -0.5 * log(twoPi * v0) - ((qMu - priorMu) * (qMu - priorMu) + s2) / (2 * v0)
        let entropyQ = 0.5 * log(twoPi * M_E * s2)
        let value = accurateSum([likelihood, prior, entropyQ])
        // q_mu = 1e308 squares to ∞ and the bound came out NaN: a finite ELBO or an error naming q.
        guard value.isFinite else {
            throw InfoTheoryError("q_mu = \(formatForMessage(qMu)), q_sigma = \(formatForMessage(qSigma)): the ELBO overflows double precision "
                                  + "((data − q_mu)² or q_sigma² is beyond 1.8e308); expected q near the data")
        }
        return value
    }

    /// ln p(x) = ln ∫ p(x|μ) p(μ) dμ in closed form: x ~ N(μ₀1, σ²I + σ₀²11ᵀ), whose determinant
    /// and inverse follow from the matrix determinant lemma and Sherman–Morrison:
    ///   ln p(x) = −(n/2) ln(2πσ²) − ½ ln(1 + nσ₀²/σ²) − ½[S/σ² − (σ₀²/σ⁴)(Σdᵢ)²/(1 + nσ₀²/σ²)],
    /// with dᵢ = xᵢ − μ₀ and S = Σdᵢ².
    public var logEvidence: Double {
        let n = Double(data.count)
        let v = noiseSigma * noiseSigma, v0 = priorSigma * priorSigma
        let d = data.map { $0 - priorMu }
        let s = accurateSum(d.map { $0 * $0 }), t = accurateSum(d)
        let r = n * v0 / v
        let quad = s / v - (v0 / (v * v)) * t * t / (1 + r)
        return -0.5 * n * log(2 * Double.pi * v) - 0.5 * log1p(r) - 0.5 * quad
    }
}

/// An ELBO evaluation: the bound and the q it was evaluated at.
public struct ELBOResult: Sendable, Equatable {
    public let elbo: Double
    public let qMu: Double
    public let qSigma: Double
}

/// ELBO of the Gaussian-mean model for q = N(qMu, qSigma²); with both nil, q is the optimum
/// (the conjugate posterior) and the ELBO equals the log evidence. A single nil is filled from the
/// posterior too: the ELBO separates into a function of m plus one of s, so that is the best
/// choice of the missing parameter given the other. Returned in `unit`.
public func elboGaussianMean(data: [Double], noiseSigma: Double, priorMu: Double, priorSigma: Double,
                             qMu: Double? = nil, qSigma: Double? = nil, unit: InfoUnit = .nats) throws -> ELBOResult {
    let model = try GaussianMeanModel(data: data, noiseSigma: noiseSigma, priorMu: priorMu, priorSigma: priorSigma)
    let post = model.posterior
    let m = qMu ?? post.mu, s = qSigma ?? post.sigma
    return ELBOResult(elbo: unit.fromNats(try model.elbo(qMu: m, qSigma: s)), qMu: m, qSigma: s)
}
