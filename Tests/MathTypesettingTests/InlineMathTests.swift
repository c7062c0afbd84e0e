import Testing
@testable import MathTypesetting

@Suite struct InlineMathTests {
    @Test func splitsProseAndMath() throws {
        #expect(try splitInlineMath(#"Entropy $H(p)$ in nats"#) == [.text("Entropy "), .math("H(p)", offset: 9), .text(" in nats")])
        #expect(try splitInlineMath(#"cost \$5 and $x$"#) == [.text("cost $5 and "), .math("x", offset: 14)])
        #expect(try splitInlineMath("plain") == [.text("plain")])
    }

    @Test func unclosedDollarIsAnError() {
        #expect(throws: MathError.self) { try splitInlineMath("a $x") }
        do { _ = try splitInlineMath("a $x") } catch let e as MathError { #expect(e.range == 2..<3) } catch {}
    }

    @Test func errorColumnsAreThoseOfTheLabel() throws {
        let font = try #require(TestFont.shared)
        do {
            _ = try typesetInline(#"KL $D_{\foo}$"#, font: font, size: 10)
            Issue.record("expected an error")
        } catch let e as MathError {
            #expect(e.kind == .unknownCommand)
            #expect(e.range == 7..<11)   // the \foo of the label
            #expect(e.source == #"KL $D_{\foo}$"#)
        }
    }

    @Test func labelSitsOnOneBaseline() throws {
        let font = try #require(TestFont.shared)
        let label = try typesetInline(#"divergence $D_{\mathrm{KL}}(p\,\|\,q)$"#, font: font, size: 10)
        let math = try typeset(#"D_{\mathrm{KL}}(p\,\|\,q)"#, font: font, size: 10)
        #expect(label.width > math.width)
        #expect(abs(label.height - max(math.height, label.height)) < 1e-9)
        #expect(abs(label.depth - math.depth) < 1e-9 || label.depth > math.depth)
    }

    /// What a spec compiler asks of a label: nil when its formulas parse (an escaped dollar is
    /// prose), else the parser's message and the offset in the whole label, line breaks counted.
    @Test func inlineMathProblemPointsIntoTheLabel() throws {
        #expect(inlineMathProblem("plain, cost \\$5") == nil)
        #expect(inlineMathProblem(#"Entropy $H(p) = -\sum_x p(x)\log p(x)$"#) == nil)
        let brace = try #require(inlineMathProblem(#"Loss $\frac{a$"#))
        #expect(brace.offset == 11 && brace.message.contains("never closed"), "\(brace)")
        let command = try #require(inlineMathProblem("first line\nthen $\\alpha + \\foo$"))
        #expect(command.offset == 11 + 6 + 9 && command.message.contains("\\foo"), "\(command)")
        let open = try #require(inlineMathProblem("a $b"))
        #expect(open.offset == 2)
    }
}
