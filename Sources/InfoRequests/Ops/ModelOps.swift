import InfoTheory

/// Likelihoods, fits and information criteria (see `opTable`).
let modelOps: [OpSpec] = [
    OpSpec("bernoulli_mle", "Bernoulli MLE p-hat and its log-likelihood.",
           arguments: [OpArgument("heads", .integer, "Number of successes."), OpArgument("tails", .integer, "Number of failures.")],
           result: .members(["log_likelihood"]), summary: "`{p_hat, log_likelihood}`") { a in
        let r = try bernoulliMLE(heads: a.integer("heads"), tails: a.integer("tails"))
        return .object([("p_hat", .number(r.pHat)), ("log_likelihood", .number(r.logLikelihood))])
    },
    OpSpec("logistic_log_likelihood", "Logistic-regression log-likelihood for given coefficients.",
           arguments: logisticDataArguments + [OpArgument("beta", .vector, "Coefficients, one per column of x.")],
           result: .information, summary: "ℓ(β)",
           cost: "O(n); at most \(maximumMatrixDimension) columns") { a in
        .number(try logisticLogLikelihood(x: a.matrix("x"), y: a.vector("y"), beta: a.vector("beta")))
    },
    OpSpec("logistic_fit", "Logistic-regression MLE by Newton-Raphson.",
           arguments: logisticDataArguments,
           result: .members(["log_likelihood"]), summary: "`{beta, log_likelihood}` (Newton–Raphson)",
           cost: "≤ 100 steps of O(rows × columns²); rows × columns² at most \(maximumLogisticWork)", searches: true) { a in
        let fit = try logisticFit(x: a.matrix("x"), y: a.vector("y"))
        return .object([("beta", .array(fit.beta.map(JSONValue.number))), ("log_likelihood", .number(fit.logLikelihood))])
    },
    OpSpec("log_likelihood", "Likelihood of data under a bernoulli, categorical, gaussian or poisson model.",
           arguments: [
            OpArgument("model", .choice(["bernoulli", "categorical", "gaussian", "poisson"]), "The model."),
            OpArgument.optional("p", .json("a probability (bernoulli) or a probability vector (categorical)"),
                                "bernoulli: the success probability; categorical: the probability vector."),
            OpArgument.optional("mu", .number, "gaussian: the mean."),
            OpArgument.optional("sigma", .number, "gaussian: the standard deviation."),
            OpArgument.optional("rate", .number, "poisson: the rate."),
            OpArgument.optional("x", .vector, "The observations (bernoulli 0/1, categorical 0-based indices, poisson counts)."),
            OpArgument.optional("heads", .integer, "bernoulli: successes (instead of x)."),
            OpArgument.optional("tails", .integer, "bernoulli: failures (instead of x)."),
            OpArgument.optional("counts", .vector, "categorical: count per category (instead of x)."),
           ],
           result: .members(["log_likelihood", "nll"]), summary: "`{likelihood, log_likelihood, nll}`") { a in
        let r = try modelLikelihood(a)
        return .object([("likelihood", .number(r.likelihood)), ("log_likelihood", .number(r.logLikelihood)),
                        ("nll", .number(r.negativeLogLikelihood))])
    },
    OpSpec("ols_fit", "Ordinary least squares as Gaussian maximum likelihood (Householder QR).",
           arguments: [OpArgument("x", .table, "Design matrix, one row per observation, including the intercept column."),
                       OpArgument("y", .vector, "Responses, one per row of x.")],
           result: .members(["log_likelihood"]), summary: "`{beta, sigma, log_likelihood}` (σ̂ = √(RSS/n), the MLE)") { a in
        let fit = try olsFit(x: a.matrix("x"), y: a.vector("y"))
        return .object([("beta", .array(fit.beta.map(JSONValue.number))), ("sigma", .number(fit.sigma)),
                        ("log_likelihood", .number(fit.logLikelihood))])
    },
    OpSpec("aic", "Akaike information criterion 2k - 2 log L.",
           arguments: [parameterCountArgument, maximisedLogLikelihoodArgument],
           result: .plain, summary: "AIC = 2k − 2ℓ") { a in
        .number(try aic(k: a.integer("k"), logLikelihood: a.number("log_likelihood")))
    },
    OpSpec("bic", "Bayesian information criterion k ln n - 2 log L.",
           arguments: [parameterCountArgument, OpArgument("n", .integer, "Number of observations."), maximisedLogLikelihoodArgument],
           result: .plain, summary: "BIC = k ln n − 2ℓ") { a in
        .number(try bic(k: a.integer("k"), n: a.integer("n"), logLikelihood: a.number("log_likelihood")))
    },
]

/// Design matrix and labels of a logistic regression.
let logisticDataArguments = [
    OpArgument("x", .table, "Design matrix, one row per observation, including the intercept column."),
    OpArgument("y", .vector, "Labels 0/1."),
]

let parameterCountArgument = OpArgument("k", .integer, "Number of parameters.")
let maximisedLogLikelihoodArgument = OpArgument("log_likelihood", .number, "Maximised log-likelihood (nats).")

/// The parameters and data each model of `log_likelihood` takes; anything else is an error naming it.
private let likelihoodModelArguments: [String: (parameters: [String], data: [[String]])] = [
    "bernoulli": (["p"], [["x"], ["heads", "tails"]]),
    "categorical": (["p"], [["x"], ["counts"]]),
    "gaussian": (["mu", "sigma"], [["x"]]),
    "poisson": (["rate"], [["x"]]),
]

private func modelLikelihood(_ a: Arguments) throws -> ModelLikelihood {
    let model = try a.string("model", oneOf: ["bernoulli", "categorical", "gaussian", "poisson"])
    guard let shape = likelihoodModelArguments[model] else { throw RequestError("log_likelihood: unknown model '\(model)'") }
    let op = "log_likelihood (model \(model))"
    let allowed = Set(shape.parameters + shape.data.joined())
    for name in ["p", "mu", "sigma", "rate", "x", "heads", "tails", "counts"] where a.has(name) && !allowed.contains(name) {
        throw RequestError("\(op): argument '\(name)' does not apply; \(model) takes \(shape.parameters.joined(separator: ", ")) and \(shape.data.map { $0.joined(separator: " and ") }.joined(separator: " or "))")
    }
    for name in shape.parameters where !a.has(name) {
        throw RequestError("\(op): missing argument '\(name)'")
    }
    let given = shape.data.filter { $0.contains(where: a.has) }
    guard given.count == 1, let data = given.first else {
        let ways = shape.data.map { $0.map { "'\($0)'" }.joined(separator: " and ") }.joined(separator: " or ")
        throw RequestError("\(op): give the data as \(ways)\(given.count > 1 ? ", not both" : "")")
    }
    for name in data where !a.has(name) { throw RequestError("\(op): missing argument '\(name)'") }
    switch model {
    case "bernoulli":
        let p = try a.number("p")
        return data == ["x"] ? try bernoulliLikelihood(p: p, x: a.vector("x"))
                             : try bernoulliLikelihood(p: p, heads: a.integer("heads"), tails: a.integer("tails"))
    case "categorical":
        let p = try a.vector("p")
        return data == ["x"] ? try categoricalLikelihood(p: p, x: a.vector("x"))
                             : try categoricalLikelihood(p: p, counts: a.vector("counts"))
    case "gaussian": return try gaussianLikelihood(mu: a.number("mu"), sigma: a.number("sigma"), x: a.vector("x"))
    default: return try poissonLikelihood(rate: a.number("rate"), x: a.vector("x"))
    }
}
