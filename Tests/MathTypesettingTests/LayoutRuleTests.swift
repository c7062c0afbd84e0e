import Testing
@testable import MathTypesetting

enum TestFont {
    static let shared: MathFont? = try? MathFont.load(family: MathFont.defaultFamily)
}

/// Checks Appendix G rules numerically on the box tree, against the constants of the font's MATH table.
@Suite struct LayoutRuleTests {
    let size = 10.0
    let font: MathFont
    init() throws {
        font = try #require(TestFont.shared)
    }
    var scale: Double { size / font.unitsPerEm }
    func c(_ k: MathConstant, _ s: Double = 1) -> Double { font.constant(k) * scale * s }
    var scriptScale: Double { font.constant(.scriptPercentScaleDown) / 100 }

    func glyphs(_ box: MathBox) -> [PositionedGlyph] {
        box.flatten().compactMap { if case .glyph(let g) = $0 { return g } else { return nil } }
    }
    func rules(_ box: MathBox) -> [PositionedRule] {
        box.flatten().compactMap { if case .rule(let r) = $0 { return r } else { return nil } }
    }
    func id(_ s: Unicode.Scalar, level: Int = 0) -> UInt32 { font.glyph(for: s, scriptLevel: level) ?? 0 }
    func depth(_ g: PositionedGlyph) -> Double { font.glyphMetrics(g.glyph).depth * g.size / font.unitsPerEm }
    func height(_ g: PositionedGlyph) -> Double { font.glyphMetrics(g.glyph).height * g.size / font.unitsPerEm }

    @Test func superscriptRisesAtLeastSuperscriptShiftUp() throws {
        let box = try typeset("x^2", font: font, size: size)
        let two = try #require(glyphs(box).first { $0.glyph == id("2", level: 1) })
        #expect(-two.y >= c(.superscriptShiftUp) - 1e-9)
        #expect(two.size == size * scriptScale)   // script size from ScriptPercentScaleDown
        #expect(id("2", level: 1) != id("2"))      // the ssty alternate is used
    }

