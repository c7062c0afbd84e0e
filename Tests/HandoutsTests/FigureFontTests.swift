import Foundation
import Testing
import FigureModel
@testable import Handouts

/// Issue 14: a figure in a handout sets its labels' math in the handout's math font and their prose
/// in its `sans` face, which is that math font's companion text face unless named, so labels read
/// like the formulas on the page.
struct FigureFontTests {
    @Test func figureFontsFollowTheHandoutsMathFont() throws {
        let house = HandoutFonts(Fonts()).figureTheme(.light)
        #expect(house.mathFont == "TeX Gyre Pagella Math" && house.textFont == "TeX Gyre Pagella")
        let lm = HandoutFonts(Fonts(math: "Latin Modern Math")).figureTheme(.dark)
        #expect(lm.mathFont == "Latin Modern Math" && lm.textFont == "Latin Modern Roman")
        #expect(lm.background == Theme.dark.background)
        // A math font the pairing table does not know: the style's label face.
        let file = HandoutFonts(Fonts(text: "TeX Gyre Termes", math: "/fonts/Other-Math.otf")).figureTheme(.light)
        #expect(file.textFont == HouseStyle.default.fonts.sans && file.mathFont == "/fonts/Other-Math.otf")
        // A named `sans` wins, here or in the style.
        #expect(HandoutFonts(Fonts(math: "Latin Modern Math", sans: "DejaVu Sans")).figureTheme(.light).textFont == "DejaVu Sans")
        #expect(HouseStyle.default.fonts.sans == "TeX Gyre Pagella")
        let styled = try HouseStyle.read(yaml: "fonts: {math: TeX Gyre Termes Math}\n", file: "s.yaml")
        #expect(styled.fonts.sans == "TeX Gyre Termes")
        let named = try HouseStyle.read(yaml: "fonts: {math: TeX Gyre Termes Math, sans: TeX Gyre Heros}\n", file: "s.yaml")
        #expect(named.fonts.sans == "TeX Gyre Heros")
        #expect(HandoutFonts(Fonts(), style: styled).figureTheme(.light).textFont == "TeX Gyre Termes")
    }

    @Test func theBuildCacheWatchesTheFigureTextFont() {
        let fonts = HandoutFonts(Fonts(text: "TeX Gyre Termes", math: "Latin Modern Math"))
        #expect(fonts.files.contains { $0.contains("lmroman") }, "\(fonts.files)")
    }

    /// The example handout's PDF embeds neither DejaVu Math (the figures' math before) nor DejaVu
    /// Serif (the themes' text face): its figure's labels are in Pagella, as the page.
    @Test func aHandoutFigureIsSetInThePagesFaces() throws {
        let built = try BuildFixtures.build("_example", [.pdf])
        let listing = try BuildFixtures.tool("pdffonts", [], pdf: try #require(built.pdf))
        #expect(!listing.contains("DejaVuMath") && !listing.contains("DejaVuSerif"), "\(listing)")
        #expect(listing.contains("TeXGyrePagella-Regular") && listing.contains("TeXGyrePagellaMath"))
    }
}
