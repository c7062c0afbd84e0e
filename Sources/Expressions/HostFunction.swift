import InfoRequests

/// A numeric function the host of the language supplies through its `Scope`, for what only a
/// layer above knows: the plot grammar's `tick_step(lo, hi, n)` asks the axes' tick algorithm,
/// which lives in FigureModel, out of this target's reach. Numbers in, a value out.
public struct HostFunction: Sendable {
    public let signature: String
    public let arity: Int
    public let apply: @Sendable ([Double]) -> JSONValue

    public init(_ signature: String, arity: Int, _ apply: @escaping @Sendable ([Double]) -> JSONValue) {
        self.signature = signature; self.arity = arity; self.apply = apply
    }

    func call(_ args: [Expr.Argument], column: Int, scope: Scope) throws -> JSONValue {
        guard args.count == arity, args.allSatisfy({ $0.name == nil }) else {
            throw ExpressionError(column: column, "\(signature) takes \(arity) argument(s) by position; got \(args.count)")
        }
        let xs = try args.map { a -> Double in
            guard case .number(let x) = try evaluate(a.value, in: scope) else {
                throw ExpressionError(column: a.column, "\(signature) takes numbers")
            }
            return x
        }
        return apply(xs)
    }
}
