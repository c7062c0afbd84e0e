import CairoRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InfoRequests
import Testing
@testable import Handouts

/// Formulas as a tiny SVG 100 pt wide (wide enough to be cut at its relations), figures as a tiny
/// SVG, and a phone drawing for every figure that switches below 612 px.
private struct PhoneAssets: HandoutAssets {
    func figureSVG(_ figure: Figure, title: String) throws -> String? {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\" height=\"10pt\" role=\"img\" aria-labelledby=\"a-t0 a-d0\"><title id=\"a-t0\">W</title><desc id=\"a-d0\">D</desc></svg>"
    }
    func phoneFigure(_ figure: Figure, title: String) throws -> PhoneFigure? {
        PhoneFigure(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"5pt\" height=\"5pt\" role=\"img\" aria-labelledby=\"b-t0\"><title id=\"b-t0\">N</title></svg>",
                    below: 611.2)
    }
    func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)? {
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(tex.count * 20)pt\" height=\"10pt\" role=\"img\" aria-labelledby=\"m-t0\"><title id=\"m-t0\">\(text(tex))</title><path d=\"M0 0\"/></svg>", 2, 10)
    }
    func mathML(tex: String, display: Bool) throws -> String? {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>"
    }
}

private func page(_ body: String, front: String = "", assets: any HandoutAssets = PhoneAssets(),
                  navigation: HandoutNavigation? = nil) throws -> (html: String, xml: XMLDocument) {
    let source = "---\ntitle: Web\n\(front)---\n\(body)"
    let html = try HTMLWriter.write(try parse(source), assets: assets, navigation: navigation)
    return (html, try XMLDocument(xmlString: html, options: []))
}

private func nodes(_ xml: XMLDocument, _ xpath: String) throws -> [XMLNode] { try xml.nodes(forXPath: xpath) }

