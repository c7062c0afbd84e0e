import Foundation
import Testing

/// The committed corpus of hostile inputs (Tests/Hostile, written by its make-corpus.py): every
/// one must end in a located error with a clean non-zero exit, within the time bound, and leave
/// no file behind, from `handout` and from a parallel `build` alike.
@Suite struct HostileCorpusTests {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Hostile")

    /// (file name, fragment its error must contain), from templates/expectations.tsv.
    static var expectations: [(String, String)] {
        let text = (try? String(contentsOf: corpus.appendingPathComponent("templates/expectations.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    func executable() throws -> URL {
        guard let exe = infoplotExecutable() else { throw CLITestError("infoplot executable not found; build first") }
        return exe
    }

    @Test func everyHostileTemplateIsALocatedErrorAndLeavesNoFile() throws {
        let cases = Self.expectations
        #expect(cases.count >= 20)
        let exe = try executable()
        for (name, fragment) in cases {
            let dir = try scratchFolder("hostile")
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = Self.corpus.appendingPathComponent("templates/" + name).path
            let r = try runBounded(exe, ["handout", path, "-o", dir.path + "/out.pdf"])
            #expect(!r.timedOut, "\(name): still running after 10 s")
            #expect(!r.signalled && r.status == 1, "\(name): status \(r.status)\n\(r.stderr.prefix(500))")
            let located = r.stderr.range(of: #"\#(name):\d+:\d+: error: "#, options: .regularExpression) != nil
            #expect(located, "\(name): no FILE:LINE:COLUMN in: \(r.stderr.prefix(300))")
            #expect(r.stderr.contains(fragment), "\(name): expected '\(fragment)' in: \(r.stderr.prefix(300))")
            #expect(filesBelow(dir).isEmpty, "\(name) left \(filesBelow(dir))")
        }
    }

    /// The same corpus through `build`, whose templates run on worker threads with smaller stacks,
    /// next to deep-but-legal templates that must still build.
    @Test func aParallelBuildOfTheCorpusFailsEachCleanlyAndBuildsTheLegalOnes() throws {
        let exe = try executable()
        let dir = try scratchFolder("hostile-build")
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("T")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        var names: [String] = []
        for sub in ["templates", "accepted"] {
            let folder = Self.corpus.appendingPathComponent(sub)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".md") {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: templates.appendingPathComponent(file))
                names.append(String(file.dropLast(3)))
            }
        }
        let accepted = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.appendingPathComponent("accepted").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        let r = try runBounded(exe, ["build", "--templates", templates.path, "--out", dir.path + "/out", "--formats", "pdf",
                                     "--only"] + names, seconds: 60)
        #expect(!r.timedOut && !r.signalled, "build: \(r.stderr.suffix(500))")
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(accepted.count) built, 0 up to date, \(names.count - accepted.count) failed"), "\(r.stdout)")
        let written = filesBelow(dir.appendingPathComponent("out/handouts"))
        #expect(written == accepted.map { "\($0).pdf" }, "\(written)")
    }

    @Test func everyHostileFormulaIsAnErrorWithColumns() throws {
        let exe = try executable()
        let folder = Self.corpus.appendingPathComponent("formulas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tex") }.sorted()
        #expect(files.count >= 8)
        for file in files {
            let dir = try scratchFolder("hostile-tex")
            defer { try? FileManager.default.removeItem(at: dir) }
            let tex = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let r = try runBounded(exe, ["math", tex, "-o", dir.path + "/m.svg"])
            #expect(!r.timedOut && !r.signalled, "\(file): \(r.stderr.prefix(300))")
            #expect(r.status == 2, "\(file): status \(r.status)")
            #expect(r.stderr.contains("error: cannot typeset the formula") && r.stderr.contains("(columns "), "\(file): \(r.stderr.prefix(300))")
            #expect(filesBelow(dir).isEmpty)
        }
    }

    /// One JSON answer per request line, each an error here, and the batch never stops.
    @Test func everyHostileRequestIsAnsweredWithAnErrorLine() throws {
        let exe = try executable()
        let input = try Data(contentsOf: Self.corpus.appendingPathComponent("requests.jsonl"))
        let requests = input.split(separator: UInt8(ascii: "\n")).count
        let r = try runBounded(exe, ["compute", "--jsonl"], input: input)
        #expect(!r.timedOut && !r.signalled && r.status == 0, "\(r.stderr.prefix(300))")
        let answers = r.stdout.split(separator: "\n")
        #expect(answers.count == requests)
        for a in answers { #expect(a.hasPrefix("{\"error\": "), "\(a.prefix(200))") }
        #expect(answers.last?.contains("invalid UTF-8 at byte offset 29 of line \(requests)") == true)
    }

    /// Numeric bounds (issue 13): numeric.tsv's requests, each followed by a good one, plus requests
    /// too large to commit, built here. Each answer holds its expected fragment, errors never echo
    /// a huge line, and the batch is answered to its end.
    @Test func numericBoundsAreAnsweredAndTheBatchGoesOn() throws {
        let exe = try executable()
        let tsv = try String(contentsOf: Self.corpus.appendingPathComponent("numeric.tsv"), encoding: .utf8)
        var cases: [(fragment: String, request: String)] = tsv.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        }
        #expect(cases.count >= 10)
        func numbers(_ v: [Int]) -> String { "[" + v.map(String.init).joined(separator: ", ") + "]" }
        let distinct = numbers(Array(0..<10_000)), samples = numbers((0..<100_000).map { ($0 * 7919) % 100_003 })
        let good = ("{\"value\": 0.6931471805599453}", #"{"op": "entropy", "p": [0.5, 0.5]}"#)
        cases += [
            // ln 10⁴: 27 s and 7.8 GB as a dense table before.
            ("{\"value\": 9.21034037197618", #"{"op": "mutual_information_samples", "method": "discrete", "x": \#(distinct), "y": \#(distinct)}"#),
            ("{\"value\": ", #"{"op": "mutual_information_samples", "method": "binned", "bins": 10000, "x": \#(samples), "y": \#(samples)}"#),
            ("x and y have 100003 samples; at most 100000 are allowed",
             #"{"op": "mutual_information_samples", "x": \#(numbers(Array(0..<100_003))), "y": \#(numbers(Array(0..<100_003)))}"#),
            ("the request holds 1000001 numbers ('p' has 1000001); at most 1000000 are allowed",
             #"{"op": "entropy", "p": \#(numbers(Array(repeating: 0, count: 1_000_001)))}"#),
            ("unknown op 'entropy\(String(repeating: "y", count: 33))… (999960 more characters)",
             #"{"op": "entropy\#(String(repeating: "y", count: 999_993))"}"#),
            ("unknown argument '\(String(repeating: "p", count: 40))… (999960 more characters)",
             #"{"op": "entropy", "\#(String(repeating: "p", count: 1_000_000))": 1}"#),
            good,
        ]
        let input = Data(cases.map(\.request).joined(separator: "\n").utf8 + [UInt8(ascii: "\n")])
        let r = try runBounded(exe, ["compute", "--jsonl"], input: input, seconds: 120)
        #expect(!r.timedOut && !r.signalled && r.status == 0, "\(r.stderr.prefix(300))")
        let answers = r.stdout.split(separator: "\n").map(String.init)
        #expect(answers.count == cases.count)
        for (answer, c) in zip(answers, cases) {
            #expect(answer.contains(c.fragment), "\(c.request.prefix(80)): \(answer.prefix(300))")
            #expect(answer.count <= maximumAnswerLength, "\(c.request.prefix(80)): an answer of \(answer.count) characters")
            #expect(!answer.contains("nan"), "\(answer.prefix(200))")
        }
    }

    /// Plot specs are read strictly as UTF-8 from a file and from standard input alike.
    @Test func everyHostileSpecIsALocatedError() throws {
        let exe = try executable()
        let folder = Self.corpus.appendingPathComponent("specs")
        let text = try String(contentsOf: folder.appendingPathComponent("expectations.tsv"), encoding: .utf8)
        let cases = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", maxSplits: 1).map(String.init) }
        #expect(cases.count >= 2)
        for c in cases {
            let dir = try scratchFolder("hostile-spec")
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = folder.appendingPathComponent(c[0]).path
            let fromFile = try runBounded(exe, ["plot", path, "-o", dir.path + "/p.svg"])
            let fromStdin = try runBounded(exe, ["plot", "-", "-o", dir.path + "/p.svg"], input: try Data(contentsOf: URL(fileURLWithPath: path)))
            for (r, name) in [(fromFile, path), (fromStdin, "<stdin>")] {
                #expect(!r.timedOut && !r.signalled && r.status != 0, "\(c[0]): status \(r.status)")
                #expect(r.stderr.range(of: #"\#(NSRegularExpression.escapedPattern(for: name)):\d+:\d+: error: "#, options: .regularExpression) != nil
                        && r.stderr.contains(c[1]), "\(c[0]): \(r.stderr.prefix(300))")
            }
            #expect(filesBelow(dir).isEmpty)
        }
    }

    /// Values and error messages (cut at 1,000 characters) fit in this.
    let maximumAnswerLength = 1_100
}
