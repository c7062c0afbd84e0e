import Foundation
import Testing

/// Bad input through the binary: a clear message and a non-zero status, never a trap.
@Suite struct BadInputCLITests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-bad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A Swift trap exits by signal (status ≥ 128 through the shell, or an "uncaught signal" from
    /// Process) and prints "Fatal error"; a handled error exits 1 or 64 with "Error:".
    func expectCleanFailure(_ r: RunResult, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status != 0 && r.status < 128, "status \(r.status)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed"), "\(r.stderr)", sourceLocation: sourceLocation)
        for w in words { #expect(r.stderr.contains(w), "missing '\(w)' in: \(r.stderr)", sourceLocation: sourceLocation) }
    }

    @Test func elboFigureWithOverflowingDataIsAnError() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tiny = try runInfoplot(["figure", "elbo", "--set", "noise_sigma=1e-300", "-o", dir + "/e.svg"])
        expectCleanFailure(tiny, mentioning: ["elbo", "overflow"])
        let huge = try runInfoplot(["figure", "elbo", "--set", "data=1e300,-1e300", "-o", dir + "/e.svg"])
        expectCleanFailure(huge, mentioning: ["elbo", "overflow"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/e.svg"))
    }

    @Test func mathRejectsHugeSizesEmptyFormulasAndUnknownExtensions() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 1e9 pt × 4 px/pt overflowed Int32 inside the PNG path and trapped.
        expectCleanFailure(try runInfoplot(["math", "x", "--size", "1e9", "-o", dir + "/a.png"]), mentioning: ["--size", "10000"])
        expectCleanFailure(try runInfoplot(["math", "x", "--size", "-1", "-o", dir + "/a.svg"]), mentioning: ["--size", "-1"])
        expectCleanFailure(try runInfoplot(["math", "  ", "-o", dir + "/a.svg"]), mentioning: ["empty"])
        // An extension that names no format used to get an SVG silently.
        expectCleanFailure(try runInfoplot(["math", "x", "-o", dir + "/a.txt"]), mentioning: ["'txt'", ".svg"])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).isEmpty)
    }

    @Test func mathWriteErrorsNameTheOutputNotATemporaryFile() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let blocker = dir + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let r = try runInfoplot(["math", "x", "-o", blocker + "/a.svg"])
        expectCleanFailure(r, mentioning: ["cannot write '\(blocker)/a.svg'"])
        #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains(".tmp-"), "\(r.stderr)")
    }

    @Test func negativeNumbersReachTheValidationThatNamesThem() throws {
        // ArgumentParser took "-1" for an option and answered "Missing value for '--p <p>'".
        expectCleanFailure(try runInfoplot(["compute", "surprisal", "--p", "-1"]), mentioning: ["p = -1", "[0, 1]"])
        expectCleanFailure(try runInfoplot(["compute", "entropy", "--p", "-0.5,1.5"]), mentioning: ["p[0] = -0.5", "negative"])
        expectCleanFailure(try runInfoplot(["compute", "gaussian-entropy", "--sigma", "-1"]), mentioning: ["sigma = -1"])
        expectCleanFailure(try runInfoplot(["compute", "bic", "--k", "1", "--n", "-5", "--log-likelihood", "-3"]), mentioning: ["n = -5"])
        expectCleanFailure(try runInfoplot(["compute", "kl", "--p", "0.5,0.5", "--q", "0.5,0.5", "--digits", "-2"]), mentioning: ["--digits", "-2"])
        let ok = try runInfoplot(["compute", "gaussian-kl", "--mu1", "-1", "--sigma1", "1", "--mu2", "0", "--sigma2", "1"])
        #expect(ok.status == 0 && ok.stdout == "0.5 nats\n", "\(ok.stderr)")   // KL = (μ1 − μ2)²/2 = 0.5
        expectCleanFailure(try runInfoplot(["figure", "surprisal", "--size", "-3x4", "-o", "/tmp/never.svg"]), mentioning: ["--size", "-3x4"])
        expectCleanFailure(try runInfoplot(["figure", "surprisal", "--scale", "-1", "-o", "/tmp/never.png"]), mentioning: ["--scale", "-1"])
        expectCleanFailure(try runInfoplot(["figure", "surprisal", "--dpi", "-5", "-o", "/tmp/never.png"]), mentioning: ["--dpi", "-5"])
    }

    @Test func buildOutThatIsAFileAndHandoutWithAnUnknownExtension() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let templates = dir + "/Templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let template = templates + "/t.md"
        try Data("---\ntitle: T\n---\n\nText.\n".utf8).write(to: URL(fileURLWithPath: template))
        let file = dir + "/afile"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
        // Used to print Foundation's NSError dump ("NSCocoaErrorDomain Code=512 … Not a directory").
        let build = try runInfoplot(["build", "--templates", templates, "--out", file, "--formats", "html"])
        expectCleanFailure(build, mentioning: ["--out \(file)", "is a file"])
        #expect(!build.stderr.contains("NSCocoaErrorDomain"), "\(build.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep")
        // Used to write a PDF named x.gif and exit 0.
        let gif = dir + "/x.gif"
        expectCleanFailure(try runInfoplot(["handout", template, "-o", gif]), mentioning: ["'gif'", ".pdf or .html"])
        #expect(!FileManager.default.fileExists(atPath: gif))
        let forced = try runInfoplot(["handout", template, "-o", dir + "/x.page", "--format", "html"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test func figureMessagesSayWhatTheLimitIs() throws {
        // "expected a positive number, got 1000000000000000052504760255204420248704468581108159…" for a positive number.
        let sigma = try runInfoplot(["figure", "gaussian-kl-surface", "--set", "sigma0=1e300", "-o", "/tmp/never.svg"])
        expectCleanFailure(sigma, mentioning: ["'sigma0'", "above the maximum 1×10¹⁰⁰", "1×10³⁰⁰"])
        #expect(!sigma.stderr.contains("00000000000000000000"), "\(sigma.stderr)")
        // "expected an integer, got 1000000000" for an integer.
        expectCleanFailure(try runInfoplot(["figure", "likelihood-curve", "--set", "heads=1000000000", "-o", "/tmp/never.svg"]),
                           mentioning: ["'heads'", "below 10⁹"])
        // The message named the hidden temporary file instead of the requested one.
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = dir + "/no/such/a.svg"
        let write = try runInfoplot(["figure", "surprisal", "-o", missing])
        expectCleanFailure(write, mentioning: ["cannot write '\(missing)'"])
        #expect(!write.stderr.contains(".tmp-"), "\(write.stderr)")
    }

    @Test func valueErrorsFromARunningCommandCarryNoRootUsageLine() throws {
        // These used to end in "Usage: infoplot <subcommand>", the usage of the wrong command.
        let bad = try runInfoplot(["compute", "entropy", "--p", "abc"])
        expectCleanFailure(bad, mentioning: ["--p: 'abc' is not a number"])
        #expect(bad.status == 64 && !bad.stderr.contains("<subcommand>"), "\(bad.stderr)")
        let target = try runInfoplot(["compute", "kl-fit", "--target", "[]", "--direction", "forward"])
        expectCleanFailure(target, mentioning: ["weight,mu,sigma"])   // was the example of a joint table
        // Syntax errors keep the usage of the command that was being parsed.
        let missing = try runInfoplot(["compute", "entropy"])
        #expect(missing.status == 64 && missing.stderr.contains("Usage: infoplot compute entropy"), "\(missing.stderr)")
        // A request for help still prints help and succeeds.
        let help = try runInfoplot(["compute"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS"), "\(help.stdout)")
    }

    @Test func galleryIntoAFileSaysSo() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/afile"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
        // Used to print "Error Domain=NSCocoaErrorDomain Code=516 …".
        let r = try runInfoplot(["figure", "--gallery", "--format", "svg", "--out", file])
        expectCleanFailure(r, mentioning: ["cannot create the output directory '\(file)'"])
        #expect(!r.stderr.contains("NSCocoaErrorDomain"), "\(r.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep")
    }

    /// A label whose `$…$` does not parse is an error at its line and column, in a plot spec and in
    /// a handout's plot block, and nothing is written (it was drawn as written, TeX and all).
    @Test func aLabelWhoseMathDoesNotParseIsALocatedError() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spec = dir + "/bad.yaml"
        try "title: Loss $\\frac{a$ here\nlayers:\n  - {mark: line, x: {var: p, from: 0, to: 1}, y: \"p\", name: '$\\foo$'}\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let r = try runInfoplot(["plot", spec, "-o", dir + "/p.svg"])
        expectCleanFailure(r, mentioning: ["bad.yaml:1:19: error: title: the math in 'Loss $\\frac{a$ here' does not parse", "never closed"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/p.svg"))
        try "title: Fine $\\frac{a}{b}$\nlayers:\n  - {mark: line, x: {var: p, from: 0, to: 1}, y: \"p\", name: '$\\foo$'}\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let name = try runInfoplot(["plot", spec, "-o", dir + "/p.svg"])
        expectCleanFailure(name, mentioning: ["bad.yaml:3:", "name: the math in '$\\foo$' does not parse", "\\foo"])
        let template = dir + "/t.md"
        try "---\ntitle: T\n---\n\nText.\n\n```plot\nx: {label: \"dose $\\\\frac{t$\"}\nlayers:\n  - {mark: line, x: {var: t, from: 0, to: 9}, y: \"t\"}\n```\n"
            .write(toFile: template, atomically: true, encoding: .utf8)
        let h = try runInfoplot(["handout", template, "-o", dir + "/t.pdf"])
        expectCleanFailure(h, mentioning: ["t.md:8:", "label: the math in 'dose $\\frac{t$' does not parse"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/t.pdf"))
    }
}

