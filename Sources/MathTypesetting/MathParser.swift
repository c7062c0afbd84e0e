import Foundation

/// Recursive-descent parser from TeX source to a math list. Every failure is a thrown `MathError`
/// carrying the column range of the offending source, never a trap.
public struct MathParser {
    let source: String
    let tokens: [Token]
    var position = 0
    var alphabet: MathAlphabet = .math
    var depth = 0

    public init(_ source: String) {
        self.source = source
        self.tokens = MathTokenizer.tokenize(Array(source))
    }

    public static func parse(_ source: String) throws -> MathList {
        var parser = MathParser(source)
        return try parser.parseFormula()
    }

    mutating func parseFormula() throws -> MathList {
        // Control characters (Unicode Cc) other than tab and line breaks mean nothing in TeX and
        // would end up in SVG text, where XML 1.0 forbids them.
        for (k, c) in source.enumerated() where c != "\t" && c != "\n" && c != "\r\n" && c != "\r" {
            if let bad = c.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
                let hex = String(bad.value, radix: 16, uppercase: true)
                throw error(.controlCharacter, "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) in the formula", k..<(k + 1))
            }
        }
        let list = try parseList(stopAtBracket: false)
        if let token = peek() {
            switch token.kind {
            case .endGroup: throw error(.unbalancedBraces, "unbalanced braces: this '}' closes no '{'", token.range)
            case .alignment: throw error(.misplacedToken, "'&' is only allowed inside an environment such as aligned or pmatrix", token.range)
            case .command("\\"): throw error(.misplacedToken, "'\\\\' (new row) is only allowed inside an environment such as aligned or cases", token.range)
            case .command("right"): throw error(.unmatchedRight, "\\right without a matching \\left", token.range)
            case .command("middle"): throw error(.unmatchedRight, "\\middle outside \\left … \\right", token.range)
            case .command("end"): throw error(.badEnvironment, "\\end without a matching \\begin", rangeThroughArgument(token))
            default: throw error(.misplacedToken, "unexpected token", token.range)
            }
        }
        return list
    }

    // MARK: - Token helpers

    func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

    mutating func skipSpaces() {
        while let t = peek(), t.kind == .space { position += 1 }
    }

    func error(_ kind: MathError.Kind, _ message: String, _ range: SourceRange) -> MathError {
        MathError(kind: kind, message: message, range: range, source: source)
    }

    var endRange: SourceRange { source.count..<(source.count + 1) }

    /// For \end{x}: the range of the command and its braced name.
    func rangeThroughArgument(_ token: Token) -> SourceRange {
        var end = token.range.upperBound
        var i = position + 1
        while i < tokens.count, tokens[i].kind != .endGroup { i += 1 }
        if i < tokens.count { end = tokens[i].range.upperBound }
        return token.range.lowerBound..<end
    }

    // MARK: - Lists

    /// Parses items until a token that ends the list: '}', '&', '\\', \right, \middle, \end, or ']' in
    /// an optional argument.
    /// Nesting limit: far beyond any real formula, and low enough that the recursive parser and
    /// layout cannot exhaust a thread's stack on hostile input.
    static let maximumNesting = 64

    mutating func enterNesting() throws {
        depth += 1
        if depth > Self.maximumNesting {
            let range = peek()?.range ?? endRange
            throw error(.tooDeeplyNested, "formula nested more than \(Self.maximumNesting) levels deep", range)
        }
    }

    mutating func parseList(stopAtBracket: Bool) throws -> MathList {
        defer { depth -= 1 }
        try enterNesting()
        var list: MathList = []
        while let token = peek() {
            switch token.kind {
            case .endGroup, .alignment: return list
            case .command("right"), .command("middle"), .command("end"), .command("\\"): return list
            case .char("]") where stopAtBracket: return list
            case .space: position += 1
            case .superscript, .subscriptToken, .prime:
                try attachScript(to: &list)
            case .command("limits"), .command("nolimits"):
                position += 1
                guard case .atom(var atom)? = list.last, atom.cls == .op else {
                    throw error(.misplacedToken, "\\limits and \\nolimits must follow a large operator such as \\sum", token.range)
                }
                atom.limits = token.kind == .command("limits") ? .limits : .noLimits
                list[list.count - 1] = .atom(atom)
            default:
                list.append(contentsOf: try parseItem())
            }
        }
        return list
    }

    /// Attaches ^, _ or ' to the last atom (or an empty one, as TeX does for a leading script).
    mutating func attachScript(to list: inout MathList) throws {
        guard let token = peek() else { return }
        position += 1
        var atom: Atom
        if case .atom(let last)? = list.last {
            atom = last
            list.removeLast()
        } else {
            atom = Atom(cls: .ord, nucleus: .list([]), range: token.range)
        }
        switch token.kind {
        case .prime:
            var primes = "′"
            while let t = peek(), t.kind == .prime { primes += "′"; position += 1 }
            let primeAtom = MathItem.atom(Atom(cls: .ord, nucleus: .symbol(primes == "′′" ? "″" : primes), range: token.range))
            if atom.superscript != nil {
                throw error(.doubleScript, "double superscript: use braces, e.g. {x'}^2", token.range)
            }
            atom.superscript = [primeAtom]
            // x'^2: the ^ continues the same superscript, as in TeX.
            if let next = peek(), next.kind == .superscript {
                position += 1
                let (more, _) = try parseArgument(for: next)
                atom.superscript?.append(contentsOf: more)
            }
        case .superscript:
            if atom.superscript != nil { throw error(.doubleScript, "double superscript: use braces, e.g. {x^a}^b", token.range) }
            atom.superscript = try parseArgument(for: token).list
        default:
            if atom.sub != nil { throw error(.doubleScript, "double subscript: use braces, e.g. {x_a}_b", token.range) }
            atom.sub = try parseArgument(for: token).list
        }
        atom.range = atom.range.lowerBound..<max(atom.range.upperBound, tokens[position - 1].range.upperBound)
        list.append(.atom(atom))
    }

    /// One argument: a braced group or a single token. `owner` is the command (for the error message).
    mutating func parseArgument(for owner: Token) throws -> (list: MathList, range: SourceRange) {
        skipSpaces()
        guard let token = peek() else {
            throw error(.missingArgument, "missing argument for \(describe(owner))", owner.range)
        }
        switch token.kind {
        case .beginGroup:
            let list = try parseGroup()
            return (list, token.range.lowerBound..<tokens[position - 1].range.upperBound)
        case .endGroup, .alignment, .superscript, .subscriptToken, .command("right"), .command("end"), .command("\\"):
            throw error(.missingArgument, "missing argument for \(describe(owner))", owner.range)
        default:
            let items = try parseItem()
            return (items, token.range)
        }
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .command(let name): return "\\" + name
        case .superscript: return "'^'"
        case .subscriptToken: return "'_'"
        default: return "'\(String(Array(source)[token.range]))'"
        }
    }

    /// A `{…}` group; the opening brace is the current token.
    mutating func parseGroup() throws -> MathList {
        guard let open = peek() else { return [] }
        position += 1
        let list = try parseList(stopAtBracket: false)
        guard let close = peek() else {
            throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range)
        }
        guard close.kind == .endGroup else {
            switch close.kind {
            case .command("right"): throw error(.unmatchedRight, "\\right without a matching \\left in this group", close.range)
            case .command("middle"): throw error(.unmatchedRight, "\\middle outside \\left … \\right", close.range)
            case .alignment: throw error(.misplacedToken, "'&' is only allowed inside an environment such as aligned or pmatrix", close.range)
            case .command("\\"): throw error(.misplacedToken, "'\\\\' (new row) is only allowed inside an environment", close.range)
            default: throw error(.badEnvironment, "\\end without a matching \\begin", rangeThroughArgument(close))
            }
        }
        position += 1
        return list
    }

    // MARK: - Items

    mutating func parseItem() throws -> MathList {
        defer { depth -= 1 }
        try enterNesting()
        guard let token = peek() else { return [] }
        switch token.kind {
        case .beginGroup:
            let list = try parseGroup()
            // A braced group is an Ord atom (TeXbook p. 291): {-} stops a minus being binary.
            return [.atom(Atom(cls: .ord, nucleus: .list(list), range: token.range.lowerBound..<tokens[position - 1].range.upperBound))]
        case .char(let c):
            position += 1
            return [.atom(Atom(cls: CommandTable.characterClass(c), nucleus: .symbol(mapCharacter(c)), range: token.range))]
        case .command(let name):
            position += 1
            return try parseCommand(name, token)
        case .endGroup:
            throw error(.unbalancedBraces, "unbalanced braces: this '}' closes no '{'", token.range)
        default:
            position += 1
            return []
        }
    }

    func mapCharacter(_ c: Character) -> String {
        if c == "-" { return "−" }   // TeX's minus is U+2212, not the hyphen
        if c == "*" { return "∗" }
        if c == "<" || c == ">" || c == "|" || c == "/" { return String(c) }
        return String(String.UnicodeScalarView(c.unicodeScalars.map { alphabet.map($0) }))
    }

    mutating func parseCommand(_ name: String, _ token: Token) throws -> MathList {
        guard let spec = CommandTable.lookUp(name) else {
            throw error(.unknownCommand, "unknown command \\\(name)", token.range)
        }
        func atom(_ cls: AtomClass, _ nucleus: Nucleus) -> MathList {
            [.atom(Atom(cls: cls, nucleus: nucleus, range: token.range.lowerBound..<max(token.range.upperBound, tokens[max(0, position - 1)].range.upperBound)))]
        }
        switch spec.rule {
        case .symbol(let ch, let cls):
            let isLetter = ch.unicodeScalars.count == 1 && (ch.unicodeScalars.first.map { (0x391...0x3F5).contains($0.value) } ?? false)
            return atom(cls, .symbol(isLetter ? mapCharacter(Character(ch)) : ch))
        case .largeOperator(let ch, let limits):
            var items = atom(.op, .largeOperator(ch))
            if !limits, case .atom(var a) = items[0] { a.limits = .noLimits; items[0] = .atom(a) }
            return items
        case .function(let shown, let limits):
            var items = atom(.op, .symbol(shown))
            if case .atom(var a) = items[0] { a.limits = limits ? .automatic : .noLimits; items[0] = .atom(a) }
            return items
        case .fraction(let thickness, let left, let right, let style):
            let num = try parseArgument(for: token).list
            let den = try parseArgument(for: token).list
            let f = Fraction(numerator: num, denominator: den, ruleThickness: thickness, left: left, right: right, style: style)
            return atom(left == nil ? .ord : .inner, .fraction(f))
        case .sqrt:
            var degree: MathList?
            skipSpaces()
            if let t = peek(), t.kind == .char("[") {
                position += 1
                degree = try parseList(stopAtBracket: true)
                guard let close = peek(), close.kind == .char("]") else {
                    throw error(.unbalancedBraces, "\\sqrt[ is missing its closing ']'", t.range)
                }
                position += 1
            }
            let body = try parseArgument(for: token).list
            return atom(.ord, .radical(degree: degree, body: body))
        case .alphabet(let a):
            let saved = alphabet
            alphabet = a
            defer { alphabet = saved }
            let body = try parseArgument(for: token).list
            return atom(.ord, .list(body))
        case .text:
            let text = try parseRawText(for: token)
            return atom(.ord, .text(text))
        case .operatorName(let limits):
            let text = try parseRawText(for: token)
            var items = atom(.op, .symbol(text))
            if case .atom(var a) = items[0] { a.limits = limits ? .automatic : .noLimits; items[0] = .atom(a) }
            return items
        case .accent(let mark):
            let body = try parseArgument(for: token).list
            return atom(.ord, .accent(mark, body: body))
        case .overline:
            return atom(.ord, .overline(try parseArgument(for: token).list))
        case .underline:
            return atom(.ord, .underline(try parseArgument(for: token).list))
        case .brace(let over):
            // \underbrace is a large operator with limits (TeXbook p. 359): its label is a script.
            let body = try parseArgument(for: token).list
            var items = atom(.op, .brace(body, over: over))
            if case .atom(var a) = items[0] { a.limits = .limits; items[0] = .atom(a) }
            return items
        case .left:
            return try parseLeftRight(token)
        case .middle:
            throw error(.unmatchedRight, "\\middle outside \\left … \\right", token.range)
        case .right:
            throw error(.unmatchedRight, "\\right without a matching \\left", token.range)
        case .big(let size, let cls):
            let delim = try parseDelimiter(after: token)
            return atom(cls, .sizedDelimiter(delim, size: size))
        case .space(let mu):
            return [.space(mu: mu)]
        case .limits:
            throw error(.misplacedToken, "\\limits and \\nolimits must follow a large operator such as \\sum", token.range)
        case .begin:
            return try parseEnvironment(token)
        case .end:
            throw error(.badEnvironment, "\\end without a matching \\begin", rangeThroughArgument(token))
        case .style(let s):
            return [.style(s)]
        case .atomClass(let cls):
            let body = try parseArgument(for: token).list
            return atom(cls, .list(body))
        case .stack(let over):
            let script = try parseArgument(for: token).list
            let base = try parseArgument(for: token).list
            var cls = AtomClass.ord
            if base.count == 1, case .atom(let b) = base[0] { cls = b.cls }
            var items = atom(cls, .list(base))
            if case .atom(var a) = items[0] {
                if over { a.superscript = script } else { a.sub = script }
                a.limits = .limits
                items[0] = .atom(a)
            }
            return items
        }
    }

    mutating func parseDelimiter(after owner: Token) throws -> String {
        skipSpaces()
        guard let t = peek() else {
            throw error(.missingArgument, "missing delimiter after \(describe(owner)); expected one of ( ) [ ] \\{ \\} | \\| \\langle \\rangle .", owner.range)
        }
        let text: String
        switch t.kind {
        case .char(let c): text = String(c)
        case .command(let n): text = "\\" + n
        default:
            throw error(.badDelimiter, "\(describe(owner)) must be followed by a delimiter: ( ) [ ] \\{ \\} | \\| \\langle \\rangle or .", t.range)
        }
        guard let d = CommandTable.delimiter(text) else {
            throw error(.badDelimiter, "'\(text)' is not a delimiter; expected one of ( ) [ ] \\{ \\} | \\| \\langle \\rangle .", t.range)
        }
        position += 1
        return d
    }

    mutating func parseLeftRight(_ leftToken: Token) throws -> MathList {
        var delimiters = [try parseDelimiter(after: leftToken)]
        var bodies: [MathList] = []
        while true {
            bodies.append(try parseList(stopAtBracket: false))
            guard let t = peek() else {
                throw error(.missingRight, "\\left without a matching \\right", leftToken.range)
            }
            switch t.kind {
            case .command("middle"):
                position += 1
                delimiters.append(try parseDelimiter(after: t))
            case .command("right"):
                position += 1
                delimiters.append(try parseDelimiter(after: t))
                return [.atom(Atom(cls: .inner, nucleus: .leftRight(delimiters: delimiters, bodies: bodies),
                                   range: leftToken.range.lowerBound..<tokens[position - 1].range.upperBound))]
            default:
                throw error(.missingRight, "\\left without a matching \\right before this point", leftToken.range.lowerBound..<t.range.upperBound)
            }
        }
    }

    /// The raw characters of a braced text argument (\text, \operatorname).
    mutating func parseRawText(for owner: Token) throws -> String {
        skipSpaces()
        guard let open = peek() else { throw error(.missingArgument, "missing argument for \(describe(owner))", owner.range) }
        guard open.kind == .beginGroup else {
            if case .char(let c) = open.kind { position += 1; return String(c) }
            throw error(.missingArgument, "missing argument for \(describe(owner)): expected {text}", owner.range)
        }
        position += 1
        var text = ""
        var level = 1
        let chars = Array(source)
        while let t = peek() {
            position += 1
            switch t.kind {
            case .beginGroup: level += 1
            case .endGroup:
                level -= 1
                if level == 0 { return text }
            case .space: if !text.hasSuffix(" ") { text += " " }
            case .command(let n):
                if n == " " || n == "," || n == ";" || n == "quad" { text += " " }
                else if n.count == 1, n.first.map({ !$0.isLetter }) ?? false { text += n }
                else if n == "ldots" || n == "dots" { text += "…" }
                else { text += String(chars[t.range]) }
            case .char("$"): break
            default: text += String(chars[t.range])
            }
        }
        throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range)
    }

    mutating func parseEnvironment(_ token: Token) throws -> MathList {
        let name = try parseRawText(for: token).trimmingCharacters(in: .whitespaces)
        let nameRange = token.range.lowerBound..<tokens[position - 1].range.upperBound
        let kind: MathArray.Kind
        let fences: (String, String)?
        switch name {
        case "aligned", "align", "align*", "gathered", "split": kind = .aligned; fences = nil
        case "cases": kind = .cases; fences = ("{", ".")
        case "matrix": kind = .matrix; fences = nil
        case "pmatrix": kind = .matrix; fences = ("(", ")")
        case "bmatrix": kind = .matrix; fences = ("[", "]")
        case "vmatrix": kind = .matrix; fences = ("|", "|")
        case "Vmatrix": kind = .matrix; fences = ("‖", "‖")
        case "Bmatrix": kind = .matrix; fences = ("{", "}")
        default:
            throw error(.badEnvironment, "unknown environment '\(name)'; expected aligned, cases, matrix, pmatrix, bmatrix, vmatrix", nameRange)
        }
        var rows: [[MathList]] = []
        var row: [MathList] = []
        while true {
            row.append(try parseList(stopAtBracket: false))
            guard let t = peek() else {
                throw error(.badEnvironment, "\\begin{\(name)} is never closed by \\end{\(name)}", nameRange)
            }
            switch t.kind {
            case .alignment:
                position += 1
            case .command("\\"):
                position += 1
                rows.append(row); row = []
                // An optional [length] after \\ (extra row space) is accepted and ignored.
                skipSpaces()
                if let open = peek(), open.kind == .char("[") {
                    var i = position + 1
                    while i < tokens.count, tokens[i].kind != .char("]") { i += 1 }
                    guard i < tokens.count else {
                        throw error(.unbalancedBraces, "'\\\\[' is missing its closing ']'", open.range)
                    }
                    position = i + 1
                }
            case .command("end"):
                position += 1
                let endName = try parseRawText(for: t).trimmingCharacters(in: .whitespaces)
                guard endName == name else {
                    throw error(.badEnvironment, "\\begin{\(name)} ended by \\end{\(endName)}",
                                t.range.lowerBound..<tokens[position - 1].range.upperBound)
                }
                if !(row.count == 1 && row[0].isEmpty && !rows.isEmpty) { rows.append(row) }
                let array = MathArray(kind: kind, rows: rows)
                let range = token.range.lowerBound..<tokens[position - 1].range.upperBound
                if let (l, r) = fences {
                    return [.atom(Atom(cls: .inner, nucleus: .leftRight(delimiters: [l, r], bodies: [[.atom(Atom(cls: .ord, nucleus: .array(array), range: range))]]), range: range))]
                }
                return [.atom(Atom(cls: .ord, nucleus: .array(array), range: range))]
            case .endGroup:
                throw error(.unbalancedBraces, "unbalanced braces: this '}' closes no '{' inside \\begin{\(name)}", t.range)
            default:
                throw error(.unmatchedRight, "\\right or \\middle without a matching \\left", t.range)
            }
        }
    }
}
