import Foundation
import Testing
@testable import Handouts

/// Issue 9: one number formatter decides the minus sign, so prose and the figure beside it print a
/// negative number the same way. A handout's values are data (ASCII hyphen-minus, valid TeX and
/// YAML); every typeset text they reach prints U+2212: the paragraph, a label of the figure drawn
/// from a ```plot block the value was put into, its caption and its alt text.
struct MinusSignTests {
    static let source = """
        ---
        title: Minus
        values:
          t: {op: kl_terms, p: [0.5, 0.3, 0.2], q: [0.4, 0.35, 0.25], unit: bits, digits: 4}
        ---

        The second term is {{t.1}} bits.

        ```plot
        x: {label: "$p$"}
        y: {label: bits}
        layers:
          - {mark: line, x: [0, 1], y: [0, 1]}
          - {mark: annotate, at: [0.5, 0.5], coordinates: axes, text: "term {{t.1}} bits"}
        caption: The second term, {{t.1}} bits.
        ```

        """

    @Test func proseAndTheFigureBesideItPrintTheSameMinus() throws {
        let built = try buildHandout(file: "minus.md", source: Self.source, formats: [.pdf, .html])
        let text = try BuildFixtures.tool("pdftotext", ["-enc", "UTF-8"], pdf: try #require(built.pdf))
        // The paragraph, the figure's annotation (drawn in the figure's frame) and the caption.
        for line in ["The second term is \u{2212}0.0667 bits.", "term \u{2212}0.0667 bits", "The second term, \u{2212}0.0667 bits."] {
            #expect(text.contains(line), "no \(line.debugDescription) in: \(text)")
        }
        #expect(!text.contains("-0.0667"))
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        // The paragraph, the figure's alt text (its SVG's title) and its caption.
        #expect(html.contains("The second term is \u{2212}0.0667 bits."))
        #expect(html.contains("Figure 1: The second term, \u{2212}0.0667 bits.</title>"))
        #expect(!html.contains("-0.0667"))
    }

    /// A plot block's generated description (its SVG <title>/<desc> in the web page, its /Alt in the
    /// PDF) is read aloud: the spec's `$…$` is spoken as the formula, not its TeX source, and the
    /// value put into its axis label prints U+2212 as the label drawn in the figure does.
    @Test func aPlotsGeneratedAltTextSpeaksItsFormulasAndMinus() throws {
        let source = """
            ---
            title: Minus
            values:
              t: {op: kl_terms, p: [0.5, 0.3, 0.2], q: [0.4, 0.35, 0.25], unit: bits, digits: 4}
            ---

            Text.

            ```plot
            title: "Shifted $H(p) - 0.12$"
            x: {label: "$p$"}
            y: {label: "value {{t.1}}"}
            layers:
              - {mark: line, x: [0, 1], y: [0, 1], name: '$\\alpha = -1$'}
            ```

            """
        let built = try buildHandout(file: "alt.md", source: source, formats: [.pdf, .html])
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        let descs = html.components(separatedBy: "<desc").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(!descs.isEmpty)
        for d in descs {
            #expect(!d.contains("$") && !d.contains("\\"), "TeX source in \(d)")
            #expect(d.contains("Shifted H(p) \u{2212} 0.12") && d.contains("value \u{2212}0.0667") && d.contains("α = \u{2212}1"), "\(d)")
        }
        let json = try BuildFixtures.tool("qpdf", ["--json"], pdf: try #require(built.pdf))
        let alts = json.components(separatedBy: "\"/Alt\": \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        let figureAlt = try #require(alts.first { $0.contains("Shifted") })
        #expect(!figureAlt.contains("$") && figureAlt.contains("value \u{2212}0.0667"), "\(figureAlt)")
    }
}
