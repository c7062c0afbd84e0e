import CairoRender
import FigureModel
import Foundation
import Frame
import PlotGrammar
import Testing
@testable import Handouts

/// House style files (issue 10 §4): read with located errors, printed back as read, and followed
/// by the PDF (fonts by pdffonts, running text by pdftotext, colours in the page frames, the logo
/// by pdfimages), the HTML (CSS values) and the deck.
@Suite struct HouseStyleTests {
    /// A folder with a style file, a logo and a template naming the style (`style:` in its front matter).
    static func folder(style: String, template body: String, front: String = "style: house.yaml") throws -> (dir: URL, file: String, source: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-style-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try style.write(to: dir.appendingPathComponent("house.yaml"), atomically: true, encoding: .utf8)
        try logoPNG().write(to: dir.appendingPathComponent("logo.png"))
        try #require(Data(base64Encoded: darkLogoBase64)).write(to: dir.appendingPathComponent("logo-dark.png"))
        let source = "---\ntitle: Styled notes\ncourse: Information Theory\nlecture: 4\n\(front)\n---\n" + body
        let file = dir.appendingPathComponent("t.md").path
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, file, source)
    }

    /// A 4 × 2 RGBA PNG: the left half #8C1515, the right half transparent (written by Python's zlib).
    static func logoPNG() throws -> Data {
        try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAYAAAB/qH1jAAAAE0lEQVR4nGPoERX9D8IMMIAuAACM1AbV7RpRrAAAAABJRU5ErkJggg=="))
    }

    /// A 2 × 2 white PNG, the logo's version for dark grounds.
    static let darkLogoBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAADklEQVR4nGP4DwUMMAYAj4IP8TylVlEAAAAASUVORK5CYII="

    static let style = """
        fonts: {text: TeX Gyre Termes, math: TeX Gyre Termes Math, mono: Latin Modern Mono, slides: TeX Gyre Adventor}
        colors:
          accent: "#8C1515"
          link: "#B1040E"
          callouts: {key-idea: "#175E54"}
        logo: logo.png
        logo_dark: logo-dark.png
        header: ["Univ. of Examples", "{title}"]
        footer: ["{course}", "page {page} of {pages}", "{author}"]
        slide_footer: ["Slides of {course}", "{page}"]
        """

    static let body = """
        # First part

        ::: key-idea
        Styles colour callouts, and set $x^2$ in the style's math font.
        :::

        \(String(repeating: "A paragraph long enough to fill the page with words and more words. ", count: 40))

        \(String(repeating: "Another paragraph, so that the handout runs onto a second page for its header. ", count: 40))

        `code`
        """

    @Test func defaultStylePrintsAndReadsBackToItself() throws {
        let text = HouseStyle.default.yaml
        let read = try HouseStyle.read(yaml: text, file: "default.yaml")
        #expect(read == HouseStyle.default)
        #expect(read.yaml == text)
        // Every key the reader knows is in the printed file (so it is a complete place to start).
        for key in HouseStyle.keys + HouseStyle.fontKeys + CalloutKind.allCases.map(\.rawValue) {
            #expect(text.contains("\(key):"), "\(key) missing from the default style")
        }
        // An empty file is the default style too.
        #expect(try HouseStyle.read(yaml: "", file: "empty.yaml") == .default)
    }

    @Test func aStyleReadsBackFromItsPrint() throws {
        let f = try Self.folder(style: Self.style, template: "Text.")
        let style = try HouseStyle.load(path: f.dir.appendingPathComponent("house.yaml").path)
        // A style naming its math font and no `sans` labels figures in that font's companion face.
        #expect(style.fonts.text == "TeX Gyre Termes" && style.fonts.sans == "TeX Gyre Termes")
        #expect(cssHex(style.callout(.keyIdea)) == "#175e54" && style.callout(.note) == HouseStyle.default.callout(.note))
        #expect(style.logo?.image.width == 4 && style.logo?.image.height == 2)
        // The logo keeps its transparency: the right half is clear, the left red.
        #expect(style.logo?.image.pixels.first == 0xFF8C_1515 && style.logo?.image.pixels.last == 0)
        let printed = f.dir.appendingPathComponent("printed.yaml").path
        try style.yaml.write(toFile: printed, atomically: true, encoding: .utf8)
        #expect(try HouseStyle.load(path: printed) == style)
    }

    /// Errors name the style file's line and column and the closest known key or field.
    @Test func errorsAreLocatedWithTheClosestKnownName() {
        func message(_ yaml: String) -> String {
            do { _ = try HouseStyle.read(yaml: yaml, file: "house.yaml"); return "no error" } catch { return "\(error)" }
        }
        #expect(message("fonts: {text: X}\ncolours: {accent: \"#000000\"}").hasPrefix(
            "house.yaml:2:1: error: unknown key 'colours' in the style (did you mean colors?); expected one of: fonts, colors,"))
        #expect(message("colors:\n  callouts:\n    key_idea: \"#000000\"").hasPrefix(
            "house.yaml:3:5: error: unknown key 'key_idea' in callouts (did you mean key-idea?)"))
        #expect(message("fonts:\n  txet: X").hasPrefix("house.yaml:2:3: error: unknown key 'txet' in fonts (did you mean text?)"))
        #expect(message("colors:\n  accent: \"#12\"") ==
            "house.yaml:2:11: error: accent must be a colour \"#RRGGBB\" (in quotes: YAML reads # as a comment), got '#12'")
        // The unknown field's own column: `header: ["{course}", "{titel}"]` has {titel} at column 23.
        #expect(message("header: [\"{course}\", \"{titel}\"]").hasPrefix(
            "house.yaml:1:23: error: unknown field '{titel}' in the header (did you mean title?)"))
        #expect(message("logo: nothere.png").hasPrefix("house.yaml:1:7: error: cannot read the logo 'nothere.png'"))
        #expect(message("fonts: [a, b]").hasPrefix("house.yaml:1:8: error: fonts must be a mapping of keys"))
    }

    @Test func aMissingStyleFileIsTheTemplatesLocatedError() throws {
        let f = try Self.folder(style: Self.style, template: "Text.", front: "style: nothere.yaml")
        let e = templateError { _ = try HandoutParser.parse(file: f.file, source: f.source, evaluator: fakeEvaluator) }
        #expect(e?.line == 5 && e?.column == 8)
        #expect(e?.message.hasPrefix("cannot read the style file 'nothere.yaml'") == true)
    }

    /// Fonts, running text, colours and the logo of a styled handout, read from the PDF.
    @Test func theStyleIsAppliedInThePDF() throws {
        let f = try Self.folder(style: Self.style, template: Self.body)
        let built = try buildHandout(file: f.file, source: f.source, formats: [.pdf])
        let pdf = try #require(built.pdf)
        let fonts = try BuildFixtures.tool("pdffonts", [], pdf: pdf)
        #expect(fonts.contains("TeXGyreTermes-Regular") && fonts.contains("TeXGyreTermesMath-Regular") && fonts.contains("LMMono"))
        #expect(!fonts.contains("TeXGyrePagella"))
        let pages = built.pageCount
        #expect(pages >= 2)
        // pdftotext writes one space for the two space glyphs on each side of the footers' "·".
        let text = try BuildFixtures.tool("pdftotext", [], pdf: pdf)
        #expect(text.contains("Information Theory · page 1 of \(pages)"))
        #expect(text.contains("Univ. of Examples · Styled notes"))
        // No author: the footer part naming {author} is left out, and so is the default header.
        #expect(!text.contains("Lecture 4 ·"))
        let images = try BuildFixtures.tool("pdfimages", ["-list"], pdf: pdf)
        #expect(images.split(separator: "\n").filter { $0.contains("smask") }.count == 1, "\(images)")

        // Colours in the page frames: the heading in the accent, the callout's rule in its hue.
        let document = try HandoutParser.parse(file: f.file, source: f.source)
        let measurer = try HandoutMeasurer(fonts: document.meta.fonts)
        let frames = try documentFrames(try paginateHandout(document, measurer: measurer).drawing)
        let first = Self.colours(frames[0].items)
        #expect(first.glyphs.contains(Color(hex: 0x8C1515)), "the heading is not in the accent colour")
        #expect(first.fills.contains(Color(hex: 0x175E54)), "the key idea's rule is not in its style colour")
        #expect(!first.fills.contains(Color(hex: 0x007580)) && !first.glyphs.contains(Color(hex: 0x1F4E79)))
    }

    /// The same style in the HTML: CSS values, the fonts and the logo as a data URL.
    @Test func theStyleIsAppliedInTheHTML() throws {
        let f = try Self.folder(style: Self.style, template: Self.body)
        let html = String(decoding: try #require(try buildHandout(file: f.file, source: f.source, formats: [.html]).html), as: UTF8.self)
        #expect(html.contains("--link: #b1040e;"))
        #expect(html.contains("--key-idea: #175e54;"))
        #expect(html.contains("--note: \(cssHex(HouseStyle.default.callout(.note)));"))
        #expect(html.contains("font-family: \"TeX Gyre Termes\", \"Palatino Linotype\""))
        #expect(html.contains("font-family: \"Latin Modern Mono\", Menlo"))
        // The light logo, switched to the dark one in the reader's dark scheme.
        #expect(html.contains("<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"data:image/png;base64,\(Self.darkLogoBase64)\"/>"
                              + "<img class=\"logo\" alt=\"\" src=\"data:image/png;base64,"))
        // The PDF's callout tint over the web page's ground, as the stylesheet's light scheme says.
        let web = PagePalette.webLight.styled(try HouseStyle.load(path: f.dir.appendingPathComponent("house.yaml").path), web: true)
        #expect(html.contains("--key-idea-tint: \(cssHex(web.tint(Color(hex: 0x175E54).page)));"))
    }

    @Test func theDefaultStyleIsTodaysLook() {
        let css = handoutStylesheet()
        #expect(css.contains("font-family: \"TeX Gyre Pagella\", \"Palatino Linotype\", Palatino, \"Book Antiqua\", \"URW Palladio L\", Georgia, serif;"))
        #expect(css.contains("--link: #1f5fa8;") && css.contains("--link: #8cb8ee;"))
        #expect(css.contains("font-family: \"DejaVu Sans Mono\", Menlo, Consolas, monospace;"))
        #expect(!css.contains(".logo"))
        #expect(PagePalette.pages(DocumentMeta(title: [])).accent == PageColor(hex: 0x1F4E79))
    }

    /// A deck takes the style's slide face, accent and callout hues, in PDF and HTML alike.
    @Test func theStyleIsAppliedInADeck() throws {
        let f = try Self.folder(style: Self.style, template: "## A slide\n\n::: key-idea\nStyled.\n:::\n",
                                front: "style: house.yaml\nformat: slides")
        let built = try buildHandout(file: f.file, source: f.source, formats: [.pdf, .html])
        let fonts = try BuildFixtures.tool("pdffonts", [], pdf: try #require(built.pdf))
        #expect(fonts.contains("TeXGyreAdventor"))
        // The footer's left end: the style's slide footer (the title slide has no footer; slide 2 is the first with one).
        let text = try BuildFixtures.tool("pdftotext", [], pdf: try #require(built.pdf))
        #expect(text.contains("Slides of Information Theory · 2"), "\(text)")   // pdftotext: one space for two
        let images = try BuildFixtures.tool("pdfimages", ["-list"], pdf: try #require(built.pdf))
        #expect(images.contains("smask"), "no logo on the title slide")
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        #expect(html.contains("--accent: #8c1515;") && html.contains("--key-idea: #175e54;"))
        #expect(html.contains(".callout-key-idea { --callout: var(--key-idea); --box: var(--key-idea-tint); }"))
        #expect(html.contains("font-family: \"TeX Gyre Adventor\""))
        #expect(html.contains("<footer><span>Slides of Information Theory  ·  2</span>"))
        #expect(html.contains("<img class=\"logo\""))
    }

    /// A dark deck draws the logo's dark version (2 × 2) in its PDF and its HTML.
    @Test func aDarkDeckShowsTheDarkLogo() throws {
        let f = try Self.folder(style: Self.style, template: "## A slide\n\nText.\n", front: "style: house.yaml\nformat: slides\ntheme: dark")
        let built = try buildHandout(file: f.file, source: f.source, formats: [.pdf, .html])
        let images = try BuildFixtures.tool("pdfimages", ["-list"], pdf: try #require(built.pdf))
        let sizes = images.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").dropFirst(3).prefix(2).joined(separator: "x") }
        #expect(sizes.contains("2x2") && !sizes.contains("4x2"), "\(images)")
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        #expect(html.contains("<img class=\"logo\" alt=\"\" src=\"data:image/png;base64,\(Self.darkLogoBase64)\"/>"))
        #expect(!html.contains("<picture>"))
    }

    /// Every fill and glyph colour of frame items, groups included.
    static func colours(_ items: [FrameItem]) -> (fills: Set<Color>, glyphs: Set<Color>) {
        var fills: Set<Color> = [], glyphs: Set<Color> = []
        func walk(_ items: [FrameItem]) {
            for item in items {
                switch item {
                case .path(let p): if case .color(let c)? = p.fill { fills.insert(c) }
                case .glyphs(let g): if case .color(let c) = g.fill { glyphs.insert(c) }
                case .group(let g): walk(g.items)
                default: break
                }
            }
        }
        walk(items)
        return (fills, glyphs)
    }
}

extension Color {
    var page: PageColor { PageColor(red: red, green: green, blue: blue) }
}
