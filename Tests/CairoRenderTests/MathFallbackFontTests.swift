import Foundation
import Testing
import FigureModel
import Frame
import MathTypesetting
@testable import CairoRender

/// Characters the chosen math font lacks come from the fallback math font (STIX Math), scaled to the
/// chosen font's ex, drawn in every format from that font's file and extracted as their characters.
@Suite struct MathFallbackFontTests {
    let font: MathFont
    init() throws { font = try MathFont.load(family: MathFont.defaultFamily) }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-fallback-\(getpid())-\(name)").path
    }

    func glyphs(_ box: MathBox) -> [PositionedGlyph] {
        box.flatten().compactMap { if case .glyph(let g) = $0 { return g } else { return nil } }
    }

    @Test func missingSymbolsComeFromTheFallbackAtTheChosenFontsEx() throws {
        let fallback = try #require(font.fallbackFont)
        #expect(fallback.family == "STIX Math")
        #expect(font.glyph(for: "★", scriptLevel: 0) == nil && fallback.glyph(for: "★", scriptLevel: 0) != nil)
        let box = try typeset(#"a \bigstar b \Join c^{\bigstar}"#, font: font, size: 10)
        let placed = glyphs(box)
        let fromFallback = placed.filter { $0.face == .fallback }
        #expect(fromFallback.map(\.text) == ["★", "⨝", "★"])
        #expect(placed.filter { $0.face == .primary }.map(\.text) == ["\u{1D44E}", "\u{1D44F}", "\u{1D450}"])
        // The size that gives STIX Math's ex (AccentBaseHeight) the chosen font's ex at 10 pt …
        let ex = { (f: MathFont) in f.constant(.accentBaseHeight) / f.unitsPerEm }
        let factor = ex(font) / ex(fallback)
        #expect(factor > 1.1 && factor < 1.2)
        #expect(abs(fromFallback[0].size - 10 * factor) < 1e-9)
        // … and in a superscript, the chosen font's script size (ScriptPercentScaleDown) times the same.
        let script = 10 * font.constant(.scriptPercentScaleDown) / 100
        #expect(abs(fromFallback[2].size - script * factor) < 1e-9)
        // ⨝ is an Op in unicode-math (\Join, mathop): a thin space after the Ord before it.
        let b = try #require(placed.first { $0.text == "\u{1D44F}" }), join = fromFallback[1]
        let bAdvance = font.glyphMetrics(try #require(font.glyph(for: "\u{1D44F}", scriptLevel: 0))).advance * 10 / font.unitsPerEm
        let gap = join.x - (b.x + bAdvance)   // \thinmuskip (3 mu), plus b's italic correction if any
        #expect(gap > 3 * 10 / 18 - 0.01 && gap < 4 * 10 / 18, "\(gap)")
    }

    @Test func fallbackDelimitersStretch() throws {
        // ⦃ (\lBrace) is not in DejaVu Math TeX Gyre; STIX Math has size variants for it.
        let small = try typeset(#"\lBrace x \rBrace"#, font: font, size: 10)
        let tall = try typeset(#"\left\lBrace \frac{\frac{a}{b}}{\frac{c}{d}} \right\rBrace"#, font: font, size: 10)
        #expect(glyphs(small).filter { $0.face == .fallback }.count == 2)
        #expect(tall.height + tall.depth > small.height + small.depth + 5)
    }

    @Test func aCharacterNoFontHasIsAnErrorNamingBothFonts() throws {
        do {
            _ = try typeset("x + \u{1F600}", font: font, size: 10)
            Issue.record("expected an error")
        } catch let e as MathError {
            #expect(e.kind == .missingGlyph && e.range == 4..<5)
            #expect(e.message.contains("DejaVu Math TeX Gyre") && e.message.contains("STIX Math") && e.message.contains("U+1F600"),
                    "\(e.message)")
        }
    }

    @Test func frameDrawsFallbackGlyphsFromTheFallbackFile() throws {
        let box = try typeset(#"\bigstar + x"#, font: font, size: 10)
        let items = mathFrameItems(box, x: 0, baseline: 0, fill: .color(.black), source: "")
        let runs = items.compactMap { if case .glyphs(let r) = $0 { return r } else { return nil } }
        let files = Set(runs.map(\.font.path))
        #expect(files == [font.path, try #require(font.fallbackFont).path])
        let star = try #require(runs.first { $0.font.path.contains("STIX") })
        #expect(star.glyphs.map(\.text) == ["★"])
    }

    @Test func pdfEmbedsTheFallbackAndExtractsItsCharacters() throws {
        let box = try typeset(#"\bigstar \Join \lBrace x \rBrace_{\bigstar}"#, display: true, font: font, size: 12)
        let pdf = try renderMathDocument(box, format: .pdf)
        let path = temporaryPath("fallback.pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeAtomically(pdf, to: path)
        let fonts = try runTool("/usr/bin/pdffonts", [path])
        #expect(fonts.split(separator: "\n").contains { $0.contains("STIXMath") && $0.contains(" yes ") }, "\(fonts)")
        let text = try runTool("/usr/bin/pdftotext", [path, "-"])
        #expect(!text.contains("\u{FFFD}"), "\(text)")
        for c in ["★", "⨝", "⦃", "⦄", "\u{1D465}"] { #expect(text.contains(c), "\(c) in \(text)") }
    }

    @Test func svgStoresEachFallbackOutlineOnce() throws {
        let box = try typeset(#"\bigstar + \bigstar = \bigstar"#, font: font, size: 10)
        let svg = String(decoding: try renderMathDocument(box, format: .svg), as: UTF8.self)
        let defined = svg.matches(of: /<path id="([^"]+)"/).map { String($0.1) }
        #expect(Set(defined).count == defined.count)
        #expect(defined.count == 3, "★, + and = once each: \(defined)")
        #expect(svg.components(separatedBy: "<use").count - 1 == 5)
    }
}