@Suite struct WebPageTests {
    /// A formula and the characters touching it form one unbreakable group: the comma after it
    /// can never start a line, nor the parenthesis before it end one.
    @Test func formulasKeepTheirPunctuation() throws {
        #expect(gluedToFormulas([.text("so ("), .math(InlineMath(tex: "x", position: SourcePosition(line: 1, column: 1))), .text("), then")])
            == [.single(.text("so ")), .unbreakable([.text("("), .math(InlineMath(tex: "x", position: SourcePosition(line: 1, column: 1))), .text("),")]),
                .single(.text(" then"))])
        let (html, xml) = try page("Take $a$, then $b$. And $c$ alone.\n")
        #expect(html.contains("Take <span class=\"nobreak\"><span class=\"math\">"))
        let groups = try nodes(xml, "//*[@class='nobreak']")
        #expect(groups.count == 2)
        #expect(groups.map { $0.stringValue?.last } == [",", "."])
        // A formula with spaces on both sides needs no group.
        #expect(html.contains("And <span class=\"math\">"))
    }

    /// An inline formula wider than half a phone's column is cut after its relations into pieces a
    /// line may break between (inside the nobreak group too); one MathML still speaks it whole.
    @Test func longInlineFormulasBreakAtRelations() throws {
        let (html, xml) = try page("Then $a+b=c+d=e$.\n")
        // After each top-level Bin and Rel: a+ | b= | c+ | d= | e.
        let pieces = try nodes(xml, "//*[@class='math-pieces']/*[local-name()='svg']")
        #expect(pieces.count == 5)
        #expect(html.contains("<wbr/>"))
        #expect(try nodes(xml, "//*[@class='mathml']").count == 1)
        // The group still ends with the period: only the inside breaks.
        #expect(try nodes(xml, "//*[@class='nobreak']").first?.stringValue?.hasSuffix(".") == true)
    }

    /// Inline formulas sit in a margin box of zero height, so no line is taller than the others
    /// (issue 14): the top margin is minus the height above the baseline, the bottom minus the depth.
    @Test func inlineFormulasNeverPushTheLine() throws {
        let (html, _) = try page("One $x$ here.\n")
        #expect(html.contains("<svg aria-hidden=\"true\" style=\"vertical-align: 0; margin: -8.00px 0 -2.00px\""), "\(html)")
    }

    /// Wide display equations and tables scroll in their own box, with the edge shadows drawn by
    /// backgrounds that travel with the content (local) over ones fixed to the box (scroll).
    @Test func wideEquationsAndTablesScrollInTheirOwnBox() throws {
        let (html, xml) = try page("| a | b |\n|---|---|\n| 1 | 2 |\n\n$$x = y$$\n")
        #expect(try nodes(xml, "//*[@class='table-scroll']/*[local-name()='table']").count == 1)
        #expect(try nodes(xml, "//*[@class='equation']/*[@class='math display']").count == 1)
        let rule = try #require(handoutStylesheet().range(of: ".equation .math, .table-scroll, pre {"))
        let body = handoutStylesheet()[rule.upperBound...].prefix(while: { $0 != "}" })
        #expect(body.contains("overflow-x: auto"))
        #expect(body.contains("background-attachment: local, local, scroll, scroll"))
        // The covers are taller than the shadows, so no sliver of shadow shows below a formula
        // whose content is a fraction of a pixel taller than its box.
        #expect(body.contains("background-size: 2.5em calc(100% + 2px), 2.5em calc(100% + 2px), 0.9em 100%, 0.9em 100%"))
        #expect(handoutStylesheet().contains(".equation .math { flex: 1 1 auto; min-width: 0;"))
        _ = html
    }

    /// Each figure has its page-width drawing and its phone drawing; a media rule in the head
    /// swaps them below the width the assets name (rounded up to whole px).
    @Test func figuresSwitchToTheirPhoneDrawing() throws {
        let (html, xml) = try page("```figure\nname: surprisal\ncaption: S.\n```\n")
        let classes = try nodes(xml, "//*[local-name()='figure']/*[contains(@class,'figure-art')]/@class").map { $0.stringValue }
        #expect(classes == ["figure-art switch-612"])
        #expect(try nodes(xml, "//*[@class='figure-wide']/*[local-name()='svg']").count == 1)
        #expect(try nodes(xml, "//*[@class='figure-narrow']/*[local-name()='svg']").count == 1)
        #expect(html.contains("@media screen and (max-width: 612px) { .switch-612 .figure-wide { display: none; } .switch-612 .figure-narrow { display: block; } }"))
        #expect(handoutStylesheet().contains(".figure-narrow { display: none; }"))
    }

    /// `alt:` of a figure block is the figure's accessible name; without it the name is generated
    /// from the number and the caption, formulas read as text (not TeX).
    @Test func figureAltTextFromTheBlockOrGenerated() throws {
        let given = try page("```figure\nname: surprisal\nalt: A curve falling from infinity to zero bits.\ncaption: S.\n```\n")
        let labels = try nodes(given.xml, "//*[contains(@class,'figure-art')]/@aria-label").map { $0.stringValue ?? "" }
        #expect(labels == ["A curve falling from infinity to zero bits."])
        let generated = try page("```figure\nname: surprisal\ncaption: Surprisal $-\\log_2 p$ in bits.\n```\n", assets: FallbackAssets())
        let name = try nodes(generated.xml, "//*[@role='img']/@aria-label").first?.stringValue
        #expect(name == "Figure 1: Surprisal −log 2 p in bits.")
        let e = templateError { _ = try parse(template("```figure\nname: surprisal\nalt: [1, 2]\n```")) }
        #expect(e?.message.contains("figure 'alt' must be text") == true)
    }

    /// A table of contents of the sections (numbers and titles, nested), linking each heading's id.
    @Test func tableOfContentsLinksEveryHeading() throws {
        let (_, xml) = try page("# One {#sec-one}\n\nText.\n\n## One A\n\nText.\n\n# Two\n\nText.\n")
        let links = try nodes(xml, "//*[local-name()='nav'][@class='toc']//*[local-name()='a']/@href").map { $0.stringValue ?? "" }
        let ids = try nodes(xml, "//*[local-name()='main']//*[local-name()='h2' or local-name()='h3']/@id").map { "#" + ($0.stringValue ?? "") }
        #expect(links == ids)
        #expect(links.count == 3)
        #expect(try nodes(xml, "//*[@class='toc']/*[local-name()='ul']/*[local-name()='li']/*[local-name()='ul']/*[local-name()='li']").count == 1)
        #expect(try nodes(xml, "//*[@id='toc-title']").first?.stringValue == "Contents")
    }

    /// Links to the index and the neighbouring handouts, above the title and again at the end.
    @Test func pagesLinkTheIndexAndTheirNeighbours() throws {
        let nav = HandoutNavigation(index: .init(title: "All handouts", href: "../index.html"),
                                    previous: .init(title: "Surprise", href: "01-s.html"), next: nil)
        let (_, xml) = try page("Text.\n", navigation: nav)
        for where_ in ["//*[local-name()='nav'][@class='pages']", "//*[local-name()='footer'][@class='pages']"] {
            let hrefs = try nodes(xml, where_ + "/*[local-name()='a']/@href").map { $0.stringValue ?? "" }
            #expect(hrefs == ["../index.html", "01-s.html"])
        }
        #expect(try nodes(xml, "//*[@rel='prev']").count == 2)
        #expect(try nodes(xml, "//*[@rel='next']").isEmpty)
    }

    /// The footer's links are laid out like the nav's, a row with the next handout on the right (the
    /// footer had no rule of its own, and showed "All handoutsCross-entropy …" run together).
    @Test func footerLinksAreARowLikeTheNav() throws {
        let nav = HandoutNavigation(index: .init(title: "All handouts", href: "../index.html"),
                                    previous: nil, next: .init(title: "Cross-entropy", href: "02-c.html"))
        let (html, _) = try page("Text.\n", navigation: nav)
        let rules = html.components(separatedBy: "\n").filter { $0.contains("display: flex") && $0.contains("space-between") }
        #expect(rules.contains { $0.contains("nav.pages") && $0.contains("footer.pages") })
        #expect(html.contains(".pages .next { margin-left: auto;"))
    }

    /// A dark or print handout's figure card is its figures' own ground in either scheme (a dark
    /// figure sat in a band of the light page's white card); a light handout's card follows the scheme.
    @Test func figureCardTakesTheFiguresGround() throws {
        let figure = "```figure\nname: surprisal\ncaption: S.\n```\n"
        for (theme, ground) in [("dark", "#1e2127"), ("print", "#ffffff")] {
            let (_, xml) = try page(figure, front: "theme: \(theme)\n")
            let styles = try nodes(xml, "//*[contains(@class,'figure-art')]/@style").map { $0.stringValue ?? "" }
            #expect(styles.count == 1 && styles.allSatisfy { $0.lowercased() == "background: \(ground)" }, "\(theme): \(styles)")
        }
        let (_, light) = try page(figure)
        #expect(try nodes(light, "//*[contains(@class,'figure-art')]/@style").isEmpty)
    }

    /// `lang:` from the front matter on the page (handout and deck); English by default.
    @Test func languageFromTheFrontMatter() throws {
        #expect(try page("Text.\n").html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(Hyphenator.defaultLanguage)\">"))
        #expect(try page("Text.\n", front: "lang: en\n").html.contains(" lang=\"en\">"))
        let deck = try SlideHTMLWriter(assets: FallbackAssets()).write(try parse("---\ntitle: D\nformat: slides\nlang: en-US\n---\n# A\n\nText.\n"))
        #expect(deck.contains(" lang=\"en-US\">"))
    }

    /// `description:` goes into the page's meta description (and the index).
    @Test func descriptionFromTheFrontMatter() throws {
        let (html, _) = try page("Text.\n", front: "description: One line & more.\n")
        #expect(html.contains("<meta name=\"description\" content=\"One line &amp; more.\"/>"))
        #expect(firstSentence("The first. The second.") == "The first.")
        #expect(firstSentence(String(repeating: "word ", count: 60)).hasSuffix("word…"))
    }

    /// Without `description:` the index shows the first sentence, but a lead-in cut off by its
    /// display ("… with probability p is", "… once X is known:") gives way to the subtitle.
    @Test func indexDescriptionIsAWholeSentenceOrTheSubtitle() throws {
        let whole = try parse("---\ntitle: T\nsubtitle: Sub\n---\nThe truth is $p$. More.\n")
        #expect(indexDescription(whole) == "The truth is p.")
        let quoted = try parse("---\ntitle: T\nsubtitle: Sub\n---\nIt said “rain.”\n")
        #expect(indexDescription(quoted) == "It said “rain.”")
        for lead in ["The surprise of an outcome with probability $p$ is\n\n$$ s = -\\log p $$\n",
                     "What is left once $X$ is known:\n\n- a\n- b\n"] {
            #expect(indexDescription(try parse("---\ntitle: T\nsubtitle: How much we *learn*\n---\n" + lead)) == "How much we learn")
            #expect(indexDescription(try parse("---\ntitle: T\n---\n" + lead)).hasSuffix(lead.hasPrefix("The") ? "p is" : "known:"))
        }
    }

    /// No CSS the Nu HTML Checker rejects (it predates color-mix() and the color-scheme property;
    /// the colour scheme is a meta element instead).
    @Test func stylesheetAvoidsCSSTheCheckerRejects() throws {
        for css in [handoutStylesheet(), slideStylesheet(palette: .print, fonts: HandoutFonts(Fonts()), logo: false, geometry: SlideGeometry())] {
            #expect(!css.contains("color-mix("))
            #expect(!css.replacingOccurrences(of: "prefers-color-scheme", with: "").contains("color-scheme"))
            #expect(!css.contains("radial-gradient("))
            #expect(!css.contains("text-underline-offset"))
        }
        #expect(try page("Text.\n").html.contains("<meta name=\"color-scheme\" content=\"light dark\"/>"))
    }
}

