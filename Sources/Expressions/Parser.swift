/// Parses expression text into an `Expr`.
///
/// A hand-written recursive-descent parser, one function per precedence level (lowest first):
/// `||`, `&&`, comparisons (which do not chain), `+ -`, `* /`, unary `- + !`, `^` (right
/// associative and tighter than unary minus, so `-2^2` is −4 as in mathematics and Python), then
/// calls, `.field` and `[index]`. Chosen over pointfreeco/swift-parsing because the grammar is
/// this small, and the errors we need ("expected ')' to close '(' at column 7") come out of
/// explicit code directly, where a combinator library would need custom error plumbing.
public func parseExpression(_ text: String) throws -> Expr {
    var parser = ExpressionParser(tokens: try lex(text))
    let e = try parser.expression()
    guard case .end = parser.peek.token else {
        throw ExpressionError(column: parser.peek.column, "unexpected \(describe(parser.peek.token)) after a complete expression")
    }
    return e
}

/// Deeper nesting than this is refused rather than risking the stack on hostile input.
let maximumNestingDepth = 64

struct ExpressionParser {
    let tokens: [LexedToken]
    var position = 0
    var depth = 0

    var peek: LexedToken { tokens[position] }

    mutating func advance() -> LexedToken {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func isSymbol(_ s: String) -> Bool { peek.token == .symbol(s) }

    mutating func expect(_ s: String, closing open: LexedToken? = nil) throws {
        guard isSymbol(s) else {
            let what = open.map { " to close '\(symbolText($0.token))' at column \($0.column)" } ?? ""
            throw ExpressionError(column: peek.column, "expected '\(s)'\(what), found \(describe(peek.token))")
        }
        _ = advance()
    }

    mutating func nested<T>(_ body: (inout ExpressionParser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= maximumNestingDepth else {
            throw ExpressionError(column: peek.column, "expression nested deeper than \(maximumNestingDepth) levels")
        }
        return try body(&self)
    }

    mutating func expression() throws -> Expr { try nested { try $0.or() } }

    mutating func or() throws -> Expr {
        var lhs = try and()
        while isSymbol("||") { let op = advance(); lhs = .binary(.or, lhs, try and(), column: op.column) }
        return lhs
    }

    mutating func and() throws -> Expr {
        var lhs = try comparison()
        while isSymbol("&&") { let op = advance(); lhs = .binary(.and, lhs, try comparison(), column: op.column) }
        return lhs
    }

    static let comparisons: [String: Expr.BinaryOp] = [
        "<": .less, "<=": .lessEqual, ">": .greater, ">=": .greaterEqual, "==": .equal, "!=": .notEqual,
    ]

    mutating func comparison() throws -> Expr {
        let lhs = try additive()
        guard case .symbol(let s) = peek.token, let op = Self.comparisons[s] else { return lhs }
        let opToken = advance()
        let rhs = try additive()
        if case .symbol(let s2) = peek.token, Self.comparisons[s2] != nil {
            throw ExpressionError(column: peek.column, "comparisons do not chain; write (a < b) && (b < c)")
        }
        return .binary(op, lhs, rhs, column: opToken.column)
    }

    mutating func additive() throws -> Expr {
        var lhs = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            let op = advance()
            lhs = .binary(op.token == .symbol("+") ? .add : .subtract, lhs, try multiplicative(), column: op.column)
        }
        return lhs
    }

    mutating func multiplicative() throws -> Expr {
        var lhs = try unary()
        while isSymbol("*") || isSymbol("/") {
            let op = advance()
            lhs = .binary(op.token == .symbol("*") ? .multiply : .divide, lhs, try unary(), column: op.column)
        }
        return lhs
    }

    mutating func unary() throws -> Expr {
        try nested { p in
            if p.isSymbol("-") { let op = p.advance(); return .unary(.negate, try p.unary(), column: op.column) }
            if p.isSymbol("!") { let op = p.advance(); return .unary(.not, try p.unary(), column: op.column) }
            if p.isSymbol("+") { _ = p.advance(); return try p.unary() }
            return try p.power()
        }
    }

    mutating func power() throws -> Expr {
        let base = try postfix()
        guard isSymbol("^") else { return base }
        let op = advance()
        // The exponent may itself carry a sign (2^-1) and is right associative (2^3^2 = 2^9).
        return .binary(.power, base, try unary(), column: op.column)
    }

    mutating func postfix() throws -> Expr {
        var e = try primary()
        while true {
            if isSymbol("(") {
                let open = advance()
                guard case .name(let fn, let col) = e else {
                    throw ExpressionError(column: open.column, "only a function name can be called")
                }
                e = .call(fn, try arguments(open: open), column: col)
            } else if isSymbol(".") {
                let dot = advance()
                guard case .identifier(let field) = peek.token else {
                    throw ExpressionError(column: peek.column, "expected a field name after '.', found \(describe(peek.token))")
                }
                _ = advance()
                e = .field(e, field, column: dot.column + 1)
            } else if isSymbol("[") {
                let open = advance()
                let i = try expression()
                try expect("]", closing: open)
                e = .index(e, i, column: open.column)
            } else {
                return e
            }
        }
    }

    mutating func arguments(open: LexedToken) throws -> [Expr.Argument] {
        var args: [Expr.Argument] = []
        if isSymbol(")") { _ = advance(); return args }
        while true {
            let start = peek
            var name: String?
            if case .identifier(let n) = peek.token, tokens[position + 1].token == .symbol("=") {
                name = n
                _ = advance(); _ = advance()
            } else if let last = args.last, last.name != nil {
                throw ExpressionError(column: start.column, "positional argument after a named one")
            }
            args.append(Expr.Argument(name: name, value: try expression(), column: start.column))
            if isSymbol(",") { _ = advance(); continue }
            try expect(")", closing: open)
            return args
        }
    }

    mutating func primary() throws -> Expr {
        let t = advance()
        switch t.token {
        case .number(let x): return .number(x)
        case .string(let s): return .string(s)
        case .identifier(let n): return .name(n, column: t.column)
        case .symbol("("):
            let e = try expression()
            try expect(")", closing: t)
            return e
        case .symbol("["):
            var items: [Expr] = []
            if isSymbol("]") { _ = advance(); return .list(items) }
            while true {
                items.append(try expression())
                if isSymbol(",") { _ = advance(); continue }
                try expect("]", closing: t)
                return .list(items)
            }
        case .end: throw ExpressionError(column: t.column, "expression ends early; expected a number, name or '('")
        default: throw ExpressionError(column: t.column, "expected a number, name or '(', found \(describe(t.token))")
        }
    }
}

func symbolText(_ t: Token) -> String {
    if case .symbol(let s) = t { return s }
    return ""
}

func describe(_ t: Token) -> String {
    switch t {
    case .number(let x): return "the number \(x)"
    case .string(let s): return "the string '\(s)'"
    case .identifier(let n): return "'\(n)'"
    case .symbol(let s): return "'\(s)'"
    case .end: return "the end"
    }
}
