import Foundation

/// Recursive-descent parser from TeX source to a math list. Every failure is a thrown `MathError`
/// carrying the column range of the offending source, never a trap.
public struct MathParser {
    let source: String
    var tokens: [Token]
    var position = 0
    var alphabet: MathAlphabet = .math
    var depth = 0
    /// Macros defined by the caller (`--macro`, front matter) and by \newcommand / \def in the formula.
    var macros: [String: MathMacro] = [:]
    var expansions = 0
    /// > 0 while parsing `$…$` inside \text: a `$` ends the math list.
    var dollarDepth = 0
    /// A character that ends the current list outside braces (amscd's `@` and its label delimiters).
    var stopCharacter: Character?
    /// > 0 inside \begingroup … \endgroup: \endgroup ends the current list.
    var semisimpleDepth = 0

    public init(_ source: String, macros: [String: MathMacro] = [:]) {
        self.source = source
        self.tokens = MathTokenizer.tokenize(Array(source))
        self.macros = macros
    }

    public static func parse(_ source: String, macros: [String: MathMacro] = [:]) throws -> MathList {
        var parser = MathParser(source, macros: macros)
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
        var list = try parseList(stopAtBracket: false)
        // \newline at the top level: the formula in lines.
        var lines = [list]
        while let t = peek(), t.kind == .command("newline") {
            position += 1
            lines.append(try parseList(stopAtBracket: false))
        }
        if lines.count > 1 { list = brokenLines(lines) }
        if let token = peek() {
            switch token.kind {
            case .command("endgroup"): throw error(.unbalancedBraces, "\\endgroup without a matching \\begingroup", token.range)
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
        return token.range.lowerBound..<max(end, token.range.upperBound)
    }

    /// From `start` through the last consumed token.
    func range(from start: Token) -> SourceRange {
        start.range.lowerBound..<max(start.range.upperBound, tokens[max(0, position - 1)].range.upperBound)
    }

    // MARK: - Lists

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

    /// Parses items until a token that ends the list: '}', '&', '\\', \right, \middle, \end, or ']' in
    /// an optional argument. A list is a group: font switches (\rm, \bf) end with it.
    mutating func parseList(stopAtBracket: Bool) throws -> MathList {
        defer { depth -= 1 }
        try enterNesting()
        let savedAlphabet = alphabet
        defer { alphabet = savedAlphabet }
        var list: MathList = []
        while let token = peek() {
            switch token.kind {
            case .endGroup, .alignment: return list
            case .command("right"), .command("middle"), .command("end"), .command("\\"), .command("cr"): return list
            case .command("endgroup") where semisimpleDepth > 0: return list
            // \newline breaks the formula's lines at its top level only (depth 1: the formula's own list).
            case .command("newline") where depth == 1 && dollarDepth == 0: return list
            case .char("]") where stopAtBracket: return list
            case .char("$") where dollarDepth > 0: return list
            case .command(")") where dollarDepth > 0: return list
            case .char(let c) where c == stopCharacter: return list
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
            case .command(let name) where Self.infixFractions[name] != nil:
                // TeX's generalized fractions: everything before is the numerator, the rest the denominator.
                position += 1
                var f = Self.infixFractions[name]!
                if name == "above" {
                    let length = try parseLength(for: token, braced: false)
                    f.ruleThickness = length.unit == .em ? length.value : length.value / 10   // pt at 10pt
                }
                f.numerator = list
                f.denominator = try parseList(stopAtBracket: stopAtBracket)
                return [.atom(Atom(cls: f.left == nil ? .ord : .inner, nucleus: .fraction(f), range: token.range))]
            default:
                list.append(contentsOf: try parseItem())
            }
        }
        return list
    }

    /// \over, \atop, \choose, \brack, \brace, \above (TeXbook ch. 17).
    static let infixFractions: [String: Fraction] = [
        "over": Fraction(numerator: [], denominator: [], ruleThickness: nil, left: nil, right: nil, style: nil),
        "atop": Fraction(numerator: [], denominator: [], ruleThickness: 0, left: nil, right: nil, style: nil),
        "above": Fraction(numerator: [], denominator: [], ruleThickness: nil, left: nil, right: nil, style: nil),
        "choose": Fraction(numerator: [], denominator: [], ruleThickness: 0, left: "(", right: ")", style: nil),
        "brack": Fraction(numerator: [], denominator: [], ruleThickness: 0, left: "[", right: "]", style: nil),
        "brace": Fraction(numerator: [], denominator: [], ruleThickness: 0, left: "{", right: "}", style: nil),
    ]

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
            var count = 1
            while let t = peek(), t.kind == .prime { count += 1; position += 1 }
            // ′ ″ ‴ ⁗: the font's multiple primes, as unicode-math sets '' and '''.
            let primes = ["′", "″", "‴", "⁗"]
            let text = count <= 4 ? primes[count - 1] : String(repeating: "′", count: count)
            let primeAtom = MathItem.atom(Atom(cls: .ord, nucleus: .symbol(text), range: token.range))
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
        default: return "'\(token.text)'"
        }
    }

