import Foundation
import InfoTheory
import InfoRequests

/// One built-in numeric function: `arity` numbers in, one number out, applied element by element
/// when an argument is a list. NaN in gives NaN out (an undefined point, never a number).
struct MathFunction: Sendable {
    var arity: ClosedRange<Int>
    var signature: String
    var apply: @Sendable ([Double]) -> Double
}

/// The numeric functions of issue 8 §2, one entry each. Special functions come from InfoTheory
/// (digamma, logGamma, logBeta) or the C library through Foundation (tgamma, erf, erfc).
let mathFunctions: [String: MathFunction] = [
    "log": unary("log(x)") { log($0) },
    "log2": unary("log2(x)") { log2($0) },
    "log10": unary("log10(x)") { log10($0) },
    "exp": unary("exp(x)") { exp($0) },
    "sqrt": unary("sqrt(x)") { $0.squareRoot() },
    "abs": unary("abs(x)") { Swift.abs($0) },
    "sin": unary("sin(x)") { sin($0) },
    "cos": unary("cos(x)") { cos($0) },
    "tan": unary("tan(x)") { tan($0) },
    "floor": unary("floor(x)") { $0.rounded(.down) },
    "ceil": unary("ceil(x)") { $0.rounded(.up) },
    // Γ has poles at 0, −1, −2, …; tgamma returns ±inf or NaN there, which we make NaN (undefined).
    "gamma": unary("gamma(x)") { x in x <= 0 && x == x.rounded() ? .nan : tgamma(x) },
    "lgamma": unary("lgamma(x)") { x in x <= 0 && x == x.rounded() ? .nan : (x > 0 ? logGamma(x) : .nan) },
    "digamma": unary("digamma(x)") { digamma($0) },
    "erf": unary("erf(x)") { erf($0) },
    "pow": MathFunction(arity: 2...2, signature: "pow(x, y)") { pow($0[0], $0[1]) },
    "beta": MathFunction(arity: 2...2, signature: "beta(a, b)") { a in
        a[0] > 0 && a[1] > 0 ? exp(logBeta(a[0], a[1])) : .nan
    },
    "normal_pdf": MathFunction(arity: 1...3, signature: "normal_pdf(x, mu=0, sigma=1)") { a in
        let (x, mu, sigma) = (a[0], a.count > 1 ? a[1] : 0, a.count > 2 ? a[2] : 1)
        return sigma > 0 ? exp(gaussianLogDensity(x, mu: mu, sigma: sigma)) : .nan
    },
    "normal_cdf": MathFunction(arity: 1...3, signature: "normal_cdf(x, mu=0, sigma=1)") { a in
        let (x, mu, sigma) = (a[0], a.count > 1 ? a[1] : 0, a.count > 2 ? a[2] : 1)
        // Φ(z) = erfc(−z/√2)/2 keeps full relative accuracy in the lower tail, where 1 + erf cancels.
        return sigma > 0 ? 0.5 * erfc(-(x - mu) / (sigma * 2.0.squareRoot())) : .nan
    },
    "beta_pdf": MathFunction(arity: 3...3, signature: "beta_pdf(x, a, b)") { v in
        let (x, a, b) = (v[0], v[1], v[2])
        guard a > 0, b > 0, x.isFinite else { return .nan }
        if x < 0 || x > 1 { return 0 }
        // At the ends the density is 0, finite (a or b = 1) or infinite, as x^(a−1) dictates.
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? b : 0) }
        if x == 1 { return b < 1 ? .infinity : (b == 1 ? a : 0) }
        return exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logBeta(a, b))
    },
    "binomial_pmf": MathFunction(arity: 3...3, signature: "binomial_pmf(k, n, p)") { v in
        let (k, n, p) = (v[0], v[1], v[2])
        guard n >= 0, n == n.rounded(), k == k.rounded(), p >= 0, p <= 1 else { return .nan }
        if k < 0 || k > n { return 0 }
        // The edges p = 0, 1 put all mass on k = 0 or k = n (0·log 0 = 0).
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        let logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
        return exp(logChoose + k * log(p) + (n - k) * log1p(-p))
    },
]

private func unary(_ signature: String, _ f: @escaping @Sendable (Double) -> Double) -> MathFunction {
    MathFunction(arity: 1...1, signature: signature) { f($0[0]) }
}

/// Functions over a list (or several numbers): `sum`, `mean`, `min`, `max`, `len`.
let listFunctions: [String: @Sendable ([Double]) -> Double] = [
    // Compensated summation, so sums of many probabilities do not drift.
    "sum": { accurateSum($0) },
    "mean": { $0.isEmpty ? .nan : accurateSum($0) / Double($0.count) },
    "min": { xs in xs.isEmpty || xs.contains(where: \.isNaN) ? .nan : xs.min()! },
    "max": { xs in xs.isEmpty || xs.contains(where: \.isNaN) ? .nan : xs.max()! },
    "len": { Double($0.count) },
]

/// `pi`, `e`, `inf`, `true`, `false`.
let constants: [String: JSONValue] = [
    "pi": .number(Double.pi), "e": .number(M_E), "inf": .number(.infinity), "true": .bool(true), "false": .bool(false),
]

/// Every function name the language knows, for suggestions and listings.
public var expressionFunctionNames: [String] {
    (Array(mathFunctions.keys) + Array(listFunctions.keys) + Array(textFunctions.keys) + Array(valueFunctions.keys) + ["if"]).sorted() + requestOpNames
}
