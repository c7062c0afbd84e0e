import Foundation
import InfoRequests

/// An expression compiled once into a closure over numbered variables, for curves and grids that
/// evaluate one expression at thousands of points (a 241 × 241 heatmap is 58,081 evaluations).
/// The tree-walking `evaluate` copies a scope, boxes every intermediate value and allocates lists
/// for each operator at every point; a kernel reads its variables from a slot array, and every part
/// of the expression that reads none of them (`log_z`, `2 * s_star^2`, `unit == 'bits'`, `fit.mu`,
/// a compute op over parameters) is evaluated once, when the kernel is made (constant folding).
///
/// A kernel computes exactly what `CompiledExpression.number(in:)` would at that point, NaN where
/// that is undefined: the same Double operations in the same order, truth values as 1 and 0 and an
/// undefined truth as NaN. Arithmetic, comparisons, `&&`, `||`, `!`, `if`, the numeric and list
/// functions and compute ops with numbers in the variables (`gaussian_kl(mu1=mu, sigma1=s, …)`: a
/// `NumericRequest` where the op has a form in numbers alone, else the request made at each point
/// as the evaluator makes it) are compiled; an expression with anything
/// else depending on a variable (a text, a list, a field of one) gets no kernel, and its caller
/// uses the evaluator. A compute op that refuses its arguments at a point makes the whole value
/// undefined there, as the evaluator's error does: the slot after the variables flags it.
public struct NumericKernel: @unchecked Sendable {
    typealias Code = (UnsafeMutablePointer<Double>) -> Double
    let code: Code
    /// The variables in slot order.
    public let variables: [String]

    /// The value with the one variable at `x`.
    public func value(_ x: Double) -> Double {
        var slots = (x, 0.0)
        return withUnsafeMutablePointer(to: &slots) { $0.withMemoryRebound(to: Double.self, capacity: 2) { run($0, 1) } }
    }

    /// The value with the two variables at `x` and `y`.
    public func value(_ x: Double, _ y: Double) -> Double {
        var slots = (x, y, 0.0)
        return withUnsafeMutablePointer(to: &slots) { $0.withMemoryRebound(to: Double.self, capacity: 3) { run($0, 2) } }
    }

    /// The value with the variables at `values` (in the order of `variables`).
    public func value(_ values: [Double]) -> Double {
        precondition(values.count == variables.count, "a kernel over \(variables.count) variables")
        var slots = values + [0]
        return slots.withUnsafeMutableBufferPointer { run($0.baseAddress!, values.count) }
    }

    private func run(_ slots: UnsafeMutablePointer<Double>, _ flag: Int) -> Double {
        let v = code(slots)
        return slots[flag] == 0 ? v : .nan
    }
}

extension CompiledExpression {
    /// The expression as a kernel over `variables` (bound in this order, a later one hiding an
    /// earlier of the same name, as `scope.binding(x).binding(y)` does), every other name read
    /// from `scope` once; nil when it needs the general evaluator.
    public func kernel(in scope: Scope, variables: [String]) -> NumericKernel? {
        var compiler = KernelCompiler(scope: scope, variables: variables)
        guard let root = compiler.compile(expr) else { return nil }
        return NumericKernel(code: root.code, variables: variables)
    }
}

private struct KernelCompiler {
    let scope: Scope
    let variables: [String]

    /// The slot a failed compute op marks (after the variables).
    var flag: Int { variables.count }

    /// A compiled part: a number, or a truth value (1, 0, NaN for undefined).
    enum Kind { case number, truth }
    struct Part {
        var code: NumericKernel.Code
        var kind: Kind
        /// Set when the part reads no variable: its value, for folding into its parent.
        var constant: Double?
    }

    func constant(_ x: Double, _ kind: Kind) -> Part { Part(code: { _ in x }, kind: kind, constant: x) }

    func readsVariable(_ e: Expr) -> Bool { e.freeNames.contains(where: variables.contains) }

