import Foundation
#if canImport(FoundationXML)
import FoundationXML
import func FigureModel.fixedDecimal
import func FigureModel.typographicMinus
#endif
import InfoRequests
import Testing
@testable import Handouts

/// Assets that return a tiny SVG shaped like Cairo's (glyph ids included) and fail on `\bad`.
private struct FakeAssets: HandoutAssets {
    struct BadTeX: Error, CustomStringConvertible { var description: String { "unknown command \\bad" } }
    func figureSVG(_ figure: Figure, title: String) throws -> String? {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
            + "<defs><g id=\"glyph-0-1\"><path d=\"M0 0L1 1\"/></g></defs><use xlink:href=\"#glyph-0-1\" x=\"1\" y=\"1\"/></svg>"
    }
    func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)? {
        if tex.contains("\\bad") { throw BadTeX() }
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"5\" height=\"5\">"
                + "<defs><g id=\"glyph-0-1\"><path d=\"M0 0\" fill=\"rgb(0,0,0)\"/></g></defs><use xlink:href=\"#glyph-0-1\"/></svg>", 2.5, 7.5)
    }
}

private func parseXML(_ html: String) throws -> XMLDocument {
    try XMLDocument(xmlString: html, options: [])
}

@Suite struct HTMLWriterTests {
    @Test func sampleIsWellFormedAndSemantic() throws {
        let doc = try parse(try fixture("sample.md"))
        let html = try HTMLWriter.write(doc)
        let xml = try parseXML(html)
        func count(_ path: String) throws -> Int { try xml.nodes(forXPath: path).count }
        let ns = "*[local-name()='%@']"
        func q(_ path: String) -> String {
            path.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : String(format: ns, String($0)) }.joined(separator: "/")
        }
        #expect(try count(q("//header/h1")) == 1)
        #expect(try count(q("//main/section")) == 1)  // one top-level section holding its subsection
        #expect(try count(q("//section/section/h3")) == 1)
        // The figure's caption and the captioned table's (a figure whose figcaption names the table).
        #expect(try count(q("//figure/figcaption")) == 2)
        #expect(try count("//*[local-name()='figure'][@class='table']/*[local-name()='figcaption']") == 1)
        #expect(try count("//*[local-name()='table'][@aria-labelledby]") == 1)
        #expect(try count(q("//table/tbody/tr")) == 3)
        #expect(try count(q("//aside")) == 3)
        #expect(try count(q("//section/ol/li")) == 1)  // footnotes
        #expect(try count("//*[local-name()='script']") == 0)
        #expect(try count("//*[local-name()='style']") == 1)
        #expect(html.contains("<h2 id=\"sec-ce\"><span class=\"secno\">1</span>Cross-entropy</h2>"))
        #expect(html.contains("<a class=\"xref\" href=\"#fig-kl\">Figure 1</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#eq-kl\">(1)</a>"))
        #expect(html.contains("<span class=\"eqno\">(1)</span>"))
        #expect(html.contains("<aside class=\"callout callout-definition\""))
        #expect(html.contains("Solution to Exercise 1"))
        // Computed values landed in the prose, math falls back to escaped TeX with an aria label.
        #expect(html.contains("They add up to 0.030 bits."))
        #expect(html.contains("<code class=\"math\" role=\"img\" aria-label=\"\\hat p = 0.800\">\\hat p = 0.800</code>"))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link"))
    }

    @Test func textIsEscaped() throws {
        let doc = try parse(template(#"A & B < C > D, and $a<b$ with "quotes"."#))
        let html = try HTMLWriter.write(doc)
        #expect(html.contains("A &amp; B &lt; C &gt; D"))
        #expect(html.contains("aria-label=\"a&lt;b\""))
        _ = try parseXML(html)
    }

    @Test func negativeNumbersGetATrueMinusInProseOnly() throws {
        #expect(typographicMinus("-0.0667 and (-2) on 2026-11-23, 1-2, x-1") == "\u{2212}0.0667 and (\u{2212}2) on 2026-11-23, 1-2, x-1")
        // A value of -inf prints as the figures print it: "−∞" (fixedDecimal), not "-∞".
        #expect(typographicMinus("KL is -∞ or ∞") == "KL is \u{2212}∞ or ∞" && fixedDecimal(-.infinity, decimals: 2) == "\u{2212}∞")
        let html = try HTMLWriter.write(try parse(template("Term -0.0667 and `-1` and $-1$.")))
        #expect(html.contains("Term \u{2212}0.0667 and <code>-1</code>"))
        #expect(html.contains("aria-label=\"-1\">-1</code>"))
    }

    @Test func footnoteBackLinkEndsTheNote() throws {
        let html = try HTMLWriter.write(try parse(template("A[^n].\n\n[^n]: The note.")))
        #expect(html.contains("<li id=\"fn-1\">\n<p>The note. <a class=\"backref\" href=\"#fnref-1\""))
        #expect(html.contains("<sup class=\"fnref\"><a id=\"fnref-1\" href=\"#fn-1\""))
    }

    @Test func scriptURLsLoseTheirHref() throws {
        let html = try HTMLWriter.write(try parse(template("[x](javascript:alert(1)) and [y](https://example.org)")))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<a href=\"https://example.org\">y</a>"))
    }

    @Test func svgAssetsAreInlinedWithUniqueIds() throws {
        let doc = try parse(template("Both $x$ and $y$.\n\n```figure\nname: surprisal\ncaption: S.\n```"))
        let html = try HTMLWriter.write(doc, assets: FakeAssets())
        _ = try parseXML(html)
        #expect(!html.contains("<?xml"))
        #expect(html.contains("id=\"m1-glyph-0-1\"") && html.contains("href=\"#m1-glyph-0-1\""))
        #expect(html.contains("id=\"m2-glyph-0-1\"") && html.contains("href=\"#m2-glyph-0-1\""))
        #expect(html.contains("id=\"f3-glyph-0-1\""))
        #expect(!html.contains("id=\"glyph-0-1\""))
        // Inline math sits on the baseline in a margin box of zero height (5 px above, 2.5 below),
        // so lines with formulas are no taller than lines without.
        #expect(html.contains("<svg style=\"vertical-align: 0; margin: -5.00px 0 -2.50px\" "), "\(html)")
        #expect(html.contains("<div class=\"figure-art\" role=\"img\" aria-label=\"Figure 1: S.\">"))
    }

    @Test func badTeXFromTheTypesetterNamesTheFormulaPosition() throws {
        let doc = try parse(template("Good $x$, bad $\\bad{y}$."))
        let e = templateError { _ = try HTMLWriter.write(doc, assets: FakeAssets()) }
        #expect(e?.description == "Templates/t.md:7:15: error: bad TeX: unknown command \\bad")
    }

    @Test func outputIsDeterministic() throws {
        let a = try HTMLWriter.write(try parse(try fixture("sample.md")))
        let b = try HTMLWriter.write(try parse(try fixture("sample.md")))
        #expect(a == b)
    }
}

