import InfoTheory

/// Maximum entropy, ensembles, Bayesian updates and KL fits (see `opTable`).
let bayesOps: [OpSpec] = [
    OpSpec("maxent", "Maximum-entropy distribution over values with a given mean, or given means of several features.",
           arguments: [OpArgument("values", .vector, "The values, e.g. 0,1,2,3,4,5."),
                       OpArgument.optional("mean", .number, "The required mean of the values."),
                       OpArgument.optional("features", .table, "Instead of mean: one row f_k(value) per constraint (at most \(maximumMaxEntConstraints))."),
                       OpArgument.optional("means", .vector, "The required mean of each feature row.")],
           result: .plain, summary: "`{p, lambda}`; with `features` and `means` (at most \(maximumMaxEntConstraints) rows) one lambda per row",
           cost: "≤ 1,500 steps of O(n); at most \(maximumMaxEntValues) values", searches: true) { a in
        if a.has("mean") {
            if a.has("features") || a.has("means") {
                throw RequestError("maxent: give either 'mean' or 'features' and 'means', not both")
            }
            let r = try maxEntropyDistribution(values: a.vector("values"), mean: a.number("mean"))
            return .object([("p", .array(r.p.map(JSONValue.number))), ("lambda", .number(r.lambda))])
        }
        if !a.has("features") && !a.has("means") {
            throw RequestError("maxent: missing argument 'mean' (a number), or 'features' and 'means'")
        }
        let r = try maxEntropyDistribution(values: a.vector("values"), features: a.matrix("features"), means: a.vector("means"))
        return .object([("p", .array(r.p.map(JSONValue.number))), ("lambda", .array(r.lambda.map(JSONValue.number)))])
    },
    OpSpec("ensemble_uncertainty", "Total, aleatoric and epistemic uncertainty of an ensemble.",
           arguments: [OpArgument("models", .table, "One predictive distribution per member (rows)."), normalizeArgument],
           result: .members(["total", "aleatoric", "epistemic"]), summary: "`{total, aleatoric, epistemic}`") { a in
        let r = try ensembleUncertainty(models: a.matrix("models"), normalize: a.bool("normalize"))
        return .object([("total", .number(r.total)), ("aleatoric", .number(r.aleatoric)), ("epistemic", .number(r.epistemic))])
    },
    OpSpec("lindley_information", "Entropy of a Beta prior minus that of its posterior after the observed coin flips.",
           arguments: betaPriorArguments + [OpArgument("heads", .integer, "Observed successes."),
                                            OpArgument("tails", .integer, "Observed failures.")],
           result: .information, summary: "H(prior) − H(posterior), the realised value") { a in
        .number(try lindleyInformation(alpha: a.number("alpha"), beta: a.number("beta"),
                                       heads: a.integer("heads"), tails: a.integer("tails")))
    },
    OpSpec("lindley_expected_information",
           "Lindley's expected information of n coin flips about a Beta prior: H(prior) - E[H(posterior)].",
           arguments: betaPriorArguments + [OpArgument("n", .integer, "Number of trials (at most \(lindleyExpectedTrialsLimit)).")],
           result: .information, summary: "H(prior) − E_k H(posterior) over the Beta-Binomial predictive (n ≤ 10⁶)",
           cost: "O(`n`) terms; `n` at most \(lindleyExpectedTrialsLimit)") { a in
        .number(try lindleyExpectedInformation(alpha: a.number("alpha"), beta: a.number("beta"), n: a.integer("n")))
    },
    OpSpec("elbo_gaussian_mean", "ELBO of the Gaussian-mean model for q = N(q_mu, q_sigma^2); the optimum q when omitted.",
           arguments: [
            OpArgument("data", .vector, "Observations."),
            OpArgument("noise_sigma", .number, "Known noise standard deviation."),
            OpArgument("prior_mu", .number, "Prior mean."),
            OpArgument("prior_sigma", .number, "Prior standard deviation."),
            OpArgument.optional("q_mu", .number, "Mean of q (default: the posterior mean)."),
            OpArgument.optional("q_sigma", .number, "Standard deviation of q (default: the posterior standard deviation)."),
           ],
           result: .members(["elbo"]), summary: "`{elbo, q_mu, q_sigma}`") { a in
        let r = try elboGaussianMean(data: a.vector("data"), noiseSigma: a.number("noise_sigma"),
                                     priorMu: a.number("prior_mu"), priorSigma: a.number("prior_sigma"),
                                     qMu: a.optionalNumber("q_mu"), qSigma: a.optionalNumber("q_sigma"))
        return .object([("elbo", .number(r.elbo)), ("q_mu", .number(r.qMu)), ("q_sigma", .number(r.qSigma))])
    },
    OpSpec("kl_fit", "Fit one Gaussian to a Gaussian mixture by forward or reverse KL.",
           arguments: [OpArgument("target", .mixture, "Mixture components (command line: 'weight,mu,sigma;weight,mu,sigma')."),
                       OpArgument("direction", .choice(["forward", "reverse"]), "forward (moment matching) or reverse (mode seeking)."),
                       normalizeArgument],
           result: .members(["kl"]), summary: "`{mu, sigma, kl, optima?}` (optima: every reverse local optimum)",
           cost: "forward O(K); reverse ≤ 2K × 200 BFGS steps of O(K²); at most K = \(maximumMixtureComponents) components", searches: true) { a in
        let direction: KLDirection = try a.string("direction", oneOf: ["forward", "reverse"]) == "forward" ? .forward : .reverse
        let r = try klFit(target: mixtureComponents(a), direction: direction, normalize: a.bool("normalize"))
        func fitObject(_ f: GaussianFit) -> [(String, JSONValue)] {
            [("mu", .number(f.mu)), ("sigma", .number(f.sigma)), ("kl", .number(f.kl))]
        }
        var members = fitObject(r.best)
        if direction == .reverse { members.append(("optima", .array(r.optima.map { .object(fitObject($0)) }))) }
        return .object(members)
    },
]

/// The Beta(alpha, beta) prior of a coin's bias.
let betaPriorArguments = [
    OpArgument("alpha", .number, "Prior alpha (> 0)."),
    OpArgument("beta", .number, "Prior beta (> 0)."),
]

/// `target: [{weight, mu, sigma}, …]`
private func mixtureComponents(_ a: Arguments) throws -> [MixtureComponent] {
    let expected = OpArgumentKind.mixture.expected
    let v = try a.raw("target", expected: expected)
    guard case .array(let items) = v else { throw a.typeError("target", expected, v) }
    return try items.enumerated().map { i, item in
        guard case .object(let fields) = item else {
            throw RequestError("kl_fit: target[\(i)] must be an object {\"weight\", \"mu\", \"sigma\"}, got \(describe(item))")
        }
        for (key, _) in fields where !["weight", "mu", "sigma"].contains(key) {
            throw RequestError("kl_fit: target[\(i)] has unknown key '\(key)'; expected weight, mu, sigma")
        }
        func field(_ name: String) throws -> Double {
            guard let f = item[name] else { throw RequestError("kl_fit: target[\(i)] is missing '\(name)' (expected a number)") }
            guard let x = numberValue(f) else {
                throw RequestError("kl_fit: target[\(i)].\(name) must be a number, got \(describe(f))")
            }
            return x
        }
        return MixtureComponent(weight: try field("weight"), mu: try field("mu"), sigma: try field("sigma"))
    }
}