    mutating func compile(_ e: Expr) -> Part? {
        // A part that reads no variable is evaluated now, once.
        if !readsVariable(e) {
            switch try? evaluate(e, in: scope) {
            case .number(let x)?: return constant(x, .number)
            case .bool(let b)?: return constant(b ? 1 : 0, .truth)
            default: return nil
            }
        }
        switch e {
        case .name(let n, _):
            guard let slot = variables.lastIndex(of: n) else { return nil }
            return Part(code: { $0[slot] }, kind: .number, constant: nil)
        case .unary(.negate, let a, _):
            guard let a = number(a) else { return nil }
            let f = a.code
            return Part(code: { -f($0) }, kind: .number, constant: nil)
        case .unary(.not, let a, _):
            guard let a = truth(a) else { return nil }
            let f = a.code
            return Part(code: { v in let x = f(v); return x.isNaN ? .nan : (x == 0 ? 1 : 0) }, kind: .truth, constant: nil)
        case .binary(let op, let a, let b, _):
            return binary(op, a, b)
        case .call(let fn, let args, _):
            return call(fn, args)
        default:
            return nil
        }
    }

    mutating func number(_ e: Expr) -> Part? {
        guard let p = compile(e), p.kind == .number else { return nil }
        return p
    }

    mutating func truth(_ e: Expr) -> Part? {
        guard let p = compile(e), p.kind == .truth else { return nil }
        return p
    }

    mutating func binary(_ op: Expr.BinaryOp, _ a: Expr, _ b: Expr) -> Part? {
        switch op {
        case .and, .or:
            guard let l = truth(a), let r = truth(b) else { return nil }
            let f = l.code, g = r.code
            // As the evaluator: an undefined left side is undefined; false && … and true || … stop there.
            if op == .and { return Part(code: { v in let x = f(v); return x.isNaN ? .nan : (x == 0 ? 0 : g(v)) }, kind: .truth, constant: nil) }
            return Part(code: { v in let x = f(v); return x.isNaN ? .nan : (x != 0 ? 1 : g(v)) }, kind: .truth, constant: nil)
        case .add, .subtract, .multiply, .divide, .power:
            guard let l = number(a), let r = number(b) else { return nil }
            return arithmetic(op, l, r)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            guard let l = number(a), let r = number(b) else { return nil }
            let f = l.code, g = r.code
            let test: (Double, Double) -> Bool = switch op {
            case .less: { $0 < $1 }
            case .lessEqual: { $0 <= $1 }
            case .greater: { $0 > $1 }
            case .greaterEqual: { $0 >= $1 }
            case .equal: { $0 == $1 }
            default: { $0 != $1 }
            }
            return Part(code: { v in
                let x = f(v), y = g(v)
                return x.isNaN || y.isNaN ? .nan : (test(x, y) ? 1 : 0)
            }, kind: .truth, constant: nil)
        }
    }

    /// The four operations and `^` (the C library's pow), a constant side captured as a number.
    func arithmetic(_ op: Expr.BinaryOp, _ l: Part, _ r: Part) -> Part {
        let f = l.code, g = r.code
        let code: NumericKernel.Code
        switch (op, l.constant, r.constant) {
        case (.add, _, let k?): code = { f($0) + k }
        case (.add, let k?, _): code = { k + g($0) }
        case (.add, _, _): code = { f($0) + g($0) }
        case (.subtract, _, let k?): code = { f($0) - k }
        case (.subtract, let k?, _): code = { k - g($0) }
        case (.subtract, _, _): code = { f($0) - g($0) }
        case (.multiply, _, let k?): code = { f($0) * k }
        case (.multiply, let k?, _): code = { k * g($0) }
        case (.multiply, _, _): code = { f($0) * g($0) }
        case (.divide, _, let k?): code = { f($0) / k }
        case (.divide, let k?, _): code = { k / g($0) }
        case (.divide, _, _): code = { f($0) / g($0) }
        // x^2 stays pow(x, 2): x * x can differ from it in the last bit.
        default: code = { Foundation_pow(f($0), g($0)) }
        }
        return Part(code: code, kind: .number, constant: nil)
    }

