import InfoTheory

/// Importance sampling and the surrogate objectives of policy-gradient methods (see `opTable`).
let policyOps: [OpSpec] = [
    OpSpec("importance_sampling", "Importance weights p/q from log densities, their ESS and the self-normalised estimate of E_p[f].",
           arguments: [
            OpArgument("log_p", .vector, "Log density of the target p at each sample (-inf where p is 0)."),
            OpArgument("log_q", .vector, "Log density of the proposal q at each sample (the samples were drawn from q)."),
            OpArgument.optional("f", .vector, "f at each sample, for the estimate of E_p[f]."),
           ],
           result: .plain, summary: "`{log_weights, weights, normalized_weights, ess, estimate?}` (log space; ESS = (Σw)²/Σw²)") { a in
        let r = try importanceSampling(logP: a.vector("log_p"), logQ: a.vector("log_q"), f: a.has("f") ? a.vector("f") : nil)
        var members: [(String, JSONValue)] = [
            ("log_weights", .array(r.logWeights.map(JSONValue.number))),
            ("weights", .array(r.weights.map(JSONValue.number))),
            ("normalized_weights", .array(r.normalizedWeights.map(JSONValue.number))),
            ("ess", .number(r.effectiveSampleSize)),
        ]
        if let e = r.estimate { members.append(("estimate", .number(e))) }
        return .object(members)
    },
    OpSpec("ppo_objective", "PPO's clipped surrogate: mean of min(r A, clip(r, 1-epsilon, 1+epsilon) A).",
           arguments: [
            OpArgument("ratio", .vector, "Probability ratios r = pi_new(a|s) / pi_old(a|s), one per sample."),
            OpArgument("advantage", .vector, "Advantage estimates A, one per sample."),
            OpArgument.optional("epsilon", .number, default: .number(0.2), "Clipping range (0 < epsilon < 1)."),
           ],
           result: .plain, summary: "mean of min(r·A, clip(r, 1−ε, 1+ε)·A)") { a in
        .number(try ppoObjective(ratio: a.vector("ratio"), advantage: a.vector("advantage"), epsilon: a.number("epsilon")))
    },
    OpSpec("mean_kl", "Mean KL(p_i||q_i) over states, the quantity TRPO constrains.",
           arguments: [
            OpArgument("p", .table, "One distribution per state (rows), e.g. the old policy."),
            OpArgument("q", .table, "One distribution per state (rows), e.g. the new policy."),
            normalizeArgument,
           ],
           result: .information, summary: "mean over states of KL(pᵢ‖qᵢ)", positional: ["p", "q"]) { a in
        .number(try meanKL(a.matrix("p"), a.matrix("q"), normalize: a.bool("normalize")))
    },
]
