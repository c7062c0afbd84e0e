/// The one escaper for XML and HTML text and attribute values (SVG, MathML, the handout and deck
/// web pages, the gallery and the index). Characters XML 1.0 does not allow (C0 controls other
/// than tab, newline, return) are dropped.
public func escapeXML(_ s: String) -> String {
    // Most texts (words, numbers, TeX) need nothing: returned as they are, without a copy.
    guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 }) else { return s }
    var o = ""
    o.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
        switch ch {
        case "&": o += "&amp;"
        case "<": o += "&lt;"
        case ">": o += "&gt;"
        case "\"": o += "&quot;"
        case "'": o += "&#39;"
        case "\t", "\n", "\r": o.unicodeScalars.append(ch)
        default: if ch.value >= 0x20 { o.unicodeScalars.append(ch) }
        }
    }
    return o
}
