import Testing
@testable import MathTypesetting

/// Break points of inline formulas: after outer Rel and Bin atoms (TeX's rule 20), after the commas
/// of a long parenthesised list and an outer solidus, never inside braces or after a unary minus.
@Suite struct InlineBreakTests {
    private func parts(_ tex: String) throws -> [String] {
        let chars = Array(tex)
        var out: [String] = []
        var start = 0
        for b in try inlineMathBreaks(tex, size: 18) {
            out.append(String(chars[start..<b.offset]))
            start = b.offset
        }
        return out + [String(chars[start...])]
    }

    @Test func breaksAfterRelationsAndBinaryOperators() throws {
        #expect(try parts("a = b + c") == ["a = ", "b + ", "c"])
        #expect(try parts(#"\frac{4}{p} - \frac{1}{1 - p} = 0"#) == [#"\frac{4}{p} - "#, #"\frac{1}{1 - p} = "#, "0"])
        #expect(try parts(#"H(\text{region} \mid \text{postcode}) = 0"#) == [#"H(\text{region} \mid \text{postcode}) = "#, "0"])
    }

    @Test func unaryMinusScriptsAndGroupsDoNotBreak() throws {
        #expect(try parts("x = -y") == ["x = ", "-y"])
        #expect(try parts("e^{a+b}") == ["e^{a+b}"])
        #expect(try parts("{a = b}") == ["{a = b}"])
        #expect(try parts(#"a \le\, = b"#).count == 2)   // no break between two relations
        #expect(try parts("p(x, y)") == ["p(x, y)"])
    }

    @Test func longTuplesBreakAfterCommas() throws {
        #expect(try parts("(0.4, 0.3, 0.2, 0.1)") == ["(0.4, ", "0.3, ", "0.2, ", "0.1)"])
        #expect(try parts("v_1, v_2") == ["v_1, ", "v_2"])
    }

    @Test func anOuterSolidusBreaksAtTheBinsPenalty() throws {
        #expect(try parts(#"r = \pi(a \mid s) / \rho(a \mid s)"#) == ["r = ", #"\pi(a \mid s) / "#, #"\rho(a \mid s)"#])
        #expect(try inlineMathBreaks("a / b", size: 18).map(\.penalty) == [700])
        // Inside parentheses or braces, or as the last atom, it stays whole.
        #expect(try parts("f(a / b)") == ["f(a / b)"])
        #expect(try parts("{a / b}") == ["{a / b}"])
        #expect(try parts("a /") == ["a /"])
    }

    @Test func theDiscardedSpaceIsTheInterAtomSpace() throws {
        let b = try inlineMathBreaks("a = b + c", size: 18)
        #expect(b.map(\.penalty) == [500, 700])
        #expect(b.map(\.space) == [5, 4])   // \thickmuskip and \medmuskip at 1 mu = 1 pt
    }
}
