/// The syntax tree of one expression. `column` fields are 1-based positions in the source text,
/// kept so evaluation errors (unknown name, wrong argument) point at the offending token.
public indirect enum Expr: Sendable, Equatable {
    public enum UnaryOp: String, Sendable { case negate = "-", not = "!" }
    public enum BinaryOp: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
        case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
        case and = "&&", or = "||"
    }
    public struct Argument: Sendable, Equatable {
        /// nil for a positional argument.
        public var name: String?
        public var value: Expr
        public var column: Int
    }

    case number(Double)
    case string(String)
    case name(String, column: Int)
    case list([Expr])
    case unary(UnaryOp, Expr, column: Int)
    case binary(BinaryOp, Expr, Expr, column: Int)
    case call(String, [Argument], column: Int)
    case field(Expr, String, column: Int)
    case index(Expr, Expr, column: Int)

    /// Every name the expression reads (not function names), in order of first use.
    public var freeNames: [String] {
        var seen: [String] = []
        func walk(_ e: Expr) {
            switch e {
            case .number, .string: break
            case .name(let n, _): if !seen.contains(n) { seen.append(n) }
            case .list(let items): items.forEach(walk)
            case .unary(_, let a, _): walk(a)
            case .binary(_, let a, let b, _): walk(a); walk(b)
            case .call(_, let args, _): args.forEach { walk($0.value) }
            case .field(let a, _, _): walk(a)
            case .index(let a, let i, _): walk(a); walk(i)
            }
        }
        walk(self)
        return seen
    }

    /// Every function the expression calls, in order of first use.
    public var functionNames: [String] {
        var seen: [String] = []
        func walk(_ e: Expr) {
            switch e {
            case .number, .string, .name: break
            case .list(let items): items.forEach(walk)
            case .unary(_, let a, _): walk(a)
            case .binary(_, let a, let b, _): walk(a); walk(b)
            case .call(let fn, let args, _):
                if !seen.contains(fn) { seen.append(fn) }
                args.forEach { walk($0.value) }
            case .field(let a, _, _): walk(a)
            case .index(let a, let i, _): walk(a); walk(i)
            }
        }
        walk(self)
        return seen
    }
}
