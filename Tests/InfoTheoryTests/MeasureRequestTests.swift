import Foundation
import Testing
@testable import InfoRequests
import InfoTheory

/// The ops of `measureOps` and the extended js, maxent and mutual_information_samples, through the
/// request vocabulary: argument kinds, defaults, units and the errors that name the argument.
/// Values are the library's (whose references are in RenyiTests, JointMeasureTests and
/// ContinuousAndContingencyTests); here they are compared with those functions.
@Suite struct MeasureRequestTests {
    @Test func renyiTsallisAndPerplexity() throws {
        let p = [0.1, 0.2, 0.7]
        #expect(number(answerValue(#"{"op": "renyi_entropy", "p": [0.1, 0.2, 0.7], "order": 2}"#)) == (try renyiEntropy(p, order: 2)))
        #expect(number(answerValue(#"{"op": "renyi_entropy", "p": [0.1, 0.2, 0.7], "order": "inf", "unit": "bits"}"#))
                == (try renyiEntropy(p, order: .infinity)) / M_LN2)
        #expect(close(number(answerValue(#"{"op": "renyi_entropy", "p": [0.25, 0.25, 0.25, 0.25], "order": 3, "base": 4}"#)), 1, rel: 1e-15))
        #expect(number(answerValue(#"{"op": "renyi_divergence", "p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4], "order": 0.5}"#))
                == (try renyiDivergence(p, [0.3, 0.3, 0.4], order: 0.5)))
        #expect(answerValue(#"{"op": "renyi_divergence", "p": [0.5, 0.5, 0], "q": [0, 0.5, 0.5], "order": 2}"#) == .string("inf"))
        #expect(number(answerValue(#"{"op": "tsallis_entropy", "p": [0.1, 0.2, 0.7], "order": 3}"#)) == (try tsallisEntropy(p, order: 3)))
        #expect(answerError(#"{"op": "tsallis_entropy", "p": [0.5, 0.5], "order": 2, "unit": "bits"}"#).contains("not an information quantity"))
        #expect(close(number(answerValue(#"{"op": "perplexity", "p": [0.25, 0.25, 0.25, 0.25]}"#)), 4, rel: 1e-15))
        #expect(answerValue(#"{"op": "perplexity", "p": [0.5, 0.5], "q": [1, 0]}"#) == .string("inf"))
        #expect(answerError(#"{"op": "renyi_entropy", "p": [0.5, 0.5], "order": -2}"#).contains("renyi_entropy: order = -2; expected an order >= 0"))
        #expect(answerError(#"{"op": "renyi_entropy", "p": [0.5, 0.5]}"#).contains("missing argument 'order'"))
        #expect(answerError(#"{"op": "renyi_entropy", "p": [0.5, 0.5], "order": "two"}"#).contains("argument 'order' must be a number"))
    }

    @Test func jointMeasures() throws {
        let t = #"[[[0.10, 0.05], [0.05, 0.20]], [[0.15, 0.05], [0.10, 0.30]]]"#
        #expect(number(answerValue(#"{"op": "conditional_mutual_information", "pxyz": \#(t)}"#))
                == (try conditionalMutualInformation([[[0.10, 0.05], [0.05, 0.20]], [[0.15, 0.05], [0.10, 0.30]]])))
        #expect(answerError(#"{"op": "conditional_mutual_information", "pxyz": [[0.5, 0.5]]}"#).contains("argument 'pxyz[0][0]' must be an array of numbers"))
        #expect(answerError(#"{"op": "conditional_mutual_information", "pxyz": [[[0.5, 0.6]]]}"#).contains("sum to 1.1"))
        let nmi = answerValue(#"{"op": "normalized_mutual_information", "labels_true": [0, 0, 0, 1, 1, 1, 2, 2, 2, 2], "labels_pred": ["a", "a", "b", "b", "c", "c", "c", "c", "a", "d"], "average": "geometric"}"#)
        #expect(close(number(nmi), 0.408342441924341373780928795935))
        #expect(number(answerValue(#"{"op": "normalized_mutual_information", "pxy": [[0.5, 0], [0, 0.5]]}"#)) == 1)
        #expect(answerError(#"{"op": "normalized_mutual_information", "labels_true": [0, 1]}"#).contains("missing argument 'labels_pred'"))
        #expect(answerError(#"{"op": "normalized_mutual_information", "pxy": [[1]], "labels_true": [0], "labels_pred": [0]}"#).contains("not both"))
        #expect(answerError(#"{"op": "normalized_mutual_information", "labels_true": [0, [1]], "labels_pred": [0, 1]}"#).contains("element 1 is an array"))
        #expect(answerError(#"{"op": "normalized_mutual_information", "pxy": [[1]], "average": "mean"}"#).contains("one of \"arithmetic\""))
        let v = answerValue(#"{"op": "cramers_v", "table": [[10, 20, 30], [6, 9, 17]]}"#)
        #expect(close(number(v?["chi2"]), 0.271574651504035216434336023478) && number(v?["dof"]) == 2)
        #expect(close(number(v?["p_value"]), 0.873028283380072930439088516913) && close(number(v?["v"]), 0.0543313757042229353634126345871))
        #expect(answerError(#"{"op": "cramers_v", "table": [[1, 2]]}"#).contains("cramers_v: table is 1×2"))
        #expect(answerError(#"{"op": "cramers_v", "table": [[1, 2], [3, 4]], "base": 2}"#).contains("takes no 'base'"))
    }

    @Test func jensenShannonWithWeightsAndSeveralDistributions() throws {
        #expect(number(answerValue(#"{"op": "js", "p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4], "weights": [0.3, 0.7]}"#))
                == (try jensenShannon([0.1, 0.2, 0.7], [0.3, 0.3, 0.4], weights: [0.3, 0.7])))
        #expect(number(answerValue(#"{"op": "js", "dists": [[0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [0.5, 0.5, 0]], "weights": [0.2, 0.3, 0.5], "unit": "bits"}"#))
                == (try jensenShannon(dists: [[0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [0.5, 0.5, 0]], weights: [0.2, 0.3, 0.5])) / M_LN2)
        #expect(number(answerValue(#"{"op": "js", "p": [0.5, 0.5], "q": [1, 0]}"#)) == (try jensenShannon([0.5, 0.5], [1, 0])))
        #expect(answerError(#"{"op": "js", "p": [0.5, 0.5], "dists": [[1, 0]]}"#).contains("either 'p' and 'q' or 'dists'"))
        #expect(answerError(#"{"op": "js", "p": [0.5, 0.5]}"#).contains("missing argument 'q'"))
        #expect(answerError(#"{"op": "js", "dists": [[0.5, 0.5], [1, 0]], "weights": [1]}"#).contains("one weight per distribution"))
    }

    @Test func mixedSamplesDifferentialEntropyAndMaxent() throws {
        let mixed = answerValue(#"{"op": "mutual_information_samples", "method": "mixed", "x": [0.1, 0.5, 0.2, 2.1, 2.5, 1.9], "y": [0, 0, 0, 1, 1, 1], "k": 1}"#)
        #expect(number(mixed) == (try mixedMutualInformation([0.1, 0.5, 0.2, 2.1, 2.5, 1.9], [0, 0, 0, 1, 1, 1], k: 1)))
        #expect(answerError(#"{"op": "mutual_information_samples", "method": "mixed", "x": [1, 2], "y": [0, 0], "bins": 3}"#).contains("'bins' applies to method \"binned\" only"))
        #expect(close(number(answerValue(#"{"op": "differential_entropy", "dist": "student_t", "df": 3}"#)), 1.773477571863290948092746334188851268198))
        #expect(close(number(answerValue(#"{"op": "differential_entropy", "dist": "gamma", "shape": 2.5, "rate": 0.6666666666666666}"#)),
                      2.135413017613218760771972284645184411682, rel: 1e-15))
        #expect(number(answerValue(#"{"op": "differential_entropy", "dist": "exponential", "scale": 2}"#)) == 1 + log(2))
        #expect(number(answerValue(#"{"op": "differential_entropy", "dist": "student_t", "df": "inf"}"#)) == (try differentialEntropy(.gaussian(mu: 0, sigma: 1))))
        #expect(answerError(#"{"op": "differential_entropy", "dist": "gaussian", "sigma": 1, "df": 3}"#).contains("'df' does not apply to dist \"gaussian\", which takes sigma, mu"))
        #expect(answerError(#"{"op": "differential_entropy", "dist": "uniform", "a": 0}"#).contains("dist \"uniform\" needs 'b'"))
        #expect(answerError(#"{"op": "differential_entropy", "dist": "gamma", "shape": 2, "rate": 1, "scale": 1}"#).contains("either 'rate' or 'scale'"))
        #expect(answerError(#"{"op": "differential_entropy", "dist": "beta", "alpha": 2, "beta": 0}"#).contains("differential_entropy: beta = 0"))
        #expect(answerError(#"{"op": "differential_entropy", "dist": "normal", "sigma": 1}"#).contains("one of \"gaussian\""))
        let m = answerValue(#"{"op": "maxent", "values": [1, 2, 3, 4, 5, 6], "features": [[1, 2, 3, 4, 5, 6], [1, 4, 9, 16, 25, 36]], "means": [4, 18]}"#)
        guard case .array(let lambda)? = m?["lambda"] else { Issue.record("maxent: no lambda array"); return }
        #expect(close(number(lambda[0]), 1.24175264826497416877693555846, rel: 1e-11))
        #expect(answerValue(#"{"op": "maxent", "values": [1, 2, 3], "features": [[1, 2, 3]], "means": [1]}"#)?["lambda"] == .array([.string("-inf")]))
        #expect(answerError(#"{"op": "maxent", "values": [1, 2, 3], "mean": 2, "means": [2]}"#).contains("either 'mean' or 'features' and 'means'"))
        #expect(answerError(#"{"op": "maxent", "values": [1, 2, 3], "features": [[1, 2, 3]]}"#).contains("missing argument 'means'"))
    }
}
