import Foundation
import Testing
import PropertyBased
@testable import InfoTheory

// References: mpmath at 50 digits on the exact doubles (CMI from Σ p ln[p p(z)/(p(x,z)p(y,z))] of the
// normalised table; JS_π = Σ πⱼ Σ Pⱼ ln(Pⱼ/M)); NMI from scikit-learn 1.9 normalized_mutual_info_score
// and mpmath on the same labels; the mixed estimator by brute force (O(n²), mpmath digamma) on the
// data below, which scikit-learn's mutual_info_classif(n_neighbors=3) reproduces (0.2968565).

private func message(_ body: () throws -> Any) -> String {
    do { _ = try body(); return "" } catch { return "\(error)" }
}

@Suite struct JointMeasureTests {
    @Test func conditionalMutualInformationMatchesMpmath() throws {
        let t = [[[0.10, 0.05], [0.05, 0.20]], [[0.15, 0.05], [0.10, 0.30]]]
        #expect(close(try conditionalMutualInformation(t), 0.002590661300949478827616044376750535806048))
        // Nearly conditionally independent: 1.6e-13 keeps its digits.
        let e = 1e-7
        let tiny = [[[0.125 + e, 0.125], [0.125 - e, 0.125]], [[0.125 - e, 0.125], [0.125 + e, 0.125]]]
        #expect(close(try conditionalMutualInformation(tiny), 1.60000000009218879311988537654886155732e-13, rel: 1e-11))
        #expect(try conditionalMutualInformation([[[0.5]], [[0.5]]]) == 0)
        #expect(message { try conditionalMutualInformation([[[0.5, 0.5]], [[0.5]]]) }.contains("pxyz[1][0] has 1 entries but pxyz[0][0] has 2"))
        #expect(message { try conditionalMutualInformation([[[0.5, -0.5]]]) }.contains("pxyz[0][0][1] = -0.5"))
        #expect(message { try conditionalMutualInformation([]) }.contains("pxyz: empty"))
    }

    /// The chain rule I(X;Y,Z) = I(X;Z) + I(X;Y|Z) on random 2×3×2 tables.
    @Test func conditionalMutualInformationChainRule() async {
        await propertyCheck(input: Gen.double(in: 0...1).array(of: 12)) { raw in
            checking {
                guard raw.reduce(0, +) > 0.1 else { return }
                let flat = normalized(raw)
                let t = (0..<2).map { x in (0..<3).map { y in (0..<2).map { z in flat[(x * 3 + y) * 2 + z] } } }
                let xYZ = t.map { $0.flatMap { $0 } }                                        // [x][(y,z)]
                let xZ = t.map { plane in (0..<2).map { z in plane.map { $0[z] }.reduce(0, +) } } // [x][z]
                let whole = try mutualInformation(xYZ, normalize: true)
                let parts = try mutualInformation(xZ, normalize: true) + conditionalMutualInformation(t, normalize: true)
                #expect(close(whole, parts, rel: 1e-12, abs: 1e-15))
                #expect(try conditionalMutualInformation(t, normalize: true) >= 0)
            }
        }
    }

