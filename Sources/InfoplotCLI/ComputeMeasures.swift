import ArgumentParser
import InfoRequests

/// The measures of `infoplot compute`, in the order `--help` lists them. Each builds a request of
/// the shared vocabulary (see InfoRequests) so the CLI and `--jsonl` can never disagree.
let computeSubcommands: [ParsableCommand.Type] = [
    ComputeSurprisal.self, ComputeEntropy.self, ComputeBinaryEntropy.self, ComputeCrossEntropy.self,
    ComputeKL.self, ComputeJS.self, ComputeKLTerms.self, ComputeCrossEntropyLogits.self,
    ComputeJointEntropy.self, ComputeConditionalEntropy.self, ComputeMutualInformation.self,
    ComputeMutualInformationSamples.self, ComputeCorrelation.self, ComputeGaussianEntropy.self,
    ComputeGaussianKL.self, ComputeBernoulliMLE.self, ComputeLogisticLogLikelihood.self,
    ComputeLogisticFit.self, ComputeAIC.self, ComputeBIC.self, ComputeMaxEnt.self,
    ComputeEnsembleUncertainty.self, ComputeLindleyInformation.self, ComputeELBOGaussianMean.self,
    ComputeKLFit.self,
]

struct ComputeSurprisal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "surprisal", abstract: "Surprisal -log p of one outcome.")
    @Option(parsing: .unconditional, help: "Probability of the outcome.") var p: Double
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "surprisal", arguments: [("p", .number(p))], options: options) }
}

struct ComputeEntropy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entropy", abstract: "Shannon entropy H(p).")
    @Option(parsing: .unconditional, help: "Probability vector, e.g. 0.5,0.25,0.25.") var p: String
    @Flag(help: "Rescale p to sum to 1.") var normalize = false
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "entropy", arguments: [("p", parseList(p, option: "p")), ("normalize", .bool(normalize))], options: options)
    }
}

struct ComputeBinaryEntropy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "binary-entropy", abstract: "Binary entropy h(p).")
    @Option(parsing: .unconditional, help: "Probability of one of the two outcomes.") var p: Double
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "binary_entropy", arguments: [("p", .number(p))], options: options) }
}

/// Options shared by the measures of two distributions p and q.
struct TwoDistributions: ParsableArguments {
    @Option(parsing: .unconditional, help: "First probability vector p.") var p: String
    @Option(parsing: .unconditional, help: "Second probability vector q.") var q: String
    @Flag(help: "Rescale p and q to sum to 1.") var normalize = false
    func arguments() throws -> [(String, JSONValue)] {
        [("p", try parseList(p, option: "p")), ("q", try parseList(q, option: "q")), ("normalize", .bool(normalize))]
    }
}

struct ComputeCrossEntropy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cross-entropy", abstract: "Cross-entropy H(p, q).")
    @OptionGroup var pq: TwoDistributions
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "cross_entropy", arguments: pq.arguments(), options: options) }
}

struct ComputeKL: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kl", abstract: "Kullback-Leibler divergence KL(p||q).")
    @OptionGroup var pq: TwoDistributions
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "kl", arguments: pq.arguments(), options: options) }
}

struct ComputeJS: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "js", abstract: "Jensen-Shannon divergence.")
    @OptionGroup var pq: TwoDistributions
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "js", arguments: pq.arguments(), options: options) }
}

struct ComputeKLTerms: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kl-terms", abstract: "Per-outcome terms p log(p/q) of KL(p||q).")
    @OptionGroup var pq: TwoDistributions
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "kl_terms", arguments: pq.arguments(), options: options) }
}

struct ComputeCrossEntropyLogits: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cross-entropy-logits",
                                                    abstract: "Cross-entropy loss of logits for a target class.")
    @Option(parsing: .unconditional, help: "Logits, e.g. 2,1,-1.") var logits: String
    @Option(parsing: .unconditional, help: "0-based index of the target class.") var label: Int
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "cross_entropy_logits",
                       arguments: [("logits", parseList(logits, option: "logits")), ("label", .number(Double(label)))],
                       options: options)
    }
}

