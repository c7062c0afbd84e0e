import Testing
@testable import MathTypesetting

/// Symbols and TeX commands from KaTeX's support table that follow TeX's (or the named package's)
/// definitions: parse results and layout values.
@Suite struct TeXPrimitiveTests {
    @Test func typedColonIsUnicodeMathsRatioRelation() throws {
        let list = try MathParser.parse("a:b")
        #expect(symbols(list) == ["\u{1D44E}", "∶", "\u{1D44F}"])
        #expect(classes(list) == [.ord, .rel, .ord])
        // \colon keeps the punctuation colon.
        #expect(symbols(try MathParser.parse(#"f\colon A"#))[1] == ":")
    }

    @Test func packageSymbolsUnicodeMathHasNoNameFor() throws {
        for (tex, ch, cls) in [(#"\Diamond"#, "◇", AtomClass.ord), (#"\circledS"#, "Ⓢ", .ord), (#"\diagup"#, "╱", .ord),
                               (#"\diagdown"#, "╲", .ord), (#"\minuso"#, "⦵", .bin)] {
            let a = try firstAtom(tex)
            if case .symbol(let s)? = a?.nucleus { #expect(s == ch, "\(tex)") } else { Issue.record("\(tex): no symbol") }
            #expect(a?.cls == cls, "\(tex)")
        }
        // amssymb's negations with no Unicode character: the relation with \not's slash.
        for (tex, base) in [(#"\nleqq"#, "≦"), (#"\ngeqslant"#, "⩾"), (#"\nsubseteqq"#, "⫅"), (#"\nsupseteqq"#, "⫆")] {
            guard case .negated(let body)? = try firstAtom(tex)?.nucleus else { Issue.record("\(tex): not negated"); continue }
            #expect(symbols(body) == [base], "\(tex)")
            #expect(try firstAtom(tex)?.cls == .rel)
        }
    }
}
