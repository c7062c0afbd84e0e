import InfoTheory

/// Generalised entropies, conditional and normalised dependence measures, contingency tables and
/// differential entropies of named distributions (see `opTable`).
let measureOps: [OpSpec] = [
    OpSpec("renyi_entropy", "Renyi entropy H_alpha(p); order 1 is Shannon's, \"inf\" the min-entropy.",
           arguments: [OpArgument("p", .vector, "Probability vector."), orderArgument, normalizeArgument],
           result: .information, summary: "H_α(p) = log(Σ pᵢ^α)/(1 − α)", positional: ["p", "order"]) { a in
        .number(try renyiEntropy(a.vector("p"), order: a.number("order"), normalize: a.bool("normalize")))
    },
    OpSpec("tsallis_entropy", "Tsallis entropy S_q(p) (no unit; order 1 is Shannon's in nats).",
           arguments: [OpArgument("p", .vector, "Probability vector."), orderArgument, normalizeArgument],
           result: .plain, summary: "S_q(p) = (1 − Σ pᵢ^q)/(q − 1)", positional: ["p", "order"]) { a in
        .number(try tsallisEntropy(a.vector("p"), order: a.number("order"), normalize: a.bool("normalize")))
    },
    OpSpec("renyi_divergence", "Renyi divergence D_alpha(p||q); order 1 is KL, \"inf\" log max p/q.",
           arguments: [twoDistributionArguments[0], twoDistributionArguments[1], orderArgument, normalizeArgument],
           result: .information, summary: "D_α(p‖q) = log(Σ pᵢ^α qᵢ^{1−α})/(α − 1)", positional: ["p", "q", "order"]) { a in
        .number(try renyiDivergence(a.vector("p"), a.vector("q"), order: a.number("order"), normalize: a.bool("normalize")))
    },
    OpSpec("perplexity", "Perplexity exp H(p), or exp H(p, q) with a model q (the same in every base).",
           arguments: [OpArgument("p", .vector, "Probability vector (the data's distribution)."),
                       OpArgument.optional("q", .vector, "Model distribution; gives the cross-perplexity exp H(p, q)."),
                       normalizeArgument],
           result: .plain, summary: "exp H(p) or exp H(p, q)", positional: ["p", "q"]) { a in
        .number(try perplexity(a.vector("p"), a.has("q") ? a.vector("q") : nil, normalize: a.bool("normalize")))
    },
    OpSpec("conditional_mutual_information", "Conditional mutual information I(X;Y|Z) of a table pxyz[x][y][z].",
           arguments: [OpArgument("pxyz", .json("a nested array pxyz[x][y][z] of probabilities"),
                                  "Joint table as JSON, nested [x][y][z]: '[[[0.1,0.05],[0.05,0.2]],[[0.15,0.05],[0.1,0.3]]]'."),
                       normalizeArgument],
           result: .information, summary: "I(X;Y|Z)", positional: ["pxyz"]) { a in
        .number(try conditionalMutualInformation(a.box("pxyz"), normalize: a.bool("normalize")))
    },
    OpSpec("normalized_mutual_information", "I(X;Y) over a mean of H(X) and H(Y), from pxy or two labelings.",
           arguments: [
            OpArgument.optional("pxy", .table, "Joint table p(x,y) (or give labels_true and labels_pred)."),
            OpArgument.optional("labels_true", labelsKind, "Labels of the items, numbers or strings, as JSON: '[0,0,1,1]'."),
            OpArgument.optional("labels_pred", labelsKind, "A second labeling of the same items."),
            OpArgument.optional("average", .choice(EntropyAverage.allCases.map(\.rawValue)), default: .string("arithmetic"),
                                "Mean of the two entropies, as scikit-learn names them."),
            normalizeArgument,
           ],
           result: .plain, summary: "I(X;Y)/mean(H(X), H(Y)) ∈ [0, 1]; linear in the number of labels") { a in
        let average = EntropyAverage(rawValue: try a.string("average", oneOf: EntropyAverage.allCases.map(\.rawValue))) ?? .arithmetic
        switch (a.has("pxy"), a.has("labels_true") || a.has("labels_pred")) {
        case (true, false): return .number(try normalizedMutualInformation(a.matrix("pxy"), average: average, normalize: a.bool("normalize")))
        case (false, true):
            if a.has("normalize") { throw RequestError("normalized_mutual_information: 'normalize' applies to 'pxy' only") }
            return .number(try normalizedMutualInformation(labelsTrue: a.labels("labels_true"), labelsPred: a.labels("labels_pred"),
                                                           average: average))
        case (true, true): throw RequestError("normalized_mutual_information: give either 'pxy' or 'labels_true' and 'labels_pred', not both")
        case (false, false): throw RequestError("normalized_mutual_information: missing argument 'pxy' (a joint table) or 'labels_true' and 'labels_pred' (two labelings)")
        }
    },
    OpSpec("cramers_v", "Pearson's chi-squared test of independence and Cramer's V of a table of counts.",
           arguments: [OpArgument("table", .table, "Counts, rows × columns (at least 2 × 2): '10,20,30;6,9,17'.")],
           result: .plain, summary: "`{chi2, dof, p_value, v}` (no Yates correction)") { a in
        let r = try cramersV(table: a.matrix("table"))
        return .object([("chi2", .number(r.chi2)), ("dof", .number(Double(r.dof))), ("p_value", .number(r.pValue)), ("v", .number(r.v))])
    },
    OpSpec("differential_entropy", "Differential entropy of a named continuous distribution.",
           arguments: [OpArgument("dist", .choice(distributionParameters.map(\.name)), "The distribution.")]
            + distributionArgumentNames.map { OpArgument.optional($0, .number, distributionArgumentHelp[$0] ?? "") },
           result: .information, summary: "h(X) in closed form; each dist's parameters are listed below the table") { a in
        .number(try differentialEntropy(continuousDistribution(a)))
    },
]