/// A joint table option: rows (values of X) separated by ';'.
struct JointTableOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Joint table p(x,y), rows are x: '0.56,0.14;0.04,0.26'.") var pxy: String
    @Flag(help: "Rescale the table to sum to 1.") var normalize = false
    func arguments() throws -> [(String, JSONValue)] {
        [("pxy", try parseMatrix(pxy, option: "pxy")), ("normalize", .bool(normalize))]
    }
}

struct ComputeJointEntropy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "joint-entropy", abstract: "Joint entropy H(X,Y).")
    @OptionGroup var table: JointTableOption
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "joint_entropy", arguments: table.arguments(), options: options) }
}

struct ComputeConditionalEntropy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "conditional-entropy",
                                                    abstract: "Conditional entropy H(Y|X) (--given x) or H(X|Y) (--given y).")
    @OptionGroup var table: JointTableOption
    @Option(help: "The conditioning variable: x or y.") var given: String
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "conditional_entropy", arguments: table.arguments() + [("given", .string(given))], options: options)
    }
}

struct ComputeMutualInformation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mutual-information", abstract: "Mutual information I(X;Y) of a joint table.")
    @OptionGroup var table: JointTableOption
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "mutual_information", arguments: table.arguments(), options: options) }
}

struct ComputeMutualInformationSamples: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mutual-information-samples",
                                                    abstract: "KSG k-nearest-neighbour estimate of I(X;Y) from paired samples.")
    @Option(parsing: .unconditional, help: "Samples of X.") var x: String
    @Option(parsing: .unconditional, help: "Samples of Y.") var y: String
    @Option(help: "Estimator: ksg (k nearest neighbours), discrete (plug-in on distinct values) or binned.")
    var method: String = "ksg"
    @Option(parsing: .unconditional, help: "Number of neighbours (ksg; default 3).") var k: Int?
    @Option(parsing: .unconditional, help: "Equal-width bins per variable (binned; default 10).") var bins: Int?
    @OptionGroup var options: ComputeOptions
    func run() throws {
        var args: [(String, JSONValue)] = [("x", try parseList(x, option: "x")), ("y", try parseList(y, option: "y")),
                                           ("method", .string(method))]
        if let k { args.append(("k", .number(Double(k)))) }
        if let bins { args.append(("bins", .number(Double(bins)))) }
        try runCompute(op: "mutual_information_samples", arguments: args, options: options)
    }
}

struct ComputeCorrelation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "correlation", abstract: "Pearson correlation of paired samples.")
    @Option(parsing: .unconditional, help: "Samples of X.") var x: String
    @Option(parsing: .unconditional, help: "Samples of Y.") var y: String
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "correlation", arguments: [("x", parseList(x, option: "x")), ("y", parseList(y, option: "y"))],
                       options: options, unitless: true)
    }
}

struct ComputeGaussianEntropy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gaussian-entropy",
                                                    abstract: "Differential entropy of a Gaussian (--sigma or --cov).")
    @Option(parsing: .unconditional, help: "Standard deviation (univariate).") var sigma: Double?
    @Option(parsing: .unconditional, help: "Covariance matrix, rows separated by ';' (multivariate).") var cov: String?
    @OptionGroup var options: ComputeOptions
    func run() throws {
        var args: [(String, JSONValue)] = []
        if let sigma { args.append(("sigma", .number(sigma))) }
        if let cov { args.append(("cov", try parseMatrix(cov, option: "cov"))) }
        try runCompute(op: "gaussian_entropy", arguments: args, options: options)
    }
}

