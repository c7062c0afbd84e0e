import Foundation

/// \begin{…} … \end{…}: LaTeX's array, amsmath's alignments, matrices and cases, and \substack.
extension MathParser {
    /// Every environment the parser knows, for the error message.
    static let environmentNames = ["array", "darray", "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix",
                                   "smallmatrix", "cases", "dcases", "rcases", "drcases", "aligned", "alignedat",
                                   "gathered", "split", "align", "align*", "alignat", "alignat*", "gather", "gather*",
                                   "equation", "equation*", "subarray", "matrix*", "pmatrix*", "bmatrix*", "Bmatrix*",
                                   "vmatrix*", "Vmatrix*", "smallmatrix*", "CD"]

    mutating func parseEnvironmentName(_ token: Token) throws -> String {
        try parseRawGroup(for: token).text.trimmingCharacters(in: .whitespaces)
    }

    mutating func parseEnvironment(_ token: Token) throws -> MathList {
        let name = try parseEnvironmentName(token)
        let nameRange = token.range.lowerBound..<tokens[position - 1].range.upperBound
        var kind = MathArray.Kind.matrix
        var fences: (String, String)?
        var columns: [MathArray.ColumnSpec]?
        var cellStyle: MathStyle?
        // mathtools' starred matrices take [l|c|r], the alignment of every column (default c).
        var starredAlignment: MathArray.Alignment?
        var base = name
        if name.hasSuffix("matrix*") {
            base = String(name.dropLast())
            let option = try parseOptionalRaw()?.trimmingCharacters(in: .whitespaces)
            switch option {
            case nil, "c"?: starredAlignment = .center
            case "l"?: starredAlignment = .left
            case "r"?: starredAlignment = .right
            default:
                throw error(.badEnvironment, "\\begin{\(name)}[\(option ?? "")]: the column alignment must be l, c or r", nameRange)
            }
        }
        switch base {
        case "aligned", "align", "align*", "split", "alignedat", "alignat", "alignat*":
            kind = .aligned
            if name.hasPrefix("align") && name.contains("at") { _ = try parseRawGroup(for: token) }   // the pair count
        case "gathered", "gather", "gather*": kind = .gathered
        case "equation", "equation*":
            let body = try parseList(stopAtBracket: false)
            try expectEnd(name, nameRange)
            return body
        case "cases": kind = .cases; fences = ("{", ".")
        case "dcases": kind = .cases; fences = ("{", "."); cellStyle = .display
        case "rcases": kind = .cases; fences = (".", "}")
        case "drcases": kind = .cases; fences = (".", "}"); cellStyle = .display
        case "matrix": kind = .matrix
        case "pmatrix": fences = ("(", ")")
        case "bmatrix": fences = ("[", "]")
        case "vmatrix": fences = ("|", "|")
        case "Vmatrix": fences = ("‖", "‖")
        case "Bmatrix": fences = ("{", "}")
        case "smallmatrix": kind = .smallMatrix
        case "CD": return try parseCD(name: name, nameRange: nameRange, token)
        case "array", "darray", "subarray":
            kind = name == "subarray" ? .subarray : .array
            if name == "darray" { cellStyle = .display }
            _ = try parseOptionalRaw()   // [t] / [b] vertical position: centred like LaTeX's default
            columns = try parseColumnSpec(for: token)
        default:
            throw error(.badEnvironment, "unknown environment '\(name)'; expected one of \(Self.environmentNames.joined(separator: ", "))", nameRange)
        }
        var array = MathArray(kind: kind, rows: [])
        array.columns = columns
        var row: [MathList] = []
        func takeRules() {
            while let t = peekNonSpace(), t.kind == .command("hline") || t.kind == .command("hdashline") {
                skipSpaces(); position += 1
                array.hlines[array.rows.count, default: []].append(t.kind == .command("hdashline"))
            }
        }
        takeRules()
        while true {
            var cell = try parseList(stopAtBracket: false)
            if let s = cellStyle { cell.insert(.style(s), at: 0) }
            row.append(cell)
            guard let t = peek() else {
                throw error(.badEnvironment, "\\begin{\(name)} is never closed by \\end{\(name)}", nameRange)
            }
            switch t.kind {
            case .alignment:
                position += 1
            case .command("\\"), .command("cr"):
                position += 1
                finishRow(&row, into: &array)
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
                takeRules()
            case .command("end"):
                position += 1
                let endName = try parseEnvironmentName(t)
                guard endName == name else {
                    throw error(.badEnvironment, "\\begin{\(name)} ended by \\end{\(endName)}",
                                t.range.lowerBound..<tokens[position - 1].range.upperBound)
                }
                if !(row.count == 1 && row[0].filter({ if case .style = $0 { return false } else { return true } }).isEmpty && !array.rows.isEmpty) {
                    finishRow(&row, into: &array)
                }
                if let a = starredAlignment {
                    array.columns = Array(repeating: .column(a), count: array.rows.map(\.count).max() ?? 0)
                }
                let range = token.range.lowerBound..<tokens[position - 1].range.upperBound
                let body = MathItem.atom(Atom(cls: .ord, nucleus: .array(array), range: range))
                if let (l, r) = fences {
                    return [.atom(Atom(cls: .inner, nucleus: .leftRight(delimiters: [l, r], bodies: [[body]]), range: range))]
                }
                return [body]
            case .endGroup:
                throw error(.unbalancedBraces, "unbalanced braces: this '}' closes no '{' inside \\begin{\(name)}", t.range)
            default:
                throw error(.unmatchedRight, "\\right or \\middle without a matching \\left", t.range)
            }
        }
    }

