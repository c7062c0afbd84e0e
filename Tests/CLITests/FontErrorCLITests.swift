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

    /// A theme file or `infoplot math --font` naming a math font that is not installed or has no MATH
    /// table fails where it was named, and nothing is written (it used to fall back with a warning).
    @Test func anUnusableMathFontIsALocatedErrorWhereverItIsNamed() throws {
        guard let exe = infoplotExecutable() else { throw CLITestError("infoplot executable not found; build first") }
        let dir = try scratchFolder("math-font-error")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = repositoryRoot.appendingPathComponent("Examples/beta-binomial.yaml").path
        for name in ["Nowhere Math", "TeX Gyre Pagella"] {
            let theme = dir.appendingPathComponent("uni.yaml").path
            try "name: uni\nfonts:\n  math: \(name)\n  text: DejaVu Serif\n".write(toFile: theme, atomically: true, encoding: .utf8)
            let r = try runBounded(exe, ["plot", spec, "--theme", theme, "-o", dir.path + "/p.svg"])
            #expect(r.status != 0)
            #expect(r.stderr.contains("uni.yaml:3:9: error: fonts math: the math font '\(name)' is not installed or has no OpenType MATH table"),
                    "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/p.svg"))
            let m = try runBounded(exe, ["math", "x^2", "--font", name, "-o", dir.path + "/m.svg"])
            #expect(m.status != 0)
            #expect(m.stderr.contains("--font: the math font '\(name)' is not installed"), "\(m.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/m.svg"))
        }
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
