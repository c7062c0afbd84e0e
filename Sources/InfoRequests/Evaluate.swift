import InfoTheory

/// Evaluates one request `{"op": NAME, …arguments}` of the shared vocabulary (see issue 2 / README)
/// and returns its result value; throws `RequestError` with a message meant for the user.
///
/// Every op accepts `unit` ("nats" default, "bits", "hartleys"); ops whose result is no information
/// quantity (correlation, aic, bic, maxent) accept only "nats". Log-likelihoods and the ELBO are
/// log-probabilities and are converted like information. The keys `digits` and `format` are
/// presentation hints for callers and are ignored. Ops taking probability vectors or tables also
/// accept `normalize: true` to rescale them instead of rejecting a sum other than 1.
public func evaluateRequest(_ request: JSONValue) throws -> JSONValue {
    guard case .object(let members) = request else {
        throw RequestError("a request must be a JSON object {\"op\": NAME, …}; got \(describe(request))")
    }
    guard let opValue = request["op"] else {
        throw RequestError("missing 'op'; expected one of: \(requestOps.joined(separator: ", "))")
    }
    guard case .string(let op) = opValue else {
        throw RequestError("'op' must be a string naming the operation, got \(describe(opValue)); expected one of: \(requestOps.joined(separator: ", "))")
    }
    guard let handler = requestHandlers[op] else {
        throw RequestError(unknownNameMessage("op", op, known: requestOps, knownLabel: "valid ops"))
    }
    let args = Arguments(op: op, members: members)
    try requireRequestSize(args)
    do {
        let result = try handler(args)
        try requireNoNaN(result, args)
        return result
    } catch let e as InfoTheoryError {
        throw RequestError("\(op): \(e.message)")
    }
}

public struct RequestError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Every op of the vocabulary, in documentation order.
public let requestOps: [String] = [
    "surprisal", "entropy", "binary_entropy", "cross_entropy", "kl", "js", "kl_terms", "cross_entropy_logits",
    "joint_entropy", "conditional_entropy", "mutual_information", "mutual_information_samples", "correlation",
    "gaussian_entropy", "gaussian_kl", "bernoulli_mle", "logistic_log_likelihood", "logistic_fit", "aic", "bic",
    "maxent", "ensemble_uncertainty", "lindley_information", "elbo_gaussian_mean", "kl_fit",
]

