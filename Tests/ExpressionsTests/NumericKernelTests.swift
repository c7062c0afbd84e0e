import Foundation
import Testing
import InfoRequests
@testable import Expressions

/// The compiled kernel of an expression gives, bit for bit, what the evaluator gives at every point
/// (NaN where that is undefined or an error), folds what reads no variable, and declines what it
/// cannot compile (the caller then uses the evaluator).
@Suite struct NumericKernelTests {
    static let scope = Scope([
        "log_z": .number(-10.875), "m_star": .number(2.1), "s_star": .number(0.35), "unit": .string("bits"),
        "fit": .object([("mu", .number(0.5)), ("sigma", .number(1.5))]), "xs": .array([.number(1), .number(2)]),
        "on": .bool(true), "k": .number(3),
    ])

    static let compiled = [
        "log_z - (log(s_star / y) + (y^2 + (x - m_star)^2) / (2 * s_star^2) - 0.5)",
        "-x ^ 2 + 3 * x - 1 / y", "x / 0", "sqrt(x) + log(y)", "normal_pdf(x, fit.mu, fit.sigma)",
        "if(x > 0 && y < 1, x * y, -x)", "if(x >= y || x == 0, 1, 0)", "if(!(x < y), x, y)",
        "x < y", "x != y && !(x <= 0)", "max(x, y, 0) - min(x, 2) + sum(x, y) + mean(x, y, 1)",
        "if(unit == 'bits', log2(x), log(x))", "x * xs[1] + len(xs)", "pow(x, y) + beta(2, y) + gamma(x)",
        "if(on, x, y)", "binary_entropy(0.25, unit=unit) * x", "x - x", "if(x > 0, log(x), log(-x))",
        "if(x / y > 1, x, 0) + erf(y)", "tick_step(0, 10, 5) * x",
        // Compute ops at each point; where one refuses (sigma ≤ 0, p outside [0, 1]) the value is undefined.
        "gaussian_kl(mu1=x, sigma1=y, mu2=fit.mu, sigma2=fit.sigma)", "binary_entropy(x, unit=unit) + 1",
        "if(x > 0.5, 1, binary_entropy(x)) ^ 0", "max(surprisal(x, unit='nats'), y)",
        // The same through the ops' numeric forms (checked once), and past them to whole requests.
        "gaussian_kl(mu1=fit.mu, sigma1=fit.sigma, mu2=y, sigma2=x, base=3)", "gaussian_entropy(sigma=x * y, unit=unit)",
        "surprisal(x, base=1.000000000000001)", "gaussian_kl(mu1=x, sigma1=y)", "surprisal(x, unit='nope')",
        "gaussian_kl(mu1=x, sigma1=y, mu2=0, sigma2=1, digits=3)",
    ]

    @Test(arguments: compiled)
    func kernelIsTheEvaluatorBitForBit(_ text: String) throws {
        let c = try CompiledExpression(text)
        var s = Self.scope
        s.functions = ["tick_step": HostFunction("tick_step(lo, hi, n)", arity: 3) { a in .number((a[1] - a[0]) / a[2]) }]
        let k = try #require(c.kernel(in: s, variables: ["x", "y"]), "\(text) has no kernel")
        let points: [Double] = [-2.5, -1, -0.0, 0, 1e-300, 0.3, 1, 2.1, 7, .infinity, -.infinity, .nan]
        for x in points { for y in points {
            let want = (try? c.number(in: s.binding("x", .number(x)).binding("y", .number(y)))) ?? .nan
            let got = k.value(x, y)
            #expect(got.bitPattern == want.bitPattern || (got.isNaN && want.isNaN), "\(text) at (\(x), \(y)): \(got) vs \(want)")
        } }
    }

    @Test(arguments: [
        "kl(p=[x, 1 - x], q=[0.5, 0.5])",   // a list of the variable
        "xs[x]", "[x, 1][0]", "len([x])", "'a' + x", "if(x, 1, 0)", "if(x > 0, 1, x > 2)", "nope(x)",
        "unknown_name + x", "fit.mu * fit.nope + x", "x && y",
    ])
    func declinesWhatNeedsTheEvaluator(_ text: String) throws {
        #expect(try CompiledExpression(text).kernel(in: Self.scope, variables: ["x", "y"]) == nil, "\(text)")
    }

    @Test func aLaterVariableHidesAnEarlierOfTheSameName() throws {
        let k = try #require(try CompiledExpression("x * 10 + k").kernel(in: Self.scope, variables: ["x", "x"]))
        #expect(k.value(1, 2) == 23 && k.value([4, 5]) == 53)
        let one = try #require(try CompiledExpression("k * 2").kernel(in: Self.scope, variables: ["k"]))
        #expect(one.value(1) == 2)   // the variable hides the scope's k
    }
}
