import Foundation
import Testing
@testable import InfoRequests
import InfoTheory

/// The value of a successful JSONL answer, or nil.
func answerValue(_ line: String) -> JSONValue? {
    guard let v = try? JSONValue.parse(handleJSONLine(line)) else { return nil }
    return v["value"]
}

/// The error message of a JSONL answer ("" if it succeeded).
func answerError(_ line: String) -> String {
    guard let v = try? JSONValue.parse(handleJSONLine(line)), case .string(let m)? = v["error"] else { return "" }
    return m
}

func number(_ v: JSONValue?) -> Double {
    if case .number(let x)? = v { return x }
    return .nan
}

@Suite struct JSONCodingTests {
    @Test func roundTrip() throws {
        let text = #"{"a": [1, 2.5, -3e-7, true, null], "b": "x\"\\\n\u00e9😀"}"#
        let v = try JSONValue.parse(text)
        #expect(v["b"] == .string("x\"\\\né😀"))
        #expect(try JSONValue.parse(v.serialized) == v)
        #expect(JSONValue.object([("value", .number(0.1 + 0.2))]).serialized == #"{"value": 0.30000000000000004}"#)
        #expect(JSONValue.array([.number(1), .number(.infinity), .number(-.infinity), .number(-0.0)]).serialized == #"[1, "inf", "-inf", 0]"#)
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func syntaxErrorsNameTheColumn() {
        #expect(answerError(#"{"op": "entropy", "p": [0.5, 0.5]"#).contains("column 34"))
        #expect(answerError(#"{"op": "entropy" "p": 1}"#).contains("column 18"))
        #expect(answerError("not json").hasPrefix("invalid JSON at column 1"))
        #expect(answerError(#"{"op": "entropy", "p": [0.5, 0.5]} x"#).contains("after the JSON value"))
        #expect(answerError(#"{"op": "kl", "op": "js"}"#).contains("duplicate key"))
        #expect(answerError(#"{"p": [01]}"#).contains("invalid JSON"))
        #expect(answerError(#"{"p": "abc}"#).contains("unterminated string"))
        #expect(answerError("").contains("unexpected end of input"))
    }
}

@Suite struct RequestVocabularyTests {
    @Test func everyOpAnswers() {
        // One valid request per op; each must produce a value, never an error.
        let requests = [
            #"{"op": "surprisal", "p": 0.25, "unit": "bits"}"#,
            #"{"op": "entropy", "p": [1, 1], "normalize": true}"#,
            #"{"op": "binary_entropy", "p": 0.1}"#,
            #"{"op": "cross_entropy", "p": [0.5, 0.5], "q": [0.9, 0.1]}"#,
            #"{"op": "kl", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25], "unit": "bits", "digits": 4}"#,
            #"{"op": "js", "p": [0.5, 0.5], "q": [0.9, 0.1], "format": "fixed"}"#,
            #"{"op": "kl_terms", "p": [0.5, 0.5], "q": [1, 0]}"#,
            #"{"op": "cross_entropy_logits", "logits": [-1000, 1000, 0], "label": 0}"#,
            #"{"op": "joint_entropy", "pxy": [[0.56, 0.14], [0.04, 0.26]]}"#,
            #"{"op": "conditional_entropy", "pxy": [[0.56, 0.14], [0.04, 0.26]], "given": "y"}"#,
            #"{"op": "mutual_information", "pxy": [[0.56, 0.14], [0.04, 0.26]]}"#,
            #"{"op": "mutual_information_samples", "x": [1, 2, 3, 4, 5, 6], "y": [1, 4, 9, 16, 25, 36], "k": 2}"#,
            #"{"op": "correlation", "x": [1, 2, 3], "y": [1, 3, 2]}"#,
            #"{"op": "gaussian_entropy", "cov": [[2, 0.5], [0.5, 1]]}"#,
            #"{"op": "gaussian_kl", "mean1": [0], "cov1": [[1]], "mean2": [1], "cov2": [[2]]}"#,
            #"{"op": "bernoulli_mle", "heads": 7, "tails": 3}"#,
            #"{"op": "logistic_log_likelihood", "x": [[1, 0.5], [1, 2]], "y": [0, 1], "beta": [0, 1]}"#,
            #"{"op": "logistic_fit", "x": [[1, 0.5], [1, 1], [1, 1.5], [1, 2]], "y": [0, 1, 0, 1]}"#,
            #"{"op": "aic", "k": 2, "log_likelihood": -10}"#,
            #"{"op": "bic", "k": 2, "n": 100, "log_likelihood": -10}"#,
            #"{"op": "maxent", "values": [0, 1, 2, 3, 4, 5], "mean": 2}"#,
            #"{"op": "ensemble_uncertainty", "models": [[0.7, 0.3], [0.4, 0.6]]}"#,
            #"{"op": "lindley_information", "alpha": 2, "beta": 3, "heads": 7, "tails": 3}"#,
            #"{"op": "elbo_gaussian_mean", "data": [1.2, 0.8], "noise_sigma": 1, "prior_mu": 0, "prior_sigma": 2}"#,
            #"{"op": "kl_fit", "target": [{"weight": 1, "mu": 0, "sigma": 1}], "direction": "forward"}"#,
            #"{"op": "log_likelihood", "model": "poisson", "rate": 2, "x": [1, 3]}"#,
            #"{"op": "ols_fit", "x": [[1, 0], [1, 1], [1, 2]], "y": [1, 3, 2]}"#,
            #"{"op": "importance_sampling", "log_p": [-1, -2], "log_q": [-1.5, -1.5], "f": [1, 2]}"#,
            #"{"op": "ppo_objective", "ratio": [0.5, 1.5], "advantage": [1, -1]}"#,
            #"{"op": "mean_kl", "p": [[0.5, 0.5]], "q": [[0.9, 0.1]]}"#,
            #"{"op": "lindley_expected_information", "alpha": 2, "beta": 3, "n": 10}"#,
        ]
        // Every op of the table has its request here (by name, so a new op names what is missing).
        let asked = Set(requests.compactMap { (try? JSONValue.parse($0))?["op"] }.compactMap { v -> String? in
            if case .string(let s) = v { return s } else { return nil }
        })
        #expect(Set(requestOps).subtracting(asked).isEmpty, "ops without a request: \(Set(requestOps).subtracting(asked).sorted())")
        for r in requests { #expect(answerValue(r) != nil, "\(r) → \(handleJSONLine(r))") }
    }

    @Test func valuesAndShapes() throws {
        #expect(handleJSONLine(#"{"op": "surprisal", "p": 0.25, "unit": "bits"}"#) == #"{"value": 2}"#)
        #expect(close(number(answerValue(#"{"op": "kl", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25], "unit": "bits"}"#)),
                      0.02986070206527432656462671686161276279509))
        #expect(handleJSONLine(#"{"op": "kl", "p": [0.5, 0.5], "q": [1, 0]}"#) == #"{"value": "inf"}"#)
        #expect(handleJSONLine(#"{"op": "bernoulli_mle", "heads": 5, "tails": 0}"#) == #"{"value": {"p_hat": 1, "log_likelihood": 0}}"#)
        #expect(handleJSONLine(#"{"op": "aic", "k": 2, "log_likelihood": -10}"#) == #"{"value": 24}"#)
        let terms = answerValue(#"{"op": "kl_terms", "p": [0.5, 0.5], "q": [1, 0]}"#)
        #expect(terms == .array([.number(0.5 * log(0.5)), .number(.infinity)]) || terms?.serialized.contains("inf") == true)
        let me = answerValue(#"{"op": "maxent", "values": [0, 1, 2, 3, 4, 5], "mean": 2}"#)
        #expect(close(number(me?["lambda"]), -0.1746289312154884696404312912570058920232, rel: 1e-13))
        let ens = answerValue(#"{"op": "ensemble_uncertainty", "models": [[0.7, 0.2, 0.1], [0.5, 0.3, 0.2], [0.2, 0.5, 0.3]]}"#)
        #expect(close(number(ens?["total"]), 1.043757036331408460467537798081995116238))
        let elbo = answerValue(#"{"op": "elbo_gaussian_mean", "data": [1.2, 0.8, 2.1, 1.5], "noise_sigma": 1, "prior_mu": 0, "prior_sigma": 2}"#)
        #expect(close(number(elbo?["elbo"]), -5.77294904014091665430490978397, rel: 1e-13))
        let fit = answerValue(#"{"op": "kl_fit", "target": [{"weight": 0.5, "mu": -2, "sigma": 0.6}, {"weight": 0.5, "mu": 2, "sigma": 0.6}], "direction": "reverse"}"#)
        if case .array(let optima)? = fit?["optima"] { #expect(optima.count == 3) }   // two modes and the broad optimum else { Issue.record("reverse kl_fit must list optima") }
        let forward = answerValue(#"{"op": "kl_fit", "target": [{"weight": 1, "mu": 0, "sigma": 1}], "direction": "forward"}"#)
        #expect(forward?["optima"] == nil && forward?["kl"] != nil)
        // Discrete plug-in MI of two perfectly dependent fair bits is ln 2.
        #expect(close(number(answerValue(#"{"op": "mutual_information_samples", "x": [0, 1, 0, 1], "y": [5, 7, 5, 7], "method": "discrete"}"#)), log(2)))
        #expect(close(number(answerValue(#"{"op": "mutual_information_samples", "x": [0, 1, 0, 1], "y": [5, 7, 5, 7], "method": "binned", "bins": 2, "unit": "bits"}"#)), 1))
        let logits = answerValue(#"{"op": "cross_entropy_logits", "logits": ["-inf", 0], "label": 1}"#)
        #expect(logits == nil)   // -inf logits are not finite: rejected, not NaN
    }

    @Test func errorPaths() {
        let cases: [(String, String)] = [
            (#"[1, 2]"#, "must be a JSON object"),
            (#"{"p": [1]}"#, "missing 'op'; expected one of: surprisal"),
            (#"{"op": 3}"#, "'op' must be a string"),
            (#"{"op": "entropyy", "p": [1]}"#, "unknown op 'entropyy'; did you mean 'entropy'? valid ops: entropy, "),
            (#"{"op": "entropy"}"#, "entropy: missing argument 'p' (expected an array of numbers)"),
            (#"{"op": "entropy", "p": "0.5,0.5"}"#, "argument 'p' must be an array of numbers, got the string"),
            (#"{"op": "entropy", "p": [0.5, "x"]}"#, "element 1 is the string"),
            (#"{"op": "entropy", "p": [0.5, 0.6]}"#, "entropy: p: probabilities sum to 1.1, expected 1; pass normalize to rescale"),
            (#"{"op": "entropy", "p": [1.5, -0.5]}"#, "p[1] = -0.5 is negative"),
            (#"{"op": "entropy", "p": []}"#, "empty"),
            (#"{"op": "entropy", "p": ["inf", 1]}"#, "p[0] is inf"),
            (#"{"op": "entropy", "p": [1], "normalize": "yes"}"#, "'normalize' must be true or false"),
            (#"{"op": "entropy", "p": [1], "bogus": 1}"#, "entropy: unknown argument 'bogus'"),
            (#"{"op": "entropy", "p": [1], "unit": "bytes"}"#, "argument 'unit' must be one of \"nats\", \"bits\", \"hartleys\""),
            (#"{"op": "kl", "p": [0.5, 0.5], "q": [1]}"#, "p has 2 entries but q has 1"),
            (#"{"op": "surprisal", "p": 2}"#, "expected a probability in [0, 1]"),
            (#"{"op": "binary_entropy", "p": [0.5]}"#, "argument 'p' must be a number, got an array"),
            (#"{"op": "cross_entropy_logits", "logits": [1, 2], "label": 2}"#, "label = 2 is out of range"),
            (#"{"op": "cross_entropy_logits", "logits": [1, 2], "label": 0.5}"#, "argument 'label' must be an integer, got the number 0.5"),
            (#"{"op": "bernoulli_mle", "heads": 1e30, "tails": 1}"#, "argument 'heads' must be an integer, got the number 1e+30"),
            (#"{"op": "entropy", "p": [0.5, 0.5], "unit": 2}"#, "got the number 2"),
            (#"{"op": "joint_entropy", "pxy": [0.5, 0.5]}"#, "row 0 is the number 0.5"),
            (#"{"op": "joint_entropy", "pxy": [[0.5], [0.25, 0.25]]}"#, "rows must have equal length"),
            (#"{"op": "conditional_entropy", "pxy": [[1]], "given": "z"}"#, "argument 'given' must be one of \"x\", \"y\""),
            (#"{"op": "mutual_information_samples", "x": [1, 2, 3], "y": [1, 2, 3], "k": 5}"#, "expected 1 <= k < number of samples"),
            (#"{"op": "mutual_information_samples", "x": [1, 2], "y": [1, 2], "method": "magic"}"#, "argument 'method' must be one of"),
            (#"{"op": "mutual_information_samples", "x": [1, 2], "y": [1, 2], "method": "discrete", "k": 3}"#, "'k' applies to method"),
            (#"{"op": "mutual_information_samples", "x": [1, 2], "y": [1, 2], "bins": 3}"#, "'bins' applies to method"),
            (#"{"op": "correlation", "x": [1, 2], "y": [1, 2], "unit": "bits"}"#, "not an information quantity"),
            (#"{"op": "correlation", "x": [1, 1], "y": [1, 2]}"#, "x is constant"),
            (#"{"op": "gaussian_entropy"}"#, "missing argument 'sigma'"),
            (#"{"op": "gaussian_entropy", "sigma": 1, "cov": [[1]]}"#, "not both"),
            (#"{"op": "gaussian_entropy", "cov": [[1, 2], [2, 1]]}"#, "not positive definite"),
            (#"{"op": "gaussian_entropy", "sigma": -1}"#, "sigma = -1; expected a finite number > 0"),
            (#"{"op": "gaussian_kl", "mu1": 0, "sigma1": 1, "mean2": [0], "cov2": [[1]]}"#, "not a mix"),
            (#"{"op": "gaussian_kl", "mu1": 0, "sigma1": 1, "mu2": 0}"#, "missing argument 'sigma2'"),
            (#"{"op": "gaussian_kl", "mean1": [0, 0], "cov1": [[1]], "mean2": [0], "cov2": [[1]]}"#, "dimensions differ"),
            (#"{"op": "bernoulli_mle", "heads": 0, "tails": 0}"#, "needs at least one trial"),
            (#"{"op": "bernoulli_mle", "heads": -1, "tails": 2}"#, "heads = -1; expected a count >= 0"),
            (#"{"op": "logistic_log_likelihood", "x": [[1, 2]], "y": [1], "beta": [1]}"#, "beta has 1 coefficients"),
            (#"{"op": "logistic_fit", "x": [[1, 1], [1, 2], [1, 3], [1, 4]], "y": [0, 0, 1, 1]}"#, "separable"),
            (#"{"op": "logistic_fit", "x": [[1, 1]], "y": [2]}"#, "expected a label 0 or 1"),
            (#"{"op": "aic", "k": 2}"#, "missing argument 'log_likelihood'"),
            (#"{"op": "bic", "k": 2, "n": 0, "log_likelihood": -1}"#, "n = 0"),
            (#"{"op": "maxent", "values": [0, 1, 2], "mean": 3}"#, "infeasible"),
            (#"{"op": "ensemble_uncertainty", "models": [[0.5, 0.5], [1]]}"#, "all members must predict the same classes"),
            (#"{"op": "lindley_information", "alpha": 0, "beta": 1, "heads": 1, "tails": 1}"#, "alpha = 0"),
            (#"{"op": "elbo_gaussian_mean", "data": [1], "noise_sigma": 1, "prior_mu": 0, "prior_sigma": 1, "q_sigma": 0}"#, "q_sigma = 0"),
            (#"{"op": "kl_fit", "target": [], "direction": "forward"}"#, "empty mixture"),
            (#"{"op": "kl_fit", "target": [{"weight": 1, "mu": 0}], "direction": "forward"}"#, "target[0] is missing 'sigma'"),
            (#"{"op": "kl_fit", "target": [{"weight": 1, "mu": 0, "sigma": 1, "w": 2}], "direction": "forward"}"#, "unknown key 'w'"),
            (#"{"op": "kl_fit", "target": [1], "direction": "forward"}"#, "target[0] must be an object"),
            (#"{"op": "kl_fit", "target": [{"weight": 1, "mu": 0, "sigma": 1}], "direction": "sideways"}"#, "argument 'direction' must be one of"),
            (#"{"op": "kl_fit", "target": [{"weight": 0.5, "mu": 0, "sigma": 1}], "direction": "forward"}"#, "target weights: probabilities sum to 0.5"),
        ]
        for (line, fragment) in cases {
            let message = answerError(line)
            #expect(message.contains(fragment), "\(line) → \(message)")
        }
    }
}
