import Foundation
import Testing
@testable import MathTypesetting

/// \cancel, \sout, laps, \vcenter, \raisebox, \char, \verb, starred matrices, CD, colon relations,
/// logos, CSS colours: parse results, layout values (FakeMetrics: every glyph 5 × 7 pt at 10 pt) and errors.
@Suite struct BoxCommandParseTests {
    func first(_ tex: String) throws -> Atom? { try firstAtom(tex) }
    func failure(_ tex: String) -> MathError? { parseFailure(tex) }

    @Test func cancelFamilyAndStrikeout() throws {
        for (tex, stroke) in [(#"\cancel{5}"#, CancelStroke.rising), (#"\bcancel{5}"#, .falling), (#"\xcancel{ABC}"#, .both)] {
            if case .cancel(_, let s)? = try first(tex)?.nucleus { #expect(s == stroke, "\(tex)") } else { Issue.record("\(tex)") }
        }
        guard case .list(let items)? = try first(#"\text{\sout{abc} d}"#)?.nucleus, case .atom(let a) = items[0],
              case .strikeout(let body) = a.nucleus, case .atom(let t) = body[0], case .text(let s) = t.nucleus
        else { Issue.record("sout"); return }
        #expect(s == "abc")
        if case .strikeout? = try first(#"\sout{x}"#)?.nucleus {} else { Issue.record("math \\sout") }
        #expect(failure(#"\cancelto{0}{x}"#)?.range == 0..<9)   // cancel.sty's \cancelto is not provided (as in KaTeX)
    }

    @Test func lapsTakeTextOrMath() throws {
        guard case .lap(let body, let side)? = try first(#"\llap{/\,}"#)?.nucleus else { Issue.record("llap"); return }
        #expect(side == .left)
        if case .atom(let a) = body[0], case .text(let s) = a.nucleus { #expect(s == "/") } else { Issue.record("text body") }
        guard case .lap(let m, let mside)? = try first(#"\mathclap{x}"#)?.nucleus else { Issue.record("mathclap"); return }
        #expect(mside == .center && symbols(m) == ["\u{1D465}"])
        if case .lap(_, .right)? = try first(#"\mathrlap{x}"#)?.nucleus {} else { Issue.record("mathrlap") }
    }

    @Test func charReadsTeXNumbers() throws {
        for (tex, ch) in [(#"\char"3B1"#, "α"), (#"\char'101"#, "A"), (#"\char`a"#, "a"), (#"\char98"#, "b"), (#"\char"263a"#, "☺")] {
            if case .symbol(let s)? = try first(tex)?.nucleus { #expect(s == ch, "\(tex)") } else { Issue.record("\(tex)") }
        }
        #expect(failure(#"\char"110000"#)?.range == 0..<12)
        #expect(failure(#"x \char"#)?.kind == .missingArgument)
        #expect(failure(#"\char z"#)?.kind == .missingArgument)
    }

    @Test func verbKeepsItsCharactersRaw() throws {
        let list = try MathParser.parse(#"\verb!\frac{a} b!+y"#)
        #expect(list.count == 3)
        guard case .atom(let a) = list[0], case .text(let s) = a.nucleus else { Issue.record("verb"); return }
        #expect(s == #"\𝚏𝚛𝚊𝚌{𝚊} 𝚋"#)   // typewriter letters (U+1D68A …), other characters as typed
        if case .text(let t)? = try first(#"\verb*|a b|"#)?.nucleus { #expect(t == "𝚊␣𝚋") } else { Issue.record("verb*") }
        let e = failure(#"\verb!abc"#)
        #expect(e?.kind == .unbalancedBraces && e?.range == 0..<6)
        #expect(failure(#"\verb"#)?.kind == .missingArgument)
    }

    @Test func starredMatricesAlignEveryColumn() throws {
        guard case .leftRight(let d, let bodies)? = try first(#"\begin{pmatrix*}[r] 0 & -1 \\ -10 & 0 \end{pmatrix*}"#)?.nucleus,
              case .atom(let inner)? = bodies.first?.first, case .array(let array) = inner.nucleus
        else { Issue.record("pmatrix*"); return }
        #expect(d == ["(", ")"] && array.kind == .matrix && array.rows.count == 2)
        #expect(array.columns?.count == 2)
        if case .column(.right)? = array.columns?.first {} else { Issue.record("right-aligned columns") }
        if case .array(let m)? = try first(#"\begin{matrix*} a \end{matrix*}"#)?.nucleus, case .column(.center)? = m.columns?.first {}
        else { Issue.record("default c") }
        for env in ["bmatrix*", "Bmatrix*", "vmatrix*", "Vmatrix*", "smallmatrix*"] {
            #expect(failure("\\begin{\(env)}[l] a & b \\end{\(env)}") == nil, "\(env)")
        }
        #expect(failure(#"\begin{pmatrix*}[x] a \end{pmatrix*}"#)?.kind == .badEnvironment)
    }

    @Test func commutativeDiagramCells() throws {
        guard case .array(let cd)? = try first(#"\begin{CD} A @>a>> B \\ @VbVV @AAcA \\ C @= D \end{CD}"#)?.nucleus else {
            Issue.record("CD"); return
        }
        #expect(cd.kind == .commutativeDiagram && cd.rows.count == 3)
        #expect(cd.rows.map(\.count) == [3, 5, 3])
        // Objects in the even columns, horizontal arrows (\enskip, arrow, \enskip) in the odd ones.
        guard case .atom(let arrow) = cd.rows[0][1][1], case .cdArrow(.horizontal(let glyph, let above, let below)) = arrow.nucleus
        else { Issue.record("arrow cell"); return }
        #expect(glyph == "→" && symbols(above) == ["\u{1D44E}"] && below.isEmpty && arrow.cls == .rel)
        // A vertical arrow: \llap{label}, \Big delimiter, \rlap{label}, then an empty column.
        #expect(cd.rows[1][0].count == 3 && cd.rows[1][1].isEmpty)
        if case .atom(let v) = cd.rows[1][2][1], case .sizedDelimiter(let up, 2) = v.nucleus { #expect(up == "↑") } else { Issue.record("↑") }
        if case .atom(let e) = cd.rows[2][1][1], case .cdArrow(.equals) = e.nucleus {} else { Issue.record("@=") }
        let e = failure(#"\begin{CD} A @x B \end{CD}"#)
        #expect(e?.kind == .badEnvironment && e?.range == 13..<15)
        #expect(failure(#"\begin{CD} A @>a B \end{CD}"#)?.kind == .badEnvironment)
        #expect(failure(#"\begin{CD} A & B \end{CD}"#)?.kind == .misplacedToken)
        #expect(failure(#"\begin{CD} A @>{a>b}>> B \end{CD}"#) == nil)   // braces hide the delimiter
    }

    @Test func colonRelations() throws {
        for (tex, ch) in [(#"\coloneqq"#, "≔"), (#"\colonequals"#, "≔"), (#"\eqqcolon"#, "≕"), (#"\dblcolon"#, "∷"),
                          (#"\coloneq"#, "≔")] {
            let a = try first(tex)
            if case .symbol(let s)? = a?.nucleus { #expect(s == ch, "\(tex)") } else { Issue.record("\(tex)") }
            #expect(a?.cls == .rel)
        }
        // mathtools' constructions: relations only, so no space inside.
        for tex in [#"\Coloneqq"#, #"\Eqqcolon"#, #"\colonapprox"#, #"\Colonsim"#, #"\simcolon"#, #"\minuscoloncolon"#] {
            let list = try MathParser.parse(tex)
            #expect(classes(list) == [.rel, .rel, .rel], "\(tex)")
        }
        guard case .list(let l)? = try first(#"\vcentcolon"#)?.nucleus, case .atom(let v) = l[0], case .vcenter(let body) = v.nucleus
        else { Issue.record("vcentcolon"); return }
        #expect(symbols(body) == ["∶"])
    }

    @Test func logosGroupAccentsAndSmallCommands() throws {
        for (tex, logo) in [(#"\TeX"#, TeXLogo.tex), (#"\LaTeX"#, .latex), (#"\KaTeX"#, .katex)] {
            if case .logo(let l)? = try first(tex)?.nucleus { #expect(l == logo) } else { Issue.record("\(tex)") }
        }
        if case .list(let items)? = try first(#"\text{in \LaTeX}"#)?.nucleus, case .atom(let a) = items[1], case .logo(.latex) = a.nucleus {}
        else { Issue.record("logo in text") }
        if case .brace(_, true, let g)? = try first(#"\overgroup{AB}"#)?.nucleus { #expect(g == "⏠") } else { Issue.record("overgroup") }
        if case .brace(_, false, let g)? = try first(#"\undergroup{AB}"#)?.nucleus { #expect(g == "⏡") } else { Issue.record("undergroup") }
        #expect(try first(#"\varliminf"#)?.cls == .op)
        #expect(failure(#"\global\def\a{x}\a"#) == nil)
        #expect(failure(#"\global x"#)?.kind == .badMacro)
        if case .list(let items)? = try first(#"\text{a \(x^2\) b}"#)?.nucleus, case .atom(let m) = items[1], case .list = m.nucleus {}
        else { Issue.record("\\( \\) in text") }
        #expect(failure(#"\text{\(x}"#)?.kind == .unbalancedBraces)
        if case .raised(_, let r, let h, let d)? = try first(#"\raisebox{2pt}[1pt][0pt]{ighe}"#)?.nucleus {
            #expect(r == MathLength(2, .pt) && h == MathLength(1, .pt) && d == MathLength(0, .pt))
        } else { Issue.record("raisebox") }
    }

    @Test func cssColourNamesAfterXcolorsNames() throws {
        func colour(_ name: String) throws -> MathRGBA? {
            if case .colored(_, let c)? = try first("\\textcolor{\(name)}{x}")?.nucleus { return c }
            return nil
        }
        #expect(CSSColorNames.table.count == 148)
        #expect(try colour("aqua") == MathRGBA(0, 1, 1))
        #expect(try colour("RebeccaPurple") == MathRGBA(Double(0x66) / 255, Double(0x33) / 255, Double(0x99) / 255))
        #expect(try colour("green") == MathRGBA(0, 1, 0))   // xcolor's green, not CSS's #008000
        let e = failure(#"\color{notacolour} y"#)
        #expect(e?.kind == .badColor && e?.message.contains("CSS") == true)
    }
}

@Suite struct BoxCommandLayoutTests {
    /// FakeMetrics with the given constants (design units).
    func box(_ tex: String, _ constants: [MathConstant: Double] = [:]) throws -> Box {
        var font = FakeMetrics()
        for (k, v) in constants { font.constants[k] = v }
        return MathLayout.layout(try MathParser.parse(tex), display: false, font: font, size: 10)
    }
    func lines(_ b: Box) -> [PositionedLine] { b.flatten().compactMap { if case .line(let l) = $0 { return l } else { return nil } } }
    func glyphs(_ b: Box) -> [PositionedGlyph] { b.flatten().compactMap { if case .glyph(let g) = $0 { return g } else { return nil } } }
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func cancelStrokeFollowsCancelSty() throws {
        // A tall 5 × 7 pt body: \totalheight becomes max(7, 8) + 2 = 10pt, 5·5/10 = 2 picks slope 2 and a
        // horizontal extent of .5 × 10pt; the stroke is centred on the body (3.5pt up).
        let c = try box(#"\cancel{x}"#)
        #expect(near(c.width, 5) && near(c.height, 3.5 + 5) && near(c.depth, 0))
        let l = try #require(lines(c).first)
        #expect(near(l.x0, 0) && near(l.y0, 1.5))
        #expect(near(l.x1, 5) && near(l.y1, -8.5))
        #expect(l.thickness == 0.4)
        let b = try #require(lines(try box(#"\bcancel{x}"#)).first)
        #expect(near(b.y0, -8.5) && near(b.y1, 1.5))
        #expect(lines(try box(#"\xcancel{x}"#)).count == 2)
        // A wide 20 × 7 pt body: 5·7/20 = 1 picks slope 1/4 over width + 2pt; the height is the stroke's
        // top, below the body's own (cancel.sty's \ooalign takes its first row's height).
        let w = try box(#"\cancel{abcd}"#)
        let s = try #require(lines(w).first)
        #expect(near(s.x1 - s.x0, 22))
        #expect(near(s.y0 - s.y1, 5.5))
        #expect(near(w.height, 3.5 + 2.75) && near(w.width, 20))
    }

    @Test func strikeoutRuleAtPoint55Ex() throws {
        let items = try box(#"\text{\sout{ab}}"#, [.accentBaseHeight: 400]).flatten()   // ex = 4pt
        let rules: [PositionedRule] = items.compactMap { if case .rule(let r) = $0 { return r } else { return nil } }
        #expect(rules.count == 1)
        #expect(near(rules[0].width, 10) && near(rules[0].height, 0.4) && near(rules[0].y, -(2.2 + 0.2)))
    }

    @Test func lapsHaveNoWidth() throws {
        for (tex, x) in [(#"\mathllap{x}"#, -5.0), (#"\mathrlap{x}"#, 0), (#"\mathclap{x}"#, -2.5)] {
            let b = try box(tex)
            #expect(near(b.width, 0) && near(b.height, 7), "\(tex)")
            #expect(near(glyphs(b)[0].x, x), "\(tex)")
        }
        #expect(near(try box(#"{=}\mathllap{/}"#).width, 5))
    }

    @Test func vcenterRaisesToTheAxisAndRaiseboxMoves() throws {
        let v = try box(#"\vcenter{x}"#, [.axisHeight: 250])
        #expect(near(v.height, 3.5 + 2.5) && near(v.depth, 1))
        #expect(near(glyphs(v)[0].y, 1))   // the baseline moves down by 3.5 − 2.5
        let r = try box(#"h\raisebox{2pt}{ab}"#)
        #expect(near(r.height, 9) && near(r.width, 15))
        #expect(near(try box(#"\raisebox{2pt}[1pt][0pt]{ab}"#).height, 1))
    }

    @Test func starredMatrixRightAlignsItsColumns() throws {
        // Columns 15 and 10pt wide, 2 × \arraycolsep (5pt) apart, outer \arraycolsep trimmed.
        let m = try box(#"\begin{matrix*}[r] a & bb \\ ccc & d \end{matrix*}"#)
        #expect(near(m.width, 15 + 10 + 10))
        let a = try #require(glyphs(m).first { $0.text == "\u{1D44E}" })
        let d = try #require(glyphs(m).first { $0.text == "\u{1D451}" })
        #expect(near(a.x, 10) && near(d.x, 30))
    }

    @Test func cdArrowsAreAtLeastMinCDarrowwidth() throws {
        // A, \enskip, a 2.5pc (3 em) arrow, \enskip, B.
        let cd = try box(#"\begin{CD} A @>>> B \end{CD}"#)
        #expect(near(cd.width, 5 + 5 + 30 + 5 + 5))
        // A 16-letter label in script style (50 %: 2.5pt a letter) plus \;\;\; (15mu of 5pt) is wider.
        let wide = try box(#"\begin{CD} A @>abcdefghijklmnop>> B \end{CD}"#)
        let label: Double = 40 + 15 * 5.0 / 18
        #expect(near(wide.width, 20 + label))
        // Rows \baselineskip 20\ex@ (2 em) apart when the rows leave room.
        let rows = try box(#"\begin{CD} A \\ B \end{CD}"#)
        #expect(near(rows.height + rows.depth, 20 + 7))
    }

    @Test func logosKernAndMoveTheirLetters() throws {
        let ex: [MathConstant: Double] = [.accentBaseHeight: 400]   // ex = 4pt: E lowered 2pt
        let tex = try box(#"\TeX"#, ex)
        let texWidth: Double = 15 - 1.667 - 1.25
        #expect(near(tex.width, texWidth))
        #expect(near(glyphs(tex)[1].y, 2))
        let latex = try box(#"\LaTeX"#, ex)
        let latexWidth: Double = 5 - 3.6 + 3.5 - 1.5
        #expect(near(latex.width, latexWidth + tex.width))
        let a = glyphs(latex)[1]
        #expect(near(a.y, -(7 - 4.9)))
        #expect(near(a.size, 7))   // A at \sf@size, top at T's height
    }

    @Test func vcentcolonSitsOnTheAxis() throws {
        let c = try box(#"\vcentcolon"#, [.axisHeight: 250])
        #expect(near(c.height, 6) && near(c.width, 5))
    }
}
