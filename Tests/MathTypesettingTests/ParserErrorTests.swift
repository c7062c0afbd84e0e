import Testing
@testable import MathTypesetting

@Suite struct ParserErrorTests {
    func failure(_ tex: String) -> MathError? {
        do { _ = try MathParser.parse(tex); return nil } catch let e as MathError { return e } catch { return nil }
    }

    @Test(arguments: [
        (#"a + \foo b"#, MathError.Kind.unknownCommand, 4..<8),
        (#"{a"#, .unbalancedBraces, 0..<1),
        (#"a}"#, .unbalancedBraces, 1..<2),
        (#"\frac{a{b}"#, .unbalancedBraces, 5..<6),
        (#"\frac{a}"#, .missingArgument, 0..<5),
        (#"x^"#, .missingArgument, 1..<2),
        (#"\sqrt"#, .missingArgument, 0..<5),
        (#"a \right)"#, .unmatchedRight, 2..<8),
        (#"{a \right)}"#, .unmatchedRight, 3..<9),
        (#"\middle|"#, .unmatchedRight, 0..<7),
        (#"\left( a"#, .missingRight, 0..<5),
        (#"\left\foo a \right)"#, .badDelimiter, 5..<9),
        (#"\left"#, .missingArgument, 0..<5),
        (#"\begin{foo}x\end{foo}"#, .badEnvironment, 0..<11),
        (#"\begin{aligned} a \end{cases}"#, .badEnvironment, 18..<29),
        (#"\begin{cases} a"#, .badEnvironment, 0..<13),
        (#"a \end{aligned}"#, .badEnvironment, 2..<15),
        (#"a & b"#, .misplacedToken, 2..<3),
        (#"a \\ b"#, .misplacedToken, 2..<4),
        (#"x \limits"#, .misplacedToken, 2..<9),
        (#"x^1^2"#, .doubleScript, 3..<4),
        (#"x_1_2"#, .doubleScript, 3..<4),
        (#"\sqrt[3 x"#, .unbalancedBraces, 5..<6),
        (#"\text{abc"#, .unbalancedBraces, 5..<6),
        (#"\begin{aligned} a \\[2pt b \end{aligned}"#, .unbalancedBraces, 20..<21),
    ])
    func errorKindAndColumns(tex: String, kind: MathError.Kind, range: Range<Int>) {
        let e = failure(tex)
        #expect(e?.kind == kind, "\(tex)")
        #expect(e?.range == range, "\(tex): \(String(describing: e?.message))")
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let tex = String(repeating: "{", count: 5000) + "x" + String(repeating: "}", count: 5000)
        #expect(failure(tex)?.kind == .tooDeeplyNested)
        let scripts = String(repeating: "x^{", count: 3000) + "y" + String(repeating: "}", count: 3000)
        #expect(failure(scripts)?.kind == .tooDeeplyNested)
        #expect(failure(String(repeating: #"\hat"#, count: 5000) + "x")?.kind == .tooDeeplyNested)
        #expect(failure(String(repeating: #"\frac1"#, count: 5000) + "2")?.kind == .tooDeeplyNested)
        let fine = String(repeating: "{", count: 30) + "x" + String(repeating: "}", count: 30)
        #expect(failure(fine) == nil)
    }

    @Test func messageShowsSourceAndCaret() {
        let e = failure(#"H(p) = \sumx p"#)
        #expect(e?.message == #"unknown command \sumx"#)
        let lines = e?.description.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        #expect(lines.count == 3)
        #expect(lines.last == "         ^^^^^")
    }

    /// Deterministic fuzzing: random token soup must parse or throw a MathError whose range lies
    /// inside the source, never trap.
    @Test func randomInputNeverTraps() {
        let pieces = ["{", "}", "^", "_", "&", #"\\"#, #"\frac"#, #"\left("#, #"\right)"#, #"\middle|"#, #"\sqrt"#, "[", "]",
                      "x", "1", "+", "=", #"\sum"#, #"\begin{aligned}"#, #"\end{aligned}"#, #"\text{a"#, "'", " ",
                      #"\hat"#, #"\underbrace"#, #"\bogus"#, #"\big"#, ".", #"\limits"#, #"\"#]
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<3000 {
            var tex = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(state >> 60) + 1
            for _ in 0..<count {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                tex += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            do {
                let list = try MathParser.parse(tex)
                if let font = TestFont.shared { _ = MathLayout.layout(list, display: true, font: font, size: 10) }
            } catch let e as MathError {
                #expect(e.range.lowerBound >= 0 && e.range.lowerBound <= tex.count, "\(tex)")
            } catch {
                Issue.record("unexpected error type for \(tex)")
            }
        }
    }
}