    /// Moves \tag items out of the row's cells into the array's row tags.
    func finishRow(_ row: inout [MathList], into array: inout MathArray) {
        var tag: MathList?
        for j in row.indices {
            row[j] = row[j].filter { item in
                if case .tag(let body, let parenthesized) = item {
                    tag = parenthesized ? [.atom(Atom(cls: .ord, nucleus: .text("("), range: 0..<0))] + body
                        + [.atom(Atom(cls: .ord, nucleus: .text(")"), range: 0..<0))] : body
                    return false
                }
                return true
            }
        }
        array.rows.append(row)
        array.tags.append(tag)
        row = []
    }

    mutating func expectEnd(_ name: String, _ nameRange: SourceRange) throws {
        guard let t = peek() else { throw error(.badEnvironment, "\\begin{\(name)} is never closed by \\end{\(name)}", nameRange) }
        guard t.kind == .command("end") else {
            throw error(.misplacedToken, "'&' and '\\\\' are not allowed in \(name); use aligned or gathered inside it", t.range)
        }
        position += 1
        let endName = try parseEnvironmentName(t)
        guard endName == name else {
            throw error(.badEnvironment, "\\begin{\(name)} ended by \\end{\(endName)}", t.range.lowerBound..<tokens[position - 1].range.upperBound)
        }
    }

    /// An array preamble: l c r, | and : rules, @{…} material (LaTeX's array package).
    mutating func parseColumnSpec(for owner: Token) throws -> [MathArray.ColumnSpec] {
        skipSpaces()
        guard let open = peek(), open.kind == .beginGroup else {
            throw error(.missingArgument, "\(describe(owner)){array} needs a column spec such as {lcr} or {c|c}", owner.range)
        }
        position += 1
        var spec: [MathArray.ColumnSpec] = []
        while let t = peek() {
            position += 1
            switch t.kind {
            case .endGroup:
                guard spec.contains(where: { if case .column = $0 { return true } else { return false } }) else {
                    throw error(.badEnvironment, "the array column spec has no column; expected l, c or r", open.range.lowerBound..<t.range.upperBound)
                }
                return spec
            case .space: continue
            case .char("l"): spec.append(.column(.left))
            case .char("c"): spec.append(.column(.center))
            case .char("r"): spec.append(.column(.right))
            case .char("|"): spec.append(.rule(dashed: false))
            case .char(":"): spec.append(.rule(dashed: true))
            case .char("@"):
                guard let g = peek(), g.kind == .beginGroup else {
                    throw error(.badEnvironment, "'@' in an array spec must be followed by {material}", t.range)
                }
                spec.append(.separator(try parseGroup()))
            default:
                throw error(.badEnvironment, "unknown column type '\(t.text)' in the array spec; expected l, c, r, |, : or @{…}", t.range)
            }
        }
        throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range)
    }

    /// \substack{a \\ b}: amsmath's centred subarray.
    mutating func parseSubstack(_ token: Token) throws -> MathList {
        skipSpaces()
        guard let open = peek(), open.kind == .beginGroup else {
            throw error(.missingArgument, "missing argument for \\substack: expected {line \\\\ line}", token.range)
        }
        position += 1
        var rows: [[MathList]] = []
        while true {
            rows.append([try parseList(stopAtBracket: false)])
            guard let t = peek() else { throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range) }
            position += 1
            switch t.kind {
            case .command("\\"): continue
            case .endGroup:
                var array = MathArray(kind: .subarray, rows: rows)
                array.columns = [.column(.center)]
                return atom(.ord, .array(array), from: token)
            default:
                throw error(.misplacedToken, "only '\\\\' separates the lines of \\substack", t.range)
            }
        }
    }
}
