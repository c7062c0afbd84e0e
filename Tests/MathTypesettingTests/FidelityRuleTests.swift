import Testing
@testable import MathTypesetting

/// The causes of the former LuaLaTeX deviations, each checked on its own (Fixtures/lualatex-metrics.tsv
/// checks the sums): widths from glyph metrics, not from the fixture.
@Suite struct FidelityRuleTests {
    let size = 10.0
    let font: MathFont
    init() throws { font = try #require(TestFont.shared) }
    func w(_ tex: String, display: Bool = false) throws -> Double { try typeset(tex, display: display, font: font, size: size).width }
    func advance(_ s: Unicode.Scalar, level: Int = 0) -> Double {
        font.glyphMetrics(font.glyph(for: s, scriptLevel: level) ?? 0).advance * size / font.unitsPerEm
    }
    func italic(_ s: Unicode.Scalar) -> Double {
        font.glyphMetrics(font.glyph(for: s, scriptLevel: 0) ?? 0).italicCorrection * size / font.unitsPerEm
    }

    @Test func italicCorrectionFollowsACharacterOnlyBeforeACharacter() throws {
        // Latin Modern's italic f has an italic correction (DejaVu's has none).
        let font = try MathFont.load(family: MathFont.classicFamily)
        func w(_ tex: String) throws -> Double { try typeset(tex, font: font, size: size).width }
        func advance(_ s: Unicode.Scalar) -> Double { font.glyphMetrics(font.glyph(for: s, scriptLevel: 0) ?? 0).advance * size / font.unitsPerEm }
        func italic(_ s: Unicode.Scalar) -> Double { font.glyphMetrics(font.glyph(for: s, scriptLevel: 0) ?? 0).italicCorrection * size / font.unitsPerEm }
        let f: Unicode.Scalar = "\u{1D453}", x: Unicode.Scalar = "\u{1D465}"
        #expect(italic(f) > 0)
        #expect(abs(try w("f x") - (advance(f) + italic(f) + advance(x))) < 1e-9)
        #expect(abs(try w("f") - advance(f)) < 1e-9)                          // at the end: none
        #expect(abs(try w("f{}") - advance(f)) < 1e-9)                        // before an empty group: none
        #expect(abs(try w(#"f\,"#) - (advance(f) + 3 * size / 18)) < 1e-9)   // before a space: none
        // {x} is the character x (TeX §1186): \mathbf{x}^2 places the 2 after the italic correction.
        #expect(abs(try w("{f}x") - (advance(f) + italic(f) + advance(x))) < 1e-9)
    }

    @Test func partialIsTheMathItalicPartial() throws {
        let box = try typeset(#"\partial"#, font: font, size: size)
        let g = try #require(box.flatten().compactMap { if case .glyph(let g) = $0 { return g } else { return nil } }.first)
        #expect(g.glyph == font.glyph(for: "\u{1D715}", scriptLevel: 0))
        #expect(g.text == "\u{1D715}")
    }

    @Test func extensibleArrowIsTheLabelBoxWideNotAVariant() throws {
        // amsmath's \ext@arrow: an \hbox to max(label + 5mu + 9mu in \scriptstyle, natural fill).
        let scriptMu = size * font.constant(.scriptPercentScaleDown) / 100 / 18
        let label = try typeset(#"\scriptstyle f"#, font: font, size: size).width
        let natural = advance("−") + advance("→") - 14 * size / 18
        #expect(abs(try w(#"\xrightarrow{f}"#) - max(natural, label + 14 * scriptMu)) < 1e-9)
        let long = try typeset(#"\scriptstyle abcdefgh"#, font: font, size: size).width
        #expect(abs(try w(#"\xrightarrow{abcdefgh}"#) - (long + 14 * scriptMu)) < 1e-9)
    }

    @Test func fractionDelimitersAreLuaTeXsSizes() throws {
        // A display \binom asks for 2.40 em, a text one for 1.01 em (luaotfload's defaults).
        let box = try typeset(#"\binom{n}{k}"#, display: true, font: font, size: size)
        let paren = try #require(box.flatten().compactMap { if case .glyph(let g) = $0 { return g } else { return nil } }.first)
        let m = font.glyphMetrics(paren.glyph)
        #expect((m.height + m.depth) * size / font.unitsPerEm >= 0.9 * 2.40 * size)
    }

    @Test func casesRowsHaveArraystretch12() throws {
        // Two rows of 1.2 × (0.7 + 0.3) × 12pt, centred on the axis.
        let cases = try typeset(#"\begin{array}{@{}l@{\quad}l@{}} a & b \\ c & d \end{array}"#, display: true, font: font, size: size)
        #expect(abs(cases.height + cases.depth - 2 * 12) < 1e-6)
        let rows = try typeset(#"\begin{cases} a & b \\ c & d \end{cases}"#, display: true, font: font, size: size)
        #expect(rows.height + rows.depth >= 2 * 1.2 * 12 - 1e-6)
    }

    @Test func substackStaysInScriptStyleInsideASubscript() throws {
        let alone = try typeset(#"\substack{i<m \\ j<n}"#, font: font, size: size)
        let script = try typeset(#"\scriptstyle i<m"#, font: font, size: size)
        #expect(abs(alone.width - script.width) < 1e-9)
        // Under a display sum the substack is as wide as in text: both \scriptstyle.
        let sum = try typeset(#"\sum_{\substack{i<m \\ j<n}}"#, display: true, font: font, size: size)
        #expect(sum.width >= script.width - 1e-9)
    }

    @Test func operatorNamesAreKernedTextWords() throws {
        // \log is the word "log" shaped as text (kerning included), as \text{log}.
        #expect(abs(try w(#"\log"#) - w(#"\text{log}"#)) < 1e-9)
        #expect(abs(try w(#"\arctan"#) - w(#"\text{arctan}"#)) < 1e-9)
        // DejaVu Serif has one design: a script \max is the text word at script size.
        #expect(!font.textHasScriptDesigns)
        #expect(abs(try w(#"\scriptstyle\max"#) - w(#"\scriptstyle\text{max}"#)) < 1e-9)
    }

    @Test func wideBraceVariantDoesNotWidenItsBody() throws {
        for body in ["x+y", "a", "a+b+c"] {
            #expect(abs(try w(#"\underbrace{\#(body)}"#, display: true) - w(body, display: true)) < 1e-9)
        }
    }
}

/// A display that ends a sentence: its final ".", "," or ";" follows the formula with no space, even
/// after an Op (\underbrace) or an Inner (\left…\right) where rule 20 would put a thin space.
@Suite struct TrailingPunctuationTests {
    let font: MathFont
    init() throws { font = try #require(TestFont.shared) }

    @Test func noSpaceBeforeTheFinalPeriod() throws {
        for body in [#"\underbrace{x+y}_{k}"#, #"\left( x \right)"#, "x"] {
            let with = try typeset(body + ".", display: true, font: font, size: 10).width
            let without = try typeset(body, display: true, font: font, size: 10).width
            let period = try typeset(".", display: true, font: font, size: 10).width
            #expect(abs(with - (without + period)) < 1e-9, "\(body).")
        }
        // A label wider than its term: the period follows the term, over the label's overhang.
        let labelled = #"\underbrace{x}_{\text{a long label}}"#
        let full = try typeset(labelled, display: true, font: font, size: 10).width
        let bare = try typeset(#"\underbrace{x}"#, display: true, font: font, size: 10).width
        let period = try typeset(".", display: true, font: font, size: 10).width
        #expect(full > bare + 10)
        #expect(abs(try typeset(labelled + ".", display: true, font: font, size: 10).width - ((full + bare) / 2 + period)) < 1e-9)
        // Inside the formula a period keeps its spacing (an Op before an Ord is a thin space).
        let inner = try typeset(#"\underbrace{x}_{k}.y"#, display: true, font: font, size: 10).width
        let parts = try [#"\underbrace{x}_{k}"#, ".", "y"].map { try typeset($0, display: true, font: font, size: 10).width }.reduce(0, +)
        #expect(inner > parts + 1)
    }
}

/// unicode-math's \mathaccentwide arrows stretch over their base from the font's horizontal variants
/// or assembly; \vec (a fixed \mathaccent) keeps its one size.
@Suite struct WideArrowAccentTests {
    let font: MathFont
    init() throws { font = try #require(TestFont.shared) }

    func accentSpan(_ tex: String, body: String) throws -> (span: Double, body: Double) {
        let box = try typeset(tex, font: font, size: 10)
        let inner = try typeset(body, font: font, size: 10)
        let bodyGlyphs = Set(inner.flatten().compactMap { if case .glyph(let g) = $0 { return g.glyph } else { return nil } })
        var lo = Double.infinity, hi = -Double.infinity
        for case .glyph(let g) in box.flatten() where !bodyGlyphs.contains(g.glyph) {
            let m = font.glyphMetrics(g.glyph), k = g.size / font.unitsPerEm
            lo = min(lo, g.x); hi = max(hi, g.x + m.advance * k)
        }
        return (hi - lo, inner.width)
    }

    @Test func wideArrowsCoverTheirBase() throws {
        for cmd in ["overrightarrow", "overleftarrow", "overleftrightarrow", "underrightarrow", "underleftarrow"] {
            let r = try accentSpan("\\\(cmd){ABCDEFG}", body: "ABCDEFG")
            #expect(r.span >= r.body * 0.98 && r.span <= r.body * 1.06, "\\\(cmd): arrow \(r.span) over \(r.body)")
        }
    }

    @Test func vecKeepsItsSize() throws {
        let r = try accentSpan(#"\vec{ABCDEFG}"#, body: "ABCDEFG")
        #expect(r.span < r.body / 2)
    }
}
