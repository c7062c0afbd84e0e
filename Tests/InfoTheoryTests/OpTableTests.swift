import Foundation
import Testing
@testable import InfoRequests
import InfoTheory

/// The one op table: the README agrees with it, its specs are consistent, and `unit`/`base`
/// apply to every information op.
@Suite struct OpTableTests {
    /// README.md between the op-table markers is exactly `opTableMarkdown()`.
    @Test func readmeOpTableMatchesTheTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        var text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "-->\n", range: text.range(of: "<!-- op table:")!.upperBound..<text.endIndex),
              let end = text.range(of: "<!-- end op table -->") else {
            Issue.record("README.md lacks the <!-- op table: … --> and <!-- end op table --> markers"); return
        }
        let current = String(text[start.upperBound..<end.lowerBound])
        if current != opTableMarkdown(), ProcessInfo.processInfo.environment["INFOPLOT_UPDATE_README"] == "1" {
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: opTableMarkdown())
            try text.write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == opTableMarkdown(), "README op table is stale; run INFOPLOT_UPDATE_README=1 swift test --filter OpTableTests")
    }

    @Test func specsAreConsistent() {
        #expect(Set(requestOps).count == requestOps.count, "op names are unique")
        for spec in opTable {
            let names = spec.allArguments.map(\.name)
            #expect(Set(names).count == names.count, "\(spec.name): argument names are unique")
            for p in spec.positional { #expect(names.contains(p), "\(spec.name): positional '\(p)' is an argument") }
            #expect(!spec.abstract.isEmpty && !spec.summary.isEmpty)
            #expect(spec.name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(spec.name) is snake_case")
        }
    }

    @Test func baseConvertsEveryInformationResult() throws {
        let e = answerValue(#"{"op": "entropy", "p": [0.25, 0.25, 0.25, 0.25], "base": 4}"#)
        #expect(close(number(e), 1, rel: 1e-15))
        // Base 2 is bits bit for bit (the same ln 2).
        let bits = answerValue(#"{"op": "kl", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25], "unit": "bits"}"#)
        #expect(answerValue(#"{"op": "kl", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25], "base": 2}"#) == bits)
        // mpmath: 0.5·ln(0.5/0.4)+0.3·ln(0.3/0.35)+0.2·ln(0.2/0.25) over ln 3.
        #expect(close(number(answerValue(#"{"op": "kl", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25], "base": 3}"#)),
                      0.01884000539551424100887549587602654718257))
        // A base below 1 flips the sign: log base 1/2 is −log2.
        #expect(number(answerValue(#"{"op": "surprisal", "p": 0.25, "base": 0.5}"#)) == -2)
        // Objects: only the declared members convert.
        let mle = answerValue(#"{"op": "bernoulli_mle", "heads": 7, "tails": 3, "base": 10}"#)
        #expect(number(mle?["p_hat"]) == 0.7)
        #expect(close(number(mle?["log_likelihood"]), (7 * log(0.7) + 3 * log(0.3)) / M_LN10, rel: 1e-15))
        let fit = answerValue(#"{"op": "kl_fit", "target": [{"weight": 0.5, "mu": -2, "sigma": 0.6}, {"weight": 0.5, "mu": 2, "sigma": 0.6}], "direction": "reverse", "unit": "bits"}"#)
        let nats = answerValue(#"{"op": "kl_fit", "target": [{"weight": 0.5, "mu": -2, "sigma": 0.6}, {"weight": 0.5, "mu": 2, "sigma": 0.6}], "direction": "reverse"}"#)
        #expect(number(fit?["mu"]) == number(nats?["mu"]) && close(number(fit?["kl"]), number(nats?["kl"]) / M_LN2, rel: 1e-15))
    }

    @Test func everyInformationOpDeclaresUnitAndBase() {
        for spec in opTable {
            let names = spec.allArguments.map(\.name)
            #expect(names.contains("base") == spec.isInformation, "\(spec.name)")
            #expect(names.contains("unit") == spec.isInformation, "\(spec.name)")
        }
    }

    @Test func badBaseAndUnitErrorsNameTheArgument() {
        let cases: [(String, String)] = [
            (#"{"op": "entropy", "p": [1], "base": 1}"#, "argument 'base' must be a finite number > 0 other than 1"),
            (#"{"op": "entropy", "p": [1], "base": 0}"#, "argument 'base' must be a finite number > 0 other than 1"),
            (#"{"op": "entropy", "p": [1], "base": -2}"#, "argument 'base' must be a finite number > 0 other than 1"),
            (#"{"op": "entropy", "p": [1], "base": "inf"}"#, "argument 'base' must be a finite number > 0 other than 1"),
            (#"{"op": "entropy", "p": [1], "base": "two"}"#, "argument 'base' must be a number"),
            (#"{"op": "entropy", "p": [1], "base": 2, "unit": "bits"}"#, "give either 'unit' or 'base', not both"),
            (#"{"op": "correlation", "x": [1, 2], "y": [1, 3], "base": 2}"#, "not an information quantity, so it takes no 'base'"),
            (#"{"op": "entropy", "p": [1], "bsae": 2}"#, "did you mean 'base'"),
        ]
        for (line, fragment) in cases {
            let message = answerError(line)
            #expect(message.contains(fragment), "\(line) → \(message)")
        }
        // The base closest to 1 above it: ln(1 + 2⁻⁵²) ≈ 2.2e-16 is no zero, so it is a valid (huge-valued) base.
        #expect(close(number(answerValue(#"{"op": "surprisal", "p": 0.5, "base": 1.0000000000000002}"#)),
                      M_LN2 / log1p(2.220446049250313e-16), rel: 1e-15))
    }
}
