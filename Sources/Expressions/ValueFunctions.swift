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
    // Text for titles and alt text: `replace(p_name, '$', '')` is a TeX label as plain words.
    "replace": ValueFunction(arity: 3...3, signature: "replace(text, old, new)") { a, c in
        .string(try text(a[0], c[0], "replace").replacingOccurrences(of: try text(a[1], c[1], "replace"), with: try text(a[2], c[2], "replace")))
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