    @Test func weightedAndGeneralisedJensenShannon() throws {
        let p = [0.1, 0.2, 0.7], q = [0.3, 0.3, 0.4], r = [0.5, 0.5, 0]
        #expect(close(try jensenShannon(p, q, weights: [0.3, 0.7]), 0.04279381830455084325541799010138491867107))
        #expect(close(try jensenShannon(dists: [p, q, r], weights: [0.2, 0.3, 0.5]), 0.2521082341700726372832297851397333689205))
        #expect(close(try jensenShannon(dists: [p, q, r]), 0.2339848079543697074109953809476336050992))
        #expect(close(try jensenShannon(dists: [p, q]), try jensenShannon(p, q), rel: 1e-15))
        #expect(close(try jensenShannon([0.5, 0.5], [0.5 + 1e-6, 0.5 - 1e-6], weights: [0.25, 0.75]),
                      3.750000000013281552465365576354769001704e-13))
        #expect(try jensenShannon(p, q, weights: [1, 0]) == 0)
        #expect(message { try jensenShannon(p, q, weights: [0.5]) }.contains("weights has 1 entries; expected 2"))
        #expect(message { try jensenShannon(p, q, weights: [0.5, 0.6]) }.contains("weights: probabilities sum to 1.1"))
        #expect(message { try jensenShannon(dists: [p, q], weights: [1, 0, 0]) }.contains("one weight per distribution"))
        #expect(message { try jensenShannon(dists: [p, [0.5, 0.5]]) }.contains("dists[1] has 2 outcomes"))
        #expect(message { try jensenShannon(dists: []) }.contains("dists: empty"))
    }

    /// JS_π = H(Σπⱼpⱼ) − Σπⱼ H(pⱼ) ∈ [0, H(π)].
    @Test func jensenShannonIsAnEntropyGap() async {
        await propertyCheck(input: Gen.double(in: 0.001...1).array(of: 9), Gen.double(in: 0.01...1).array(of: 3)) { raw, rawW in
            checking {
                let d = [normalized(Array(raw[0..<3])), normalized(Array(raw[3..<6])), normalized(Array(raw[6..<9]))]
                let w = normalized(rawW)
                let js = try jensenShannon(dists: d, weights: w)
                let mixture = (0..<3).map { i in (0..<3).map { w[$0] * d[$0][i] }.reduce(0, +) }
                let gap = try entropy(mixture, normalize: true) - (0..<3).map { w[$0] * (try! entropy(d[$0])) }.reduce(0, +)
                #expect(close(js, gap, rel: 1e-10, abs: 1e-14))
                let bound = try entropy(w)
                #expect(js >= 0 && js <= bound * (1 + 1e-15))
            }
        }
    }

    @Test func normalizedMutualInformationMatchesScikitLearn() throws {
        let truth = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2], guess = [0, 0, 1, 1, 2, 2, 2, 2, 0, 3]
        let references: [(EntropyAverage, Double)] = [
            (.arithmetic, 0.407013455664501046586727896858), (.geometric, 0.408342441924341373780928795935),
            (.min, 0.442701283346049897849495473172), (.max, 0.37665025187287366963155611283),
        ]
        for (average, reference) in references {
            #expect(close(try normalizedMutualInformation(labelsTrue: truth, labelsPred: guess, average: average), reference), "\(average)")
        }
        // The same through the joint distribution of the labels.
        var table = Array(repeating: Array(repeating: 0.0, count: 4), count: 3)
        for (a, b) in zip(truth, guess) { table[a][b] += 0.1 }
        #expect(close(try normalizedMutualInformation(table, normalize: true), 0.407013455664501046586727896858))
        // scikit-learn's degenerate cases: both single clusters 1, one single cluster 0; relabelling 1.
        #expect(try normalizedMutualInformation(labelsTrue: [1, 1, 1], labelsPred: [2, 2, 2]) == 1)
        #expect(try normalizedMutualInformation(labelsTrue: [1, 1, 1], labelsPred: [1, 2, 3]) == 0)
        #expect(try normalizedMutualInformation(labelsTrue: ["a", "a", "b", "b"], labelsPred: ["y", "y", "x", "x"]) == 1)
        #expect(try normalizedMutualInformation([[0.5, 0], [0, 0.5]]) == 1)
        #expect(try normalizedMutualInformation([[0.5, 0.5]]) == 0)
        #expect(try normalizedMutualInformation([[1.0]]) == 1)
        #expect(message { try normalizedMutualInformation(labelsTrue: [1, 2], labelsPred: [1]) }.contains("labels_true has 2 labels but labels_pred has 1"))
        #expect(message { try normalizedMutualInformation(labelsTrue: [Int](), labelsPred: []) }.contains("labels_true: empty"))
    }

    /// NMI ∈ [0, 1], symmetric, and 1 for a labeling compared with a relabelling of itself.
    @Test func normalizedMutualInformationIsAFraction() async {
        await propertyCheck(input: Gen.int(in: 0...3).array(of: 12), Gen.int(in: 0...4).array(of: 12)) { a, b in
            checking {
                for average in EntropyAverage.allCases {
                    let v = try normalizedMutualInformation(labelsTrue: a, labelsPred: b, average: average)
                    #expect(v >= 0 && v <= 1)
                    #expect(close(v, try normalizedMutualInformation(labelsTrue: b, labelsPred: a, average: average), rel: 1e-14))
                    #expect(try normalizedMutualInformation(labelsTrue: a, labelsPred: a.map { 10 - $0 }, average: average) == 1)
                }
            }
        }
    }

    @Test func perplexity() throws {
        #expect(close(try InfoTheory.perplexity([0.5, 0.25, 0.25]), 2 * 2.0.squareRoot()))
        #expect(close(try InfoTheory.perplexity([0.5, 0.5], [0.25, 0.75]), exp(try crossEntropy([0.5, 0.5], [0.25, 0.75]))))
        #expect(try InfoTheory.perplexity([0.5, 0.5], [1, 0]) == .infinity)
        #expect(message { try InfoTheory.perplexity([1, 0], [Double.leastNonzeroMagnitude, 1], normalize: true) }.contains("exceeds double precision"))
    }

    /// The perplexity of a uniform distribution over n outcomes is n.
    @Test func perplexityOfUniformIsTheCount() async {
        await propertyCheck(input: Gen.int(in: 1...5000)) { n in
            checking {
                let value = try InfoTheory.perplexity(Array(repeating: 1 / Double(n), count: n))
                #expect(close(value, Double(n), rel: 1e-13))
            }
        }
    }

    @Test func mixedEstimatorMatchesRoss() throws {
        var g = SplitMix64(seed: 12)
        var y = (0..<300).map { Double($0 % 3) }
        var x = y.map { g.normal() + $0 }
        x.append(0.123); y.append(7)   // a class with one sample is left out
        #expect(close(try mixedMutualInformation(x, y, k: 1), 0.285598706188722427530752, rel: 1e-12))
        #expect(close(try mixedMutualInformation(x, y, k: 3), 0.2968564962203389653309414, rel: 1e-12))
        #expect(close(try mixedMutualInformation(x, y, k: 10), 0.2888358240259612168041425, rel: 1e-12))
        // Units of x do not matter.
        #expect(close(try mixedMutualInformation(x.map { $0 * 1e-300 }, y), try mixedMutualInformation(x, y), rel: 1e-12))
        #expect(message { try mixedMutualInformation([1, 2, 3], [1, 2, 3]) }.contains("every class has a single sample"))
        #expect(message { try mixedMutualInformation([1, 1, 1, 1], [0, 0, 0, 0], k: 2) }.contains("identical values within one class"))
        #expect(message { try mixedMutualInformation([1, 2, 3], [0, 0, 0], k: 0) }.contains("k = 0"))
        #expect(message { try mixedMutualInformation([1, .nan], [0, 0]) }.contains("x[1] = NaN"))
    }
}
