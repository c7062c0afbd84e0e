import Testing
@testable import MathTypesetting

/// The nucleus text of the atoms of a list, in order (symbols only), for compact assertions.
func symbols(_ list: MathList) -> [String] {
    list.compactMap {
        if case .atom(let a) = $0, case .symbol(let s) = a.nucleus { return s }
        return nil
    }
}

func classes(_ list: MathList) -> [AtomClass] {
    list.compactMap { if case .atom(let a) = $0 { return a.cls } else { return nil } }
}

/// The first atom of a parsed formula.
func firstAtom(_ tex: String) throws -> Atom? {
    for case .atom(let a) in try MathParser.parse(tex) { return a }
    return nil
}

/// The error parsing `tex` throws, or nil when it parses.
func parseFailure(_ tex: String) -> MathError? {
    do { _ = try MathParser.parse(tex); return nil } catch let e as MathError { return e } catch { return nil }
}

@Suite struct ParserTests {
    @Test func lettersAreItalicDigitsUpright() throws {
        let list = try MathParser.parse("a h z A 1 9")
        #expect(symbols(list) == ["\u{1D44E}", "\u{210E}", "\u{1D467}", "\u{1D434}", "1", "9"])
    }

    @Test func greekLowercaseItalicUppercaseUpright() throws {
        let list = try MathParser.parse(#"\alpha \varepsilon \epsilon \Sigma \phi \varphi"#)
        #expect(symbols(list) == ["\u{1D6FC}", "\u{1D700}", "\u{1D716}", "Σ", "\u{1D719}", "\u{1D711}"])
    }

    @Test func alphabets() throws {
        #expect(symbols(try MathParser.parse(#"\mathbb{R}"#).flatMapLists()) == ["ℝ"])
        #expect(symbols(try MathParser.parse(#"\mathbb{E}"#).flatMapLists()) == ["\u{1D53C}"])
        #expect(symbols(try MathParser.parse(#"\mathcal{X}"#).flatMapLists()) == ["\u{1D4B3}"])
        #expect(symbols(try MathParser.parse(#"\mathcal{L}"#).flatMapLists()) == ["ℒ"])
        #expect(symbols(try MathParser.parse(#"\mathrm{KL}"#).flatMapLists()) == ["K", "L"])
        #expect(symbols(try MathParser.parse(#"\mathbf{y}"#).flatMapLists()) == ["\u{1D432}"])
        #expect(symbols(try MathParser.parse(#"\mathit{x}"#).flatMapLists()) == ["\u{1D465}"])
        #expect(symbols(try MathParser.parse(#"\boldsymbol{\Sigma}"#).flatMapLists()) == ["\u{1D72E}"])
    }

    @Test func atomClassesFromTheTable() throws {
        let list = try MathParser.parse(#"a = b + c \le \log x \to ( ) , \cdot \sum"#)
        #expect(classes(list) == [.ord, .rel, .ord, .bin, .ord, .rel, .op, .ord, .rel, .open, .close, .punct, .bin, .op])
        #expect(symbols(try MathParser.parse("a-b")) == ["\u{1D44E}", "−", "\u{1D44F}"])
    }

    @Test func scriptsAttachToThePrecedingAtom() throws {
        let list = try MathParser.parse("x_i^2 y'")
        #expect(list.count == 2)
        guard case .atom(let x) = list[0], case .atom(let y) = list[1] else { Issue.record("atoms expected"); return }
        #expect(x.sub.map(symbols) == ["\u{1D456}"])
        #expect(x.superscript.map(symbols) == ["2"])
        #expect(y.superscript.map(symbols) == ["′"])
    }

    @Test func limitsModifiers() throws {
        guard case .atom(let sum)? = try MathParser.parse(#"\sum\nolimits_i"#).first,
              case .atom(let integral)? = try MathParser.parse(#"\int\limits_0^1"#).first,
              case .atom(let plainInt)? = try MathParser.parse(#"\int"#).first,
              case .atom(let log)? = try MathParser.parse(#"\log"#).first,
              case .atom(let lim)? = try MathParser.parse(#"\lim"#).first
        else { Issue.record("atoms expected"); return }
        #expect(sum.limits == .noLimits)
        #expect(integral.limits == .limits)
        #expect(plainInt.limits == .noLimits)
        #expect(log.limits == .noLimits)
        #expect(lim.limits == .automatic)
    }

    @Test func constructs() throws {
        func nucleus(_ tex: String) throws -> Nucleus? {
            if case .atom(let a)? = try MathParser.parse(tex).first { return a.nucleus }
            return nil
        }
        if case .fraction(let f)? = try nucleus(#"\frac{a}{b}"#) { #expect(f.ruleThickness == nil) } else { Issue.record("fraction") }
        if case .fraction(let f)? = try nucleus(#"\binom{n}{k}"#) { #expect(f.ruleThickness == 0 && f.left == "(") } else { Issue.record("binom") }
        if case .fraction(let f)? = try nucleus(#"\dfrac12"#) { #expect(f.style == .display) } else { Issue.record("dfrac") }
        if case .radical(let d, _)? = try nucleus(#"\sqrt[3]{x}"#) { #expect(d.map(symbols) == ["3"]) } else { Issue.record("sqrt") }
        if case .leftRight(let ds, let bodies)? = try nucleus(#"\left\{ a \middle| b \right."#) {
            #expect(ds == ["{", "|", "."])
            #expect(bodies.count == 2)
        } else { Issue.record("left/right") }
        if case .text(let t)? = try nucleus(#"\text{if } "#) { #expect(t == "if ") } else { Issue.record("text") }
        if case .brace(_, let over, _)? = try nucleus(#"\underbrace{a+b}_{n}"#) { #expect(!over) } else { Issue.record("brace") }
        if case .sizedDelimiter(let d, let size)? = try nucleus(#"\Bigg\langle"#) { #expect(d == "⟨" && size == 4) } else { Issue.record("big") }
        if case .accent(let mark, _, _)? = try nucleus(#"\hat\theta"#) { #expect(mark == "\u{0302}") } else { Issue.record("accent") }
        if case .leftRight(let ds, let bodies)? = try nucleus(#"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#),
           case .atom(let inner)? = bodies.first?.first, case .array(let array) = inner.nucleus {
            #expect(ds == ["(", ")"])
            #expect(array.rows.count == 2 && array.rows[0].count == 2)
        } else { Issue.record("pmatrix") }
        if case .array(let a)? = try nucleus(#"\begin{aligned} a &= b \\[3pt] &= c \\ \end{aligned}"#) {
            #expect(a.kind == .aligned && a.rows.count == 2)
        } else { Issue.record("aligned") }
    }

    @Test func classOverridesAndStacks() throws {
        #expect(classes(try MathParser.parse(#"\mathrel{x} \mathbin{y} \mathop{z} \mathpunct{,}"#)) == [.rel, .bin, .op, .punct])
        guard case .atom(let eq)? = try MathParser.parse(#"\overset{\text{def}}{=}"#).first,
              case .atom(let arg)? = try MathParser.parse(#"\underset{\theta}{\max}"#).first
        else { Issue.record("atoms expected"); return }
        #expect(eq.cls == .rel && eq.limits == .limits && eq.superscript != nil && eq.sub == nil)
        #expect(arg.cls == .op && arg.limits == .limits && arg.sub != nil)
    }

    @Test func spacingCommands() throws {
        let list = try MathParser.parse(#"a\,b\:c\;d\!e\quad f\qquad g"#)
        let spaces = list.compactMap { if case .space(let mu) = $0 { return mu } else { return nil } }
        #expect(spaces == [3, 4, 5, -3, 18, 36])
    }

    @Test func everyTestSheetFormulaParses() throws {
        for entry in MathTestSheet.formulas {
            #expect(throws: Never.self, "\(entry.tex)") { _ = try MathParser.parse(entry.tex) }
        }
    }
}

extension MathList {
    /// Symbols inside the first braced/styled group (for \mathbb{R} and friends).
    func flatMapLists() -> MathList {
        flatMap { item -> MathList in
            if case .atom(let a) = item, case .list(let l) = a.nucleus { return l }
            return [item]
        }
    }
}