    /// A `{…}` group; the opening brace is the current token.
    mutating func parseGroup() throws -> MathList {
        guard let open = peek() else { return [] }
        position += 1
        let savedStop = stopCharacter
        stopCharacter = nil   // a delimited argument's braces hide its delimiter (TeXbook p. 203)
        let list = try parseList(stopAtBracket: false)
        stopCharacter = savedStop
        guard let close = peek() else {
            throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range)
        }
        guard close.kind == .endGroup else {
            switch close.kind {
            case .command("right"): throw error(.unmatchedRight, "\\right without a matching \\left in this group", close.range)
            case .command("middle"): throw error(.unmatchedRight, "\\middle outside \\left … \\right", close.range)
            case .alignment: throw error(.misplacedToken, "'&' is only allowed inside an environment such as aligned or pmatrix", close.range)
            case .command("\\"): throw error(.misplacedToken, "'\\\\' (new row) is only allowed inside an environment", close.range)
            case .command("endgroup"): throw error(.unbalancedBraces, "\\endgroup inside this '{' … '}' group: close the braces first", close.range)
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
        // Macros expand in a loop, not by recursion, so a runaway definition hits the expansion limit.
        while let t = peek(), case .command(let name) = t.kind {
            position += 1
            if try expandMacro(name, t) { continue }
            return try parseCommand(name, t)
        }
        guard let token = peek() else { return [] }
        switch token.kind {
        case .beginGroup:
            let list = try parseGroup()
            // A braced group is an Ord atom (TeXbook p. 291): {-} stops a minus being binary.
            return [.atom(Atom(cls: .ord, nucleus: .list(list), range: token.range.lowerBound..<tokens[position - 1].range.upperBound))]
        case .char(let c):
            position += 1
            return [.atom(Atom(cls: CommandTable.characterClass(c), nucleus: .symbol(mapCharacter(c)), range: token.range))]
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
        // unicode-math remaps a typed colon to U+2236 RATIO, a Rel (unicode-math-luatex.sty,
        // \__um_remap_symbols:; LuaLaTeX's \mathcode`: is "6300214 = class 3, U+2236); \colon stays ":".
        if c == ":" { return "∶" }
        if c == "<" || c == ">" || c == "|" || c == "/" { return String(c) }
        return String(String.UnicodeScalarView(c.unicodeScalars.map { alphabet.map($0) }))
    }

    func atom(_ cls: AtomClass, _ nucleus: Nucleus, from token: Token, limits: LimitsMode = .automatic) -> MathList {
        var a = Atom(cls: cls, nucleus: nucleus, range: range(from: token))
        a.limits = limits
        return [.atom(a)]
    }

    mutating func parseCommand(_ name: String, _ token: Token) throws -> MathList {
        guard let spec = CommandTable.lookUp(name) else {
            throw error(.unknownCommand, "unknown command \\\(name)", token.range)
        }
        switch spec.rule {
        case .symbol(let ch, let cls):
            let isLetter = ch.unicodeScalars.count == 1 && (ch.unicodeScalars.first.map { (0x391...0x3F5).contains($0.value) || $0 == "∂" } ?? false)
            return atom(cls, .symbol(isLetter ? mapCharacter(Character(ch)) : ch), from: token)
        case .largeOperator(let ch, let limits):
            return atom(.op, .largeOperator(ch), from: token, limits: limits ? .automatic : .noLimits)
        case .function(let shown, let limits):
            return atom(.op, .symbol(shown), from: token, limits: limits ? .automatic : .noLimits)
        case .fraction(let thickness, let left, let right, let style):
            let num = try parseArgument(for: token).list
            let den = try parseArgument(for: token).list
            let f = Fraction(numerator: num, denominator: den, ruleThickness: thickness, left: left, right: right, style: style)
            return atom(left == nil ? .ord : .inner, .fraction(f), from: token)
        case .genfrac:
            return try parseGenfrac(token)
        case .cfrac:
            _ = try parseOptionalRaw()   // [l] / [r] numerator alignment: accepted, set centred
            let num = try parseArgument(for: token).list
            let den = try parseArgument(for: token).list
            // amsmath: {\displaystyle\frac{\strut#2}{#3}}\kern-\nulldelimiterspace.
            let strut = MathItem.atom(Atom(cls: .ord, nucleus: .rule(width: MathLength(0, .em), height: MathLength(1.2, .em),
                                                                      raise: MathLength(-0.36, .em)), range: token.range))
            let f = Fraction(numerator: [strut] + num, denominator: den, ruleThickness: nil,
                             left: nil, right: nil, style: .display)
            return atom(.ord, .fraction(f), from: token) + [.kern(MathLength(-0.12, .em))]
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
            return atom(.ord, .radical(degree: degree, body: body), from: token)
        case .alphabet(let a):
            let saved = alphabet
            alphabet = a
            defer { alphabet = saved }
            let body = try parseArgument(for: token).list
            return atom(.ord, .list(body), from: token)
        case .alphabetSwitch(let a):
            alphabet = a   // until the enclosing list (group) ends
            return []
        case .text(let face):
            let items = try parseTextArgument(for: token, face: face)
            if items.count == 1, case .atom(let a) = items[0], case .text = a.nucleus { return items }
            return atom(.ord, .list(items), from: token)
        case .operatorName(let limits):
            return try parseOperatorName(token, limits: limits)
        case .accent(let mark, let stretchy):
            let body = try parseArgument(for: token).list
            return atom(.ord, .accent(mark, body: body, stretchy: stretchy), from: token)
        case .underAccent(let mark):
            let body = try parseArgument(for: token).list
            return atom(.ord, .underAccent(mark, body: body), from: token)
        case .overline:
            return atom(.ord, .overline(try parseArgument(for: token).list), from: token)
        case .underline:
            return atom(.ord, .underline(try parseArgument(for: token).list), from: token)
        case .brace(let glyph, let over):
            // \underbrace is a large operator with limits (TeXbook p. 359): its label is a script.
            let body = try parseArgument(for: token).list
            return atom(.op, .brace(body, over: over, glyph: glyph), from: token, limits: .limits)
        case .left:
            return try parseLeftRight(token)
        case .middle:
            throw error(.unmatchedRight, "\\middle outside \\left … \\right", token.range)
        case .right:
            throw error(.unmatchedRight, "\\right without a matching \\left", token.range)
        case .big(let size, let cls):
            let delim = try parseDelimiter(after: token)
            return atom(cls, .sizedDelimiter(delim, size: size), from: token)
        case .space(let mu):
            return [.space(mu: mu)]
        case .kern(let braced):
            let length = try parseLength(for: token, braced: braced)
            return [.kern(length)]
        case .limits:
            throw error(.misplacedToken, "\\limits and \\nolimits must follow a large operator such as \\sum", token.range)
        case .begin:
            return try parseEnvironment(token)
        case .end:
            throw error(.badEnvironment, "\\end without a matching \\begin", rangeThroughArgument(token))
        case .style(let s):
            return [.style(s)]
        case .sizing(let factor):
            return [.sizing(factor)]
        case .atomClass(let cls):
            let body = try parseArgument(for: token).list
            return atom(cls, .list(body), from: token)
        case .stack(let over):
            let script = try parseArgument(for: token).list
            let base = try parseArgument(for: token).list
            var cls = AtomClass.ord
            if base.count == 1, case .atom(let b) = base[0] { cls = b.cls }
            var a = Atom(cls: cls, nucleus: .list(base), range: range(from: token))
            if over { a.superscript = script } else { a.sub = script }
            a.limits = .limits
            return [.atom(a)]
        case .color:
            return [.color(try parseColor(for: token))]
        case .textcolor:
            let color = try parseColor(for: token)
            let body = try parseArgument(for: token).list
            return atom(.ord, .colored(body, color), from: token)
        case .colorbox:
            let color = try parseColor(for: token)
            let body = try parseTextArgument(for: token, face: .roman)
            return atom(.ord, .framed(body, background: color, frame: nil, padding: Self.fboxsep), from: token)
        case .fcolorbox:
            let frame = try parseColor(for: token)
            let background = try parseColor(for: token)
            let body = try parseTextArgument(for: token, face: .roman)
            return atom(.ord, .framed(body, background: background, frame: frame, padding: Self.fboxsep), from: token)
        case .boxed:
            // amsmath: \boxed{x} is \fbox{$\displaystyle x$}; \fbox itself holds text.
            let body = name == "fbox" ? try parseTextArgument(for: token, face: .roman)
                                      : [.style(.display)] + (try parseArgument(for: token).list)
            return atom(.ord, .framed(body, background: nil, frame: MathRGBA(0, 0, 0), padding: Self.fboxsep), from: token)
        case .phantom(let width, let height):
            let body = try parseArgument(for: token).list
            return atom(.ord, .phantom(body, width: width, height: height), from: token)
        case .smash:
            let option = try parseOptionalRaw()?.trimmingCharacters(in: .whitespaces)
            let body = try parseArgument(for: token).list
            return atom(.ord, .smash(body, top: option != "b", bottom: option != "t"), from: token)
        case .rule:
            var raise = MathLength(0, .pt)
            if let r = try parseOptionalRaw() { raise = try length(from: r, token.range) }
            let width = try parseLength(for: token, braced: true)
            let height = try parseLength(for: token, braced: true)
            return atom(.ord, .rule(width: width, height: height, raise: raise), from: token)
        case .not:
            return try parseNot(token)
        case .extensibleArrow(let arrow):
            var below: MathList?
            if let t = peekNonSpace(), t.kind == .char("[") {
                skipSpaces(); position += 1
                below = try parseList(stopAtBracket: true)
                guard let close = peek(), close.kind == .char("]") else {
                    throw error(.unbalancedBraces, "\(describe(token))[ is missing its closing ']'", t.range)
                }
                position += 1
            }
            let above = try parseArgument(for: token).list
            return atom(.rel, .extensibleArrow(arrow, above: above.isEmpty ? nil : above, below: below?.isEmpty == true ? nil : below), from: token)
        case .tag(let starred):
            let body = try parseTextArgument(for: token, face: .roman)
            return [.tag(body, parenthesized: !starred)]
        case .notag:
            return []
        case .substack:
            return try parseSubstack(token)
        case .newcommand, .def, .edef, .declareMathOperator:
            try parseDefinition(name, spec.rule, token)
            return []
        case .macro:
            return []   // expanded before lookup (expandMacro)
        case .cancel(let stroke):
            return atom(.ord, .cancel(try parseArgument(for: token).list, stroke), from: token)
        case .strikeout:
            return atom(.ord, .strikeout(try parseTextArgument(for: token, face: .roman)), from: token)
        case .lap(let side, let math):
            let body = math ? try parseArgument(for: token).list : try parseTextArgument(for: token, face: .roman)
            return atom(.ord, .lap(body, side), from: token)
        case .vcenter:
            return atom(.ord, .vcenter(try parseArgument(for: token).list), from: token)
        case .raisebox:
            return try parseRaisebox(token, face: .roman)
        case .char:
            return try parseChar(token)
        case .verb(let visibleSpaces):
            return try parseVerb(token, visibleSpaces: visibleSpaces)
        case .logo(let logo):
            return atom(.ord, .logo(logo), from: token)
        case .beginGroup:
            return try parseSemisimpleGroup(token)
        case .endGroup:
            throw error(.unbalancedBraces, "\\endgroup without a matching \\begingroup", token.range)
        case .mathchoice:
            return try parseMathChoice(token)
        case .enclosure(let kind):
            return atom(.ord, .enclosed(try parseArgument(for: token).list, kind), from: token)
        case .lineSegment(let over):
            return atom(.ord, .lineSegment(try parseArgument(for: token).list, over: over), from: token)
        case .overArrow(let arrow):
            return atom(.ord, .overArrow(arrow, try parseArgument(for: token).list), from: token)
        case .textcircled:
            throw error(.misplacedToken, "\\textcircled is a text command: write \\text{\\textcircled{a}}", token.range)
        case .newline:
            throw error(.misplacedToken, "\\newline breaks lines only at the top level of a formula (not inside braces, arguments or environments; there use \\\\ in an environment such as gathered)", token.range)
        case .global:
            guard let next = peekNonSpace(), [.command("def"), .command("gdef"), .command("edef"), .command("xdef")].contains(next.kind) else {
                throw error(.badMacro, "\\global must be followed by \\def, \\gdef, \\edef or \\xdef", token.range)
            }
            return []
        }
    }

    /// \fboxsep: 3pt (LaTeX).
    static let fboxsep = MathLength(3, .pt)

    func peekNonSpace() -> Token? {
        var i = position
        while i < tokens.count, tokens[i].kind == .space { i += 1 }
        return i < tokens.count ? tokens[i] : nil
    }

    /// \not X: the negated symbol when there is one (unicode-math's \not: \notX, \nX, its negation
    /// table, or Unicode's precomposed form), else X with a slash overlaid.
    mutating func parseNot(_ token: Token) throws -> MathList {
        skipSpaces()
        guard let next = peek() else { throw error(.missingArgument, "missing argument for \\not", token.range) }
        var key: String?
        var base: String?
        var cls = AtomClass.rel
        switch next.kind {
        case .char(let c):
            key = String(c); base = String(c); cls = CommandTable.characterClass(c)
        case .command(let n):
            key = n
            if case .symbol(let ch, let c)? = CommandTable.lookUp(n)?.rule { base = ch; cls = c }
        default: break
        }
        if let key, let negated = CommandTable.negation(of: key), case .symbol(let ch, let c)? = CommandTable.lookUp(negated)?.rule {
            position += 1
            return [.atom(Atom(cls: c, nucleus: .symbol(ch), range: token.range.lowerBound..<next.range.upperBound))]
        }
        if let base {
            let composed = (base + "\u{0338}").precomposedStringWithCanonicalMapping
            if composed.unicodeScalars.count == 1 {
                position += 1
                return [.atom(Atom(cls: cls, nucleus: .symbol(composed), range: token.range.lowerBound..<next.range.upperBound))]
            }
        }
        let body = try parseArgument(for: token).list
        if body.count == 1, case .atom(let a) = body[0] { cls = a.cls }
        return atom(cls, .negated(body), from: token)
    }

    /// \operatorname{name}: upright, with `-` and `*` as text characters (amsmath's \operatorname);
    /// a name of plain characters becomes one run like \log.
    mutating func parseOperatorName(_ token: Token, limits: Bool) throws -> MathList {
        let saved = alphabet
        alphabet = .roman
        defer { alphabet = saved }
        let body = try parseArgument(for: token).list
        var run = ""
        var plain = true
        for item in body {
            guard case .atom(let a) = item, a.superscript == nil, a.sub == nil, case .symbol(let s) = a.nucleus,
                  a.cls != .op else { plain = false; break }
            run += s == "−" ? "-" : (s == "∗" ? "*" : s)
        }
        let nucleus: Nucleus = plain && !run.isEmpty ? .symbol(run) : .list(body)
        return atom(.op, nucleus, from: token, limits: limits ? .automatic : .noLimits)
    }

    mutating func parseGenfrac(_ token: Token) throws -> MathList {
        let left = try parseRawGroup(for: token)
        let right = try parseRawGroup(for: token)
        let thickness = try parseRawGroup(for: token)
        let style = try parseRawGroup(for: token)
        func delimiter(_ raw: (text: String, range: SourceRange)) throws -> String? {
            let t = raw.text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            guard let d = CommandTable.delimiter(t) else {
                throw error(.badDelimiter, "'\(t)' is not a delimiter; expected one of ( ) [ ] \\{ \\} | \\| \\langle \\rangle or nothing", raw.range)
            }
            return d
        }
        let l = try delimiter(left), r = try delimiter(right)
        var rule: Double?
        if !thickness.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let len = try length(from: thickness.text, thickness.range)
            rule = len.unit == .em ? len.value : (len.unit == .pt ? len.value / 10 : len.value / 10)   // pt at 10pt
        }
        let styles: [String: MathStyle] = ["0": .display, "1": .text, "2": .script, "3": .scriptScript]
        let s = style.text.trimmingCharacters(in: .whitespaces)
        guard s.isEmpty || styles[s] != nil else {
            throw error(.missingArgument, "\\genfrac's fourth argument must be empty or 0–3 (display … scriptscript), got '\(s)'", style.range)
        }
        let num = try parseArgument(for: token).list
        let den = try parseArgument(for: token).list
        let f = Fraction(numerator: num, denominator: den, ruleThickness: rule, left: l ?? (r == nil ? nil : "."),
                         right: r ?? (l == nil ? nil : "."), style: styles[s])
        return atom(f.left == nil ? .ord : .inner, .fraction(f), from: token)
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
}