/// `order`, shared by the Rényi and Tsallis ops.
let orderArgument = OpArgument("order", .number, "Order alpha >= 0, or \"inf\".")

let labelsKind = OpArgumentKind.json("an array of labels (numbers or strings)")

/// One label of a labeling: numbers and strings are distinct labels.
enum RequestLabel: Hashable { case number(Double), text(String) }

extension Arguments {
    /// `[[[…]]]`: a nested array of numbers three deep, each level named in errors.
    func box(_ name: String) throws -> [[[Double]]] {
        let expected = "a nested array [x][y][z] of numbers"
        let v = try raw(name, expected: expected)
        guard case .array(let planes) = v else { throw typeError(name, expected, v) }
        return try planes.enumerated().map { i, plane in
            guard case .array(let rows) = plane else {
                throw RequestError("\(op): argument '\(name)' must be \(expected); \(name)[\(i)] is \(describe(plane))")
            }
            return try rows.enumerated().map { j, row in try vector(from: row, name: "\(name)[\(i)][\(j)]") }
        }
    }

    /// An array of labels, each a number or a string.
    func labels(_ name: String) throws -> [RequestLabel] {
        let v = try raw(name, expected: labelsKind.expected)
        guard case .array(let items) = v else { throw typeError(name, labelsKind.expected, v) }
        return try items.enumerated().map { i, item in
            switch item {
            case .number(let x): return .number(x == 0 ? 0 : x)   // 0 and −0 are one label
            case .string(let s): return .text(s)
            default: throw RequestError("\(op): argument '\(name)' must be \(labelsKind.expected); element \(i) is \(describe(item))")
            }
        }
    }
}

