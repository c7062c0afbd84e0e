import Expressions

extension LocatedExpression {
    /// The expression as a function of one variable over `scope`, for a sweep's samples: its
    /// compiled kernel (NumericKernel.swift) when it is plain arithmetic in the variable, else the
    /// evaluator at each point. Both give the same numbers, NaN where the expression is undefined.
    func function(of variable: String, in scope: Scope) -> (Double) -> Double {
        if let k = compiled.kernel(in: scope, variables: [variable]) { return { k.value($0) } }
        return { x in numberOrNaN(in: scope.binding(variable, .number(x))) }
    }

    /// The same over two variables, for a heatmap's or a surface's grid (`y` hides `x` if they
    /// share a name, as binding `x` and then `y` does).
    func function(of x: String, _ y: String, in scope: Scope) -> (Double, Double) -> Double {
        if let k = compiled.kernel(in: scope, variables: [x, y]) { return { k.value($0, $1) } }
        return { a, b in numberOrNaN(in: scope.binding(x, .number(a)).binding(y, .number(b))) }
    }
}
