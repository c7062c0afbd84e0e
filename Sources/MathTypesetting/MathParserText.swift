import Foundation

/// Text mode (\text, \textbf, \tag, \colorbox …): characters in runs, LaTeX's text symbols and
/// accents, nested `$…$` math; any other command is an error naming it.
extension MathParser {
    /// Accent commands of LaTeX's text mode and the combining marks they put on a letter.
    static let textAccents: [String: String] = [
        "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}", "=": "\u{0304}",
        ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "r": "\u{030A}",
        "k": "\u{0328}", "d": "\u{0323}", "b": "\u{0331}",
    ]

    /// Text symbols of the LaTeX kernel (ltoutenc.dtx / textcomp) by name.
    static let textSymbols: [String: String] = [
        "$": "$", "%": "%", "&": "&", "#": "#", "_": "_", "{": "{", "}": "}", "textbackslash": "\\",
        "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—",
        "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
        "textasciitilde": "~", "textasciicircum": "^", "textbar": "|", "textless": "<", "textgreater": ">",
        "textunderscore": "_", "textdollar": "$", "textdegree": "°", "S": "§", "P": "¶", "dag": "†", "ddag": "‡",
        "copyright": "©", "pounds": "£", "i": "ı", "j": "ȷ", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ",
        "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "textbullet": "•",
        "textbardbl": "‖", "textbraceleft": "{", "textbraceright": "}", "textdagger": "†", "textdaggerdbl": "‡",
        "textregistered": "®", "textsterling": "£",
    ]

    /// The argument of a text-mode command.
    mutating func parseTextArgument(for owner: Token, face: MathAlphabet) throws -> MathList {
        skipSpaces()
        guard let open = peek() else { throw error(.missingArgument, "missing argument for \(describe(owner))", owner.range) }
        guard open.kind == .beginGroup else {
            if case .char(let c) = open.kind {
                position += 1
                return [.atom(Atom(cls: .ord, nucleus: .text(faced(String(c), face)), range: open.range))]
            }
            throw error(.missingArgument, "missing argument for \(describe(owner)): expected {text}", owner.range)
        }
        position += 1
        defer { depth -= 1 }
        try enterNesting()
        return try parseTextGroup(open: open, face: face)
    }

    func faced(_ s: String, _ face: MathAlphabet) -> String {
        face == .roman ? s : String(String.UnicodeScalarView(s.unicodeScalars.map { face.map($0) }))
    }