/// WCAG 2.x contrast (SC 1.4.3): relative luminance of sRGB, (L1 + 0.05) / (L2 + 0.05).
func contrastRatio(_ a: PageColor, _ b: PageColor) -> Double {
    func channel(_ v: Double) -> Double {
        let c = (v * 255).rounded() / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    func luminance(_ c: PageColor) -> Double { 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue) }
    let la = luminance(a), lb = luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

@Suite struct PaletteContrastTests {
    /// Every callout label on its own tinted box, and body text, muted text and links on the page
    /// ground, reach AA (4.5 : 1) in the PDF palettes and in both schemes of the web page; the
    /// label colours are one table (the PDF's), so measured once they hold everywhere.
    @Test func everyTextColourReachesAA() {
        for (name, palette) in [("pdf", PagePalette.print), ("pdf dark", PagePalette.dark),
                                ("web light", PagePalette.webLight), ("web dark", PagePalette.webDark)] {
            for kind in CalloutKind.allCases {
                let label = palette.callout(kind)
                let ratio = contrastRatio(label, palette.tint(label))
                #expect(ratio >= 4.5, "\(name) \(kind.rawValue): \(ratio)")
            }
            for (role, colour) in [("text", palette.text), ("muted", palette.muted), ("accent", palette.accent)] {
                #expect(contrastRatio(colour, palette.background) >= 4.5, "\(name) \(role)")
            }
        }
        // The web page's callout variables are the palette's (label and tint), in both schemes.
        for kind in CalloutKind.allCases {
            let light = PagePalette.webLight.callout(kind), dark = PagePalette.webDark.callout(kind)
            #expect(handoutStylesheet().contains("--\(kind.rawValue): \(cssHex(light)); --\(kind.rawValue)-tint: \(cssHex(PagePalette.webLight.tint(light)));"))
            #expect(handoutStylesheet().contains("--\(kind.rawValue): \(cssHex(dark)); --\(kind.rawValue)-tint: \(cssHex(PagePalette.webDark.tint(dark)));"))
        }
    }
}

