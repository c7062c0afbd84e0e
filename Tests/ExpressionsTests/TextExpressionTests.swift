import Foundation
import Testing
import InfoRequests
@testable import Expressions

/// Text in expressions: `+` joins when either side is text; `superscript` for alt-text exponents.
@Suite struct TextExpressionTests {
    @Test func plusJoinsTextAndPrintsNumbersPlainly() throws {
        #expect(try value("'p^{' + h + '}'", ["h": .number(4)]) == .string("p^{4}"))
        #expect(try value("'a' + 'b' + 2.5") == .string("ab2.5"))
        #expect(try value("1 + 2 + 'x'") == .string("3x"))
        #expect(try value("if(h == 1, 'p', 'p^{' + h + '}')", ["h": .number(1)]) == .string("p"))
        // Numbers still add, and a list is no text.
        #expect(try value("1 + 2") == .number(3))
        #expect(throws: ExpressionError.self) { try value("'a' + [1, 2]") }
    }

    @Test func superscriptWritesExponents() throws {
        #expect(try value("'p' + superscript(h)", ["h": .number(40)]) == .string("p⁴⁰"))
        #expect(try value("superscript(-12)") == .string("⁻¹²"))
        #expect(try value("superscript('(n)')") == .string("⁽ⁿ⁾"))
        #expect(throws: ExpressionError.self) { try value("superscript(0.5)") }
        #expect(throws: ExpressionError.self) { try value("superscript('x')") }
    }
}
