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
}
