import Foundation
import Testing

/// What a new user meets first: --version, "did you mean" for misspellings, shell completion.
@Suite struct CommandLineHelpTests {
    @Test func versionPrintsTheVersion() throws {
        let r = try runInfoplot(["--version"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "\(r.stdout)")
    }

    /// `text` names `expected` before every other name in `others` (closest first).
    func expectFirst(_ expected: String, in text: String, before others: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let at = text.range(of: "did you mean '\(expected)'") else {
            Issue.record("no 'did you mean '\(expected)'' in: \(text)", sourceLocation: sourceLocation); return
        }
        for o in others {
            if let r = text.range(of: o, range: at.upperBound..<text.endIndex), let e = text.range(of: expected, range: at.upperBound..<text.endIndex) {
                #expect(e.lowerBound < r.lowerBound, "'\(expected)' should be listed before '\(o)': \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func misspeltSubcommandsSuggestTheClosest() throws {
        let r = try runInfoplot(["figur", "entropy-curve"])
        #expect(r.status != 0 && r.status < 128)
        expectFirst("figure", in: r.stderr, before: ["build", "compute"])
        let nested = try runInfoplot(["compute", "entropi", "--p", "1"])
        #expect(nested.status != 0)
        expectFirst("entropy", in: nested.stderr, before: ["kl", "aic"])
        // A correct command still runs, and help still works.
        #expect(try runInfoplot(["help", "figure"]).status == 0)
    }

    @Test func misspeltFiguresParametersThemesAndOpsSuggestTheClosest() throws {
        let figure = try runInfoplot(["figure", "entropy-vemn", "-o", "/tmp/never.svg"])
        #expect(figure.status != 0)
        expectFirst("entropy-venn", in: figure.stderr, before: ["surprisal", "kl-fits"])
        let parameter = try runInfoplot(["figure", "entropy-curve", "--set", "unti=bits", "-o", "/tmp/never.svg"])
        #expect(parameter.status != 0)
        expectFirst("unit", in: parameter.stderr, before: ["marks"])
        let theme = try runInfoplot(["figure", "entropy-curve", "--theme", "drak", "-o", "/tmp/never.svg"])
        #expect(theme.status != 0 && theme.stderr.contains("did you mean 'dark'"), "\(theme.stderr)")
        let size = try runInfoplot(["figure", "entropy-curve", "--size", "colum", "-o", "/tmp/never.svg"])
        #expect(size.status != 0 && size.stderr.contains("did you mean 'column'"), "\(size.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.svg"))

        let op = try runInfoplot(["compute", "--jsonl"], input: #"{"op": "mutual_informaton", "pxy": [[1]]}"# + "\n")
        expectFirst("mutual_information", in: op.stdout, before: ["entropy", "kl"])
        let argument = try runInfoplot(["compute", "--jsonl"], input: #"{"op": "entropy", "p": [1], "normalise": true}"# + "\n")
        #expect(argument.stdout.contains("did you mean 'normalize'"), "\(argument.stdout)")
    }

    /// What the generated scripts call back: `infoplot ---completion SUBCOMMAND -- ARG INDEX CURSOR WORDS…`.
    func complete(_ argument: String, words: [String]) throws -> [String] {
        let last = words.last ?? ""
        let r = try runInfoplot(["---completion", "figure", "--", argument, String(words.count - 1), String(last.count)] + words)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func completionKnowsFiguresParametersThemesSizesAndFormats() throws {
        #expect(try complete("positional@0", words: ["infoplot", "figure", "entropy-"]) == ["entropy-curve", "entropy-venn"])
        // Parameters of the figure already named, then the choices of a choice parameter.
        #expect(try complete("--set", words: ["infoplot", "figure", "entropy-curve", "--set", ""]) == ["marks=", "unit="])
        #expect(try complete("--set", words: ["infoplot", "figure", "entropy-curve", "--set", "unit="])
                == ["unit=bits", "unit=hartleys", "unit=nats"])
        let script = try runInfoplot(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        for word in ["half-slide", "column", "print", "png", "---completion figure -- --set", "---completion figure -- positional@0"] {
            #expect(script.stdout.contains(word), "bash completion lacks \(word)")
        }
        let zsh = try runInfoplot(["--generate-completion-script", "zsh"])
        #expect(zsh.status == 0 && zsh.stdout.contains("half-slide"))
    }

    @Test func buildOnAnEmptyTemplatesFolderSaysSo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runInfoplot(["build", "--templates", dir.path + "/Templates", "--out", dir.path + "/out"])
        #expect(r.status != 0 && r.status < 128)
        #expect(r.stderr.contains("holds no templates"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/index.html"))
    }
}