/// Which parameters each distribution takes (required; optional, with their defaults below).
let distributionParameters: [(name: String, required: [String], optional: [String])] = [
    ("gaussian", ["sigma"], ["mu"]), ("uniform", ["a", "b"], []), ("exponential", [], ["rate", "scale"]),
    ("laplace", [], ["mu", "scale"]), ("logistic", [], ["mu", "scale"]), ("cauchy", [], ["mu", "scale"]),
    ("beta", ["alpha", "beta"], []), ("gamma", ["shape"], ["scale", "rate"]), ("student_t", ["df"], ["mu", "scale"]),
    ("lognormal", ["sigma"], ["mu"]),
]

let distributionArgumentNames = ["mu", "sigma", "a", "b", "rate", "scale", "alpha", "beta", "shape", "df"]

let distributionArgumentHelp: [String: String] = [
    "mu": "Location (gaussian, laplace, logistic, cauchy, student_t; lognormal: mean of ln X); default 0.",
    "sigma": "Standard deviation (gaussian; lognormal: of ln X).",
    "a": "Lower end (uniform).", "b": "Upper end (uniform).",
    "rate": "Rate (exponential, gamma); or give scale = 1/rate. Default 1.",
    "scale": "Scale (laplace, logistic, cauchy, student_t, gamma, exponential); default 1.",
    "alpha": "First shape (beta).", "beta": "Second shape (beta).", "shape": "Shape k (gamma).",
    "df": "Degrees of freedom (student_t), > 0 or \"inf\".",
]

/// The distribution named by `dist`, with every given parameter checked to belong to it.
private func continuousDistribution(_ a: Arguments) throws -> ContinuousDistribution {
    let name = try a.string("dist", oneOf: distributionParameters.map(\.name))
    guard let entry = distributionParameters.first(where: { $0.name == name }) else { throw RequestError("unknown dist") }
    let takes = entry.required + entry.optional
    for p in distributionArgumentNames where a.has(p) && !takes.contains(p) {
        throw RequestError("differential_entropy: '\(p)' does not apply to dist \"\(name)\", which takes \(takes.joined(separator: ", "))")
    }
    for p in entry.required where !a.has(p) {
        throw RequestError("differential_entropy: dist \"\(name)\" needs '\(p)' (a number)")
    }
    if a.has("rate") && a.has("scale") { throw RequestError("differential_entropy: give either 'rate' or 'scale', not both") }
    func value(_ p: String, _ fallback: Double) throws -> Double { a.has(p) ? try a.number(p) : fallback }
    /// scale = 1/rate; a rate so small that 1/rate overflows is refused by name.
    func scaleOrInverseRate() throws -> Double {
        guard a.has("rate") else {
            let scale = try value("scale", 1)
            guard scale.isFinite, scale > 0, (1 / scale).isFinite else {
                throw RequestError("differential_entropy: scale = \(scale); expected a finite number > 0 whose inverse (the rate) is finite")
            }
            return scale
        }
        let rate = try a.number("rate")
        guard rate.isFinite, rate > 0, (1 / rate).isFinite else {
            throw RequestError("differential_entropy: rate = \(rate); expected a finite number > 0 whose inverse (the scale) is finite")
        }
        return 1 / rate
    }
    switch name {
    case "gaussian": return .gaussian(mu: try value("mu", 0), sigma: try a.number("sigma"))
    case "uniform": return .uniform(a: try a.number("a"), b: try a.number("b"))
    case "exponential": return .exponential(rate: 1 / (try scaleOrInverseRate()))
    case "laplace": return .laplace(mu: try value("mu", 0), scale: try value("scale", 1))
    case "logistic": return .logistic(mu: try value("mu", 0), scale: try value("scale", 1))
    case "cauchy": return .cauchy(mu: try value("mu", 0), scale: try value("scale", 1))
    case "beta": return .beta(alpha: try a.number("alpha"), beta: try a.number("beta"))
    case "gamma": return .gamma(shape: try a.number("shape"), scale: try scaleOrInverseRate())
    case "student_t": return .studentT(df: try a.number("df"), mu: try value("mu", 0), scale: try value("scale", 1))
    default: return .lognormal(mu: try value("mu", 0), sigma: try a.number("sigma"))
    }
}
