import Foundation

/// Commands that box their argument or read raw characters: \raisebox, \char, \verb.
extension MathParser {
    /// \raisebox{raise}[height][depth]{text} (LaTeX's \raisebox: the argument is text; the optional
    /// lengths replace the box's height and depth).
    mutating func parseRaisebox(_ token: Token, face: MathAlphabet) throws -> MathList {
        let raise = try parseLength(for: token, braced: true)
        var height: MathLength?, depth: MathLength?
        if let h = try parseOptionalRaw() { height = try length(from: h, token.range) }
        if let d = try parseOptionalRaw() { depth = try length(from: d, token.range) }
        let body = try parseTextArgument(for: token, face: face)
        return atom(.ord, .raised(body, by: raise, height: height, depth: depth), from: token)
    }

    /// \char and a TeX number (TeXbook ch. 24): "hex, 'octal, `c (the character's code) or decimal;
    /// the character is an Ord. Codes beyond Unicode or of surrogates are errors.
    mutating func parseChar(_ token: Token) throws -> MathList {
        skipSpaces()
        guard let first = peek() else { throw error(.missingArgument, "missing number after \\char, e.g. \\char\"263A", token.range) }
        var radix = 10
        var digits = ""
        switch first.kind {
        case .char("\""): radix = 16; position += 1
        case .prime: radix = 8; position += 1
        case .char("`"):
            position += 1
            guard let c = peek() else { throw error(.missingArgument, "missing character after \\char`", token.range) }
            position += 1
            let text = c.kind == .space ? " " : (c.text.hasPrefix("\\") && c.text.count == 2 ? String(c.text.dropFirst()) : c.text)
            guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
                throw error(.missingArgument, "\\char` must be followed by one character", c.range)
            }
            return charAtom(scalar, token)
        default: break
        }
        while let t = peek(), case .char(let c) = t.kind, c.isASCII, c.hexDigitValue.map({ $0 < radix }) == true {
            digits.append(c); position += 1
        }
        let range = token.range.lowerBound..<max(token.range.upperBound, tokens[position - 1].range.upperBound)
        guard let code = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(code) else {
            throw error(.missingArgument, digits.isEmpty
                ? "\\char needs a number: decimal, \"hex, 'octal or `character, e.g. \\char\"263A"
                : "\\char\(radix == 16 ? "\"" : (radix == 8 ? "'" : ""))\(digits) is not a Unicode character", range)
        }
        return charAtom(scalar, token)
    }

    func charAtom(_ scalar: Unicode.Scalar, _ token: Token) -> MathList {
        atom(.ord, .symbol(String(scalar)), from: token)
    }

    /// \verb: the tokenizer kept the characters after it raw (MathTokenizer); the first is the
    /// delimiter, the text runs to its next occurrence. Set in typewriter type; \verb* shows spaces as ␣.
    mutating func parseVerb(_ token: Token, visibleSpaces: Bool) throws -> MathList {
        guard let open = peek(), case .char(let delimiter) = open.kind, !delimiter.isWhitespace else {
            throw error(.missingArgument, "\\verb needs a delimiter right after it, e.g. \\verb|x^2|", token.range)
        }
        position += 1
        var text = ""
        while let t = peek() {
            position += 1
            guard case .char(let c) = t.kind else { continue }
            if c == delimiter {
                let body = visibleSpaces ? text.replacingOccurrences(of: " ", with: "␣") : text
                return atom(.ord, .text(faced(body, .monospace)), from: token)
            }
            text.append(c)
        }
        throw error(.unbalancedBraces, "\\verb\(delimiter)… is never closed by another '\(delimiter)'", token.range.lowerBound..<open.range.upperBound)
    }
}
