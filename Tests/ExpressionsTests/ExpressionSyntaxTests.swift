import Foundation
import Testing
import InfoRequests
@testable import Expressions

@Suite struct ExpressionSyntaxTests {
    @Test(arguments: [
        ("1 + 2 * 3", 7.0), ("(1 + 2) * 3", 9), ("2 ^ 3 ^ 2", 512), ("-2 ^ 2", -4), ("2 ^ -1", 0.5),
        ("10 - 4 - 3", 3), ("12 / 4 / 3", 1), ("-(3 - 5)", 2), ("--3", 3), ("2 * -3", -6),
        ("1e-3 * 1000", 1), (".5 + 1.5E1", 15.5), ("2 ** 3", 8),
        ("if(1 < 2, 10, 20)", 10), ("if(1 >= 2, 10, 20)", 20), ("if(1 == 1 && 2 != 3, 1, 0)", 1),
        ("if(1 > 2 || 3 <= 3, 1, 0)", 1), ("if(!(1 > 2), 1, 0)", 1),
        ("[1, 2, 3][2]", 3), ("sum([1, 2] * 2)", 6), ("sum([1, 2] + [3, 4])", 10),
        ("m.mu + m.sigma", 3), ("xs[1]", 20),
    ])
    func precedence(_ c: (String, Double)) throws {
        let names: [String: JSONValue] = ["m": .object([("mu", .number(1)), ("sigma", .number(2))]),
                                          "xs": .array([.number(10), .number(20)])]
        #expect(try number(c.0, names) == c.1, "\(c.0)")
    }

    /// (text, column of the error, a phrase the message must hold)
    @Test(arguments: [
        ("1 +", 4, "ends early"),
        ("(1 + 2", 7, "to close '(' at column 1"),
        ("[1, 2", 6, "to close '[' at column 1"),
        ("1 2", 3, "after a complete expression"),
        ("2 $ 3", 3, "unexpected character '$'"),
        ("lg(3)", 1, "did you mean log"),
        ("x + y", 5, "unknown name 'y'"),
        ("pii * 2", 1, "did you mean pi"),
        ("1 < 2 < 3", 7, "do not chain"),
        ("'abc", 1, "never closed"),
        ("1e+", 2, "exponent"),
        ("log(1, 2)", 1, "log takes 1"),
        ("log(x=1)", 5, "by position"),
        ("m.nu", 3, "did you mean mu"),
        ("if(1, 2, 3)", 4, "comparison"),
        ("[1, 2] + [1, 2, 3]", 8, "different lengths"),
        ("kl(p=[1], [1])", 11, "positional argument after a named one"),
        ("3(4)", 2, "only a function name"),
    ])
    func errorsCarryColumns(_ c: (String, Int, String)) {
        let names: [String: JSONValue] = ["x": .number(1), "m": .object([("mu", .number(1))])]
        do {
            let e = try CompiledExpression(c.0)
            try e.checkNames(in: Scope(names))
            _ = try e.value(in: Scope(names))
            Issue.record("'\(c.0)' should fail")
        } catch let e as ExpressionError {
            #expect(e.column == c.1, "'\(c.0)': column \(e.column), message \(e.message)")
            #expect(e.message.contains(c.2), "'\(c.0)': \(e.message)")
        } catch {
            Issue.record("'\(c.0)': unexpected \(error)")
        }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(throws: ExpressionError.self) { try parseExpression(deep) }
        let minus = String(repeating: "-", count: 500) + "1"
        #expect(throws: ExpressionError.self) { try parseExpression(minus) }
    }

    @Test func shortCircuitSkipsTheUndefinedSide() throws {
        #expect(try value("p > 0 && log(p) < 0", ["p": .number(0)]) == .bool(false))
    }

    @Test func freeNamesAreListed() throws {
        #expect(try parseExpression("kl(p=[a, 1-a], q=b).x + log(c) + a").freeNames == ["a", "b", "c"])
    }
}
