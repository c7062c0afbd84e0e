import Foundation
import Testing
import InfoRequests
@testable import Expressions

func value(_ text: String, _ names: [String: JSONValue] = [:]) throws -> JSONValue {
    try CompiledExpression(text).value(in: Scope(names))
}

func number(_ text: String, _ names: [String: JSONValue] = [:]) throws -> Double {
    try CompiledExpression(text).number(in: Scope(names))
}

func relativelyClose(_ a: Double, _ b: Double, _ tol: Double = 1e-13) -> Bool {
    a == b || abs(a - b) <= tol * max(abs(a), abs(b))
}

// Every built-in function against mpmath at 30 digits (python3, mp.dps = 30): log(2.5),
// gamma(mpf('4.5')), npdf(1.3, 0.5, 2), ncdf(-9), binomial(10,3)*0.3**3*0.7**7, …
@Suite struct ExpressionFunctionTests {
    static let references: [(String, Double)] = [
        ("log(2.5)", 0.91629073187415506518),
        ("log2(10)", 3.3219280948873623479),
        ("log10(0.002)", -2.6989700043360188048),
        ("exp(-3.2)", 0.040762203978366215166),
        ("sqrt(7)", 2.6457513110645905905),
        ("abs(-4.25)", 4.25),
        ("sin(1.1)", 0.89120736006143533995),
        ("cos(1.1)", 0.45359612142557738777),
        ("tan(1.1)", 1.9647596572486519509),
        ("floor(-2.5)", -3.0),
        ("ceil(-2.5)", -2.0),
        ("gamma(4.5)", 11.631728396567448929),
        ("gamma(-1.5)", 2.3632718012073547031),
        ("lgamma(30.5)", 72.953471184169408324),
        ("digamma(0.3)", -3.502524222200132989),
        ("beta(2.5, 1.5)", 0.1963495408493620774),
        ("erf(0.7)", 0.67780119383741847298),
        ("normal_pdf(1.3, 0.5, 2)", 0.18413507015166165387),
        ("normal_cdf(-9, 0, 1)", 1.1285884059538406477e-19),
        ("normal_cdf(1.3, 0.5, 2)", 0.65542174161032416674),
        ("beta_pdf(0.3, 2, 5)", 2.1609),
        ("binomial_pmf(3, 10, 0.3)", 0.266827932),
        ("pow(2, 0.5)", 1.4142135623730950488),
        ("min(3, 1, 2)", 1),
        ("max([3, 1, 2])", 3),
        ("sum([0.1, 0.2, 0.3])", 0.6),
        ("mean([1, 2, 4])", 2.3333333333333333333),
        ("len([1, 2, 4])", 3),
        ("pi", 3.1415926535897932385),
        ("e", 2.7182818284590452354),
        // mpmath: -(0.2 ln 0.2 + 0.8 ln 0.8)/ln 2 and KL([0.2, 0.8] ‖ [0.5, 0.5]) in bits.
        ("binary_entropy(p, unit='bits')", 0.72192809488736234787),
        ("kl(p=[p, 1-p], q=[0.5, 0.5], unit='bits')", 0.27807190511263765213),
        ("kl([p, 1-p], [0.5, 0.5], unit='bits')", 0.27807190511263765213),
    ]

    @Test(arguments: references)
    func matchesMpmath(_ c: (String, Double)) throws {
        let x = try number(c.0, ["p": .number(0.2)])
        #expect(relativelyClose(x, c.1, 1e-14), "\(c.0) = \(x), mpmath \(c.1)")
    }

    @Test func everyFunctionIsTested() {
        let tested = Set(Self.references.map { $0.0.prefix { $0 != "(" } }.map(String.init))
        for name in Array(mathFunctions.keys) + Array(listFunctions.keys) {
            #expect(tested.contains(name), "\(name) has no reference value")
        }
    }

    @Test func edgesAreUndefinedNotNumbers() throws {
        #expect(try number("log(-1)").isNaN)
        #expect(try number("gamma(-2)").isNaN)
        #expect(try number("lgamma(0)").isNaN)
        #expect(try number("sqrt(-1)").isNaN)
        #expect(try number("log(0)") == -.infinity)
        #expect(try number("beta_pdf(0, 0.5, 0.5)") == .infinity)
        #expect(try number("binomial_pmf(0, 5, 0)") == 1)
        #expect(try number("binomial_pmf(11, 10, 0.3)") == 0)
        // NaN does not become a number through comparisons or if.
        #expect(try number("if(log(-1) > 0, 1, 2)").isNaN)
        #expect(try number("max(1, log(-1))").isNaN)
    }

    @Test func objectResultsHaveFields() throws {
        let heads = try number("bernoulli_mle(heads=7, tails=3).p_hat")
        #expect(heads == 0.7)
    }

    /// Every op of the table is a function of the language, the new course ops included.
    @Test func everyOpIsCallable() throws {
        for op in requestOps { #expect(expressionFunctionNames.contains(op), "\(op) is not callable") }
        // mpmath references as in CourseOpsTests.
        #expect(relativelyClose(try number("lindley_expected_information(alpha=2, beta=3, n=10)"), 0.54124171135187276002651228543807595, 1e-12))
        #expect(relativelyClose(try number("ppo_objective(ratio=[0.5, 0.9, 1.1, 1.5, 1.0], advantage=[1, -1, 2, -0.5, 3])"), 0.81, 1e-15))
        #expect(relativelyClose(try number("mean_kl([[0.5, 0.5], [0.9, 0.1]], [[0.6, 0.4], [0.8, 0.2]])"), 0.028550505647439071460240009477655906, 1e-14))
        #expect(relativelyClose(try number("importance_sampling(log_p=[-1.2, -0.3, -2.5, -0.9], log_q=[-1.0, -0.8, -1.1, -1.4]).ess"), 3.0860423768082624055096278140248761, 1e-14))
        #expect(relativelyClose(try number("log_likelihood(model='poisson', rate=2.5, x=[0, 1, 3, 2, 6]).nll"), 10.568669079308240523087561231526691, 1e-14))
        #expect(relativelyClose(try number("ols_fit(x=[[1, 0], [1, 1], [1, 2], [1, 3]], y=[1, 3, 2, 5]).beta[1]"), 1.1, 1e-14))
        #expect(relativelyClose(try number("entropy([0.25, 0.25, 0.25, 0.25], base=4)"), 1, 1e-15))
    }

    @Test func opErrorsNameTheOp() {
        #expect(throws: ExpressionError.self) { try number("binary_entropy(1.5)") }
        do { _ = try number("kl(p=[0.5, 0.5], r=[1])") } catch let e as ExpressionError {
            #expect(e.message.contains("unknown argument 'r'"))
            #expect(e.column == 1)
        } catch { Issue.record("wrong error \(error)") }
    }
}