    /// Text up to the `}` that closes `open` (already consumed).
    mutating func parseTextGroup(open: Token, face: MathAlphabet) throws -> MathList {
        var items: MathList = []
        var run = ""
        var runStart: Int?
        var runEnd = 0
        func flush() {
            guard !run.isEmpty else { return }
            // LaTeX's text ligatures: -- – and --- —, `` “ and '' ”.
            let text = run.replacingOccurrences(of: "---", with: "—").replacingOccurrences(of: "--", with: "–")
                .replacingOccurrences(of: "``", with: "“").replacingOccurrences(of: "’’", with: "”")
                .replacingOccurrences(of: "`", with: "‘")
            items.append(.atom(Atom(cls: .ord, nucleus: .text(faced(text, face)), range: (runStart ?? 0)..<runEnd)))
            run = ""; runStart = nil
        }
        func add(_ s: String, _ t: Token) {
            if runStart == nil { runStart = t.range.lowerBound }
            run += s; runEnd = t.range.upperBound
        }
        while let t = peek() {
            position += 1
            switch t.kind {
            case .endGroup:
                flush()
                return items
            case .beginGroup:
                flush()
                items.append(contentsOf: try parseTextGroup(open: t, face: face))
            case .space:
                if !run.hasSuffix(" ") { add(" ", t) }
            case .prime:
                add("’", t)
            case .char("$"):
                flush()
                items.append(try parseMathInText(opener: t, closer: .char("$"), "this '$' opens math inside text that is never closed by another '$'"))
            case .char(let c):
                add(String(c), t)
            case .superscript, .subscriptToken:
                throw error(.misplacedToken, "\(describe(t)) is only allowed in math; inside text write $x^2$", t.range)
            case .alignment:
                throw error(.misplacedToken, "'&' inside text; write \\& for an ampersand", t.range)
            case .command(let name):
                if try expandMacro(name, t) { continue }
                if let s = Self.textSymbols[name] { add(s, t); continue }
                if name == " " { add(" ", t); continue }   // "\ " and "~"
                if let mark = Self.textAccents[name] {
                    let base = try parseRawGroup(for: t)
                    let letter = Self.textSymbols[String(base.text.dropFirst())] ?? base.text
                    add((letter + mark).precomposedStringWithCanonicalMapping, t)
                    runEnd = base.range.upperBound
                    continue
                }
                flush()
                switch CommandTable.lookUp(name)?.rule {
                case .space(let mu)?:
                    items.append(.space(mu: mu))
                case .kern?:
                    items.append(.kern(try parseLength(for: t, braced: name.hasPrefix("hspace"))))
                case .text(let inner)?:
                    // \textbf inside \textit and so on: the inner face wins (no bold italic text font).
                    items.append(contentsOf: try parseTextArgument(for: t, face: inner == .roman ? face : inner))
                case .textcolor?:
                    let color = try parseColor(for: t)
                    let body = try parseTextArgument(for: t, face: face)
                    items.append(.atom(Atom(cls: .ord, nucleus: .colored(body, color), range: range(from: t))))
                case .sizing(let f)?:
                    items.append(.sizing(f))
                case .cancel(let stroke)?:
                    // cancel.sty's text-mode form: \hbox{#1} struck through.
                    items.append(.atom(Atom(cls: .ord, nucleus: .cancel(try parseTextArgument(for: t, face: face), stroke), range: range(from: t))))
                case .strikeout?:
                    items.append(.atom(Atom(cls: .ord, nucleus: .strikeout(try parseTextArgument(for: t, face: face)), range: range(from: t))))
                case .lap(let side, false)?:
                    items.append(.atom(Atom(cls: .ord, nucleus: .lap(try parseTextArgument(for: t, face: face), side), range: range(from: t))))
                case .raisebox?:
                    items.append(contentsOf: try parseRaisebox(t, face: face))
                case .textcircled?:
                    items.append(.atom(Atom(cls: .ord, nucleus: .circled(try parseTextArgument(for: t, face: face)), range: range(from: t))))
                case .logo(let logo)?:
                    items.append(.atom(Atom(cls: .ord, nucleus: .logo(logo), range: t.range)))
                case .verb(let visible)?:
                    items.append(contentsOf: try parseVerb(t, visibleSpaces: visible))
                case nil where name == "(":
                    // LaTeX's \( … \): math inside text, as $ … $.
                    items.append(try parseMathInText(opener: t, closer: .command(")"), "this '\\(' opens math inside text that is never closed by '\\)'"))
                default:
                    throw error(.unknownCommand, "unknown command \\\(name) in text (inside \\text and friends only text commands, accents such as \\'e, and $…$ math work)", t.range)
                }
            }
        }
        throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range)
    }

    /// `$…$` or `\(…\)` inside text: a math list up to `closer` (parseList stops there while dollarDepth > 0).
    mutating func parseMathInText(opener: Token, closer: Token.Kind, _ unclosed: String) throws -> MathItem {
        dollarDepth += 1
        let math = try parseList(stopAtBracket: false)
        dollarDepth -= 1
        guard let close = peek(), close.kind == closer else { throw error(.unbalancedBraces, unclosed, opener.range) }
        position += 1
        return .atom(Atom(cls: .ord, nucleus: .list(math), range: opener.range.lowerBound..<close.range.upperBound))
    }
}
