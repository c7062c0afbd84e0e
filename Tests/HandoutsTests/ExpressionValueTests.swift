import Foundation
import InfoRequests
import Testing
@testable import Handouts

/// `values:` entries with `expr:` (issue 8 §2): arithmetic over earlier data and values.
@Suite struct ExpressionValueTests {
    @Test func ratioOfTwoValuesWithDigits() throws {
        let source = "---\ntitle: T\ndata: {w: {p: [0.5, 0.5]}}\nvalues:\n  a: {op: entropy, p: w.p, unit: bits}\n"
            + "  b: {op: entropy, p: [0.25, 0.25, 0.25, 0.25], unit: bits}\n  ratio: {expr: \"a / b\", digits: 2}\n"
            + "  ess: {expr: \"sum(w.p)^2 / sum(w.p^2)\", digits: 1}\n---\n{{ratio}} {{ess}}\n"
        let doc = try parse(source)
        // H = 1 bit and 2 bits; ESS of two equal weights is 2.
        #expect(doc.blocks == [.paragraph([.text("0.50 2.0")])])
    }

    @Test func unknownNameIsReportedAtItsColumnInTheFile() {
        let source = "---\ntitle: T\nvalues:\n  a: {op: entropy, p: [0.5, 0.5]}\n  r: {expr: \"a / bb\"}\n---\n"
        let e = templateError { _ = try parse(source) }
        // `"a / bb"` opens at column 13; bb is the fifth character of the text.
        #expect(e?.line == 5 && e?.column == 18, "\(String(describing: e))")
        #expect(e?.message.contains("unknown name 'bb'") == true)
    }

    @Test func undefinedResultIsAnErrorNotNaN() {
        let source = "---\ntitle: T\nvalues:\n  r: {expr: \"log(-1)\"}\n---\n"
        let e = templateError { _ = try parse(source) }
        #expect(e?.message.contains("undefined") == true)
    }
}
