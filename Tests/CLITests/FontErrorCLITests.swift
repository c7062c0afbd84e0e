import Foundation
import Testing

/// Text fonts are resolved by the one text shaper, which does not substitute: a theme file naming
/// a family that is not installed fails with the file, line and column where it was named, and a
/// handout's PDF text keeps its words (pdftotext, no replacement characters).
@Suite struct FontErrorCLITests {
    @Test func aThemeFileWithAnUninstalledFamilyIsALocatedError() throws {
        guard let exe = infoplotExecutable() else { throw CLITestError("infoplot executable not found; build first") }
        let dir = try scratchFolder("font-error")
        defer { try? FileManager.default.removeItem(at: dir) }
        let theme = dir.appendingPathComponent("uni.yaml").path
        try "name: uni\nfonts:\n  text: Comic Sans Nowhere\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let spec = repositoryRoot.appendingPathComponent("Examples/beta-binomial.yaml").path
        let r = try runBounded(exe, ["plot", spec, "--theme", theme, "-o", dir.path + "/p.svg"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("uni.yaml:3:9: error: fonts text: the font family 'Comic Sans Nowhere' is not installed"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/p.svg"))
    }

    @Test func aHandoutsPDFTextHasItsWordsAndNoReplacementCharacters() throws {
        guard let exe = infoplotExecutable() else { throw CLITestError("infoplot executable not found; build first") }
        let dir = try scratchFolder("pdf-words")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.path + "/h.pdf"
        let r = try runBounded(exe, ["handout", repositoryRoot.appendingPathComponent("Templates/01-surprise-and-entropy.md").path, "-o", pdf],
                               seconds: 120)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try runBounded(URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf, "-"]).stdout
        #expect(!text.contains("\u{FFFD}"))
        for phrase in ["Every model we build in data science ends in a probability distribution: a forecast, a class",
                       "This first handout builds the two that everything else rests",
                       "The base of the logarithm sets the unit: base 2 gives bits"] {
            #expect(text.contains(phrase), "no '\(phrase)' in: \(text.prefix(600))")
        }
    }
}
