import Foundation

/// U+2212 MINUS SIGN: typographically correct and the same width as `+`, unlike the hyphen.
public let minusSign = "\u{2212}"

/// How a negative number's sign is written: typeset text (figure labels, prose, descriptions) takes
/// U+2212 MINUS SIGN; data (TeX source inside `$…$`, JSON, CSV) takes the ASCII hyphen-minus its
/// readers parse. Prose and the figure beside it therefore print −0.12 alike.
public enum MinusSign: Sendable, Hashable { case typeset, ascii }

/// `value` with `decimals` digits after the point, trailing zeros removed when `trimmed`: the one
/// place numbers are written with fixed decimals. A value that rounds to zero prints unsigned
/// ("-0.000" would read as a negative result), infinity as ∞.
public func fixedDecimal(_ value: Double, decimals: Int, trimmed: Bool = false, minus: MinusSign = .typeset) -> String {
    if value.isNaN { return "NaN" }
    let sign = minus == .typeset ? minusSign : "-"
    if value.isInfinite { return value > 0 ? "∞" : sign + "∞" }
    var s = String(format: "%.\(max(decimals, 0))f", value)
    let negative = s.hasPrefix("-")
    if negative { s.removeFirst() }
    if trimmed, s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
    }
    if negative, !s.allSatisfy({ $0 == "0" || $0 == "." }) { s = sign + s }
    return s
}

/// Typeset text shows negative numbers with a true minus sign (U+2212): a handout's values are
/// formatted as data, with the ASCII hyphen-minus, so they stay valid TeX inside `$…$` and YAML
/// inside a plot block, and every typeset text they reach (the page's prose, a figure's labels,
/// alt text) turns that hyphen into U+2212 here, so prose and the figure beside it print −0.12
/// alike. Only a hyphen that
/// starts a word and is followed by a digit or ∞ (a value of "-inf") changes, so dates and ranges
/// (2026-11-23, 1-2) stay.
public func typographicMinus(_ s: String) -> String {
    guard s.contains("-") else { return s }
    let chars = Array(s)
    var out = ""
    for (i, c) in chars.enumerated() {
        let startsWord = i == 0 || chars[i - 1] == " " || chars[i - 1] == "(" || chars[i - 1] == "[" || chars[i - 1] == "\n"
        if c == "-", startsWord, i + 1 < chars.count, (chars[i + 1].isASCII && chars[i + 1].isNumber) || chars[i + 1] == "∞" {
            out.append("\u{2212}")
        } else {
            out.append(c)
        }
    }
    return out
}

/// Tick label for `value` on a tick grid of `step`: the fewest decimals the step needs, so
/// 0.1 + 0.2 prints as "0.3", never 0.30000000000000004; negative numbers use U+2212; very large or
/// small magnitudes use a×10ⁿ.
public func formatTick(_ value: Double, step: Double) -> String {
    guard value.isFinite, step.isFinite, step > 0 else { return formatNumber(value) }
    let mag = max(abs(value), step)
    if mag >= 1e6 || (mag < 1e-4) {
        let e = Int(floor(log10(abs(step)) + 1e-9))
        let mant = value / pow(10, Double(e))
        let s = trimmedFixed(mant, decimals: decimalsFor(step: step / pow(10, Double(e))))
        if s == "1" { return "10" + superscript(e) }
        if s == "\(minusSign)1" { return "\(minusSign)10" + superscript(e) }
        return s + "×10" + superscript(e)
    }
    return fixed(value == 0 ? 0 : value, decimals: decimalsFor(step: step))
}

/// Shortest clean text for a number that is not on a tick grid (contour levels, annotations):
/// up to `significant` significant digits, trailing zeros removed, U+2212 for minus.
public func formatNumber(_ value: Double, significant: Int = 4) -> String {
    if value == 0 || !value.isFinite { return value.isNaN ? "NaN" : (value == 0 ? "0" : (value > 0 ? "∞" : "\(minusSign)∞")) }
    let e = Int(floor(log10(abs(value))))
    if e >= 6 || e < -4 {
        let mant = value / pow(10, Double(e))
        return trimmedFixed(mant, decimals: max(significant - 1, 0)) + "×10" + superscript(e)
    }
    return trimmedFixed(value, decimals: max(significant - 1 - e, 0))
}

func decimalsFor(step: Double) -> Int {
    // Smallest number of decimals d with step·10^d an integer (to 1e-6 relative).
    for d in 0...12 {
        let s = abs(step) * pow(10, Double(d))
        if abs(s - s.rounded()) < 1e-6 * max(s, 1) { return d }
    }
    return 12
}

func fixed(_ v: Double, decimals: Int) -> String { fixedDecimal(v, decimals: decimals) }

func trimmedFixed(_ v: Double, decimals: Int) -> String { fixedDecimal(v, decimals: decimals, trimmed: true) }

func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    var out = n < 0 ? "⁻" : ""
    for ch in String(abs(n)) { if let d = ch.wholeNumberValue { out.append(digits[d]) } }
    return out
}
