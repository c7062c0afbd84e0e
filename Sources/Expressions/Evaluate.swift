import InfoRequests

/// Names an expression can read: a shared base table (params, `let:`, data) plus a few local
/// bindings checked first (the sweep variable, a row's columns), so evaluating a curve at 2,000
/// points does not copy the base table each time.
public struct Scope: Sendable {
    public var base: [String: JSONValue]
    public var locals: [(String, JSONValue)]
    /// Functions the host supplies (HostFunction.swift): the plot grammar's `tick_step`.
    public var functions: [String: HostFunction] = [:]
    public init(_ base: [String: JSONValue] = [:], locals: [(String, JSONValue)] = []) {
        self.base = base; self.locals = locals
    }

    public func binding(_ name: String, _ value: JSONValue) -> Scope {
        var s = self
        s.locals = [(name, value)] + locals
        return s
    }

    public subscript(name: String) -> JSONValue? {
        for (n, v) in locals where n == name { return v }
        return base[name] ?? constants[name]
    }

    public var knownNames: [String] { (locals.map(\.0) + base.keys.sorted() + constants.keys.sorted()) }
}

/// An expression parsed once and evaluated many times.
public struct CompiledExpression: Sendable {
    public let text: String
    public let expr: Expr
    public init(_ text: String) throws {
        self.text = text
        self.expr = try parseExpression(text)
    }

    public func value(in scope: Scope) throws -> JSONValue { try evaluate(expr, in: scope) }

    /// The value as a number; NaN means undefined here (a gap in a curve). A non-number is an error.
    public func number(in scope: Scope) throws -> Double {
        let v = try value(in: scope)
        switch v {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        default: throw ExpressionError(column: 1, "'\(text)' gives \(kindName(v)), expected a number")
        }
    }

    /// Checks that every name and function exists in `scope` (plus `extra` names bound later),
    /// so a typo is reported even where evaluation at some points would fail anyway.
    public func checkNames(in scope: Scope, extra: [String] = []) throws {
        try checkExpr(expr, scope: scope, extra: extra)
    }
}

private func checkExpr(_ e: Expr, scope: Scope, extra: [String]) throws {
    switch e {
    case .number, .string: return
    case .name(let n, let col):
        if scope[n] == nil && !extra.contains(n) {
            throw ExpressionError(column: col, "unknown name '\(n)'\(suggestion(for: n, in: scope.knownNames + extra))")
        }
    case .list(let items): for i in items { try checkExpr(i, scope: scope, extra: extra) }
    case .unary(_, let a, _), .field(let a, _, _): try checkExpr(a, scope: scope, extra: extra)
    case .binary(_, let a, let b, _), .index(let a, let b, _):
        try checkExpr(a, scope: scope, extra: extra); try checkExpr(b, scope: scope, extra: extra)
    case .call(let fn, let args, let col):
        guard expressionFunctionNames.contains(fn) || scope.functions[fn] != nil else {
            throw ExpressionError(column: col, "unknown function '\(fn)'\(suggestion(for: fn, in: expressionFunctionNames + scope.functions.keys.sorted()))")
        }
        for a in args { try checkExpr(a.value, scope: scope, extra: extra) }
    }
}

func kindName(_ v: JSONValue) -> String {
    switch v {
    case .null: "nothing"
    case .bool: "a truth value"
    case .number: "a number"
    case .string: "a string"
    case .array: "a list"
    case .object: "an object"
    }
}

/// Evaluates an expression. Arithmetic works on numbers and element-wise on lists (a number
/// combines with every element). NaN marks an undefined value and propagates, through
/// comparisons and `if` too, so no expression turns an undefined value into a number.
public func evaluate(_ e: Expr, in scope: Scope) throws -> JSONValue {
    switch e {
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .name(let n, let col):
        guard let v = scope[n] else {
            throw ExpressionError(column: col, "unknown name '\(n)'\(suggestion(for: n, in: scope.knownNames))")
        }
        return v
    case .list(let items): return .array(try items.map { try evaluate($0, in: scope) })
    case .unary(let op, let a, let col):
        let v = try evaluate(a, in: scope)
        switch op {
        case .negate: return try elementwise([v], column: col, what: "'-'") { -$0[0] }
        case .not:
            switch v {
            case .bool(let b): return .bool(!b)
            case .number(let x) where x.isNaN: return .number(.nan)
            default: throw ExpressionError(column: col, "'!' needs a truth value, got \(kindName(v))")
            }
        }
    case .binary(let op, let a, let b, let col):
        return try binary(op, a, b, column: col, scope: scope)
    case .call(let fn, let args, let col):
        return try call(fn, args, column: col, scope: scope)
    case .field(let a, let name, let col):
        return try fieldValue(try evaluate(a, in: scope), name, column: col)
    case .index(let a, let i, let col):
        let v = try evaluate(a, in: scope), iv = try evaluate(i, in: scope)
        guard case .array(let items) = v else { throw ExpressionError(column: col, "[…] needs a list, got \(kindName(v))") }
        guard case .number(let x) = iv, x == x.rounded(), x >= 0, x < Double(items.count) else {
            throw ExpressionError(column: col, "index must be a whole number from 0 to \(items.count - 1)")
        }
        return items[Int(x)]
    }
}