/// Callout colours are one table: the HTML stylesheet's light scheme uses the PDF's hue for
/// every kind (a key idea was teal on paper and gold on screen).
@Suite struct CalloutColourTests {
    @Test func htmlAndPDFShareTheCalloutHues() {
        for kind in CalloutKind.allCases {
            let hex = cssHex(HouseStyle.default.callout(kind))
            #expect(handoutStylesheet().contains("--\(kind.rawValue): \(hex);"), "\(kind.rawValue) is not \(hex) in the HTML")
            let c = PagePalette.print.callout(kind)
            #expect(String(format: "#%02x%02x%02x", Int((c.red * 255).rounded()), Int((c.green * 255).rounded()), Int((c.blue * 255).rounded())) == hex)
        }
        #expect(handoutStylesheet().contains("--key-idea: #007580;"))
    }
}

/// Fake assets that also give MathML, as the real HTML assets do.
private struct MathMLAssets: HandoutAssets {
    func figureSVG(_ figure: Figure, title: String) throws -> String? { nil }
    func mathSVG(tex: String, display: Bool) throws -> (svg: String, baselineOffset: Double, height: Double)? {
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"5\" height=\"5\" role=\"img\"><path d=\"M0 0\"/></svg>", 1, 5)
    }
    func mathML(tex: String, display: Bool) throws -> String? {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><mi>x</mi></math>"
    }
}

@Suite struct HTMLMathMLTests {
    @Test func formulasCarryMathMLBesideAnAriaHiddenSVG() throws {
        let doc = try parse(template("Both $x$ and $y$."))
        let html = try HTMLWriter.write(doc, assets: MathMLAssets())
        _ = try parseXML(html)
        #expect(html.contains("<svg aria-hidden=\"true\""))
        // In an HTML span (MathML elements ignore overflow clipping), before the drawing.
        #expect(html.contains("<span class=\"mathml\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\""))
        // The hidden SVG carries no accessible name of its own.
        #expect(!html.contains("aria-labelledby"))
        #expect(!html.contains("role=\"img\" aria-label=\"x\""))
    }
}
