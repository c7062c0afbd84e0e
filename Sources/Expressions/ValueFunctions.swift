import Foundation
import InfoRequests
import InfoTheory

/// Functions over whole values rather than numbers (issue 8 §2: compute results as objects): they
/// take lists and objects, such as a fitted object's list of optima or a mixture's components.
struct ValueFunction: Sendable {
    let arity: ClosedRange<Int>
    let signature: String
    let apply: @Sendable (_ args: [JSONValue], _ columns: [Int]) throws -> JSONValue
}

let valueFunctions: [String: ValueFunction] = [
    // `drop(fit.optima, 1)`: every reverse optimum but the best.
    "drop": ValueFunction(arity: 2...2, signature: "drop(list, n)") { a, c in
        guard case .array(let items) = a[0] else { throw ExpressionError(column: c[0], "drop needs a list first, got \(kindName(a[0]))") }
        guard case .number(let n) = a[1], n >= 0, n == n.rounded() else {
            throw ExpressionError(column: c[1], "drop's count must be a whole number ≥ 0, got \(a[1].serialized)")
        }
        return .array(Array(items.dropFirst(Int(min(n, Double(items.count))))))
    },
    // `cycle(list, i)`: entry i of the list, from the start again past its end (a style per item).
    "cycle": ValueFunction(arity: 2...2, signature: "cycle(list, i)") { a, c in
        guard case .array(let items) = a[0], !items.isEmpty else { throw ExpressionError(column: c[0], "cycle needs a non-empty list first") }
        guard case .number(let i) = a[1], i >= 0, i == i.rounded(), i < 1e9 else {
            throw ExpressionError(column: c[1], "cycle's index must be a whole number ≥ 0, got \(a[1].serialized)")
        }
        return items[Int(i) % items.count]
    },
    "reversed": ValueFunction(arity: 1...1, signature: "reversed(list)") { a, c in
        guard case .array(let items) = a[0] else { throw ExpressionError(column: c[0], "reversed needs a list, got \(kindName(a[0]))") }
        return .array(items.reversed())
    },
    // `sorted(marks)`: numbers in increasing order, or texts in code-point order.
    "sorted": ValueFunction(arity: 1...1, signature: "sorted(list)") { a, c in
        guard case .array(let items) = a[0] else { throw ExpressionError(column: c[0], "sorted needs a list, got \(kindName(a[0]))") }
        let numbers = items.compactMap { if case .number(let x) = $0, !x.isNaN { x } else { nil } }
        if numbers.count == items.count { return .array(numbers.sorted().map(JSONValue.number)) }
        let texts = items.compactMap { if case .string(let t) = $0 { t } else { nil } }
        guard texts.count == items.count else {
            throw ExpressionError(column: c[0], "sorted needs a list of defined numbers or of texts")
        }
        return .array(texts.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }).map(JSONValue.string))
    },
    // n evenly spaced numbers from a to b inclusive (at most 100,000, a sweep's limit).
    "linspace": ValueFunction(arity: 3...3, signature: "linspace(a, b, n)") { a, c in
        guard case .number(let lo) = a[0], case .number(let hi) = a[1], lo.isFinite, hi.isFinite else {
            throw ExpressionError(column: c[0], "linspace needs finite numbers a and b")
        }
        guard case .number(let n) = a[2], n >= 2, n <= 100_000, n == n.rounded() else {
            throw ExpressionError(column: c[2], "linspace's n must be a whole number from 2 to 100000, got \(a[2].serialized)")
        }
        return .array((0..<Int(n)).map { .number(lo + (hi - lo) * Double($0) / (n - 1)) })
    },
    // The density of a Gaussian mixture [{weight, mu, sigma}, …] at x (a number or a list).
    "mixture_pdf": ValueFunction(arity: 2...2, signature: "mixture_pdf(x, mixture)") { a, c in
        let mixture = try gaussianMixture(a[1], column: c[1])
        return try elementwise([a[0]], column: c[0], what: "mixture_pdf") { exp(mixture.logDensity($0[0])) }
    },
    // Text for titles and alt text: `replace(p_name, '$', '')` is a TeX label as plain words;
    // a count replaces only the first n (`replace(name, ' ', '\n', 1)` breaks a name once).
    "replace": ValueFunction(arity: 3...4, signature: "replace(text, old, new, count)") { a, c in
        var t = try text(a[0], c[0], "replace")
        let old = try text(a[1], c[1], "replace"), new = try text(a[2], c[2], "replace")
        guard a.count == 4 else { return .string(t.replacingOccurrences(of: old, with: new)) }
        guard case .number(let n) = a[3], n >= 0, n == n.rounded() else {
            throw ExpressionError(column: c[3], "replace's count must be a whole number ≥ 0, got \(a[3].serialized)")
        }
        guard !old.isEmpty else { return .string(t) }
        var done = 0.0, from = t.startIndex
        while done < n, let r = t.range(of: old, range: from..<t.endIndex) {
            t.replaceSubrange(r, with: new)
            from = t.index(r.lowerBound, offsetBy: new.count)
            done += 1
        }
        return .string(t)
    },
    // `column_means(models)`: the mean of each column of a table of rows of one length (an
    // ensemble's mean forecast from its members' forecasts), summed row by row in order.
    "column_means": ValueFunction(arity: 1...1, signature: "column_means(rows)") { a, c in
        guard case .array(let rows) = a[0], !rows.isEmpty else { throw ExpressionError(column: c[0], "column_means needs a non-empty list of rows") }
        let table = try rows.map { row -> [Double] in
            guard case .array(let items) = row else { throw ExpressionError(column: c[0], "column_means needs rows (lists of numbers), got \(kindName(row))") }
            return try items.map { item in
                guard case .number(let x) = item else { throw ExpressionError(column: c[0], "column_means needs numbers; a row holds \(kindName(item))") }
                return x
            }
        }
        guard table.allSatisfy({ $0.count == table[0].count }) else { throw ExpressionError(column: c[0], "column_means needs rows of one length") }
        return .array((0..<table[0].count).map { j in .number(table.map { $0[j] }.reduce(0, +) / Double(table.count)) })
    },
    // `probabilities(q, 'q')` is q when it is a probability vector (non-empty, non-negative,
    // summing to 1); else the error names it: "q: probabilities sum to 0.75, expected 1".
    "probabilities": ValueFunction(arity: 2...2, signature: "probabilities(list, name)") { a, c in
        guard case .array(let items) = a[0] else { throw ExpressionError(column: c[0], "probabilities needs a list, got \(kindName(a[0]))") }
        let xs = try items.map { item -> Double in
            guard case .number(let x) = item else { throw ExpressionError(column: c[0], "probabilities needs numbers; the list holds \(kindName(item))") }
            return x
        }
        do { _ = try validatedProbabilities(xs, name: try text(a[1], c[1], "probabilities")) } catch let e as InfoTheoryError {
            throw ExpressionError(column: c[0], e.message)
        }
        return a[0]
    },
    // `concat(terms, [total])`: the items of every list in order (a bar chart's categories and a last "sum").
    "concat": ValueFunction(arity: 1...16, signature: "concat(list, list, …)") { a, c in
        .array(try zip(a, c).flatMap { v, col -> [JSONValue] in
            guard case .array(let items) = v else { throw ExpressionError(column: col, "concat joins lists, got \(kindName(v))") }
            return items
        })
    },
    // `capitalize('truth p')` is "Truth p": the first letter upper-case, the rest as written.
    "capitalize": ValueFunction(arity: 1...1, signature: "capitalize(text)") { a, c in
        let t = try text(a[0], c[0], "capitalize")
        return .string((t.first.map { String($0).uppercased() } ?? "") + t.dropFirst())
    },
]

private func text(_ v: JSONValue, _ column: Int, _ fn: String) throws -> String {
    guard case .string(let s) = v else { throw ExpressionError(column: column, "\(fn) needs text, got \(kindName(v))") }
    return s
}

/// `[{weight, mu, sigma}, …]` as a validated mixture; a malformed item is named by its index.
func gaussianMixture(_ v: JSONValue, column: Int) throws -> GaussianMixture {
    guard case .array(let items) = v, !items.isEmpty else {
        throw ExpressionError(column: column, "a mixture is a non-empty list of {weight, mu, sigma}, got \(kindName(v))")
    }
    let components = try items.enumerated().map { i, item -> MixtureComponent in
        func field(_ name: String) throws -> Double {
            guard case .number(let x)? = item[name] else {
                throw ExpressionError(column: column, "mixture item \(i + 1) needs a number '\(name)'")
            }
            return x
        }
        return MixtureComponent(weight: try field("weight"), mu: try field("mu"), sigma: try field("sigma"))
    }
    do { return try GaussianMixture(components) } catch let e as InfoTheoryError {
        throw ExpressionError(column: column, e.message)
    }
}