private func binary(_ op: Expr.BinaryOp, _ a: Expr, _ b: Expr, column: Int, scope: Scope) throws -> JSONValue {
    let x = try evaluate(a, in: scope)
    if op == .and || op == .or {
        // Short-circuit: `p > 0 && log(p) < 1` never evaluates log at p = 0.
        guard case .bool(let l) = x else {
            if case .number(let n) = x, n.isNaN { return .number(.nan) }
            throw ExpressionError(column: column, "'\(op.rawValue)' needs truth values, got \(kindName(x))")
        }
        if op == .and && !l { return .bool(false) }
        if op == .or && l { return .bool(true) }
        let y = try evaluate(b, in: scope)
        guard case .bool(let r) = y else {
            if case .number(let n) = y, n.isNaN { return .number(.nan) }
            throw ExpressionError(column: column, "'\(op.rawValue)' needs truth values, got \(kindName(y))")
        }
        return .bool(r)
    }
    let y = try evaluate(b, in: scope)
    if op == .add, let joined = joinedText(x, y) { return joined }
    switch op {
    case .add: return try elementwise([x, y], column: column, what: "'+'") { $0[0] + $0[1] }
    case .subtract: return try elementwise([x, y], column: column, what: "'-'") { $0[0] - $0[1] }
    case .multiply: return try elementwise([x, y], column: column, what: "'*'") { $0[0] * $0[1] }
    case .divide: return try elementwise([x, y], column: column, what: "'/'") { $0[0] / $0[1] }
    case .power: return try elementwise([x, y], column: column, what: "'^'") { Foundation_pow($0[0], $0[1]) }
    case .equal, .notEqual:
        if case .string(let s) = x, case .string(let t) = y { return .bool((s == t) == (op == .equal)) }
        if case .bool(let s) = x, case .bool(let t) = y { return .bool((s == t) == (op == .equal)) }
        fallthrough
    default:
        guard case .number(let l) = x, case .number(let r) = y else {
            throw ExpressionError(column: column, "'\(op.rawValue)' compares two numbers, got \(kindName(x)) and \(kindName(y))")
        }
        if l.isNaN || r.isNaN { return .number(.nan) }
        switch op {
        case .less: return .bool(l < r)
        case .lessEqual: return .bool(l <= r)
        case .greater: return .bool(l > r)
        case .greaterEqual: return .bool(l >= r)
        case .equal: return .bool(l == r)
        default: return .bool(l != r)
        }
    }
}

/// Applies a numeric function to numbers, or element by element when some arguments are lists
/// of one common length (numbers are repeated).
func elementwise(_ args: [JSONValue], column: Int, what: String, _ f: ([Double]) -> Double) throws -> JSONValue {
    var length: Int?
    for a in args {
        switch a {
        case .number: continue
        case .array(let items):
            if let l = length, l != items.count {
                throw ExpressionError(column: column, "\(what) on lists of different lengths (\(l) and \(items.count))")
            }
            length = items.count
        default: throw ExpressionError(column: column, "\(what) needs numbers, got \(kindName(a))")
        }
    }
    guard let n = length else {
        return .number(f(args.map { if case .number(let x) = $0 { x } else { .nan } }))
    }
    var out: [JSONValue] = []
    out.reserveCapacity(n)
    for i in 0..<n {
        out.append(try elementwise(args.map { if case .array(let items) = $0 { items[i] } else { $0 } },
                                   column: column, what: what, f))
    }
    return .array(out)
}