struct ComputeGaussianKL: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gaussian-kl",
        abstract: "KL between Gaussians: --mu1 --sigma1 --mu2 --sigma2, or --mean1 --cov1 --mean2 --cov2.")
    @Option(parsing: .unconditional) var mu1: Double?
    @Option(parsing: .unconditional) var sigma1: Double?
    @Option(parsing: .unconditional) var mu2: Double?
    @Option(parsing: .unconditional) var sigma2: Double?
    @Option(parsing: .unconditional, help: "Mean vector of the first Gaussian.") var mean1: String?
    @Option(parsing: .unconditional, help: "Covariance of the first Gaussian, rows separated by ';'.") var cov1: String?
    @Option(parsing: .unconditional, help: "Mean vector of the second Gaussian.") var mean2: String?
    @Option(parsing: .unconditional, help: "Covariance of the second Gaussian.") var cov2: String?
    @OptionGroup var options: ComputeOptions
    func run() throws {
        var args: [(String, JSONValue)] = []
        for (name, v) in [("mu1", mu1), ("sigma1", sigma1), ("mu2", mu2), ("sigma2", sigma2)] {
            if let v { args.append((name, .number(v))) }
        }
        if let mean1 { args.append(("mean1", try parseList(mean1, option: "mean1"))) }
        if let cov1 { args.append(("cov1", try parseMatrix(cov1, option: "cov1"))) }
        if let mean2 { args.append(("mean2", try parseList(mean2, option: "mean2"))) }
        if let cov2 { args.append(("cov2", try parseMatrix(cov2, option: "cov2"))) }
        try runCompute(op: "gaussian_kl", arguments: args, options: options)
    }
}

struct ComputeBernoulliMLE: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bernoulli-mle", abstract: "Bernoulli MLE p-hat and its log-likelihood.")
    @Option(parsing: .unconditional, help: "Number of successes.") var heads: Int
    @Option(parsing: .unconditional, help: "Number of failures.") var tails: Int
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "bernoulli_mle", arguments: [("heads", .number(Double(heads))), ("tails", .number(Double(tails)))],
                       options: options)
    }
}

/// Design matrix and labels of a logistic regression.
struct LogisticData: ParsableArguments {
    @Option(parsing: .unconditional, help: "Design matrix, rows separated by ';', including the intercept column.") var x: String
    @Option(parsing: .unconditional, help: "Labels 0/1, comma-separated.") var y: String
    func arguments() throws -> [(String, JSONValue)] {
        [("x", try parseMatrix(x, option: "x")), ("y", try parseList(y, option: "y"))]
    }
}

struct ComputeLogisticLogLikelihood: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logistic-log-likelihood",
                                                    abstract: "Logistic-regression log-likelihood for given coefficients.")
    @OptionGroup var data: LogisticData
    @Option(parsing: .unconditional, help: "Coefficients, one per column of x.") var beta: String
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "logistic_log_likelihood", arguments: data.arguments() + [("beta", parseList(beta, option: "beta"))],
                       options: options)
    }
}

struct ComputeLogisticFit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logistic-fit", abstract: "Logistic-regression MLE by Newton-Raphson.")
    @OptionGroup var data: LogisticData
    @OptionGroup var options: ComputeOptions
    func run() throws { try runCompute(op: "logistic_fit", arguments: data.arguments(), options: options) }
}

struct ComputeAIC: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "aic", abstract: "Akaike information criterion 2k - 2 log L.")
    @Option(parsing: .unconditional, help: "Number of parameters.") var k: Int
    @Option(parsing: .unconditional, help: "Maximised log-likelihood (nats).") var logLikelihood: Double
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "aic", arguments: [("k", .number(Double(k))), ("log_likelihood", .number(logLikelihood))],
                       options: options, unitless: true)
    }
}

struct ComputeBIC: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bic", abstract: "Bayesian information criterion k ln n - 2 log L.")
    @Option(parsing: .unconditional, help: "Number of parameters.") var k: Int
    @Option(parsing: .unconditional, help: "Number of observations.") var n: Int
    @Option(parsing: .unconditional, help: "Maximised log-likelihood (nats).") var logLikelihood: Double
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "bic", arguments: [("k", .number(Double(k))), ("n", .number(Double(n))),
                                              ("log_likelihood", .number(logLikelihood))],
                       options: options, unitless: true)
    }
}

