import InfoTheory

/// Surprisal, entropy and the measures between two distributions (see `opTable`).
let entropyOps: [OpSpec] = [
    OpSpec("surprisal", "Surprisal -log p of one outcome.",
           arguments: [OpArgument("p", .number, "Probability of the outcome.")],
           result: .information, summary: "−log p", positional: ["p"], numeric: surprisalForm) { a in
        try surprisalForm.value(a)
    },
    OpSpec("entropy", "Shannon entropy H(p).",
           arguments: [OpArgument("p", .vector, "Probability vector, e.g. 0.5,0.25,0.25."), normalizeArgument],
           result: .information, summary: "H(p)", positional: ["p"]) { a in
        .number(try entropy(a.vector("p"), normalize: a.bool("normalize")))
    },
    OpSpec("binary_entropy", "Binary entropy h(p).",
           arguments: [OpArgument("p", .number, "Probability of one of the two outcomes.")],
           result: .information, summary: "h(p)", positional: ["p"], numeric: binaryEntropyForm) { a in
        try binaryEntropyForm.value(a)
    },
    twoDistributionOp("cross_entropy", "Cross-entropy H(p, q).", summary: "H(p, q)", crossEntropy),
    twoDistributionOp("kl", "Kullback-Leibler divergence KL(p||q).", summary: "KL(p‖q)", klDivergence),
    OpSpec("js", "Jensen-Shannon divergence of p and q, or generalised JS of several distributions, with weights.",
           arguments: [
            OpArgument.optional("p", .vector, "First probability vector p."),
            OpArgument.optional("q", .vector, "Second probability vector q."),
            OpArgument.optional("dists", .table, "Several distributions, one per row (instead of p and q)."),
            OpArgument.optional("weights", .vector, "Weights of p and q, or one per row of dists (default equal)."),
            normalizeArgument,
           ],
           result: .information, summary: "JS(p, q), or Σ πⱼ KL(Pⱼ‖Σ πₖPₖ) of `dists`", positional: ["p", "q"]) { a in
        let weights = a.has("weights") ? try a.vector("weights") : nil
        switch (a.has("p") || a.has("q"), a.has("dists")) {
        case (_, false):
            return .number(try jensenShannon(a.vector("p"), a.vector("q"), weights: weights, normalize: a.bool("normalize")))
        case (false, true):
            return .number(try jensenShannon(dists: a.matrix("dists"), weights: weights, normalize: a.bool("normalize")))
        case (true, true): throw RequestError("js: give either 'p' and 'q' or 'dists', not both")
        }
    },
    OpSpec("kl_terms", "Per-outcome terms p log(p/q) of KL(p||q).",
           arguments: twoDistributionArguments, result: .information, summary: "per-outcome p·log(p/q)",
           positional: ["p", "q"]) { a in
        .array(try klTerms(a.vector("p"), a.vector("q"), normalize: a.bool("normalize")).map(JSONValue.number))
    },
    OpSpec("cross_entropy_logits", "Cross-entropy loss of logits for a target class.",
           arguments: [OpArgument("logits", .vector, "Logits, e.g. 2,1,-1."),
                       OpArgument("label", .integer, "0-based index of the target class.")],
           result: .information, summary: "loss, by log-sum-exp") { a in
        .number(try crossEntropyFromLogits(a.vector("logits"), label: a.integer("label")))
    },
]

/// `p`, `q` and `normalize`, shared by the measures of two distributions.
let twoDistributionArguments = [
    OpArgument("p", .vector, "First probability vector p."),
    OpArgument("q", .vector, "Second probability vector q."),
    normalizeArgument,
]

private func twoDistributionOp(_ name: String, _ abstract: String, summary: String,
                               _ f: @escaping @Sendable ([Double], [Double], Bool, InfoUnit) throws -> Double) -> OpSpec {
    OpSpec(name, abstract, arguments: twoDistributionArguments, result: .information, summary: summary,
           positional: ["p", "q"]) { a in
        .number(try f(a.vector("p"), a.vector("q"), a.bool("normalize"), .nats))
    }
}

/// `surprisal` and `binary_entropy` of a number, as `NumericRequest` calls them.
private let surprisalForm = NumericForm(["p"]) { try surprisal($0[0]) }
private let binaryEntropyForm = NumericForm(["p"]) { try binaryEntropy($0[0]) }
