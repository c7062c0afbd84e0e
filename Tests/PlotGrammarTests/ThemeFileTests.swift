import Foundation
import Testing
import FigureModel
@testable import PlotGrammar

/// Themes as files: the built-in themes are Themes/*.yaml compiled in, read by the same reader as
/// the user's files.
@Suite struct ThemeFileTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ["light", "dark", "print"])
    func builtInThemesAreTheirFiles(name: String) throws {
        let file = try String(contentsOf: Self.themesDir.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        // The compiled-in text is the file (else run `make themes`) …
        #expect(Theme.builtInSources[name] == file, "BuiltInThemes.swift is stale: run make themes")
        // … and the compiled-in value is what the reader makes of it.
        #expect(try ThemeFile.read(yaml: file, file: "\(name).yaml") == Theme.named(name))
    }

    @Test func aFileStartsFromItsBase() throws {
        let t = try ThemeFile.read(yaml: "base: dark\nname: uni\ncycle: [\"#8C1515\", \"#2E2D29 / 0.5\"]\ncolormap: magma\n", file: "uni.yaml")
        var expected = Theme.dark
        expected.name = "uni"
        expected.cycle = [Color(hex: 0x8C1515), Color(hex: 0x2E2D29, alpha: 0.5)]
        expected.colormap = .magma
        #expect(t == expected)
    }

    @Test func errorsNameTheFileLineAndColumn() {
        func error(_ yaml: String) -> PlotSpecError? {
            do { _ = try ThemeFile.read(yaml: yaml, file: "uni.yaml"); return nil } catch let e as PlotSpecError { return e } catch { return nil }
        }
        let colour = error("name: uni\nforeground: \"#12345\"\n")
        #expect(colour?.description == "uni.yaml:2:13: error: foreground must be a colour #RRGGBB or \"#RRGGBB / alpha\", got '#12345'")
        let key = error("backgroud: \"#FFFFFF\"\n")
        #expect(key?.position == SourcePosition(line: 1, column: 1))
        #expect(key?.message.contains("did you mean background") == true, "\(key?.message ?? "")")
        let dash = error("dashes: [solid, dotty]\n")
        #expect(dash?.position == SourcePosition(line: 1, column: 17))
    }

    @Test func aSpecNamesAThemeFileBesideIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "background: \"#FFF8E7\"\ncycle: [\"#8C1515\"]\n".write(to: dir.appendingPathComponent("uni.yaml"), atomically: true, encoding: .utf8)
        let f = try compile("theme: uni.yaml\nlayers: [{mark: line, x: [0, 1], y: [0, 1]}]", base: dir.path)
        #expect(f.theme.background == Color(hex: 0xFFF8E7) && f.theme.cycle == [Color(hex: 0x8C1515)])
        try "background: blue\n".write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let e = specError("theme: bad.yaml\nlayers: [{mark: line, x: [0, 1], y: [0, 1]}]", base: dir.path)
        #expect(e?.file.hasSuffix("bad.yaml") == true && e?.position == SourcePosition(line: 1, column: 13), "\(String(describing: e))")
        let missing = specError("theme: nowhere.yaml\nlayers: [{mark: line, x: [0, 1], y: [0, 1]}]", base: dir.path)
        #expect(missing?.file == "t.yaml" && missing?.position == SourcePosition(line: 1, column: 8))
        let unknown = specError("theme: drak\nlayers: [{mark: line, x: [0, 1], y: [0, 1]}]")
        #expect(unknown?.message.contains("did you mean 'dark'?") == true, "\(unknown?.message ?? "")")
    }

    /// Issue 14: prose beside `$…$` in a label must not mix unrelated typefaces. Every built-in
    /// theme sets its labels' prose in its math font's companion text face, and says so in its file.
    @Test(arguments: ["light", "dark", "print"])
    func builtInLabelFontsPairWithTheirMathFont(name: String) throws {
        let theme = try Theme.named(name)
        let companion = try #require(FontPairing.text(forMath: theme.mathFont), "\(theme.mathFont) is not in FontPairing")
        #expect(theme.textFont == companion)
        let source = try #require(Theme.builtInSources[name])
        #expect(source.contains("fonts: {text: \(companion), math: \(theme.mathFont)}"))
    }

    /// A file that changes only the math font brings that font's companion text face; a file that
    /// names both keeps both; sizes are multiples of the base size.
    @Test func fontsAndSizesFromAFile() throws {
        let lm = try ThemeFile.read(yaml: "fonts: {math: Latin Modern Math}\n", file: "lm.yaml")
        #expect(lm.mathFont == "Latin Modern Math" && lm.textFont == "Latin Modern Roman")
        let pagella = try ThemeFile.read(yaml: "fonts: {math: TeX Gyre Pagella Math}\n", file: "p.yaml")
        #expect(pagella.textFont == "TeX Gyre Pagella")
        let termes = try ThemeFile.read(yaml: "fonts: {math: TeX Gyre Termes Math}\n", file: "t.yaml")
        #expect(termes.textFont == "TeX Gyre Termes")
        let both = try ThemeFile.read(yaml: "base: dark\nfonts: {text: DejaVu Sans, math: Latin Modern Math}\nfont_sizes: {tick: 0.9, title: 1.1}\n", file: "b.yaml")
        #expect(both.textFont == "DejaVu Sans" && both.mathFont == "Latin Modern Math")
        var expected = Theme.dark.fontSizes
        expected.tick = 0.9; expected.title = 1.1
        #expect(both.fontSizes == expected)
        #expect(both.background == Theme.dark.background)
    }

    /// `--print-theme` prints a built-in file; edited and read back, it is the theme with the edit.
    @Test(arguments: ["light", "dark", "print"])
    func printedThemeRoundTripsWithFonts(name: String) throws {
        let printed = try #require(Theme.builtInSources[name])
        #expect(try ThemeFile.read(yaml: printed, file: "\(name).yaml") == Theme.named(name))
        let edited = printed
            .replacingOccurrences(of: "fonts: {text: DejaVu Serif, math: DejaVu Math TeX Gyre}", with: "fonts: {math: TeX Gyre Pagella Math}")
            .replacingOccurrences(of: "tick: 0.85", with: "tick: 0.8")
        #expect(edited != printed)
        var expected = try Theme.named(name)
        expected.mathFont = "TeX Gyre Pagella Math"; expected.textFont = "TeX Gyre Pagella"; expected.fontSizes.tick = 0.8
        #expect(try ThemeFile.read(yaml: edited, file: "uni.yaml") == expected)
    }

    @Test func fontErrorsAreLocated() {
        func error(_ yaml: String) -> PlotSpecError? {
            do { _ = try ThemeFile.read(yaml: yaml, file: "uni.yaml"); return nil } catch let e as PlotSpecError { return e } catch { return nil }
        }
        let unknown = error("name: uni\nfonts: {math: Fira Math}\n")
        #expect(unknown?.position == SourcePosition(line: 2, column: 15), "\(String(describing: unknown))")
        #expect(unknown?.message.contains("no known companion text face") == true)
        #expect(unknown?.message.contains("Latin Modern Math with Latin Modern Roman") == true)
        #expect(error("fonts: {math: Fira Math, text: Fira Sans}\n") == nil)
        let key = error("fonts: {txt: DejaVu Serif}\n")
        #expect(key?.position == SourcePosition(line: 1, column: 9))
        #expect(key?.message.contains("did you mean text") == true, "\(key?.message ?? "")")
        let path = error("fonts: {math: /fonts/lm.otf}\n")
        #expect(path?.message.contains("font family name") == true)
        let size = error("font_sizes: {tick: 10}\n")
        #expect(size?.position == SourcePosition(line: 1, column: 20))
        #expect(size?.message.contains("multiple of the base font size") == true)
        let sizeKey = error("font_sizes: {ticks: 0.8}\n")
        #expect(sizeKey?.message.contains("did you mean tick") == true, "\(sizeKey?.message ?? "")")
        #expect(error("font_sizes: {tick: -1}\n") != nil && error("font_sizes: {tick: big}\n") != nil)
        #expect(error("fonts: DejaVu Serif\n")?.message.contains("mapping") == true)
    }
}
