import InfoTheory

/// Surprisal, entropy and the measures between two distributions (see `opTable`).
let entropyOps: [OpSpec] = [
    OpSpec("surprisal", "Surprisal -log p of one outcome.",
           arguments: [OpArgument("p", .number, "Probability of the outcome.")],
           result: .information, summary: "−log p", positional: ["p"]) { a in
        .number(try surprisal(a.number("p")))
    },
    OpSpec("entropy", "Shannon entropy H(p).",
           arguments: [OpArgument("p", .vector, "Probability vector, e.g. 0.5,0.25,0.25."), normalizeArgument],
           result: .information, summary: "H(p)", positional: ["p"]) { a in
        .number(try entropy(a.vector("p"), normalize: a.bool("normalize")))
    },
    OpSpec("binary_entropy", "Binary entropy h(p).",
           arguments: [OpArgument("p", .number, "Probability of one of the two outcomes.")],
           result: .information, summary: "h(p)", positional: ["p"]) { a in
        .number(try binaryEntropy(a.number("p")))
    },
    twoDistributionOp("cross_entropy", "Cross-entropy H(p, q).", summary: "H(p, q)", crossEntropy),
    twoDistributionOp("kl", "Kullback-Leibler divergence KL(p||q).", summary: "KL(p‖q)", klDivergence),
    twoDistributionOp("js", "Jensen-Shannon divergence.", summary: "JS(p, q)", jensenShannon),
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