private let requestHandlers: [String: @Sendable (Arguments) throws -> JSONValue] = [
    "surprisal": { a in
        try a.requireOnly(["p"])
        return .number(try surprisal(a.number("p"), unit: a.unit()))
    },
    "entropy": { a in
        try a.requireOnly(["p", "normalize"])
        return .number(try entropy(a.vector("p"), normalize: a.bool("normalize", default: false), unit: a.unit()))
    },
    "binary_entropy": { a in
        try a.requireOnly(["p"])
        return .number(try binaryEntropy(a.number("p"), unit: a.unit()))
    },
    "cross_entropy": { a in
        try a.requireOnly(["p", "q", "normalize"])
        return .number(try crossEntropy(a.vector("p"), a.vector("q"), normalize: a.bool("normalize", default: false), unit: a.unit()))
    },
    "kl": { a in
        try a.requireOnly(["p", "q", "normalize"])
        return .number(try klDivergence(a.vector("p"), a.vector("q"), normalize: a.bool("normalize", default: false), unit: a.unit()))
    },
    "js": { a in
        try a.requireOnly(["p", "q", "normalize"])
        return .number(try jensenShannon(a.vector("p"), a.vector("q"), normalize: a.bool("normalize", default: false), unit: a.unit()))
    },
    "kl_terms": { a in
        try a.requireOnly(["p", "q", "normalize"])
        let terms = try klTerms(a.vector("p"), a.vector("q"), normalize: a.bool("normalize", default: false), unit: a.unit())
        return .array(terms.map(JSONValue.number))
    },
    "cross_entropy_logits": { a in
        try a.requireOnly(["logits", "label"])
        return .number(try crossEntropyFromLogits(a.vector("logits"), label: a.integer("label"), unit: a.unit()))
    },
    "joint_entropy": { a in
        try a.requireOnly(["pxy", "normalize"])
        return .number(try jointEntropy(a.matrix("pxy"), normalize: a.bool("normalize", default: false), unit: a.unit()))
    },
    "conditional_entropy": { a in
        try a.requireOnly(["pxy", "given", "normalize"])
        let given: ConditioningVariable = try a.string("given", oneOf: ["x", "y"]) == "x" ? .x : .y
        return .number(try conditionalEntropy(a.matrix("pxy"), given: given,
                                              normalize: a.bool("normalize", default: false), unit: a.unit()))
    },
    "mutual_information": { a in
        try a.requireOnly(["pxy", "normalize"])
        return .number(try mutualInformation(a.matrix("pxy"), normalize: a.bool("normalize", default: false), unit: a.unit()))
    },
    "mutual_information_samples": { a in
        // method: "ksg" (default, continuous data, uses k), "discrete" (plug-in on distinct values),
        // "binned" (plug-in after `bins` equal-width bins per variable, default 10).
        // standardize (ksg, default true): divide each variable by its standard deviation first.
        try a.requireOnly(["x", "y", "k", "method", "bins", "standardize"])
        let method = a.has("method") ? try a.string("method", oneOf: ["ksg", "discrete", "binned"]) : "ksg"
        if method != "ksg" && a.has("k") {
            throw RequestError("mutual_information_samples: 'k' applies to method \"ksg\" only")
        }
        if method != "binned" && a.has("bins") {
            throw RequestError("mutual_information_samples: 'bins' applies to method \"binned\" only")
        }
        if method != "ksg" && a.has("standardize") {
            throw RequestError("mutual_information_samples: 'standardize' applies to method \"ksg\" only")
        }
        let x = try a.vector("x"), y = try a.vector("y"), unit = try a.unit()
        switch method {
        case "discrete": return .number(try plugInMutualInformation(x, y, unit: unit))
        case "binned": return .number(try binnedMutualInformation(x, y, bins: a.optionalInteger("bins") ?? 10, unit: unit))
        default: return .number(try ksgMutualInformation(x, y, k: a.optionalInteger("k") ?? 3,
                                                         standardize: a.bool("standardize", default: true), unit: unit))
        }
    },
    "correlation": { a in
        try a.requireOnly(["x", "y"])
        try requireNatsOnly(a)
        return .number(try pearsonCorrelation(a.vector("x"), a.vector("y")))
    },
    "gaussian_entropy": { a in
        try a.requireOnly(["sigma", "cov"])
        switch (a.has("sigma"), a.has("cov")) {
        case (true, false): return .number(try gaussianEntropy(sigma: a.number("sigma"), unit: a.unit()))
        case (false, true): return .number(try gaussianEntropy(covariance: a.matrix("cov"), unit: a.unit()))
        case (true, true): throw RequestError("gaussian_entropy: give either 'sigma' (univariate) or 'cov' (multivariate), not both")
        case (false, false): throw RequestError("gaussian_entropy: missing argument 'sigma' (a number > 0) or 'cov' (a covariance matrix)")
        }
    },
    "gaussian_kl": { a in
        let scalar = ["mu1", "sigma1", "mu2", "sigma2"], matrix = ["mean1", "cov1", "mean2", "cov2"]
        try a.requireOnly(scalar + matrix)
        let usesScalar = scalar.contains(where: a.has), usesMatrix = matrix.contains(where: a.has)
        if usesScalar && usesMatrix {
            throw RequestError("gaussian_kl: give either mu1, sigma1, mu2, sigma2 (univariate) or mean1, cov1, mean2, cov2 (multivariate), not a mix")
        }
        if usesMatrix {
            return .number(try gaussianKL(mean1: a.vector("mean1"), cov1: a.matrix("cov1"),
                                          mean2: a.vector("mean2"), cov2: a.matrix("cov2"), unit: a.unit()))
        }
        return .number(try gaussianKL(mu1: a.number("mu1"), sigma1: a.number("sigma1"),
                                      mu2: a.number("mu2"), sigma2: a.number("sigma2"), unit: a.unit()))
    },
    "bernoulli_mle": { a in
        try a.requireOnly(["heads", "tails"])
        let unit = try a.unit()
        let r = try bernoulliMLE(heads: a.integer("heads"), tails: a.integer("tails"))
        return .object([("p_hat", .number(r.pHat)), ("log_likelihood", .number(unit.fromNats(r.logLikelihood)))])
    },
    "logistic_log_likelihood": { a in
        try a.requireOnly(["x", "y", "beta"])
        return .number(try a.unit().fromNats(logisticLogLikelihood(x: a.matrix("x"), y: a.vector("y"), beta: a.vector("beta"))))
    },
    "logistic_fit": { a in
        try a.requireOnly(["x", "y"])
        let unit = try a.unit()
        let fit = try logisticFit(x: a.matrix("x"), y: a.vector("y"))
        return .object([("beta", .array(fit.beta.map(JSONValue.number))),
                        ("log_likelihood", .number(unit.fromNats(fit.logLikelihood)))])
    },
    "aic": { a in
        try a.requireOnly(["k", "log_likelihood"])
        try requireNatsOnly(a)
        return .number(try aic(k: a.integer("k"), logLikelihood: a.number("log_likelihood")))
    },
    "bic": { a in
        try a.requireOnly(["k", "n", "log_likelihood"])
        try requireNatsOnly(a)
        return .number(try bic(k: a.integer("k"), n: a.integer("n"), logLikelihood: a.number("log_likelihood")))
    },
    "maxent": { a in
        try a.requireOnly(["values", "mean"])
        try requireNatsOnly(a)
        let r = try maxEntropyDistribution(values: a.vector("values"), mean: a.number("mean"))
        return .object([("p", .array(r.p.map(JSONValue.number))), ("lambda", .number(r.lambda))])
    },
    "ensemble_uncertainty": { a in
        try a.requireOnly(["models", "normalize"])
        let r = try ensembleUncertainty(models: a.matrix("models"), normalize: a.bool("normalize", default: false), unit: a.unit())
        return .object([("total", .number(r.total)), ("aleatoric", .number(r.aleatoric)), ("epistemic", .number(r.epistemic))])
    },
    "lindley_information": { a in
        try a.requireOnly(["alpha", "beta", "heads", "tails"])
        return .number(try lindleyInformation(alpha: a.number("alpha"), beta: a.number("beta"),
                                              heads: a.integer("heads"), tails: a.integer("tails"), unit: a.unit()))
    },
    "elbo_gaussian_mean": { a in
        try a.requireOnly(["data", "noise_sigma", "prior_mu", "prior_sigma", "q_mu", "q_sigma"])
        let r = try elboGaussianMean(data: a.vector("data"), noiseSigma: a.number("noise_sigma"),
                                     priorMu: a.number("prior_mu"), priorSigma: a.number("prior_sigma"),
                                     qMu: a.optionalNumber("q_mu"), qSigma: a.optionalNumber("q_sigma"), unit: a.unit())
        return .object([("elbo", .number(r.elbo)), ("q_mu", .number(r.qMu)), ("q_sigma", .number(r.qSigma))])
    },
    "kl_fit": { a in
        try a.requireOnly(["target", "direction", "normalize"])
        let direction: KLDirection = try a.string("direction", oneOf: ["forward", "reverse"]) == "forward" ? .forward : .reverse
        let r = try klFit(target: mixtureComponents(a), direction: direction,
                          normalize: a.bool("normalize", default: false), unit: a.unit())
        func fitObject(_ f: GaussianFit) -> [(String, JSONValue)] {
            [("mu", .number(f.mu)), ("sigma", .number(f.sigma)), ("kl", .number(f.kl))]
        }
        var members = fitObject(r.best)
        if direction == .reverse { members.append(("optima", .array(r.optima.map { .object(fitObject($0)) }))) }
        return .object(members)
    },
]

/// `target: [{weight, mu, sigma}, …]`
private func mixtureComponents(_ a: Arguments) throws -> [MixtureComponent] {
    let expected = "an array of components {\"weight\", \"mu\", \"sigma\"}"
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

/// Ops whose result is not an information quantity only accept the default unit.
private func requireNatsOnly(_ a: Arguments) throws {
    if try a.unit() != .nats {
        throw RequestError("\(a.op): the result is not an information quantity, so 'unit' must be \"nats\" or omitted")
    }
}

/// Answers one line of `infoplot compute --jsonl`: `{"value": …}` or `{"error": "…"}`. Never throws.
public func handleJSONLine(_ line: String) -> String {
    let message: String
    do {
        let request = try JSONValue.parse(line)
        return JSONValue.object([("value", try evaluateRequest(request))]).serialized
    } catch let e as JSONParseError {
        message = e.description
    } catch let e as RequestError {
        message = e.message
    } catch let e as InfoTheoryError {
        message = e.message
    } catch {
        message = "\(error)"
    }
    // An error may quote the input (an op name, a key): a huge line is never echoed whole.
    return JSONValue.object([("error", .string(truncatedMessage(message)))]).serialized
}
