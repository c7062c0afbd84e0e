/// Tokens of the expression language.
enum Token: Equatable {
    case number(Double)
    case string(String)
    case identifier(String)
    /// Operators and punctuation: + - * / ^ ( ) [ ] , . = == != < <= > >= && || !
    case symbol(String)
    case end
}

struct LexedToken {
    var token: Token
    /// 1-based column of the token's first character.
    var column: Int
}

/// Splits expression text into tokens. Hand-written: the grammar has a dozen token kinds and we
/// want each token's column for error messages.
func lex(_ text: String) throws -> [LexedToken] {
    let chars = Array(text)
    var tokens: [LexedToken] = []
    var i = 0
    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    func isIdentStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
    while i < chars.count {
        let c = chars[i]
        let column = i + 1
        if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
        if isDigit(c) || (c == "." && i + 1 < chars.count && isDigit(chars[i + 1])) {
            var j = i
            while j < chars.count, isDigit(chars[j]) { j += 1 }
            if j < chars.count, chars[j] == "." { j += 1; while j < chars.count, isDigit(chars[j]) { j += 1 } }
            if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                var k = j + 1
                if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                if k < chars.count, isDigit(chars[k]) {
                    while k < chars.count, isDigit(chars[k]) { k += 1 }
                    j = k
                } else {
                    throw ExpressionError(column: j + 1, "exponent needs digits, as in 1e-3")
                }
            }
            let literal = String(chars[i..<j])
            guard let x = Double(literal) else { throw ExpressionError(column: column, "bad number '\(literal)'") }
            tokens.append(LexedToken(token: .number(x), column: column))
            i = j
            continue
        }
        if isIdentStart(c) {
            var j = i
            while j < chars.count, isIdentStart(chars[j]) || isDigit(chars[j]) { j += 1 }
            tokens.append(LexedToken(token: .identifier(String(chars[i..<j])), column: column))
            i = j
            continue
        }
        if c == "'" || c == "\"" {
            var j = i + 1
            while j < chars.count, chars[j] != c { j += 1 }
            guard j < chars.count else { throw ExpressionError(column: column, "string is never closed (expected \(c))") }
            tokens.append(LexedToken(token: .string(String(chars[(i + 1)..<j])), column: column))
            i = j + 1
            continue
        }
        let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
        if ["==", "!=", "<=", ">=", "&&", "||", "**"].contains(two) {
            // `**` is read as `^` (Python habit).
            tokens.append(LexedToken(token: .symbol(two == "**" ? "^" : two), column: column))
            i += 2
            continue
        }
        if "+-*/^()[],.=<>!".contains(c) {
            tokens.append(LexedToken(token: .symbol(String(c)), column: column))
            i += 1
            continue
        }
        throw ExpressionError(column: column, "unexpected character '\(c)'")
    }
    tokens.append(LexedToken(token: .end, column: chars.count + 1))
    return tokens
}
