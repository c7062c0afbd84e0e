import Foundation
import Testing
import FigureModel
import Frame
@testable import CairoRender

/// Issue 14: a label mixing prose and `$…$` is drawn in one pair of faces — the theme's math font
/// and its companion text face — in every kind of label (title, axis labels, ticks, legend, annotation).
@Suite struct LabelFontPairingTests {
    /// Every glyph run of a frame with the font file it is drawn in.
    func runs(_ items: [FrameItem]) -> [GlyphRun] {
        items.flatMap { item -> [GlyphRun] in
            switch item {
            case .glyphs(let g): [g]
            case .group(let g): runs(g.items)
            default: []
            }
        }
    }

    /// The font file fontconfig picks for `family` (what Pango draws it from).
    func file(of family: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
        p.arguments = ["-f", "%{file}", family]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        return (String(data: out.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? "")
            .split(separator: "/").last.map(String.init) ?? ""
    }

    @Test(arguments: ["light", "dark", "print"])
    func everyLabelIsInTheThemesPairedFaces(name: String) throws {
        let figure = FigureDemos.klFits(theme: try Theme.named(name))
        let frame = try layoutFigureFrame(figure)
        let all = runs(frame.items)
        let prose = Set(all.filter { $0.kind == .prose }.map(\.font.fileName))
        let math = Set(all.filter { $0.kind != .prose }.map(\.font.fileName))
        #expect(prose == [try file(of: figure.theme.textFont)], "prose in \(prose)")
        #expect(math == [try file(of: figure.theme.mathFont)], "math in \(math)")
        #expect(prose == ["DejaVuSerif.ttf"] && math == ["DejaVuMathTeXGyre.ttf"])
    }

    /// A theme that names another math font brings its companion into every label.
    @Test func anotherMathFontBringsItsCompanion() throws {
        var theme = Theme.light
        theme.mathFont = "Latin Modern Math"
        theme.textFont = try #require(FontPairing.text(forMath: theme.mathFont))
        let all = runs(try layoutFigureFrame(FigureDemos.klFits(theme: theme)).items)
        let prose = Set(all.filter { $0.kind == .prose }.map(\.font.fileName))
        let math = Set(all.filter { $0.kind != .prose }.map(\.font.fileName))
        #expect(!prose.isEmpty && prose.allSatisfy { $0.hasPrefix("lmroman") }, "prose in \(prose)")
        #expect(math == ["latinmodern-math.otf"], "math in \(math)")
    }
}
