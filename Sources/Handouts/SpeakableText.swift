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
