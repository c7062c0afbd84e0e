import Testing
@testable import MathTypesetting

/// A hand-made font: every glyph is 500 × 700 units, glyph ids are code points, and only the
/// constants and kerns a test sets are non-zero. It shows the layout depends on nothing but `MathMetrics`.
struct FakeMetrics: MathMetrics {
    var constants: [MathConstant: Double] = [.scriptPercentScaleDown: 50, .scriptScriptPercentScaleDown: 25]
    var bottomRightKern: [UInt32: Double] = [:]
    var unitsPerEm: Double { 1000 }
    func constant(_ c: MathConstant) -> Double { constants[c] ?? 0 }
    func glyph(for scalar: Unicode.Scalar, scriptLevel: Int) -> UInt32? { scalar.value }
    func glyphMetrics(_ glyph: UInt32) -> GlyphMetrics {
        GlyphMetrics(advance: 500, height: 700, depth: 0, italicCorrection: 0, topAccentAttachment: 250)
    }
    func variants(of glyph: UInt32, horizontal: Bool) -> [GlyphVariant] { [GlyphVariant(glyph: glyph, advance: 700)] }
    func assembly(of glyph: UInt32, horizontal: Bool) -> [GlyphPart] { [] }
    var minConnectorOverlap: Double { 0 }
    func kern(_ glyph: UInt32, corner: MathKernCorner, height: Double) -> Double {
        corner == .bottomRight ? bottomRightKern[glyph] ?? 0 : 0
    }
}

@Suite struct FakeMetricsTests {
    func glyphs(_ box: Box) -> [PositionedGlyph] {
        box.flatten().compactMap { if case .glyph(let g) = $0 { return g } else { return nil } }
    }

    @Test func subscriptMovesInByTheMathKern() throws {
        var font = FakeMetrics()
        font.constants[.subscriptShiftDown] = 200
        font.constants[.subscriptTopMax] = 500   // so h(sub) − SubscriptTopMax does not win (rule 18b)
        let plain = glyphs(MathLayout.layout(try MathParser.parse("P_i"), display: false, font: font, size: 10))
        font.bottomRightKern[UInt32(0x1D443)] = -120   // italic P
        let kerned = glyphs(MathLayout.layout(try MathParser.parse("P_i"), display: false, font: font, size: 10))
        #expect(plain.count == 2 && kerned.count == 2)
        #expect(abs(plain[1].x - 5) < 1e-12)            // at the advance: 500 units at 10 pt
        #expect(abs(kerned[1].x - (5 - 1.2)) < 1e-12)   // pulled in by 120 units
        #expect(abs(kerned[1].y - 2) < 1e-12)           // SubscriptShiftDown
        #expect(kerned[1].size == 5)                    // ScriptPercentScaleDown 50 %
    }

    @Test func superscriptClearsSuperscriptBottomMin() throws {
        var font = FakeMetrics()
        font.constants[.superscriptShiftUp] = 100
        font.constants[.superscriptBottomMin] = 300
        // The script glyph has no depth, so the rise is max(100, 0 + 300) units (rule 18c).
        let gs = glyphs(MathLayout.layout(try MathParser.parse("x^2"), display: false, font: font, size: 10))
        #expect(abs(gs[1].y + 3) < 1e-12)
    }

    @Test func binaryOperatorBecomesOrdinaryAfterARelation() throws {
        let font = FakeMetrics()
        // a = -b: the minus follows a relation, so it is unary (rule 5): only the two thick spaces.
        let box = MathLayout.layout(try MathParser.parse("a=-b"), display: false, font: font, size: 18)
        #expect(abs(box.width - (4 * 9 + 2 * 5)) < 1e-12)   // four 9 pt glyphs, 5 mu twice (1 mu = 1 pt)
    }
}
