import CFreeType
import Testing
@testable import TextShaping

/// The one text shaper: fonts resolved through fontconfig, strings shaped by HarfBuzz, characters
/// the face lacks from fontconfig's fallback, and uninstalled families as located errors.
@Suite struct TextShapingTests {
    /// FreeType's own advance of each glyph, in font units (no hinting, no scaling).
    func freeTypeAdvances(_ font: ShapingFont, _ glyphs: [UInt32]) throws -> [Double] {
        var lib: FT_Library?
        #expect(FT_Init_FreeType(&lib) == 0)
        defer { FT_Done_FreeType(lib) }
        var face: FT_Face?
        #expect(FT_New_Face(lib, font.path, font.faceIndex, &face) == 0)
        return glyphs.map { g in
            guard let face, FT_Load_Glyph(face, g, FT_Int32(FT_LOAD_NO_SCALE)) == 0 else { return .nan }
            return Double(face.pointee.glyph.pointee.advance.x)
        }
    }

    @Test func aMonospacedWordHasOneGlyphPerLetterAndFreeTypesAdvances() throws {
        let shaper = try TextShaper(family: "DejaVu Sans Mono")
        #expect(shaper.font.path.hasSuffix("DejaVuSansMono.ttf"))
        let line = shaper.shape("minimum", size: 10)
        #expect(line.runs.count == 1)
        let glyphs = line.runs[0].glyphs
        #expect(glyphs.count == 7)
        #expect(glyphs.map(\.text).joined() == "minimum")
        let ft = try freeTypeAdvances(shaper.font, glyphs.map(\.id))
        let expected = ft.reduce(0, +) * 10 / shaper.font.unitsPerEm
        #expect(abs(line.width - expected) < 1e-9, "\(line.width) vs FreeType \(expected)")
        // 1233 of 2048 units per glyph: 7 × 6.0205 pt.
        #expect(abs(line.width - 7 * 1233 * 10 / 2048) < 1e-9)
        #expect(abs(shaper.width("minimum", size: 10) - line.width) < 1e-12)
        let step: Double = 1233.0 * 10 / 2048
        let lefts: [Double] = (0..<7).map { Double($0) * step }
        #expect(glyphs.map(\.x) == lefts)
    }

    @Test func ligaturesAndKerningComeFromTheFont() throws {
        let shaper = try TextShaper(family: "TeX Gyre Pagella")
        let line = shaper.shape("office", size: 12)
        let glyphs = line.runs.flatMap(\.glyphs)
        // o, the ffi ligature, c, e: the ligature stands for all three letters.
        #expect(glyphs.count == 4)
        #expect(glyphs.map(\.text) == ["o", "ffi", "c", "e"])
        let ft = try freeTypeAdvances(shaper.font, glyphs.map(\.id))
        #expect(abs(glyphs.map(\.advance).reduce(0, +) - ft.reduce(0, +) * 12 / shaper.font.unitsPerEm) < 1e-9)
        // "AV" kerns: narrower than its glyphs' own advances.
        let av = shaper.shape("AV", size: 12).runs[0].glyphs
        let plain = try freeTypeAdvances(shaper.font, av.map(\.id)).reduce(0, +) * 12 / shaper.font.unitsPerEm
        #expect(shaper.width("AV", size: 12) < plain - 0.1)
    }

    @Test func stylesResolveToTheirOwnFiles() throws {
        let files = try [(false, false), (true, false), (false, true), (true, true)].map {
            try TextShaper(family: "TeX Gyre Pagella", bold: $0.0, italic: $0.1).font.path.split(separator: "/").last.map(String.init)
        }
        #expect(files == ["texgyrepagella-regular.otf", "texgyrepagella-bold.otf", "texgyrepagella-italic.otf",
                          "texgyrepagella-bolditalic.otf"])
        // Resolved once: the same request gives the same font object.
        #expect(try FontLibrary.font(FontRequest(family: "TeX Gyre Pagella")) === TextShaper(family: "TeX Gyre Pagella").font)
    }

    @Test func metricsComeFromTheFont() throws {
        let shaper = try TextShaper(family: "DejaVu Serif")
        // DejaVu Serif: hhea ascender 1901, descender −483, OS/2 x-height 1063 of 2048 units.
        #expect(abs(shaper.ascent(size: 20.48) - 19.01) < 1e-9)
        #expect(abs(shaper.descent(size: 20.48) - 4.83) < 1e-9)
        #expect(abs(shaper.xHeight(size: 20.48) - 10.63) < 1e-9)
        let line = shaper.shape("x", size: 20.48)
        #expect(line.ascent == shaper.ascent(size: 20.48) && line.descent == shaper.descent(size: 20.48))
        let empty = shaper.shape("", size: 10)
        #expect(empty.width == 0 && empty.runs.isEmpty && empty.ascent > 0)
    }

    @Test func aCharacterTheFaceLacksComesFromAFallbackFont() throws {
        let shaper = try TextShaper(family: "TeX Gyre Pagella")
        #expect(!shaper.font.covers("☃"))
        let line = shaper.shape("snow ☃ man", size: 10)
        #expect(line.runs.count == 3)
        #expect(line.runs.map(\.text) == ["snow ", "☃", " man"])
        let fallback = line.runs[1].font
        #expect(fallback.covers("☃") && fallback.family.hasPrefix("DejaVu"), "\(fallback)")
        #expect(line.runs[1].glyphs.count == 1 && line.runs[1].glyphs[0].id != 0 && line.runs[1].glyphs[0].text == "☃")
        // Runs follow each other on the line; the line is as wide as its runs.
        #expect(abs(line.runs[1].x - line.runs[0].width) < 1e-12)
        #expect(abs(line.width - line.runs.map(\.width).reduce(0, +)) < 1e-9)
        #expect(line.runs.flatMap(\.glyphs).map(\.text).joined() == "snow ☃ man")
    }

    @Test func anUninstalledFamilyIsAnErrorNamingWhereItWasSet() throws {
        #expect(!FontLibrary.isInstalled("Comic Sans Nowhere"))
        #expect(FontLibrary.isInstalled("TeX Gyre Pagella"))
        #expect(FontLibrary.isInstalled("tex gyre pagella"))
        #expect(throws: FontNotInstalledError(family: "Comic Sans Nowhere")) { try TextShaper(family: "Comic Sans Nowhere") }
        do {
            try FontLibrary.requireInstalled("Comic Sans Nowhere", at: "style.yaml:3:9")
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "style.yaml:3:9: error: the font family 'Comic Sans Nowhere' is not installed "
                + "(fc-list : family does not list it); install it or name an installed family")
        }
    }

    @Test func aFontFileIsUsedAsItIs() throws {
        let path = try TextShaper(family: "DejaVu Serif").font.path
        let shaper = try TextShaper(family: path)
        #expect(shaper.font.path == path && shaper.font.family == "DejaVu Serif")
    }
}
