import Foundation

/// Raw arguments: braced strings, optional [..] arguments, dimensions and colours.
extension MathParser {
    /// The text of a `{…}` group (nested braces kept), or of a single token.
    mutating func parseRawGroup(for owner: Token) throws -> (text: String, range: SourceRange) {
        skipSpaces()
        guard let open = peek() else { throw error(.missingArgument, "missing argument for \(describe(owner))", owner.range) }
        guard open.kind == .beginGroup else {
            switch open.kind {
            case .char, .command:
                position += 1
                return (open.text, open.range)
            default:
                throw error(.missingArgument, "missing argument for \(describe(owner)): expected {…}", owner.range)
            }
        }
        position += 1
        var text = ""
        var level = 1
        while let t = peek() {
            position += 1
            switch t.kind {
            case .beginGroup: level += 1
            case .endGroup:
                level -= 1
                if level == 0 { return (text, open.range.lowerBound..<t.range.upperBound) }
            default: break
            }
            text += t.text
        }
        throw error(.unbalancedBraces, "unbalanced braces: this '{' is never closed", open.range)
    }

    /// `[…]` after a command, if present: its raw text.
    mutating func parseOptionalRaw() throws -> String? {
        guard let t = peekNonSpace(), t.kind == .char("[") else { return nil }
        skipSpaces()
        position += 1
        var text = ""
        while let u = peek() {
            position += 1
            if u.kind == .char("]") { return text }
            text += u.text
        }
        throw error(.unbalancedBraces, "this '[' is never closed by ']'", t.range)
    }

    /// A dimension: braced (\hspace{2em}, \rule) or TeX-style after \kern/\mkern (`-3mu`, `1.5 em`).
    mutating func parseLength(for owner: Token, braced: Bool) throws -> MathLength {
        if braced || peekNonSpace()?.kind == .beginGroup {
            let raw = try parseRawGroup(for: owner)
            return try length(from: raw.text, raw.range)
        }
        skipSpaces()
        var text = ""
        let start = peek()?.range.lowerBound ?? owner.range.upperBound
        var end = start
        var unitLetters = 0
        while let t = peek() {
            guard case .char(let c) = t.kind else {
                if t.kind == .space, unitLetters == 0 { position += 1; continue }
                break
            }
            if c.isLetter { if unitLetters == 2 { break }; unitLetters += 1 }
            else if unitLetters > 0 || !(c.isNumber || c == "." || c == "," || c == "-" || c == "+") { break }
            text.append(c); position += 1; end = t.range.upperBound
            if unitLetters == 2 { break }
        }
        return try length(from: text, start..<max(end, start + 1))
    }

    /// Parses "1.5em", "-3 mu", "2pt plus 1fil" (stretch and shrink are ignored: math has no glue to set).
    func length(from raw: String, _ range: SourceRange) throws -> MathLength {
        var s = raw.trimmingCharacters(in: .whitespaces)
        if let plus = s.range(of: " plus") ?? s.range(of: " minus") { s = String(s[..<plus.lowerBound]) }
        s = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        let units = MathLength.Unit.allCases.map(\.rawValue)
        guard let unit = units.first(where: { s.hasSuffix($0) }), let u = MathLength.Unit(rawValue: unit) else {
            throw error(.badLength, "'\(raw)' is not a TeX dimension; expected a number and a unit, e.g. 2pt, 0.5em, 3mu (units: \(units.joined(separator: " ")))", range)
        }
        var number = String(s.dropLast(unit.count))
        if number.isEmpty || number == "-" || number == "+" { number += "1" }
        guard let value = Double(number), value.isFinite, abs(value) <= 16383 else {
            throw error(.badLength, "'\(raw)' is not a TeX dimension; expected a number (at most 16383, TeX's limit) and a unit", range)
        }
        return MathLength(value, u)
    }

