import InfoTheory

/// Differential entropy and KL of Gaussians (see `opTable`).
let gaussianOps: [OpSpec] = [
    OpSpec("gaussian_entropy", "Differential entropy of a Gaussian (sigma, or cov).",
           arguments: [OpArgument.optional("sigma", .number, "Standard deviation (univariate)."),
                       OpArgument.optional("cov", .table, "Covariance matrix (multivariate).")],
           result: .information, summary: "h(N) from `sigma` or `cov`",
           cost: "O(d³); `cov` at most \(maximumMatrixDimension) × \(maximumMatrixDimension)", positional: ["sigma"],
           numeric: gaussianEntropyForm) { a in
        switch (a.has("sigma"), a.has("cov")) {
        case (true, false): return try gaussianEntropyForm.value(a)
        case (false, true): return .number(try gaussianEntropy(covariance: a.matrix("cov")))
        case (true, true): throw RequestError("gaussian_entropy: give either 'sigma' (univariate) or 'cov' (multivariate), not both")
        case (false, false): throw RequestError("gaussian_entropy: missing argument 'sigma' (a number > 0) or 'cov' (a covariance matrix)")
        }
    },
    OpSpec("gaussian_kl", "KL between Gaussians: mu1, sigma1, mu2, sigma2, or mean1, cov1, mean2, cov2.",
           arguments: [
            OpArgument.optional("mu1", .number, "Mean of the first Gaussian (univariate)."),
            OpArgument.optional("sigma1", .number, "Standard deviation of the first Gaussian."),
            OpArgument.optional("mu2", .number, "Mean of the second Gaussian."),
            OpArgument.optional("sigma2", .number, "Standard deviation of the second Gaussian."),
            OpArgument.optional("mean1", .vector, "Mean vector of the first Gaussian (multivariate)."),
            OpArgument.optional("cov1", .table, "Covariance of the first Gaussian."),
            OpArgument.optional("mean2", .vector, "Mean vector of the second Gaussian."),
            OpArgument.optional("cov2", .table, "Covariance of the second Gaussian."),
           ],
           result: .information, summary: "KL(N₁‖N₂), univariate or multivariate",
           cost: "O(d³); covariances at most \(maximumMatrixDimension) × \(maximumMatrixDimension)",
           numeric: gaussianKLForm) { a in
        let scalar = ["mu1", "sigma1", "mu2", "sigma2"], matrix = ["mean1", "cov1", "mean2", "cov2"]
        let usesScalar = scalar.contains(where: a.has), usesMatrix = matrix.contains(where: a.has)
        if usesScalar && usesMatrix {
            throw RequestError("gaussian_kl: give either mu1, sigma1, mu2, sigma2 (univariate) or mean1, cov1, mean2, cov2 (multivariate), not a mix")
        }
        if usesMatrix {
            return .number(try gaussianKL(mean1: a.vector("mean1"), cov1: a.matrix("cov1"),
                                          mean2: a.vector("mean2"), cov2: a.matrix("cov2")))
        }
        return try gaussianKLForm.value(a)
    },
]

/// The univariate forms, as `NumericRequest` calls them.
private let gaussianEntropyForm = NumericForm(["sigma"]) { try gaussianEntropy(sigma: $0[0]) }
private let gaussianKLForm = NumericForm(["mu1", "sigma1", "mu2", "sigma2"]) {
    try gaussianKL(mu1: $0[0], sigma1: $0[1], mu2: $0[2], sigma2: $0[3])
}
