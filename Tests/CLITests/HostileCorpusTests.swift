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
}