    mutating func call(_ fn: String, _ args: [Expr.Argument]) -> Part? {
        // Only compute ops take named arguments.
        if let spec = opSpec(named: fn), mathFunctions[fn] == nil, listFunctions[fn] == nil, textFunctions[fn] == nil,
           valueFunctions[fn] == nil, fn != "if" {
            return opCall(spec, args)
        }
        guard args.allSatisfy({ $0.name == nil }) else { return nil }
        if fn == "if" {
            guard args.count == 3, let c = truth(args[0].value), let a = compile(args[1].value), let b = compile(args[2].value),
                  a.kind == b.kind else { return nil }
            let test = c.code, yes = a.code, no = b.code
            return Part(code: { v in let x = test(v); return x.isNaN ? .nan : (x != 0 ? yes(v) : no(v)) }, kind: a.kind, constant: nil)
        }
        // The evaluator's order: numeric functions, then list functions; anything else needs it.
        if let f = mathFunctions[fn] {
            guard f.arity.contains(args.count) else { return nil }
            var parts: [NumericKernel.Code] = []
            for a in args {
                guard let p = number(a.value) else { return nil }
                parts.append(p.code)
            }
            let apply = f.apply
            if parts.count == 1 {
                let a = parts[0]
                return Part(code: { apply([a($0)]) }, kind: .number, constant: nil)
            }
            return Part(code: { v in apply(parts.map { $0(v) }) }, kind: .number, constant: nil)
        }
        if fn != "len", let f = listFunctions[fn] {
            var parts: [NumericKernel.Code] = []
            for a in args {
                guard let p = number(a.value) else { return nil }
                parts.append(p.code)
            }
            return Part(code: { v in f(parts.map { $0(v) }) }, kind: .number, constant: nil)
        }
        // Text, value and host functions need the evaluator.
        return nil
    }

    /// `op(a=…, b=…)`: the arguments that read no variable are values now (any value: a list, a
    /// text such as the unit); the others must be numbers and fill their places at each point.
    mutating func opCall(_ spec: OpSpec, _ args: [Expr.Argument]) -> Part? {
        guard let names = opArgumentNames(spec, args) else { return nil }
        var template: [(String, JSONValue)] = [("op", .string(spec.name))]
        var filled: [(Int, NumericKernel.Code)] = []
        for (name, a) in zip(names, args) {
            if !readsVariable(a.value) {
                guard let v = try? evaluate(a.value, in: scope) else { return nil }
                template.append((name, v))
            } else {
                guard let p = number(a.value) else { return nil }
                filled.append((template.count, p.code))
                template.append((name, .number(0)))
            }
        }
        let flag = self.flag
        // An op with a form in numbers alone (`gaussian_kl`'s univariate one): the request is
        // checked once and each point passes only its numbers, with the same answer.
        let variableNames = filled.map { template[$0.0].0 }
        if let request = NumericRequest(spec: spec, members: template, variables: variableNames) {
            let codes = filled.map(\.1), base = request.arguments, positions = request.positions
            return Part(code: { v in
                var arguments = base
                for (i, f) in zip(positions, codes) { arguments[i] = f(v) }
                guard let x = request.value(arguments) else {
                    v[flag] = 1
                    return .nan
                }
                return x
            }, kind: .number, constant: nil)
        }
        return Part(code: { v in
            var members = template
            for (i, f) in filled { members[i].1 = .number(f(v)) }
            // The evaluator's error, or a result that is no number, leaves the value undefined.
            guard case .number(let x)? = try? opResult(spec, members, column: 0) else {
                v[flag] = 1
                return .nan
            }
            return x
        }, kind: .number, constant: nil)
    }
}
