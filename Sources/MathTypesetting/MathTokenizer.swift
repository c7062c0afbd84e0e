/// Splits TeX source into tokens with their Character column ranges.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case command(String)   // name without the backslash; control symbols like "," or "{"
        case char(Character)
        case beginGroup, endGroup, superscript, subscriptToken, alignment, prime, space
    }
    let kind: Kind
    let range: SourceRange
}

enum MathTokenizer {
    static func tokenize(_ chars: [Character]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let start = i
            i += 1
            switch c {
            case "\\":
                if i < chars.count, chars[i].isLetter, chars[i].isASCII {
                    while i < chars.count, chars[i].isLetter, chars[i].isASCII { i += 1 }
                    let name = String(chars[(start + 1)..<i])
                    // \operatorname*, \tag* and friends: the star is part of the command.
                    if CommandTable.starred.contains(name), i < chars.count, chars[i] == "*" {
                        i += 1
                        tokens.append(Token(kind: .command(name + "*"), range: start..<i))
                    } else {
                        tokens.append(Token(kind: .command(name), range: start..<i))
                    }
                    // \verb<d>…<d>: the characters through the closing delimiter stay raw characters
                    // (TeX changes their category codes), so the parser reads them as they are.
                    if name == "verb", i < chars.count {
                        let delimiter = chars[i]
                        var j = i
                        repeat {
                            tokens.append(Token(kind: .char(chars[j]), range: j..<(j + 1)))
                            j += 1
                        } while j < chars.count && chars[j] != delimiter
                        if j < chars.count { tokens.append(Token(kind: .char(chars[j]), range: j..<(j + 1))); j += 1 }
                        i = j
                    }
                } else if i < chars.count {
                    i += 1
                    tokens.append(Token(kind: .command(String(chars[start + 1])), range: start..<i))
                } else {
                    tokens.append(Token(kind: .command(""), range: start..<i))
                }
            case "{": tokens.append(Token(kind: .beginGroup, range: start..<i))
            case "}": tokens.append(Token(kind: .endGroup, range: start..<i))
            case "^": tokens.append(Token(kind: .superscript, range: start..<i))
            case "_": tokens.append(Token(kind: .subscriptToken, range: start..<i))
            case "&": tokens.append(Token(kind: .alignment, range: start..<i))
            case "'": tokens.append(Token(kind: .prime, range: start..<i))
            case "~": tokens.append(Token(kind: .command(" "), range: start..<i))
            default:
                if c.isWhitespace { tokens.append(Token(kind: .space, range: start..<i)) }
                else { tokens.append(Token(kind: .char(c), range: start..<i)) }
            }
        }
        return tokens
    }
}

extension Token {
    /// The TeX text the token stands for (tokens from macro bodies have no source columns of their own).
    var text: String {
        switch kind {
        case .command(let n): return "\\" + n
        case .char(let c): return String(c)
        case .beginGroup: return "{"
        case .endGroup: return "}"
        case .superscript: return "^"
        case .subscriptToken: return "_"
        case .alignment: return "&"
        case .prime: return "'"
        case .space: return " "
        }
    }
}
