import Foundation
import Testing
@testable import MathTypesetting

/// The command families beyond the course material: parse results and layout values.
@Suite struct CoverageTests {
    func first(_ tex: String) throws -> Atom? { try firstAtom(tex) }
    func failure(_ tex: String) -> MathError? { parseFailure(tex) }

    @Test func generatedTableHasUnicodeMathsSymbolsWithTheirClasses() throws {
        #expect(UnicodeMathSymbols.table.split(separator: "\n").count == 2446)
        #expect(CommandTable.unicodeMath.count > 2300)
        for (tex, ch, cls) in [(#"\odot"#, "⊙", AtomClass.bin), (#"\bullet"#, "∙", .bin), (#"\supseteq"#, "⊇", .rel),
                               (#"\cong"#, "≅", .rel), (#"\Longrightarrow"#, "⟹", .rel), (#"\nleq"#, "≰", .rel),
                               (#"\to"#, "→", .rel), (#"\gets"#, "←", .rel), (#"\le"#, "≤", .rel), (#"\land"#, "∧", .bin),
                               (#"\owns"#, "∋", .rel), (#"\imath"#, "ı", .ord), (#"\aleph"#, "ℵ", .ord)] {
            let a = try first(tex)
            if case .symbol(let s)? = a?.nucleus { #expect(s == ch, "\(tex)") } else { Issue.record("\(tex): no symbol") }
            #expect(a?.cls == cls, "\(tex)")
        }
        if case .largeOperator(let s)? = try first(#"\bigoplus"#)?.nucleus { #expect(s == "⨁") } else { Issue.record("bigoplus") }
        #expect(try first(#"\iiint"#)?.limits == .noLimits)
        if case .symbol(let s)? = try first(#"\arctan"#)?.nucleus { #expect(s == "arctan") } else { Issue.record("arctan") }
    }

    @Test func iffAndImpliesAreAmsmathsSpacedArrows() throws {
        let list = try MathParser.parse(#"\iff"#)
        #expect(list.count == 3)
        if case .space(let mu) = list[0] { #expect(mu == 5) } else { Issue.record("\\; expected") }
    }

    @Test(arguments: [
        (#"\text{a \foo b}"#, 8..<12),
        (#"x + \text{if \bar}"#, 13..<17),
        (#"\operatorname{\qux}"#, 14..<18),
        (#"\mathbf{\nope}"#, 8..<13),
        (#"\textbf{\zzz}"#, 8..<12),
    ])
    func unknownCommandsAreErrorsWithColumns(tex: String, range: Range<Int>) {
        let e = failure(tex)
        #expect(e?.kind == .unknownCommand, "\(tex)")
        #expect(e?.range == range, "\(tex): \(String(describing: e?.description))")
    }

    @Test func missingGlyphIsAnErrorNamingTheCharacter() throws {
        let font = try MathFont.load(family: MathFont.defaultFamily)
        do {
            _ = try typeset("a + \u{1F600}", font: font, size: 10)
            Issue.record("expected an error")
        } catch let e as MathError {
            #expect(e.kind == .missingGlyph)
            #expect(e.range == 4..<5)
            #expect(e.message.contains("U+1F600"))
        }
        do {
            _ = try typeset("\\text{ok \u{4E2D}}", font: font, size: 10)
            Issue.record("expected an error")
        } catch let e as MathError {
            #expect(e.kind == .missingGlyph && e.message.contains("U+4E2D"))
        }
    }

    @Test func textModeAccentsSymbolsAndNestedMath() throws {
        let list = try MathParser.parse(#"\text{caf\'e na\"ive --- \$5 $x$}"#)
        guard case .atom(let a)? = list.first, case .list(let items) = a.nucleus else { Issue.record("list"); return }
        guard case .atom(let t) = items[0], case .text(let s) = t.nucleus else { Issue.record("text run"); return }
        #expect(s == "café naïve — $5 ")
        guard case .atom(let m) = items[1], case .list(let math) = m.nucleus else { Issue.record("math"); return }
        #expect(symbols(math) == ["\u{1D465}"])
        if case .text(let b)? = try first(#"\textbf{Ab1}"#)?.nucleus { #expect(b == "\u{1D400}\u{1D41B}\u{1D7CF}") } else { Issue.record("textbf") }
    }

    @Test func environments() throws {
        guard case .leftRight(let d, let bodies)? = try first(#"\left(\begin{array}{c|r@{=}l} \hline a & b & c \\ \hdashline d & e & f \end{array}\right)"#)?.nucleus,
              case .atom(let inner)? = bodies.first?.first, case .array(let array) = inner.nucleus
        else { Issue.record("array"); return }
        #expect(d == ["(", ")"])
        #expect(array.kind == .array && array.rows.count == 2 && array.rows[0].count == 3)
        #expect(array.hlines[0] == [false] && array.hlines[1] == [true])
        #expect(array.columns?.count == 5)
        for (env, fences) in [("matrix", nil), ("pmatrix", ["(", ")"]), ("bmatrix", ["[", "]"]), ("Bmatrix", ["{", "}"]),
                              ("vmatrix", ["|", "|"]), ("Vmatrix", ["‖", "‖"]), ("cases", ["{", "."]), ("rcases", [".", "}"]),
                              ("dcases", ["{", "."])] as [(String, [String]?)] {
            let n = try first("\\begin{\(env)} a & b \\\\ c & d \\end{\(env)}")?.nucleus
            if let fences {
                if case .leftRight(let ds, _)? = n { #expect(ds == fences, "\(env)") } else { Issue.record("\(env)") }
            } else if case .array? = n {} else { Issue.record("\(env)") }
        }
        for env in ["aligned", "gathered", "split", "align", "align*", "gather", "gather*", "smallmatrix"] {
            if case .array? = try first("\\begin{\(env)} a &= b \\\\ c &= d \\end{\(env)}")?.nucleus {} else { Issue.record("\(env)") }
        }
        if case .array(let a)? = try first(#"\begin{align} a &= b \tag{1} \\ c &= d \notag \end{align}"#)?.nucleus {
            #expect(a.tags.count == 2 && a.tags[0] != nil && a.tags[1] == nil)
        } else { Issue.record("align tags") }
        let eq = try MathParser.parse(#"\begin{equation} x \tag*{A} \end{equation}"#)
        #expect(eq.contains { if case .tag(_, let p) = $0 { return !p } else { return false } })
        if case .array(let a)? = try first(#"\substack{i < m \\ j < n}"#)?.nucleus { #expect(a.kind == .subarray && a.rows.count == 2) }
        else { Issue.record("substack") }
        #expect(failure(#"\begin{array}{lxr} a \end{array}"#)?.kind == .badEnvironment)
        #expect(failure(#"\begin{foo} a \end{foo}"#)?.message.contains("smallmatrix") == true)
    }

    @Test func notUsesNegatedSymbolsOrAnOverlay() throws {
        for (tex, ch) in [(#"\not="#, "≠"), (#"\not\in"#, "∉"), (#"\not\le"#, "≰"), (#"\not<"#, "≮"), (#"\not\subset"#, "⊄"),
                          (#"\not\equiv"#, "≢")] {
            if case .symbol(let s)? = try first(tex)?.nucleus { #expect(s == ch, "\(tex)") } else { Issue.record("\(tex)") }
        }
        if case .negated? = try first(#"\not\propto"#)?.nucleus {} else { Issue.record("overlay") }
    }

    @Test func colourSwitchKeepsAtomClassesAndBadColoursAreErrors() throws {
        let list = try MathParser.parse(#"a \color{red} = b"#)
        #expect(classes(list) == [.ord, .rel, .ord])
        #expect(list.contains { if case .color(let c) = $0 { return c == MathRGBA(1, 0, 0) } else { return false } })
        if case .colored(_, let c)? = try first(#"\textcolor{#00ff00}{x}"#)?.nucleus { #expect(c == MathRGBA(0, 1, 0)) } else { Issue.record("textcolor") }
        if case .colored(_, let c)? = try first(#"\textcolor[rgb]{0,0,1}{x}"#)?.nucleus { #expect(c == MathRGBA(0, 0, 1)) } else { Issue.record("rgb") }
        let e = failure(#"x \color{notacolour} y"#)
        #expect(e?.kind == .badColor && e?.range == 8..<20)
    }

    @Test func lengthsAndBadLengths() throws {
        let list = try MathParser.parse(#"a\hspace{1.5em}b\kern3pt c\mkern-4mu d"#)
        let kerns = list.compactMap { if case .kern(let l) = $0 { return l } else { return nil } }
        #expect(kerns == [MathLength(1.5, .em), MathLength(3, .pt), MathLength(-4, .mu)])
        #expect(failure(#"\hspace{3furlongs}"#)?.kind == .badLength)
    }

    @Test func macrosExpandWithArgumentsAndRecursionIsAnError() throws {
        let list = try MathParser.parse(#"\newcommand{\sq}[1]{#1^2}\sq{x}"#)
        #expect(list.count == 1)
        if case .atom(let a) = list[0] { #expect(a.superscript.map(symbols) == ["2"]) }
        let caller = try MathParser.parse(#"\R"#, macros: ["R": MathMacro(#"\mathbb{R}"#)])
        #expect(symbols(caller.flatMapLists()) == ["ℝ"])
        let d = try MathParser.parse(#"\def\pair#1#2{(#1,#2)}\pair ab"#)
        #expect(symbols(d) == ["(", "\u{1D44E}", ",", "\u{1D44F}", ")"])
        let opt = try MathParser.parse(#"\newcommand{\v}[2][n]{#1_#2}\v{x} \v[m]{y}"#)
        #expect(opt.count == 2)
        #expect(failure(#"\def\a{\a\a}\a"#)?.kind == .badMacro)
        #expect(failure(#"\newcommand{\frac}{x}"#)?.kind == .badMacro)
        if case .symbol(let s)? = try first(#"\DeclareMathOperator{\Var}{Var}\Var"#)?.nucleus { #expect(s == "Var") } else { Issue.record("DeclareMathOperator") }
        #expect(MathMacro.parseDefinition(#"\R=\mathbb{R}"#)?.name == "R")
        #expect(MathMacro.parseDefinition("no equals") == nil)
    }

    @Test func fontsSizesAndFractions() throws {
        #expect(symbols(try MathParser.parse(#"\mathsf{A}\mathtt{a}\mathfrak{g}\mathfrak{R}"#).flatMapLists())
                == ["\u{1D5A0}", "\u{1D68A}", "\u{1D524}", "ℜ"])
        #expect(symbols(try MathParser.parse(#"{\bf x} y"#).flatMapLists()) == ["\u{1D431}", "\u{1D466}"])
        #expect(try MathParser.parse(#"\Large x"#).contains { if case .sizing(let f) = $0 { return f == 1.44 } else { return false } })
        if case .fraction(let f)? = try first(#"\genfrac{[}{]}{0pt}{1}{a}{b}"#)?.nucleus {
            #expect(f.left == "[" && f.right == "]" && f.ruleThickness == 0 && f.style == .text)
        } else { Issue.record("genfrac") }
        if case .fraction(let f)? = try first(#"{a \choose b}"#).flatMap({ if case .list(let l) = $0.nucleus { return l.first } else { return nil } })
            .flatMap({ if case .atom(let a) = $0 { return a.nucleus } else { return nil } }) {
            #expect(f.left == "(" && f.ruleThickness == 0)
        } else { Issue.record("choose") }
        if case .fraction(let f)? = try first(#"\cfrac{1}{2}"#)?.nucleus { #expect(f.style == .display) } else { Issue.record("cfrac") }
        if case .extensibleArrow(let arrow, let above, let below)? = try first(#"\xrightarrow[b]{a}"#)?.nucleus {
            #expect(arrow == "→" && above != nil && below != nil)
        } else { Issue.record("xrightarrow") }
    }

    @Test func primesUseTheMultiplePrimeCharacters() throws {
        if case .atom(let a)? = try MathParser.parse("f'''").first { #expect(a.superscript.map(symbols) == ["‴"]) }
    }
}

@Suite struct CoverageLayoutTests {
    let font = FakeMetrics()
    func box(_ tex: String, display: Bool = false) throws -> Box {
        MathLayout.layout(try MathParser.parse(tex), display: display, font: font, size: 10)
    }

    @Test func phantomsAndSmash() throws {
        let x = try box("x")
        let p = try box(#"\phantom{x}"#), h = try box(#"\hphantom{x}"#), v = try box(#"\vphantom{x}"#), s = try box(#"\smash{x}"#)
        #expect(p.width == x.width && p.height == x.height && p.flatten().isEmpty)
        #expect(h.width == x.width && h.height == 0)
        #expect(v.width == 0 && v.height == x.height)
        #expect(s.width == x.width && s.height == 0 && s.flatten().count == 1)
    }

    @Test func boxedAddsFboxsepAndFboxrule() throws {
        let x = try box("x"), b = try box(#"\boxed{x}"#)
        // \fboxsep 3pt and \fboxrule 0.4pt on each side (0.04 em at 10 pt).
        #expect(abs(b.width - (x.width + 2 * (3 + 0.4))) < 1e-9)
        #expect(abs(b.height - (x.height + 3.4)) < 1e-9)
    }

    @Test func matrixColumnsAreTwoArraycolsepApart() throws {
        // FakeMetrics glyphs are 0.5 em wide: two columns plus 2 × \arraycolsep (0.5 em each) between.
        let m = try box(#"\begin{matrix} a & b \end{matrix}"#)
        #expect(abs(m.width - (5 + 5 + 10)) < 1e-9)
        let a = try box(#"\begin{array}{cc} a & b \end{array}"#)
        #expect(abs(a.width - (5 + 5 + 4 * 5)) < 1e-9)   // array keeps the outer \arraycolsep
        // LaTeX's kernel array centres `|` on the column boundary and gives it no width; `||` adds
        // \doublerulesep (2pt).
        let r = try box(#"\begin{array}{c|c} a & b \end{array}"#)
        #expect(abs(r.width - a.width) < 1e-9)
        let rr = try box(#"\begin{array}{c||c} a & b \end{array}"#)
        #expect(abs(rr.width - (a.width + 2)) < 1e-9)
        #expect(r.flatten().contains { if case .rule = $0 { return true } else { return false } })
    }

    @Test func sizingScalesGlyphs() throws {
        let gs = try box(#"a{\Huge a}"#).flatten().compactMap { if case .glyph(let g) = $0 { return g.size } else { return nil } }
        #expect(gs == [10, 24.88])
    }

    @Test func kernsResolveUnits() throws {
        let w = try box(#"\kern 1em"#).width, p = try box(#"\kern 7.227pt"#).width, mu = try box(#"\mkern18mu"#).width
        #expect(abs(w - 10) < 1e-9 && abs(p - 7.227) < 1e-9 && abs(mu - 10) < 1e-9)
        #expect(abs(try box(#"\hspace{1in}"#).width - 72.27) < 1e-9)
    }

    @Test func tagSitsAfterTheFormula() throws {
        let plain = try box("x"), tagged = try box(#"x \tag{1}"#)
        #expect(tagged.width > plain.width + 20)
        #expect(tagged.flatten().count == 4)   // x ( 1 )
    }

    @Test func colourReachesTheDrawItems() throws {
        let items = try box(#"a \color{red} b \textcolor{blue}{c}"#).flatten()
        var colours: [MathRGBA?] = []
        for case .glyph(let g) in items { colours.append(g.color) }
        #expect(colours == [nil, MathRGBA(1, 0, 0), MathRGBA(0, 0, 1)])
    }

    @Test func glyphsCarryTheirText() throws {
        let texts = try box(#"x^2 + \sum"#, display: true).flatten().compactMap { if case .glyph(let g) = $0 { return g.text } else { return nil } }
        #expect(texts == ["\u{1D465}", "2", "+", "∑"])
    }
}
