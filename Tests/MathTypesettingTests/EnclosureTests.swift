import Foundation
import Testing
@testable import MathTypesetting

/// \phase, \angl, \angln, \overlinesegment, \underlinesegment, \Overrightarrow and \textcircled: parse
/// results, layout values (FakeMetrics: every glyph 5 × 7 pt at 10 pt, no depth) and errors.
@Suite struct EnclosureTests {
    func box(_ tex: String, _ constants: [MathConstant: Double] = [:]) throws -> Box {
        var font = FakeMetrics()
        for (k, v) in constants { font.constants[k] = v }
        return MathLayout.layout(try MathParser.parse(tex), display: false, font: font, size: 10)
    }
    func lines(_ b: Box) -> [PositionedLine] { b.flatten().compactMap { if case .line(let l) = $0 { return l } else { return nil } } }
    func rules(_ b: Box) -> [PositionedRule] { b.flatten().compactMap { if case .rule(let r) = $0 { return r } else { return nil } } }
    func glyphs(_ b: Box) -> [PositionedGlyph] { b.flatten().compactMap { if case .glyph(let g) = $0 { return g } else { return nil } } }
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func parsesEachFamily() throws {
        if case .enclosed(let body, .phase)? = try firstAtom(#"\phase{-78^\circ}"#)?.nucleus { #expect(body.count == 3) } else { Issue.record("phase") }
        if case .enclosed(_, .actuarialAngle)? = try firstAtom(#"\angl n"#)?.nucleus {} else { Issue.record("angl") }
        // \angln is KaTeX's {\angl n}.
        guard case .list(let l)? = try firstAtom(#"\angln"#)?.nucleus, case .atom(let a)? = l.first,
              case .enclosed(let n, .actuarialAngle) = a.nucleus else { Issue.record("angln"); return }
        #expect(symbols(n) == ["\u{1D45B}"])
        if case .lineSegment(_, true)? = try firstAtom(#"\overlinesegment{AB}"#)?.nucleus {} else { Issue.record("over") }
        if case .lineSegment(_, false)? = try firstAtom(#"\underlinesegment{AB}"#)?.nucleus {} else { Issue.record("under") }
        if case .overArrow("⇒", let b)? = try firstAtom(#"\Overrightarrow{AB}"#)?.nucleus { #expect(b.count == 2) } else { Issue.record("Overrightarrow") }
        guard case .list(let t)? = try firstAtom(#"\text{\textcircled a}"#)?.nucleus, case .atom(let c)? = t.first,
              case .circled(let body) = c.nucleus, case .atom(let letter)? = body.first, case .text(let s) = letter.nucleus
        else { Issue.record("textcircled"); return }
        #expect(s == "a")
        let m = mathML(try MathParser.parse(#"\phase{x}\angl{n}\text{\textcircled{a}}"#), source: "", display: false)
        #expect(m.contains(#"notation="phasorangle""#) && m.contains(#"notation="actuarial""#) && m.contains(#"notation="circle""#))
    }

    @Test func errorsNameTheirColumns() {
        let e = parseFailure(#"x+\textcircled{a}"#)
        #expect(e?.kind == .misplacedToken && e?.range == 2..<14)
        #expect(parseFailure(#"\phase"#)?.kind == .missingArgument)
        let unknown = parseFailure(#"a\overlinesegments{AB}"#)
        #expect(unknown?.kind == .unknownCommand && unknown?.range == 1..<18)
        #expect(parseFailure(#"\text{\textcircle a}"#)?.range == 6..<17)
    }

    @Test func phaseFollowsSteinmetz() throws {
        // ex = 4 pt: clearance 0.35ex = 1.4 pt; the angle is 7 + 0.6 + 1.4 = 9 pt tall.
        let b = try box(#"\phase{x}"#, [.accentBaseHeight: 400])
        #expect(close(b.width, 4.5 + 0.6 + 5) && close(b.height, 7) && close(b.depth, 2))
        let r = rules(b)
        #expect(r.count == 1 && close(r[0].width, b.width) && close(r[0].y, 1.4) && close(r[0].height, 0.6))
        let l = lines(b)
        #expect(l.count == 1 && close(l[0].thickness, 0.6))
        // Slope 2, from the rule's middle at the left to the body's top.
        #expect(close((l[0].y0 - l[0].y1) / (l[0].x1 - l[0].x0), 2) && close(l[0].y1, -7) && close(l[0].y0, 1.7))
        #expect(close(glyphs(b)[0].x, 5.1))
    }

    @Test func actuarialAngleFollowsThePackage() throws {
        // 0.5 pt rules, 1.5 pt gap, 0.5 pt extra ascender; 1 mu = 10/18 pt; FakeMetrics' "(" has no depth.
        let b = try box(#"\angl{n}"#, [.overbarRuleThickness: 50, .overbarVerticalGap: 150, .overbarExtraAscender: 50])
        let mu = 10.0 / 18
        #expect(close(b.width, mu + 5 + mu + 0.5 + mu) && close(b.height, 7 + 1.5 + 0.5 + 0.5) && close(b.depth, 0))
        let r = rules(b).sorted { $0.width > $1.width }
        #expect(r.count == 2)
        #expect(close(r[0].x, mu) && close(r[0].width, 5 + mu + 0.5) && close(r[0].y, -9) && close(r[0].height, 0.5))
        #expect(close(r[1].x, mu + 5 + mu) && close(r[1].y, -9) && close(r[1].height, 9))   // down to the baseline
        #expect(close(glyphs(b)[0].x, mu))
    }

    @Test func lineSegmentsStackOnTheBody() throws {
        let over = try box(#"\overlinesegment{AB}"#)
        #expect(close(over.width, 10) && close(over.height, 7 + 5.22) && close(over.depth, 0))
        let r = rules(over)
        #expect(r.count == 3)
        let bar = r.first { close($0.width, 10) }, ticks = r.filter { close($0.width, 0.4) }
        #expect(bar != nil && close(bar!.y, -(7 + 2.81)) && close(bar!.height, 0.4))
        #expect(ticks.count == 2 && close(ticks[0].height, 3.34) && close(ticks[1].x, 9.6))
        let under = try box(#"\underlinesegment{AB}"#)
        #expect(close(under.height, 7) && close(under.depth, 5.22))
        // At least 0.888 em wide: a single letter gets the minimum, centred under it.
        let narrow = try box(#"\underlinesegment{A}"#)
        #expect(close(narrow.width, 8.88) && close(glyphs(narrow)[0].x, (8.88 - 5) / 2))
    }

    @Test func overrightarrowStacksTheFillOnTheBody() throws {
        let b = try box(#"\Overrightarrow{AB}"#)
        // The arrow row (a 7 pt glyph) directly over the body, no gap (\nointerlineskip).
        #expect(close(b.width, 10) && close(b.height, 14) && close(b.depth, 0))
        let g = glyphs(b)
        #expect(g.count == 3 && g[0].text == "⇒" && close(g[0].y, -7) && close(g[1].y, 0))
    }

    @Test func textcircledIsAnOutline() throws {
        let b = try box(#"\text{\textcircled a}"#, [.fractionRuleThickness: 40, .accentBaseHeight: 400])
        let l = lines(b)
        #expect(l.count == 96 && l.allSatisfy { close($0.thickness, 0.4) })
        // Round the U+25EF glyph's ink (7 pt tall), centred in cmsy's 1 em circle: (5, 3.5), radius 3.3 pt.
        for s in l {
            let mx = (s.x0 + s.x1) / 2, my = (s.y0 + s.y1) / 2
            let r = hypot(mx - 5, my + 3.5)
            #expect(r > 3.29 && r < 3.31)
        }
        // The letter is centred and raised .07ex; no circle glyph is drawn.
        let g = glyphs(b)
        #expect(g.count == 1 && g[0].text == "a" && close(g[0].x, 2.5) && close(g[0].y, -0.28))
        // TeX's box: 1 em wide, the raised letter's height, cmsy's \bigcirc depth (0.194445 em).
        #expect(close(b.width, 10) && close(b.height, 7.28) && close(b.depth, 1.94445))
    }
}

/// FakeMetrics without ⎰ and ⎱ whose braces have TeX's three-piece assemblies (bottom, extender, top;
/// glyph ids 1–3 for "{", 4–6 for "}", each 500 units tall with 100-unit connectors).
struct BraceMetrics: MathMetrics {
    var base = FakeMetrics()
    var unitsPerEm: Double { 1000 }
    func constant(_ c: MathConstant) -> Double { c == .axisHeight ? 250 : base.constant(c) }
    func glyph(for scalar: Unicode.Scalar, scriptLevel: Int) -> UInt32? {
        scalar == "⎰" || scalar == "⎱" ? nil : scalar.value
    }
    func glyphMetrics(_ glyph: UInt32) -> GlyphMetrics {
        glyph <= 6 ? GlyphMetrics(advance: 400, height: 500, depth: 0, italicCorrection: 0, topAccentAttachment: 200)
                   : base.glyphMetrics(glyph)
    }
    func variants(of glyph: UInt32, horizontal: Bool) -> [GlyphVariant] { [GlyphVariant(glyph: glyph, advance: 700)] }
    func assembly(of glyph: UInt32, horizontal: Bool) -> [GlyphPart] {
        guard !horizontal, glyph == 0x7B || glyph == 0x7D else { return [] }
        let first: UInt32 = glyph == 0x7B ? 1 : 4
        return [GlyphPart(glyph: first, startConnector: 0, endConnector: 100, fullAdvance: 500, isExtender: false),
                GlyphPart(glyph: first + 1, startConnector: 100, endConnector: 100, fullAdvance: 500, isExtender: true),
                GlyphPart(glyph: first + 2, startConnector: 100, endConnector: 0, fullAdvance: 500, isExtender: false)]
    }
    var minConnectorOverlap: Double { 20 }
    func kern(_ glyph: UInt32, corner: MathKernCorner, height: Double) -> Double { 0 }
}

extension EnclosureTests {
    @Test func moustachesAreBuiltFromBracePieces() throws {
        func layout(_ tex: String) throws -> Box {
            MathLayout.layout(try MathParser.parse(tex), display: false, font: BraceMetrics(), size: 10)
        }
        // Alone: the right brace's bottom (id 4) under the left brace's top (id 3), overlapping by the
        // longer connector allowance (100 units): 9 pt tall, centred on the 2.5 pt axis.
        let bare = try layout(#"\lmoustache"#)
        let g = glyphs(bare)
        #expect(g.map(\.glyph) == [4, 3] && g[0].text == "⎰" && g[1].text == "")
        #expect(close(bare.height + bare.depth, 9) && close(bare.height - 4.5, 2.5))
        #expect(glyphs(try layout(#"\rmoustache"#)).map(\.glyph) == [1, 6])
        // After \left: extenders (id 2) until the size is reached.
        let tall = try layout(#"\left\lmoustache \rule{1pt}{30pt} \right\rmoustache"#)
        let ids = glyphs(tall).map(\.glyph)
        #expect(ids.first == 4 && ids.contains(2) && ids.contains(3) && ids.contains(1) && ids.last == 6)
        // A font that has no brace assembly still reports the missing character (FakeMetrics has it).
        let plain = MathLayout.layout(try MathParser.parse(#"\lmoustache"#), display: false, font: FakeMetrics(), size: 10)
        #expect(glyphs(plain).map(\.text) == ["⎰"])
    }
}
