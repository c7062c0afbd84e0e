import Foundation
import InfoRequests

/// `+` with text on either side joins the two (`'p^{' + h + '}'`), so a label can be put together
/// from parts; a number in it prints whole numbers without a fraction and others in Swift's
/// shortest round-trip form (`{{x:3}}` in a text is the way to print decimals). nil when neither
/// side is text, or the other side is no number or text (then it is arithmetic, or its error).
func joinedText(_ a: JSONValue, _ b: JSONValue) -> JSONValue? {
    func isText(_ v: JSONValue) -> Bool { if case .string = v { true } else { false } }
    guard isText(a) || isText(b), let l = plainText(a), let r = plainText(b) else { return nil }
    return .string(l + r)
}

private func plainText(_ v: JSONValue) -> String? {
    switch v {
    case .string(let s): s
    case .number(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    default: nil
    }
}

/// Superscript forms of the characters an exponent is written with.
private let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
    "-": "⁻", "+": "⁺", "(": "⁽", ")": "⁾", "=": "⁼", "n": "ⁿ", "i": "ⁱ"]

/// Functions of text, one entry each: `superscript(4)` is "⁴", for exponents in alt text, which
/// has no TeX (`'p' + superscript(h)`).
let textFunctions: [String: (signature: String, apply: @Sendable (JSONValue, Int) throws -> JSONValue)] = [
    "superscript": ("superscript(x)", { v, column in
        guard let s = plainText(v), s.allSatisfy({ superscripts[$0] != nil }) else {
            throw ExpressionError(column: column, "superscript(x) takes a number or text of digits, signs and parentheses, got \(v.serialized)")
        }
        return .string(String(s.map { superscripts[$0]! }))
    }),
]
