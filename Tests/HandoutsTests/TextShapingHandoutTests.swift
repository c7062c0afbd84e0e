import Foundation
import Testing
@testable import Handouts
@testable import CairoRender
import TextShaping
import Frame

/// Handouts are set with the one text shaper (HarfBuzz): a text family that is not installed is
/// an error where it was named, words measure as the shaper shapes them, and the PDF's text has
/// a space glyph for every word space.
@Suite struct TextShapingHandoutTests {
    @Test func anUninstalledFamilyInFrontMatterIsLocated() throws {
        let source = "---\ntitle: T\nfonts:\n  text: TeX Gyre Pagella\n  sans: Comic Sans Nowhere\n---\nText.\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.line == 5 && e?.column == 9, "\(String(describing: e))")
        #expect(e?.message == "fonts sans: the font family 'Comic Sans Nowhere' is not installed (fc-list : family does not list it); "
            + "install it or name an installed family")
        #expect(try parse("---\ntitle: T\nfonts: {text: DejaVu Serif, math: Latin Modern Math}\n---\nText.\n").meta.fonts.text == "DejaVu Serif")
    }

    /// A math font is set without substitution too: one not installed, or an installed face without
    /// a MATH table (TeX Gyre Pagella is the text face), is an error where it was named.
    @Test func anUnusableMathFontIsLocatedInFrontMatterAndStyles() throws {
        for name in ["No Such Math", "TeX Gyre Pagella"] {
            let e = templateError { _ = try parse("---\ntitle: T\nfonts:\n  math: \(name)\n---\nText.\n") }
            #expect(e?.line == 4 && e?.column == 9, "\(String(describing: e))")
            #expect(e?.message.hasPrefix("fonts math: the math font '\(name)' is not installed or has no OpenType MATH table") == true,
                    "\(String(describing: e))")
            do {
                _ = try HouseStyle.read(yaml: "fonts:\n  math: \(name)\n", file: "house.yaml")
                Issue.record("no error for \(name)")
            } catch {
                #expect("\(error)".hasPrefix("house.yaml:2:9: error: font 'math': the math font '\(name)'"), "\(error)")
            }
        }
    }

    @Test func anUninstalledFamilyInAStyleFileIsLocated() {
        do {
            _ = try HouseStyle.read(yaml: "fonts:\n  mono: DejaVu Sans Mono\n  slides: Comic Sans Nowhere\n", file: "house.yaml")
            Issue.record("no error")
        } catch {
            #expect("\(error)".hasPrefix("house.yaml:3:11: error: font 'slides': the font family 'Comic Sans Nowhere' is not installed"),
                    "\(error)")
        }
    }

    @Test func wordsMeasureAsTheShaperShapesThem() throws {
        let measurer = try HandoutMeasurer(fonts: Fonts())
        let face = measurer.fonts.font(for: .italic)
        let shaper = try TextShaper(family: face.family, bold: face.bold, italic: face.italic)
        #expect(shaper.font.path.hasSuffix("texgyrepagella-italic.otf"))
        for word in ["entropy", "office", "AVA", "Kullback–Leibler"] {
            #expect(measurer.textWidth(word, style: .italic, size: 10.5) == shaper.shape(word, size: 10.5).width)
        }
    }

    @Test func aSetLineHasASpaceGlyphPerWordSpace() throws {
        let doc = try parse("---\ntitle: T\n---\nOne two $x$ three four.\n")
        let measurer = try HandoutMeasurer(fonts: doc.meta.fonts)
        let (drawing, _) = try paginateHandout(doc, measurer: measurer)
        let frames = try documentFrames(drawing)
        var texts: [String] = []
        func walk(_ items: [FrameItem]) {
            for item in items {
                switch item {
                case .glyphs(let g) where g.kind == .prose: texts.append(g.glyphs.map(\.text).joined())
                case .group(let g): walk(g.items)
                default: break
                }
            }
        }
        walk(frames[0].items)
        let body = texts.joined()
        // Every word of the paragraph and the formula's trailing space; the last word ends the
        // paragraph and has none.
        #expect(body.contains("One two  three four."), "\(texts)")
    }
}