    @Test func crampedSuperscriptInDenominatorUsesTheCrampedShift() throws {
        let box = try typeset(#"\frac{1}{x^2}"#, font: font, size: size)
        let gs = glyphs(box)
        let x = try #require(gs.first { $0.glyph == id("\u{1D465}", level: 1) })
        let two = try #require(gs.first { $0.glyph == id("2", level: 2) })
        let rise = x.y - two.y
        #expect(rise >= c(.superscriptShiftUpCramped, scriptScale) - 1e-9)
        #expect(rise < c(.superscriptShiftUp, scriptScale) - 1e-9 || c(.superscriptShiftUpCramped) == c(.superscriptShiftUp))
    }

    @Test func subscriptDropsAtLeastSubscriptShiftDown() throws {
        let box = try typeset("x_i", font: font, size: size)
        let i = try #require(glyphs(box).first { $0.glyph == id("\u{1D456}", level: 1) })
        #expect(i.y >= c(.subscriptShiftDown) - 1e-9)
    }

    @Test func scriptsKeepSubSuperscriptGapMin() throws {
        let box = try typeset("x_{i}^{2}", font: font, size: size)
        let gs = glyphs(box)
        let two = try #require(gs.first { $0.glyph == id("2", level: 1) })
        let i = try #require(gs.first { $0.glyph == id("\u{1D456}", level: 1) })
        let gap = (i.y - height(i)) - (two.y + depth(two))
        #expect(gap >= c(.subSuperscriptGapMin) - 1e-9)
    }

    @Test(arguments: [false, true])
    func fractionNumeratorAndDenominatorClearTheBar(display: Bool) throws {
        let box = try typeset(#"\frac{a}{b}"#, display: display, font: font, size: size)
        let level = display ? 0 : 1
        let gs = glyphs(box)
        let a = try #require(gs.first { $0.glyph == id("\u{1D44E}", level: level) })
        let b = try #require(gs.first { $0.glyph == id("\u{1D44F}", level: level) })
        let bar = try #require(rules(box).first)
        let numGap = bar.y - (a.y + depth(a))
        let denGap = (b.y - height(b)) - (bar.y + bar.height)
        let numMin = display ? c(.fractionNumDisplayStyleGapMin) : c(.fractionNumeratorGapMin)
        let denMin = display ? c(.fractionDenomDisplayStyleGapMin) : c(.fractionDenominatorGapMin)
        #expect(numGap >= numMin - 1e-9)
        #expect(denGap >= denMin - 1e-9)
        #expect(abs(bar.height - c(.fractionRuleThickness)) < 1e-9)
        // The bar is centred on the math axis (baseline at y = 0, y grows down).
        #expect(abs((bar.y + bar.height / 2) + c(.axisHeight)) < 1e-9)
        // Numerator baseline at least the nominal shift up.
        let shiftUp = display ? c(.fractionNumeratorDisplayStyleShiftUp) : c(.fractionNumeratorShiftUp)
        #expect(-a.y >= shiftUp - 1e-9)
    }

    @Test func leftParenthesisGrowsToCoverItsContent() throws {
        let tall = try typeset(#"\left( \frac{\frac{a}{b}}{\frac{c}{d}} \right)"#, display: true, font: font, size: size)
        let content = try typeset(#"\frac{\frac{a}{b}}{\frac{c}{d}}"#, display: true, font: font, size: size)
        let first = try #require(glyphs(tall).first)
        let base = id("(")
        #expect(first.glyph != base)
        let baseTotal = (font.glyphMetrics(base).height + font.glyphMetrics(base).depth) * scale
        // Rule 19: the delimiters reach at least max(2δ·0.901, 2δ − shortfall), δ the content's extent
        // about the axis; they are the tallest parts of the formula.
        let delta = max(content.height - c(.axisHeight), content.depth + c(.axisHeight))
        let required = max(2 * delta * 0.901, 2 * delta - 0.5 * size)
        #expect(tall.height + tall.depth >= required - 1e-9)
        #expect(tall.height + tall.depth > baseTotal)
        #expect(tall.width > content.width + 2 * font.glyphMetrics(base).advance * scale - 1e-9)
        let small = try typeset(#"\left( x \right)"#, font: font, size: size)
        #expect(glyphs(small).first?.glyph == base)
    }

    @Test func veryTallDelimitersUseTheGlyphAssembly() throws {
        let tex = #"\left( \begin{matrix} a \\ b \\ c \\ d \\ e \\ f \\ g \\ h \end{matrix} \right)"#
        let box = try typeset(tex, display: true, font: font, size: size)
        let parts = font.assembly(of: id("("), horizontal: false).map(\.glyph)
        #expect(!parts.isEmpty)
        #expect(glyphs(box).contains { parts.contains($0.glyph) })
        #expect(box.height + box.depth > 8 * 1.2 * size * 0.9)
    }

    @Test func displaySumUsesALargerVariantThanTextSum() throws {
        let text = try #require(glyphs(try typeset(#"\sum"#, display: false, font: font, size: size)).first)
        let display = try #require(glyphs(try typeset(#"\sum"#, display: true, font: font, size: size)).first)
        #expect(text.glyph == id("∑"))
        #expect(display.glyph != text.glyph)
        #expect(height(display) + depth(display) >= c(.displayOperatorMinHeight) - 1e-9)
        // Rule 13: centred on the axis.
        #expect(abs((height(display) - depth(display)) / 2 - display.y * -1 - c(.axisHeight)) < 1e-9)
    }

    @Test func displayLimitsSitAboveAndBelow() throws {
        let box = try typeset(#"\sum_{i=1}^{n}"#, display: true, font: font, size: size)
        let gs = glyphs(box)
        let sum = try #require(gs.first { $0.glyph != id("∑") && $0.size == size })
        let n = try #require(gs.first { $0.glyph == id("\u{1D45B}", level: 1) })
        let i = try #require(gs.first { $0.glyph == id("\u{1D456}", level: 1) })
        // Rule 13a: gaps at least UpperLimitGapMin / LowerLimitGapMin.
        #expect((sum.y - height(sum)) - (n.y + depth(n)) >= c(.upperLimitGapMin) - 1e-9)
        #expect((i.y - height(i)) - (sum.y + depth(sum)) >= c(.lowerLimitGapMin) - 1e-9)
        #expect(n.x > sum.x && n.x < sum.x + font.glyphMetrics(sum.glyph).advance * scale)
    }

    @Test func radicalClearsItsBody() throws {
        let box = try typeset(#"\sqrt{x}"#, font: font, size: size)
        let x = try #require(glyphs(box).first { $0.glyph == id("\u{1D465}") })
        let rule = try #require(rules(box).first)
        #expect((x.y - height(x)) - (rule.y + rule.height) >= c(.radicalVerticalGap) - 1e-9)
        #expect(abs(rule.height - c(.radicalRuleThickness)) < 1e-9)
    }

    @Test func relationsAndBinaryOperatorsGetThickAndMediumSpaces() throws {
        let mu = size / 18
        let eq = try typeset("a=b", font: font, size: size)
        let plus = try typeset("a+b", font: font, size: size)
        let script = try typeset("x^{a=b}", font: font, size: size)
        func advance(_ s: Unicode.Scalar, _ level: Int = 0, _ sz: Double) -> Double {
            font.glyphMetrics(id(s, level: level)).advance * sz / font.unitsPerEm
        }
        let a = advance("\u{1D44E}", 0, size)
        #expect(abs(eq.width - (a + 5 * mu + advance("=", 0, size) + 5 * mu + advance("\u{1D44F}", 0, size))) < 1e-9)
        #expect(abs(plus.width - (a + 4 * mu + advance("+", 0, size) + 4 * mu + advance("\u{1D44F}", 0, size))) < 1e-9)
        // No relation spacing in script style.
        let gs = glyphs(script)
        let sa = try #require(gs.first { $0.glyph == id("\u{1D44E}", level: 1) })
        let se = try #require(gs.first { $0.glyph == id("=", level: 1) })
        #expect(abs(se.x - sa.x - advance("\u{1D44E}", 1, size * scriptScale)) < 1e-9)
        // Rule 5: a leading minus is unary (no medium space).
        let minus = try typeset("-b", font: font, size: size)
        #expect(abs(minus.width - (advance("−", 0, size) + advance("\u{1D44F}", 0, size))) < 1e-9)
    }

    @Test func accentUsesAttachmentPoints() throws {
        let box = try typeset(#"\hat{x}"#, font: font, size: size)
        let gs = glyphs(box)
        let x = try #require(gs.first { $0.glyph == id("\u{1D465}") })
        let hat = try #require(gs.first { $0.glyph != x.glyph })
        let xAttach = (font.glyphMetrics(x.glyph).topAccentAttachment ?? font.glyphMetrics(x.glyph).inkCenter) * scale
        let hatAttach = (font.glyphMetrics(hat.glyph).topAccentAttachment ?? font.glyphMetrics(hat.glyph).inkCenter) * scale
        #expect(abs((hat.x + hatAttach) - (x.x + xAttach)) < 1e-9)
        // Rule 12: lowered by min(h, AccentBaseHeight): an x (shorter than AccentBaseHeight) leaves it at 0.
        #expect(abs(hat.y - x.y) < 1e-9)
    }

    @Test func underbraceLabelSitsBelowTheBrace() throws {
        let box = try typeset(#"\underbrace{a+b}_{n}"#, display: true, font: font, size: size)
        let gs = glyphs(box)
        let n = try #require(gs.first { $0.glyph == id("\u{1D45B}", level: 1) })
        let a = try #require(gs.first { $0.glyph == id("\u{1D44E}") })
        #expect(n.y > a.y + c(.stretchStackGapAboveMin))
        #expect(box.depth >= n.y)
    }

    @Test func everyTestSheetFormulaLaysOutWithFiniteSize() throws {
        for entry in MathTestSheet.formulas {
            let box = try typeset(entry.tex, display: entry.display, font: font, size: size)
            #expect(box.width.isFinite && box.width > 0, "\(entry.tex)")
            #expect(box.height.isFinite && box.depth.isFinite, "\(entry.tex)")
            #expect(!glyphs(box).contains { $0.glyph == 0 }, "missing glyph in \(entry.tex)")
        }
    }
}

@Suite struct MathFontTests {
    @Test func missingFamilyFallsBackWithAWarning() throws {
        let font = try MathFont.load(family: "No Such Math Font")
        #expect(font.family == MathFont.defaultFamily)
        #expect(font.warning?.contains("No Such Math Font") == true)
    }

    @Test func pagellaMathIsFoundThroughFontconfig() throws {
        let font = try MathFont.load(family: MathFont.handoutFamily)
        #expect(font.warning == nil)
        #expect(font.path.hasSuffix("texgyrepagella-math.otf"))
        #expect(font.constant(.axisHeight) > 0)
    }

    @Test func constantsAreReadFromTheMathTable() throws {
        let font = try #require(TestFont.shared)
        #expect(font.warning == nil)
        // Values of DejaVu Math TeX Gyre's MATH table (units per em 1000).
        #expect(font.unitsPerEm == 1000)
        #expect(font.constant(.axisHeight) == 275)
        #expect(font.constant(.fractionRuleThickness) == 64)
        #expect(font.constant(.scriptPercentScaleDown) == 80)
    }
}
