/// amscd's CD environment: objects separated by @-arrows, rows by \\ (amscd.sty).
extension MathParser {
    /// amscd's \atdef@ definitions, cell by cell: a horizontal arrow is `&\enskip arrow\enskip&`, a
    /// vertical one `\llap{label}\Big\downarrow\rlap{label}&&`, `@.` is `&&`. So objects and vertical
    /// arrows fall in the even columns and horizontal arrows in the odd ones, as in the package.
    mutating func parseCD(name: String, nameRange: SourceRange, _ token: Token) throws -> MathList {
        var rows: [[MathList]] = []
        var row: [MathList] = []
        var cell: MathList = []
        let enskip = MathItem.kern(MathLength(0.5, .em))   // \enskip: \kern.5em
        func endCell() { row.append(cell); cell = [] }
        while true {
            let saved = stopCharacter
            stopCharacter = "@"
            cell += try parseList(stopAtBracket: false)
            stopCharacter = saved
            guard let t = peek() else {
                throw error(.badEnvironment, "\\begin{\(name)} is never closed by \\end{\(name)}", nameRange)
            }
            position += 1
            switch t.kind {
            case .char("@"):
                guard let k = peek() else { throw error(.badEnvironment, "'@' at the end of the CD environment; expected an arrow such as @>>>", t.range) }
                position += 1
                let arrowRange = t.range.lowerBound..<k.range.upperBound
                switch k.kind {
                case .char(let d) where ">)<(".contains(d):
                    // amscd: @) and @( are other names for @> and @<.
                    let above = try parseCDLabel(until: d, t)
                    let below = try parseCDLabel(until: d, t)
                    endCell()
                    let arrow = CDArrow.horizontal(d == ">" || d == ")" ? "→" : "←", above: above, below: below)
                    row.append([enskip, .atom(Atom(cls: .rel, nucleus: .cdArrow(arrow), range: range(from: t))), enskip])
                case .char(let d) where d == "A" || d == "V":
                    let left = try parseCDLabel(until: d, t)
                    let right = try parseCDLabel(until: d, t)
                    cell += verticalCDArrow(d == "A" ? "↑" : "↓", left: left, right: right, range(from: t))
                    endCell(); row.append([])
                case .char("="):
                    endCell()
                    row.append([enskip, .atom(Atom(cls: .rel, nucleus: .cdArrow(.equals), range: arrowRange)), enskip])
                case .char("|"), .command("vert"):
                    cell.append(.atom(Atom(cls: .ord, nucleus: .sizedDelimiter("‖", size: 2), range: arrowRange)))
                    endCell(); row.append([])
                case .char("."):
                    endCell(); row.append([])
                default:
                    throw error(.badEnvironment, "unknown CD arrow '@\(k.text)'; expected @>>>, @<<<, @VVV, @AAA, @=, @| or @.", arrowRange)
                }
            case .command("\\"), .command("cr"):
                endCell(); rows.append(row); row = []
            case .command("end"):
                let endName = try parseEnvironmentName(t)
                guard endName == name else {
                    throw error(.badEnvironment, "\\begin{\(name)} ended by \\end{\(endName)}", t.range.lowerBound..<tokens[position - 1].range.upperBound)
                }
                if !cell.isEmpty || !row.isEmpty { endCell(); rows.append(row) }
                var array = MathArray(kind: .commutativeDiagram, rows: rows)
                array.columns = Array(repeating: .column(.center), count: rows.map(\.count).max() ?? 0)
                return [.atom(Atom(cls: .ord, nucleus: .array(array), range: token.range.lowerBound..<tokens[position - 1].range.upperBound))]
            case .alignment:
                throw error(.misplacedToken, "'&' is not used in CD: the arrows @>>>, @VVV … separate the objects", t.range)
            case .endGroup:
                throw error(.unbalancedBraces, "unbalanced braces: this '}' closes no '{' inside \\begin{\(name)}", t.range)
            default:
                throw error(.unmatchedRight, "\\right or \\middle without a matching \\left", t.range)
            }
        }
    }

    /// A label of an @-arrow, delimited by the arrow's character (braces hide it).
    mutating func parseCDLabel(until delimiter: Character, _ at: Token) throws -> MathList {
        let saved = stopCharacter
        stopCharacter = delimiter
        defer { stopCharacter = saved }
        let label = try parseList(stopAtBracket: false)
        guard let close = peek(), close.kind == .char(delimiter) else {
            throw error(.badEnvironment, "this CD arrow's label is not closed by '\(delimiter)' (write @\(delimiter)label\(delimiter)label\(delimiter))", at.range)
        }
        position += 1
        return label
    }

    /// amscd: \llap{$\vcenter{\hbox{$\scriptstyle#1$}}$}\Big\downarrow\rlap{$\vcenter{\hbox{$\scriptstyle#2$}}$}.
    func verticalCDArrow(_ arrow: String, left: MathList, right: MathList, _ range: SourceRange) -> MathList {
        func label(_ l: MathList, _ side: LapSide) -> MathItem {
            let centred = MathItem.atom(Atom(cls: .ord, nucleus: .vcenter([.style(.script)] + l), range: range))
            return .atom(Atom(cls: .ord, nucleus: .lap([.style(.text), centred], side), range: range))
        }
        return [label(left, .left), .atom(Atom(cls: .ord, nucleus: .sizedDelimiter(arrow, size: 2), range: range)), label(right, .right)]
    }
}
