import Testing
@testable import MathTypesetting

/// MathML writes a number as one `<mn>` (the parser's digit atoms joined), so a screen reader and a
/// formula's plain text read "0.12", not "0.1 2"; `speakableLabel` speaks a label's `$…$` as its
/// formula and prints a value's minus as U+2212, as the figure draws it (issue 9).
struct SpeakableTextTests {
    func ml(_ tex: String) throws -> String { mathML(try MathParser.parse(tex), source: "", display: false) }

    @Test func numbersAreOneToken() throws {
        let m = try ml("x = -0.12 + 12.5 + .5")
        #expect(m.contains("<mo>−</mo><mn>0.12</mn>") && m.contains("<mn>12.5</mn>") && m.contains("<mn>.5</mn>"), "\(m)")
        // The last digit's script stays on the number; a point without a digit after it is not part of one.
        #expect(try ml("10^2").contains("<msup><mn>10</mn><mn>2</mn></msup>"))
        let end = try ml("n = 1.")
        #expect(end.contains("<mn>1</mn>") && !end.contains("<mn>1.</mn>"), "\(end)")
        // Scripts inside a number keep their digits apart: 2_1 3 is not "213".
        #expect(try ml("2_13").contains("<msub><mn>2</mn><mn>1</mn></msub><mn>3</mn>"))
    }

    @Test func labelsAreSpokenAsTheirFormulas() {
        #expect(speakableMath("x = -0.12") == "x = \u{2212}0.12")
        #expect(speakableMath(#"H(p) = -\sum_x p(x) \log p(x)"#) == "H(p) = \u{2212}∑x p(x) log p(x)")
        #expect(speakableMath(#"-\log_2 p, a + b \le c"#) == "\u{2212}log 2 p, a + b ≤ c")
        #expect(speakableLabel("Shifted $H(p) - 0.12$ at -3") == "Shifted H(p) \u{2212} 0.12 at \u{2212}3")
        #expect(speakableLabel("costs \\$5, two\nlines") == "costs $5, two lines")
        // Unpaired dollars stay as written rather than being guessed at.
        #expect(speakableLabel("a $b") == "a $b")
        #expect(speakableLabel("2026-11-23 cross-entropy") == "2026-11-23 cross-entropy")
    }

    /// `\color{red}` colours the rest of its group in MathML as on the page; before the switch, nothing.
    @Test func aColourSwitchColoursTheRestOfItsGroup() throws {
        let m = try ml("a + {\\color{red} b c} + d")
        #expect(m.contains("<mstyle mathcolor=\"#ff0000\"><mrow><mi>𝑏</mi><mi>𝑐</mi></mrow></mstyle>"), "\(m)")
        #expect(!m.contains("mathcolor=\"#ff0000\"><mrow><mi>𝑏</mi><mi>𝑐</mi><mo>+</mo>"))
        #expect(try ml("\\color{blue} x").contains("<semantics><mstyle mathcolor=\"#0000ff\"><mi>𝑥</mi></mstyle>"))
    }
}
