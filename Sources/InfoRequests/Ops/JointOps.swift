import InfoTheory

/// Measures of a joint table and estimators from paired samples (see `opTable`).
let jointOps: [OpSpec] = [
    OpSpec("joint_entropy", "Joint entropy H(X,Y).", arguments: jointTableArguments,
           result: .information, summary: "H(X,Y)", positional: ["pxy"]) { a in
        .number(try jointEntropy(a.matrix("pxy"), normalize: a.bool("normalize")))
    },
    OpSpec("conditional_entropy", "Conditional entropy H(Y|X) (given x) or H(X|Y) (given y).",
           arguments: [jointTableArguments[0], OpArgument("given", .choice(["x", "y"]), "The conditioning variable: x or y."),
                       normalizeArgument],
           result: .information, summary: "H(Y|X) or H(X|Y)", positional: ["pxy"]) { a in
        let given: ConditioningVariable = try a.string("given", oneOf: ["x", "y"]) == "x" ? .x : .y
        return .number(try conditionalEntropy(a.matrix("pxy"), given: given, normalize: a.bool("normalize")))
    },
    OpSpec("mutual_information", "Mutual information I(X;Y) of a joint table.", arguments: jointTableArguments,
           result: .information, summary: "I(X;Y)", positional: ["pxy"]) { a in
        .number(try mutualInformation(a.matrix("pxy"), normalize: a.bool("normalize")))
    },
    OpSpec("mutual_information_samples", "Estimate of I(X;Y) from paired samples (KSG k nearest neighbours by default).",
           arguments: [
            OpArgument("x", .vector, "Samples of X."),
            OpArgument("y", .vector, "Samples of Y."),
            OpArgument.optional("method", .choice(["ksg", "discrete", "binned"]), default: .string("ksg"),
                                "Estimator: ksg (k nearest neighbours), discrete (plug-in on distinct values) or binned."),
            OpArgument.optional("k", .integer, default: .number(3), "Number of neighbours (ksg)."),
            OpArgument.optional("bins", .integer, default: .number(10), "Equal-width bins per variable (binned)."),
            OpArgument.optional("standardize", .bool, default: .bool(true),
                                "Divide each variable by its standard deviation first (ksg), so the estimate does not depend on units."),
           ],
           result: .information, summary: "Î(X;Y)") { a in
        let method = try a.string("method", oneOf: ["ksg", "discrete", "binned"])
        for (name, owner) in [("k", "ksg"), ("bins", "binned"), ("standardize", "ksg")] where method != owner && a.has(name) {
            throw RequestError("mutual_information_samples: '\(name)' applies to method \"\(owner)\" only")
        }
        let x = try a.vector("x"), y = try a.vector("y")
        switch method {
        case "discrete": return .number(try plugInMutualInformation(x, y))
        case "binned": return .number(try binnedMutualInformation(x, y, bins: a.integer("bins")))
        default: return .number(try ksgMutualInformation(x, y, k: a.integer("k"), standardize: a.bool("standardize")))
        }
    },
    OpSpec("correlation", "Pearson correlation of paired samples.",
           arguments: [OpArgument("x", .vector, "Samples of X."), OpArgument("y", .vector, "Samples of Y.")],
           result: .plain, summary: "Pearson r", positional: ["x", "y"]) { a in
        .number(try pearsonCorrelation(a.vector("x"), a.vector("y")))
    },
]

/// `pxy` and `normalize`, shared by the measures of a joint table.
let jointTableArguments = [
    OpArgument("pxy", .table, "Joint table p(x,y), rows are x: '0.56,0.14;0.04,0.26'."),
    normalizeArgument,
]