struct ComputeMaxEnt: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "maxent",
                                                    abstract: "Maximum-entropy distribution over values with a given mean.")
    @Option(parsing: .unconditional, help: "The values, e.g. 0,1,2,3,4,5.") var values: String
    @Option(parsing: .unconditional, help: "The required mean.") var mean: Double
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "maxent", arguments: [("values", parseList(values, option: "values")), ("mean", .number(mean))],
                       options: options, unitless: true)
    }
}

struct ComputeEnsembleUncertainty: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ensemble-uncertainty",
                                                    abstract: "Total, aleatoric and epistemic uncertainty of an ensemble.")
    @Option(parsing: .unconditional, help: "One predictive distribution per member, separated by ';'.") var models: String
    @Flag(help: "Rescale each member's distribution to sum to 1.") var normalize = false
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "ensemble_uncertainty",
                       arguments: [("models", parseMatrix(models, option: "models")), ("normalize", .bool(normalize))],
                       options: options)
    }
}

struct ComputeLindleyInformation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lindley-information",
                                                    abstract: "Entropy of a Beta prior minus that of its posterior after coin flips.")
    @Option(parsing: .unconditional, help: "Prior alpha.") var alpha: Double
    @Option(parsing: .unconditional, help: "Prior beta.") var beta: Double
    @Option(parsing: .unconditional, help: "Observed successes.") var heads: Int
    @Option(parsing: .unconditional, help: "Observed failures.") var tails: Int
    @OptionGroup var options: ComputeOptions
    func run() throws {
        try runCompute(op: "lindley_information",
                       arguments: [("alpha", .number(alpha)), ("beta", .number(beta)),
                                   ("heads", .number(Double(heads))), ("tails", .number(Double(tails)))],
                       options: options)
    }
}

struct ComputeELBOGaussianMean: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "elbo-gaussian-mean",
        abstract: "ELBO of the Gaussian-mean model for q = N(q-mu, q-sigma^2); the optimum q when omitted.")
    @Option(parsing: .unconditional, help: "Observations.") var data: String
    @Option(parsing: .unconditional, help: "Known noise standard deviation.") var noiseSigma: Double
    @Option(parsing: .unconditional, help: "Prior mean.") var priorMu: Double
    @Option(parsing: .unconditional, help: "Prior standard deviation.") var priorSigma: Double
    @Option(parsing: .unconditional, help: "Mean of q (default: posterior mean).") var qMu: Double?
    @Option(parsing: .unconditional, help: "Standard deviation of q (default: posterior standard deviation).") var qSigma: Double?
    @OptionGroup var options: ComputeOptions
    func run() throws {
        var args: [(String, JSONValue)] = [("data", try parseList(data, option: "data")), ("noise_sigma", .number(noiseSigma)),
                                           ("prior_mu", .number(priorMu)), ("prior_sigma", .number(priorSigma))]
        if let qMu { args.append(("q_mu", .number(qMu))) }
        if let qSigma { args.append(("q_sigma", .number(qSigma))) }
        try runCompute(op: "elbo_gaussian_mean", arguments: args, options: options)
    }
}

struct ComputeKLFit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kl-fit",
                                                    abstract: "Fit one Gaussian to a Gaussian mixture by forward or reverse KL.")
    @Option(parsing: .unconditional, help: "Mixture components 'weight,mu,sigma;weight,mu,sigma'.") var target: String
    @Option(help: "forward (moment matching) or reverse (mode seeking).") var direction: String
    @OptionGroup var options: ComputeOptions
    func run() throws {
        guard case .array(let rows) = try parseMatrix(target, option: "target", example: "weight,mu,sigma: 0.3,-1,0.5;0.7,2,1") else { return }
        var components: [JSONValue] = []
        for (i, row) in rows.enumerated() {
            guard case .array(let v) = row, v.count == 3 else {
                throw ValidationError("--target: component \(i) must have three numbers weight,mu,sigma")
            }
            components.append(.object([("weight", v[0]), ("mu", v[1]), ("sigma", v[2])]))
        }
        try runCompute(op: "kl_fit", arguments: [("target", .array(components)), ("direction", .string(direction))],
                       options: options)
    }
}
