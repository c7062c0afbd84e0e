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

public func mathMLText(_ markup: String) -> String {
    var tokens: [String] = []
    var rest = Substring(markup)
    // The annotation repeats the source; only the presentation is text.
    if let a = rest.range(of: "<annotation"), let e = rest.range(of: "</annotation>") {
        rest = rest[..<a.lowerBound] + rest[e.upperBound...]
    }
    var current = ""
    var inTag = false
    for c in rest {
        if c == "<" {
            inTag = true
            if !current.isEmpty { tokens.append(current); current = "" }
        } else if c == ">" {
            inTag = false
        } else if !inTag {
            current.append(c)
        }
    }
    if !current.isEmpty { tokens.append(current) }
    var out = ""
    for raw in tokens {
        // The entities `escapeXML` writes, back to their characters (&amp; last).
        let token = raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            .precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { continue }
        if let last = out.last, let first = token.first, last.isLetter || last.isNumber, first.isLetter || first.isNumber {
            out += " "
        }
        out += token
    }
    return out
}

