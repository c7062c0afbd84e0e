import Foundation
import MathTypesetting
import func FigureModel.typographicMinus

/// Inlines as plain text for places that take no markup (alt text, `aria-label`, the index's
/// one-line descriptions, `<meta name="description">`): formulas as the characters of their
/// MathML (`p(x,y)`, `−log 2 p`) rather than their TeX source, which nobody wants read aloud.
func speakableText(_ content: [Inline]) -> String {
    var out = ""
    for inline in content {
        switch inline {
        // Prose as it is typeset: a value's minus is U+2212, as on the page and in the figure.
        case .text(let s): out += typographicMinus(s)
        case .code(let s): out += s
        case .emph(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c): out += speakableText(c)
        case .math(let m): out += speakableMath(m.tex)
        case .ref(let r): out += r.text
        case .footnoteRef: break
        case .softBreak, .lineBreak: out += " "
        }
    }
    return out
}

/// A formula's text: its MathML's characters without the TeX annotation, mathematical alphabets
/// folded to plain letters (NFKC: 𝑥 → x, ₂ → 2), a space between two tokens that would otherwise
/// run together as one word (`log` `2` `p`). The TeX itself when it does not parse.
func speakableMath(_ tex: String) -> String {
    guard let list = try? MathParser.parse(tex) else { return tex }
    return mathMLText(mathML(list, source: tex, display: false))
}

func mathMLText(_ markup: String) -> String {
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

/// The first sentence of a text, at most `limit` characters (cut at a word, with an ellipsis):
/// the index's one-line description of a handout.
func firstSentence(_ text: String, limit: Int = 160) -> String {
    let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    var sentence = flat
    // A period, question or exclamation mark followed by a space ends the sentence.
    var previous: Character = " "
    for (k, c) in flat.enumerated() {
        if c == " ", previous == "." || previous == "?" || previous == "!" {
            sentence = String(flat.prefix(k))
            break
        }
        previous = c
    }
    guard sentence.count > limit else { return sentence }
    let cut = sentence.prefix(limit)
    let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
    return word.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
}
