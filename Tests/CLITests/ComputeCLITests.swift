import Foundation
import Testing

/// The built `infoplot` executable: it sits in the build directory next to the test bundle
/// (`.build/<triple>/debug/`), found from the running test binary's own path.
func infoplotExecutable() -> URL? {
    let fm = FileManager.default
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    // Walk up a few levels: on macOS the test binary lives inside an .xctest bundle.
    for _ in 0..<5 {
        let candidate = dir.appendingPathComponent("infoplot")
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
           fm.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}

struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `infoplot` with arguments and optional standard input.
func runInfoplot(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> RunResult {
    guard let exe = infoplotExecutable() else {
        throw CLITestError("infoplot executable not found next to \(CommandLine.arguments[0]); build the package first")
    }
    let process = Process()
    process.executableURL = exe
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    try process.run()
    if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
    try inp.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

struct CLITestError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

@Suite struct ComputeHumanFormTests {
    @Test func klInBits() throws {
        let r = try runInfoplot(["compute", "kl", "--p", "0.5,0.3,0.2", "--q", "0.4,0.35,0.25", "--unit", "bits"])
        #expect(r.status == 0)
        // mpmath: 0.029860702065274326… bits, printed with the default 10 significant digits.
        #expect(r.stdout == "0.02986070207 bits\n")
        let short = try runInfoplot(["compute", "kl", "--p", "0.5,0.3,0.2", "--q", "0.4,0.35,0.25", "--unit", "bits", "--digits", "4"])
        #expect(short.stdout == "0.02986 bits\n")
    }

    @Test func tablesAndNegativeNumbers() throws {
        let mi = try runInfoplot(["compute", "mutual-information", "--pxy", "0.56,0.14;0.04,0.26"])
        #expect(mi.stdout == "0.2049276304 nats\n")   // mpmath 0.204927630364259…
        let ce = try runInfoplot(["compute", "cross-entropy-logits", "--logits", "-1000,1000,0", "--label", "0"])
        #expect(ce.stdout == "2000 nats\n")
        let me = try runInfoplot(["compute", "maxent", "--values", "0,1,2,3,4,5", "--mean", "2"])
        #expect(me.status == 0 && me.stdout.contains("lambda: -0.1746289312"))
    }

    @Test func helpListsEveryMeasure() throws {
        let r = try runInfoplot(["compute", "--help"])
        for name in ["surprisal", "entropy", "binary-entropy", "cross-entropy", "kl", "js", "kl-terms", "cross-entropy-logits",
                     "joint-entropy", "conditional-entropy", "mutual-information", "mutual-information-samples", "correlation",
                     "gaussian-entropy", "gaussian-kl", "bernoulli-mle", "logistic-log-likelihood", "logistic-fit", "aic", "bic",
                     "maxent", "ensemble-uncertainty", "lindley-information", "elbo-gaussian-mean", "kl-fit"] {
            let listed = r.stdout.split(separator: "\n").contains { line in
                line.hasPrefix("  \(name) ") || line == "  \(name)"
            }
            #expect(listed, "help lacks \(name)")
        }
    }

    /// Help is rendered from the op table: every argument of the op, its default, unit and base.
    @Test func opHelpComesFromTheTable() throws {
        let r = try runInfoplot(["compute", "mutual-information-samples", "--help"])
        #expect(r.status == 0, "\(r.stderr)")
        for fragment in ["USAGE: infoplot compute mutual-information-samples --x <list> --y <list>", "--method <ksg|discrete|binned>",
                         "(default: ksg)", "--k <integer>", "(default: 3)", "--standardize/--no-standardize", "--base <number>", "--digits"] {
            #expect(r.stdout.contains(fragment), "help lacks \(fragment): \(r.stdout)")
        }
        let plain = try runInfoplot(["compute", "aic", "--help"])
        #expect(plain.status == 0 && plain.stdout.contains("--log-likelihood <number>") && !plain.stdout.contains("--base"), "\(plain.stdout)")
    }

    @Test func baseFlagsAndInlineValues() throws {
        let b = try runInfoplot(["compute", "entropy", "--p=0.25,0.25,0.25,0.25", "--base", "4"])
        #expect(b.status == 0 && b.stdout == "1 (base 4)\n", "\(b.stdout)\(b.stderr)")
        let both = try runInfoplot(["compute", "entropy", "--p", "1", "--base", "4", "--unit", "bits"])
        #expect(both.status != 0 && both.stderr.contains("not both"), "\(both.stderr)")
        let plain = try runInfoplot(["compute", "correlation", "--x", "1,2,3", "--y", "1,3,2", "--unit", "bits"])
        #expect(plain.status != 0 && plain.stderr.contains("not an information quantity"), "\(plain.stderr)")
        let raw = try runInfoplot(["compute", "mutual-information-samples", "--x", "0.1,0.5,0.9,1.3,2.0,2.2",
                                   "--y", "0.3,0.2,1.1,1.0,2.5,2.1", "--k", "2", "--no-standardize"])
        #expect(raw.status == 0 && raw.stdout.hasSuffix(" nats\n"), "\(raw.stderr)")
        let typo = try runInfoplot(["compute", "entropy", "--p", "1", "--normalise"])
        #expect(typo.status == 64 && typo.stderr.contains("did you mean '--normalize'"), "\(typo.stderr)")
        let choice = try runInfoplot(["compute", "conditional-entropy", "--pxy", "1", "--given", "z"])
        #expect(choice.status != 0 && choice.stderr.contains("--given: 'z' is not one of x, y"), "\(choice.stderr)")
    }

    @Test func courseOpsOnTheCommandLine() throws {
        let ll = try runInfoplot(["compute", "log-likelihood", "--model", "bernoulli", "--p", "0.3", "--heads", "7", "--tails", "3"])
        // mpmath: 7 ln 0.3 + 3 ln 0.7 = −9.4978344620977…; the likelihood itself carries no unit.
        #expect(ll.status == 0 && ll.stdout == "likelihood: 7.50141e-05\nlog_likelihood: -9.497834462 nats\nnll: 9.497834462 nats\n", "\(ll.stdout)\(ll.stderr)")
        let cat = try runInfoplot(["compute", "log-likelihood", "--model", "categorical", "--p", "0.5,0.5", "--counts", "1,2"])
        #expect(cat.status == 0 && cat.stdout.contains("log_likelihood: -2.079441542 nats"), "\(cat.stderr)")   // 3 ln ½
        let ols = try runInfoplot(["compute", "ols-fit", "--x", "1,0;1,1;1,2;1,3", "--y", "1,3,2,5"])
        #expect(ols.status == 0 && ols.stdout.hasPrefix("beta: [1.1, 1.1]\n"), "\(ols.stdout)\(ols.stderr)")
        let ppo = try runInfoplot(["compute", "ppo-objective", "--ratio", "0.5,0.9,1.1,1.5,1.0", "--advantage", "1,-1,2,-0.5,3"])
        #expect(ppo.status == 0 && ppo.stdout == "0.81\n", "\(ppo.stdout)\(ppo.stderr)")
        let bad = try runInfoplot(["compute", "lindley-expected-information", "--alpha", "1", "--beta", "1", "--n", "2000000"])
        #expect(bad.status != 0 && bad.stderr.contains("n = 2000000; expected at most 1000000 trials"), "\(bad.stderr)")
    }

    @Test func badArgumentsExitNonZeroNamingTheArgument() throws {
        let list = try runInfoplot(["compute", "kl", "--p", "0.5,x", "--q", "0.5,0.5"])
        #expect(list.status != 0 && list.stderr.contains("--p"))
        let sum = try runInfoplot(["compute", "entropy", "--p", "0.5,0.6"])
        #expect(sum.status != 0 && sum.stderr.contains("probabilities sum to 1.1"))
        let unit = try runInfoplot(["compute", "entropy", "--p", "1", "--unit", "bytes"])
        #expect(unit.status != 0 && unit.stderr.contains("--unit"))
        let missing = try runInfoplot(["compute", "kl", "--p", "1"])
        #expect(missing.status != 0 && missing.stderr.contains("--q"))
        let pd = try runInfoplot(["compute", "gaussian-entropy", "--cov", "1,2;2,1"])
        #expect(pd.status != 0 && pd.stderr.contains("positive definite"))
    }
}

@Suite struct ComputeJSONLTests {
    /// Every op once, plus bad lines of every kind and a blank line (skipped).
    let batch = [
        #"{"op": "surprisal", "p": 0.25, "unit": "bits"}"#,
        #"{"op": "entropy", "p": [0.5, 0.5], "unit": "bits"}"#,
        #"{"op": "binary_entropy", "p": 0.1, "unit": "bits"}"#,
        #"{"op": "cross_entropy", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25]}"#,
        #"{"op": "kl", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25], "unit": "bits"}"#,
        #"{"op": "js", "p": [0.5, 0.3, 0.2], "q": [0.4, 0.35, 0.25]}"#,
        #"{"op": "kl_terms", "p": [0.5, 0.5], "q": [1, 0]}"#,
        #"{"op": "cross_entropy_logits", "logits": [-1000, 1000, 0], "label": 0}"#,
        #"{"op": "joint_entropy", "pxy": [[0.56, 0.14], [0.04, 0.26]]}"#,
        #"{"op": "conditional_entropy", "pxy": [[0.56, 0.14], [0.04, 0.26]], "given": "x"}"#,
        #"{"op": "mutual_information", "pxy": [[0.56, 0.14], [0.04, 0.26]]}"#,
        #"{"op": "mutual_information_samples", "x": [0.1, 0.5, 0.9, 1.3, 2.0, 2.2], "y": [0.3, 0.2, 1.1, 1.0, 2.5, 2.1], "k": 2}"#,
        #"{"op": "correlation", "x": [1, 2, 3], "y": [1, 3, 2]}"#,
        #"{"op": "gaussian_entropy", "sigma": 2}"#,
        #"{"op": "gaussian_kl", "mu1": 1, "sigma1": 0.5, "mu2": 0, "sigma2": 1}"#,
        #"{"op": "bernoulli_mle", "heads": 7, "tails": 3}"#,
        #"{"op": "logistic_log_likelihood", "x": [[1, 0.5], [1, 2]], "y": [0, 1], "beta": [0, 1]}"#,
        #"{"op": "logistic_fit", "x": [[1, 0.5], [1, 1], [1, 1.5], [1, 2]], "y": [0, 1, 0, 1]}"#,
        #"{"op": "aic", "k": 2, "log_likelihood": -10}"#,
        #"{"op": "bic", "k": 2, "n": 100, "log_likelihood": -10}"#,
        #"{"op": "maxent", "values": [0, 1, 2, 3, 4, 5], "mean": 2}"#,
        #"{"op": "ensemble_uncertainty", "models": [[0.7, 0.3], [0.4, 0.6]]}"#,
        #"{"op": "lindley_information", "alpha": 2, "beta": 3, "heads": 7, "tails": 3}"#,
        #"{"op": "elbo_gaussian_mean", "data": [1.2, 0.8, 2.1, 1.5], "noise_sigma": 1, "prior_mu": 0, "prior_sigma": 2}"#,
        #"{"op": "kl_fit", "target": [{"weight": 0.5, "mu": -2, "sigma": 0.6}, {"weight": 0.5, "mu": 2, "sigma": 0.6}], "direction": "reverse"}"#,
        "",
        #"{"op": "entropy", "p": [0.5, 0.6]}"#,
        "this is not json",
        #"{"op": "nope"}"#,
        #"{"op": "kl", "p": [0.5, 0.5]}"#,
        #"{"op": "kl", "p": [0.5, 0.5], "q": [0.5, 0.5], "extra": 1}"#,
        #"{"op": "surprisal", "p": "half"}"#,
        #"{"op": "entropy", "p": [1], "digits": 3, "format": "fixed"}"#,
    ]

    @Test func oneAnswerPerRequestInOrder() throws {
        let r = try runInfoplot(["compute", "--jsonl"], input: batch.joined(separator: "\n") + "\n")
        #expect(r.status == 0)
        let requests = batch.filter { !$0.isEmpty }
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == requests.count)
        var answers: [[String: Any]] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil && object?.count == 1, "\(line)")
            answers.append(object ?? [:])
        }
        guard answers.count == requests.count else { return }
        // The 25 valid requests answer with values, the 6 bad ones with errors, the last one with a value.
        for i in 0..<25 { #expect(answers[i]["value"] != nil, "\(requests[i]) → \(lines[i])") }
        for i in 25..<31 { #expect(answers[i]["error"] is String, "\(requests[i]) → \(lines[i])") }
        #expect(answers[31]["value"] as? Double == 0)
        // Spot checks against references (mpmath) and exact outputs.
        #expect(lines[0] == #"{"value": 2}"#)
        #expect(lines[1] == #"{"value": 1}"#)
        let kl = answers[4]["value"] as? Double ?? .nan
        #expect(Swift.abs(kl - 0.029860702065274326564626716861612) < 1e-15)   // mpmath, 40 digits
        #expect(lines[6] == #"{"value": [-0.34657359027997264, "inf"]}"#)
        #expect(lines[7] == #"{"value": 2000}"#)
        #expect((answers[25]["error"] as? String)?.contains("probabilities sum to 1.1, expected 1; pass normalize to rescale") == true)
        #expect((answers[26]["error"] as? String)?.contains("column 1") == true)
        #expect((answers[27]["error"] as? String)?.contains("valid ops:") == true)
        #expect((answers[28]["error"] as? String)?.contains("missing argument 'q'") == true)
        #expect((answers[29]["error"] as? String)?.contains("unknown argument 'extra'") == true)
        #expect((answers[30]["error"] as? String)?.contains("argument 'p' must be a number") == true)
    }

    @Test func noInputNoOutput() throws {
        let r = try runInfoplot(["compute", "--jsonl"], input: "")
        #expect(r.status == 0 && r.stdout.isEmpty)
    }
}