    /// \color{red}, \color{#1f77b4}, \color[HTML]{1F77B4}, \color[rgb]{0.1,0.5,0.7}, \color[RGB]{…}, \color[gray]{0.5}.
    mutating func parseColor(for owner: Token) throws -> MathRGBA {
        let model = try parseOptionalRaw()?.trimmingCharacters(in: .whitespaces)
        let raw = try parseRawGroup(for: owner)
        let text = raw.text.trimmingCharacters(in: .whitespaces)
        let expected = "expected an xcolor or CSS name (\(MathColors.names.keys.sorted().prefix(8).joined(separator: ", ")), aqua …), #RRGGBB, or [rgb]{r,g,b}"
        func components(_ n: Int, scale: Double) throws -> [Double] {
            let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == n, parts.allSatisfy({ $0 != nil && $0! >= 0 && $0! <= scale }) else {
                throw error(.badColor, "'\(text)' is not a colour in the \(model ?? "") model; \(expected)", raw.range)
            }
            return parts.map { $0! / scale }
        }
        switch model {
        case "rgb"?: let c = try components(3, scale: 1); return MathRGBA(c[0], c[1], c[2])
        case "RGB"?: let c = try components(3, scale: 255); return MathRGBA(c[0], c[1], c[2])
        case "gray"?: let c = try components(1, scale: 1); return MathRGBA(c[0], c[0], c[0])
        case "HTML"?:
            if let c = MathColors.hex(text) { return c }
        case nil:
            if let c = MathColors.named(text) ?? (text.hasPrefix("#") ? MathColors.hex(String(text.dropFirst())) : nil) { return c }
        default:
            throw error(.badColor, "unknown colour model '\(model ?? "")'; expected rgb, RGB, HTML or gray", raw.range)
        }
        throw error(.badColor, "unknown colour '\(text)'; \(expected)", raw.range)
    }
}

/// Colour names: xcolor's base set (xcolor.sty \definecolor, values as there).
enum MathColors {
    static let names: [String: MathRGBA] = [
        "red": MathRGBA(1, 0, 0), "green": MathRGBA(0, 1, 0), "blue": MathRGBA(0, 0, 1), "cyan": MathRGBA(0, 1, 1),
        "magenta": MathRGBA(1, 0, 1), "yellow": MathRGBA(1, 1, 0), "black": MathRGBA(0, 0, 0), "white": MathRGBA(1, 1, 1),
        "gray": MathRGBA(0.5, 0.5, 0.5), "darkgray": MathRGBA(0.25, 0.25, 0.25), "lightgray": MathRGBA(0.75, 0.75, 0.75),
        "brown": MathRGBA(0.75, 0.5, 0.25), "lime": MathRGBA(0.75, 1, 0), "olive": MathRGBA(0.5, 0.5, 0),
        "orange": MathRGBA(1, 0.5, 0), "pink": MathRGBA(1, 0.75, 0.75), "purple": MathRGBA(0.75, 0, 0.25),
        "teal": MathRGBA(0, 0.5, 0.5), "violet": MathRGBA(0.5, 0, 0.5),
    ]

    /// xcolor's names (what a LaTeX document means by them: xcolor's green is 0 1 0, CSS's 0 0.5 0),
    /// then CSS's named colours, which KaTeX accepts (aqua, rebeccapurple …).
    static func named(_ name: String) -> MathRGBA? {
        if let c = names[name] { return c }
        guard let v = CSSColorNames.table[name.lowercased()] else { return nil }
        return MathRGBA(Double((v >> 16) & 0xFF) / 255, Double((v >> 8) & 0xFF) / 255, Double(v & 0xFF) / 255)
    }

    /// RRGGBB or RGB hex digits.
    static func hex(_ s: String) -> MathRGBA? {
        var digits = s
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let v = UInt32(digits, radix: 16) else { return nil }
        return MathRGBA(Double((v >> 16) & 0xFF) / 255, Double((v >> 8) & 0xFF) / 255, Double(v & 0xFF) / 255)
    }
}
