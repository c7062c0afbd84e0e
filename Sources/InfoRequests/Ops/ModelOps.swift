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
           result: .information, summary: "ℓ(β)") { a in
        .number(try logisticLogLikelihood(x: a.matrix("x"), y: a.vector("y"), beta: a.vector("beta")))
    },
    OpSpec("logistic_fit", "Logistic-regression MLE by Newton-Raphson.",
           arguments: logisticDataArguments,
           result: .members(["log_likelihood"]), summary: "`{beta, log_likelihood}` (Newton–Raphson)") { a in
        let fit = try logisticFit(x: a.matrix("x"), y: a.vector("y"))
        return .object([("beta", .array(fit.beta.map(JSONValue.number))), ("log_likelihood", .number(fit.logLikelihood))])
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
