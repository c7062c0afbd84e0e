import Foundation
import func FigureModel.typographicMinus

// Text for places that take no markup and are read aloud or indexed (alt text, SVG <title>/<desc>,
// PDF /Alt, Title and Subject): formulas as the characters of their MathML, not their TeX source.
// Here, below the renderer and the handouts, so a figure's generated description and a handout's
// prose are spoken by one rule.

/// A label or description that may mix prose and `$…$` (a plot spec's title, legend names and axis
/// labels reach its generated description as written): each formula as `speakableMath`, the prose
/// as typeset text (a value's minus is U+2212, `typographicMinus`, as the figure draws it), an
/// escaped `\$` as a dollar. Lines are joined by a space. Text whose `$` do not pair stays as written.
public func speakableLabel(_ text: String) -> String {
    guard text.contains("$") else { return typographicMinus(text).replacingOccurrences(of: "\n", with: " ") }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard let segments = try? splitInlineMath(String(line)) else { return String(line) }
        return segments.map { segment -> String in
            switch segment {
            case .text(let t): typographicMinus(t)
            case .math(let tex, _): speakableMath(tex)
            }
        }.joined()
    }.joined(separator: " ")
}

/// A formula's text: its MathML's characters without the TeX annotation, mathematical alphabets
/// folded to plain letters (NFKC: 𝑥 → x, ₂ → 2), a space between two tokens that would otherwise
/// run together as one word (`log` `2` `p`). The TeX itself when it does not parse.
public func speakableMath(_ tex: String) -> String {
    guard let list = try? MathParser.parse(tex) else { return tex }
    return mathMLText(mathML(list, source: tex, display: false))
}

/// A formula's MathML as plain text, spaced as TeX spaces the atoms (TeXbook chapter 18, the
/// spacing table of Appendix G, with each nonzero space written as one space): around a relation
/// (`H(p) = −∑`), around a binary operator unless it is unary (`x − 0.12`, but `= −0.12`), after a
/// comma, and around an operator name (`p(x) log p(x)`); two letters or digits that would run
/// together as one word also get one.
public func mathMLText(_ markup: String) -> String {
    var tokens: [(text: String, tag: String)] = []
    var rest = Substring(markup)
    // The annotation repeats the source; only the presentation is text.
    if let a = rest.range(of: "<annotation"), let e = rest.range(of: "</annotation>") {
        rest = rest[..<a.lowerBound] + rest[e.upperBound...]
    }
    var current = "", tag = "", openTag = ""
    var inTag = false
    for c in rest {
        if c == "<" {
            inTag = true; tag = ""
            if !current.isEmpty { tokens.append((current, openTag)); current = "" }
        } else if c == ">" {
            inTag = false
            if !tag.hasPrefix("/") { openTag = String(tag.prefix { $0 != " " }) }
        } else if inTag {
            tag.append(c)
        } else {
            current.append(c)
        }
    }
    if !current.isEmpty { tokens.append((current, openTag)) }
    enum Kind { case none, ord, unary, op, bin, rel, open, punct }
    var out = ""
    var previous = Kind.none
    for (raw, tag) in tokens {
        // The entities `escapeXML` writes, back to their characters (&amp; last).
        let token = raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            .precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { continue }
        var kind = Kind.ord
        if tag == "mo" {
            // The class unicode-math gives the character, as the parser does for its command.
            switch CommandTable.symbolClass[token] {
            case .rel?: kind = .rel
            // Rule 5 of Appendix G: a Bin after nothing, an Op, Bin, Rel, Open or Punct is an Ord.
            case .bin?: kind = [.none, .op, .bin, .rel, .open, .punct].contains(previous) ? .unary : .bin
            case .open?: kind = .open
            case .punct?: kind = .punct
            default: break
            }
        } else if tag == "mi", token.count > 1, token.allSatisfy(\.isLetter) {
            kind = .op
        }
        let spaced: Bool = {
            // A sign stays on what it signs (−0.12, −log p), although TeX puts a thin space before an Op.
            if previous == .unary { return false }
            switch kind {
            case .rel, .bin: return previous != .none
            case .op: return previous != .none && previous != .open
            default: return [.rel, .bin, .punct].contains(previous) || (previous == .op && token != "(")
            }
        }()
        if spaced {
            if out.last != " " { out += " " }
        } else if let last = out.last, let first = token.first, last.isLetter || last.isNumber, first.isLetter || first.isNumber {
            out += " "
        }
        out += token
        previous = kind
    }
    return out
}
