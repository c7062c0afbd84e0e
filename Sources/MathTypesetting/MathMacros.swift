/// A TeX macro without delimiters: `parameters` arguments (#1…#9), the first optional with a default
/// when `defaultFirst` is set (\newcommand{\x}[2][d]{…}).
public struct MathMacro: Sendable {
    public let parameters: Int
    let defaultFirst: [Token]?
    let body: [Token]

    /// A macro from its TeX body, e.g. `\mathbb{R}` or `\left(#1\right)`; the parameter count is the
    /// highest #n in it.
    public init(_ body: String) {
        let tokens = MathTokenizer.tokenize(Array(body))
        var highest = 0
        for (i, t) in tokens.enumerated() where t.kind == .char("#") && i + 1 < tokens.count {
            if case .char(let d) = tokens[i + 1].kind, let n = d.wholeNumberValue { highest = max(highest, n) }
        }
        self.init(parameters: highest, defaultFirst: nil, body: tokens)
    }

    init(parameters: Int, defaultFirst: [Token]?, body: [Token]) {
        self.parameters = parameters; self.defaultFirst = defaultFirst; self.body = body
    }

    /// `NAME=BODY` as given to `--macro` (NAME with or without its backslash).
    public static func parseDefinition(_ text: String) -> (name: String, macro: MathMacro)? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        var name = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("\\") { name.removeFirst() }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return (name, MathMacro(String(text[text.index(after: eq)...])))
    }
}

extension MathParser {
    /// Bounds on expansion, so `\def\a{\a\a}` is an error and not a hang.
    static let maximumExpansions = 10_000
    static let maximumTokens = 200_000

    /// If `name` is a macro, replaces it (already consumed) and its arguments by the expansion and
    /// returns true. Expanded tokens carry the column range of the macro's use.
    mutating func expandMacro(_ name: String, _ token: Token) throws -> Bool {
        let macro: MathMacro
        if let m = macros[name] {
            macro = m
        } else if let spec = CommandTable.lookUp(name), case .macro(let body) = spec.rule {
            let m = MathMacro(body)
            macro = MathMacro(parameters: spec.arguments, defaultFirst: nil, body: m.body)
        } else {
            return false
        }
        expansions += 1
        guard expansions <= Self.maximumExpansions, tokens.count <= Self.maximumTokens else {
            throw error(.badMacro, "macro expansion does not end (\\\(name) keeps expanding; is it defined in terms of itself?)", token.range)
        }
        let start = position - 1
        var arguments: [[Token]] = []
        for i in 0..<macro.parameters {
            if i == 0, let d = macro.defaultFirst {
                if let t = peekNonSpace(), t.kind == .char("[") {
                    skipSpaces(); position += 1
                    var arg: [Token] = []
                    while let u = peek(), u.kind != .char("]") { arg.append(u); position += 1 }
                    guard peek() != nil else { throw error(.unbalancedBraces, "this '[' is never closed by ']'", t.range) }
                    position += 1
                    arguments.append(arg)
                } else {
                    arguments.append(d)
                }
                continue
            }
            arguments.append(try rawTokenArgument(for: token))
        }
        var expansion: [Token] = []
        var i = 0
        let body = macro.body
        while i < body.count {
            if body[i].kind == .char("#"), i + 1 < body.count, case .char(let d) = body[i + 1].kind, let n = d.wholeNumberValue,
               n >= 1, n <= arguments.count {
                expansion.append(contentsOf: arguments[n - 1])
                i += 2
                continue
            }
            expansion.append(Token(kind: body[i].kind, range: token.range))
            i += 1
        }
        tokens.replaceSubrange(start..<position, with: expansion)
        position = start
        return true
    }

    /// A macro argument as tokens: a braced group without its braces, or one token.
    mutating func rawTokenArgument(for owner: Token) throws -> [Token] {
        skipSpaces()
        guard let open = peek() else { throw error(.missingArgument, "missing argument for \(describe(owner))", owner.range) }
        position += 1
        guard open.kind == .beginGroup else {
            if open.kind == .endGroup { throw error(.missingArgument, "missing argument for \(describe(owner))", owner.range) }
            return [open]
        }
        var level = 1
        var out: [Token] = []
        while let t = peek() {
            position += 1
            if t.kind == .beginGroup { level += 1 }
            if t.kind == .endGroup {
                level -= 1
                if level == 0 { return out }
            }
            out.append(t)
        }
        throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range)
    }

    /// \newcommand{\name}[n][default]{body}, \renewcommand, \def\name#1#2{body}, \DeclareMathOperator{\name}{text}.
    mutating func parseDefinition(_ command: String, _ rule: CommandSpec.Rule, _ token: Token) throws {
        skipSpaces()
        var nameTokens: [Token]
        let isDef: Bool
        switch rule { case .def, .edef: isDef = true; default: isDef = false }
        if isDef {
            guard let t = peek() else { throw error(.missingArgument, "missing macro name after \\def", token.range) }
            position += 1
            nameTokens = [t]
        } else {
            nameTokens = try rawTokenArgument(for: token)
        }
        guard nameTokens.count == 1, case .command(let name) = nameTokens[0].kind, !name.isEmpty else {
            throw error(.badMacro, "\(describe(token)) expects a command name such as \\R", token.range)
        }
        var parameters = 0
        var defaultFirst: [Token]?
        switch rule {
        case .def, .edef:
            while let t = peek(), t.kind != .beginGroup {
                guard t.kind == .char("#"), position + 1 < tokens.count, case .char(let d) = tokens[position + 1].kind,
                      d.wholeNumberValue == parameters + 1 else {
                    throw error(.badMacro, "\\def\\\(name): parameters must be #1#2… in order, then {body} (delimited macros are not supported)", t.range)
                }
                parameters += 1
                position += 2
            }
        case .newcommand:
            if let n = try parseOptionalRaw() {
                guard let count = Int(n.trimmingCharacters(in: .whitespaces)), (0...9).contains(count) else {
                    throw error(.badMacro, "\(describe(token)): the argument count must be 0–9, got '\(n)'", token.range)
                }
                parameters = count
                if let t = peekNonSpace(), t.kind == .char("[") {
                    _ = t
                    skipSpaces(); position += 1
                    var d: [Token] = []
                    while let u = peek(), u.kind != .char("]") { d.append(u); position += 1 }
                    position += 1
                    defaultFirst = d
                }
            }
            if command.hasPrefix("new"), CommandTable.lookUp(name) != nil || macros[name] != nil {
                throw error(.badMacro, "\\newcommand: \\\(name) is already defined; use \\renewcommand", nameTokens[0].range)
            }
        default:
            break
        }
        var body = try rawTokenArgument(for: token)
        if case .edef = rule { body = try fullyExpanded(body) }
        if case .declareMathOperator = rule {
            let op = command.hasSuffix("*") ? "operatorname*" : "operatorname"
            body = [Token(kind: .command(op), range: token.range), Token(kind: .beginGroup, range: token.range)] + body
                + [Token(kind: .endGroup, range: token.range)]
        }
        macros[name] = MathMacro(parameters: parameters, defaultFirst: defaultFirst, body: body)
    }
}
