import Foundation
import InfoRequests

/// Compute ops callable as functions: every op of `opTable`, by the same name.
public let requestOpNames: [String] = requestOps

/// `pow` from the C library, named so the `^` operator's closure is not shadowed by our own `pow` entry.
@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }

func call(_ fn: String, _ args: [Expr.Argument], column: Int, scope: Scope) throws -> JSONValue {
    if fn == "if" {
        guard args.count == 3, args.allSatisfy({ $0.name == nil }) else {
            throw ExpressionError(column: column, "if takes three arguments: if(condition, then, else)")
        }
        let c = try evaluate(args[0].value, in: scope)
        switch c {
        case .bool(let b): return try evaluate(args[b ? 1 : 2].value, in: scope)
        case .number(let x) where x.isNaN: return .number(.nan)
        default: throw ExpressionError(column: args[0].column, "if's condition must be a comparison, got \(kindName(c))")
        }
    }
    if let f = mathFunctions[fn] {
        if let named = args.first(where: { $0.name != nil }) {
            throw ExpressionError(column: named.column, "\(f.signature) takes its arguments by position")
        }
        guard f.arity.contains(args.count) else {
            throw ExpressionError(column: column, "\(fn) takes \(f.arity.lowerBound == f.arity.upperBound ? "\(f.arity.lowerBound)" : "\(f.arity.lowerBound) to \(f.arity.upperBound)") argument(s): \(f.signature); got \(args.count)")
        }
        let values = try args.map { try evaluate($0.value, in: scope) }
        return try elementwise(values, column: column, what: fn, f.apply)
    }
    // `len(list)` counts the list's items, whatever they are (a list of objects too); `len(text)` its characters.
    if fn == "len", args.count == 1, args[0].name == nil {
        switch try evaluate(args[0].value, in: scope) {
        case .array(let items): return .number(Double(items.count))
        case .string(let t): return .number(Double(t.count))
        default: break
        }
    }
    if let f = listFunctions[fn] {
        if let named = args.first(where: { $0.name != nil }) {
            throw ExpressionError(column: named.column, "\(fn) takes a list or numbers by position")
        }
        let values = try args.map { try evaluate($0.value, in: scope) }
        var xs: [Double] = []
        // Lists of lists count every number in them (`max(sols.p)`: the largest of all the p's).
        func collect(_ v: JSONValue, _ a: Expr.Argument, nested: Bool) throws {
            switch v {
            case .number(let x): xs.append(x)
            case .array(let items): for item in items { try collect(item, a, nested: true) }
            default:
                throw ExpressionError(column: a.column, nested ? "\(fn) needs numbers; the list holds \(kindName(v))"
                                                                : "\(fn) needs numbers or a list, got \(kindName(v))")
            }
        }
        for (v, a) in zip(values, args) { try collect(v, a, nested: false) }
        return .number(f(xs))
    }
    if let f = textFunctions[fn] {
        guard args.count == 1, args[0].name == nil else { throw ExpressionError(column: column, "\(f.signature) takes one argument") }
        return try f.apply(try evaluate(args[0].value, in: scope), args[0].column)
    }
    if let f = valueFunctions[fn] {
        if let named = args.first(where: { $0.name != nil }) {
            throw ExpressionError(column: named.column, "\(f.signature) takes its arguments by position")
        }
        guard f.arity.contains(args.count) else {
            throw ExpressionError(column: column, "\(fn) takes \(f.arity.lowerBound) argument(s): \(f.signature); got \(args.count)")
        }
        return try f.apply(try args.map { try evaluate($0.value, in: scope) }, args.map(\.column))
    }
    if let spec = opSpec(named: fn) {
        return try callOp(spec, args, column: column, scope: scope)
    }
    if let f = scope.functions[fn] { return try f.call(args, column: column, scope: scope) }
    throw ExpressionError(column: column, "unknown function '\(fn)'\(suggestion(for: fn, in: expressionFunctionNames + scope.functions.keys.sorted()))")
}

/// A compute op as a function: positional arguments take the spec's `positional` parameters in
/// order, named ones pass through; the request vocabulary then checks names, types and domains.
private func callOp(_ spec: OpSpec, _ args: [Expr.Argument], column: Int, scope: Scope) throws -> JSONValue {
    let op = spec.name, positional = spec.positional
    var members: [(String, JSONValue)] = [("op", .string(op))]
    var index = 0
    for a in args {
        let name: String
        if let n = a.name {
            name = n
        } else {
            guard index < positional.count else {
                let hint = positional.isEmpty ? "name every argument, as in \(op)(x=…)" : "after \(positional.joined(separator: ", ")) name the arguments"
                throw ExpressionError(column: a.column, "\(op): too many positional arguments; \(hint)")
            }
            name = positional[index]
            index += 1
        }
        if members.contains(where: { $0.0 == name }) {
            throw ExpressionError(column: a.column, "\(op): argument '\(name)' given twice")
        }
        members.append((name, try evaluate(a.value, in: scope)))
    }
    return try opResult(spec, members, column: column)
}

/// The names a call's arguments take (positional ones in the op's order), nil where the call
/// cannot be made: too many positional arguments, or a name given twice (callOp says which).
func opArgumentNames(_ spec: OpSpec, _ args: [Expr.Argument]) -> [String]? {
    var names: [String] = [], index = 0
    for a in args {
        if let n = a.name {
            names.append(n)
        } else {
            guard index < spec.positional.count else { return nil }
            names.append(spec.positional[index])
            index += 1
        }
    }
    return Set(names).count == names.count && !names.contains("op") ? names : nil
}

/// A request's answer, as an op call gives it: ops that search or iterate are kept (RequestMemo);
/// the rest are cheaper than the key. The request's error is the expression's, at `column`.
func opResult(_ spec: OpSpec, _ members: [(String, JSONValue)], column: Int) throws -> JSONValue {
    do {
        if spec.searches { return try RequestMemo.shared.result(of: .object(members)) { try evaluateRequest(.object(members)) } }
        return try evaluateRequest(.object(members))
    } catch let e as RequestError {
        throw ExpressionError(column: column, e.message)
    }
}
