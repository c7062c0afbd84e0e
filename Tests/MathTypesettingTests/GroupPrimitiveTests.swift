import Testing
@testable import MathTypesetting

/// \begingroup/\endgroup, \edef/\xdef, \mathchoice and \newline: parse results, layout values
/// (FakeMetrics: every glyph 5 × 7 pt at 10 pt, 1 mu = 10/18 pt) and errors with their columns.
@Suite struct GroupPrimitiveTests {
    func width(_ tex: String, display: Bool = false) throws -> Double {
        MathLayout.layout(try MathParser.parse(tex), display: display, font: FakeMetrics(), size: 10).width
    }

    @Test func semisimpleGroupSplicesItsItems() throws {
        // No Ord atom: the + stays binary between a and b (TeXbook p. 279), unlike {+}.
        let list = try MathParser.parse(#"a\begingroup+\endgroup b"#)
        #expect(classes(list) == [.ord, .bin, .ord])
        #expect(abs(try width(#"a\begingroup+\endgroup b"#) - (15 + 8 * 10 / 18)) < 1e-9)
        #expect(abs(try width(#"a{+}b"#) - 15) < 1e-9)
        // A font switch ends with the group.
        #expect(symbols(try MathParser.parse(#"\begingroup\rm a\endgroup a"#)) == ["a", "\u{1D44E}"])
        // A colour inside stays inside: the group is one sublist.
        guard case .atom(let a)? = try MathParser.parse(#"\begingroup\color{red}a\endgroup b"#).first,
              case .list(let body) = a.nucleus, case .color? = body.first else { Issue.record("coloured group"); return }
    }

    @Test func semisimpleGroupErrorsNameTheirColumns() {
        // KaTeX's support-table examples close one kind of group with the other; TeX (and KaTeX's parser) reject that.
        let e1 = parseFailure(#"\begingroup a}"#)
        #expect(e1?.kind == .unbalancedBraces && e1?.range == 13..<14)
        let e2 = parseFailure(#"{a\endgroup"#)
        #expect(e2?.kind == .unbalancedBraces && e2?.range == 2..<11)
        #expect(parseFailure(#"a\endgroup"#)?.range == 1..<10)
        #expect(parseFailure(#"\begingroup a"#)?.range == 0..<11)
    }

    @Test func edefExpandsAtDefinition() throws {
        // KaTeX's example: the copy keeps \foo's meaning when it was made.
        for def in ["edef", "xdef"] {
            let list = try MathParser.parse(#"\def\foo{a}\"# + def + #"\fcopy{\foo}\def\foo{}\fcopy"#)
            #expect(symbols(list) == ["\u{1D44E}"], "\(def)")
        }
        // \def keeps the name: the same formula with \def prints nothing.
        #expect(symbols(try MathParser.parse(#"\def\foo{a}\def\fcopy{\foo}\def\foo{}\fcopy"#)).isEmpty)
        // Nested macros expand fully; \noexpand protects one token; parameters still work.
        #expect(symbols(try MathParser.parse(#"\def\b{b}\def\a{a\b}\edef\c{\a\noexpand\b}\def\b{x}\c"#)) == ["\u{1D44E}", "\u{1D44F}", "\u{1D465}"])
        #expect(symbols(try MathParser.parse(#"\def\s{y}\edef\f#1{#1\s}\def\s{}\f{x}"#)) == ["\u{1D465}", "\u{1D466}"])
        #expect(symbols(try MathParser.parse(#"\global\edef\z{z}\z"#)) == ["\u{1D467}"])
        // A runaway definition is still an error, not a hang.
        #expect(parseFailure(#"\def\a{\a\a}\edef\b{\a}"#)?.kind == .badMacro)
        #expect(parseFailure(#"\edef x{a}"#)?.kind == .badMacro)
    }

    @Test func mathchoicePicksTheListForTheStyle() throws {
        let tex = #"a\mathchoice{\,}{\,\,}{\,\,\,}{\,\,\,\,}b"#
        // Display: one thin space (3 mu); text: two.
        #expect(abs(try width(tex, display: true) - (10 + 3 * 10 / 18)) < 1e-9)
        #expect(abs(try width(tex) - (10 + 6 * 10 / 18)) < 1e-9)
        // In a superscript (script style, 5 pt glyphs with ScriptPercentScaleDown 50 %), the third list.
        let sup = MathLayout.layout(try MathParser.parse(#"x^{\mathchoice{D}{T}{SS}{SSSS}}"#), display: true, font: FakeMetrics(), size: 10)
        #expect(abs(sup.width - (5 + 2 * 2.5)) < 1e-9)
        // A style change before it counts.
        #expect(abs(try width(#"\scriptstyle\mathchoice{DD}{T}{S}{S}"#, display: true) - 2.5) < 1e-9)
        // MathML writes the top-level style's list.
        let m = mathML(try MathParser.parse(#"\mathchoice{D}{T}{S}{s}"#), source: "", display: false)
        #expect(m.contains("𝑇") && !m.contains("𝐷"))
        #expect(parseFailure(#"\mathchoice{a}{b}{c}"#)?.kind == .missingArgument)
    }

    @Test func newlineBreaksTheFormula() throws {
        let list = try MathParser.parse(#"a+b\newline c"#)
        guard list.count == 1, case .atom(let a) = list[0], case .array(let array) = a.nucleus else { Issue.record("lines"); return }
        #expect(array.rows.count == 2 && array.rows[0].count == 1)
        #expect(symbols(array.rows[1][0]) == ["\u{1D450}"])
        // Left-aligned, no column separation: as wide as the longer line.
        #expect(abs(try width(#"a+b\newline c"#) - (15 + 8 * 10 / 18)) < 1e-9)
        let box = MathLayout.layout(list, display: false, font: FakeMetrics(), size: 10)
        #expect(box.height + box.depth >= 12 + 7 - 1e-9)   // two lines at least \baselineskip apart
        let e = parseFailure(#"{a\newline b}"#)
        #expect(e?.kind == .misplacedToken && e?.range == 2..<10)
        #expect(parseFailure(#"\begin{matrix} a \newline b \end{matrix}"#) != nil)
    }
}
