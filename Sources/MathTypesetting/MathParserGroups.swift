/// TeX's grouping and expansion primitives that KaTeX also has: \begingroup … \endgroup, \edef/\xdef,
/// \mathchoice, and \newline at the top level of a formula.
extension MathParser {
    /// \begingroup … \endgroup (TeXbook p. 279: a semi-simple group). Font switches (\rm …) end with
    /// it, as with braces; its items join the surrounding list instead of becoming an Ord atom, so
    /// `a\begingroup+\endgroup b` keeps the binary spacing. A \color or size change inside would reach
    /// past \endgroup in a spliced list, so such a group is kept as one sublist, as {…} is.
    mutating func parseSemisimpleGroup(_ token: Token) throws -> MathList {
        semisimpleDepth += 1
        let body = try parseList(stopAtBracket: false)
        semisimpleDepth -= 1
        guard let close = peek() else {
            throw error(.unbalancedBraces, "\\begingroup is never closed by \\endgroup", token.range)
        }
        guard close.kind == .command("endgroup") else {
            if close.kind == .endGroup {
                throw error(.unbalancedBraces, "this '}' cannot close \\begingroup (opened at column \(token.range.lowerBound + 1)); end it with \\endgroup", close.range)
            }
            throw error(.misplacedToken, "unexpected \(describe(close)) inside \\begingroup … \\endgroup", close.range)
        }
        position += 1
        let scoped = body.contains { item in
            switch item {
            case .color, .sizing: return true
            default: return false
            }
        }
        return scoped ? atom(.ord, .list(body), from: token) : body
    }

    /// \mathchoice{D}{T}{S}{SS}: all four lists are parsed; layout picks one by style.
    mutating func parseMathChoice(_ token: Token) throws -> MathList {
        var lists: [MathList] = []
        for _ in 0..<4 { lists.append(try parseArgument(for: token).list) }
        return [.choice(lists)]
    }

    /// \edef's body: every macro in it expanded, recursively, as TeX does at definition time (TeXbook
    /// p. 215); commands that are not macros stay as they are, and \noexpand\x keeps \x unexpanded.
    mutating func fullyExpanded(_ body: [Token]) throws -> [Token] {
        var sub = self
        sub.tokens = body
        sub.position = 0
        var out: [Token] = []
        while let t = sub.peek() {
            sub.position += 1
            if case .command(let name) = t.kind {
                if name == "noexpand" {
                    if let next = sub.peek() { out.append(next); sub.position += 1 }
                    continue
                }
                if try sub.expandMacro(name, t) { continue }
            }
            out.append(t)
        }
        expansions = sub.expansions
        return out
    }

    /// The lines of a formula broken by \newline: one left-aligned column without \arraycolsep
    /// (@{}l@{}), its baselines \baselineskip (1.2 em at 10pt) apart as an array's struts set them.
    func brokenLines(_ lines: [MathList]) -> MathList {
        var array = MathArray(kind: .array, rows: lines.map { [$0] })
        array.columns = [.separator([]), .column(.left), .separator([])]
        return [.atom(Atom(cls: .ord, nucleus: .array(array), range: 0..<source.count))]
    }
}
