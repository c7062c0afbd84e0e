/// The one escaper for XML and HTML text and attribute values (SVG, the gallery page).
/// Characters XML 1.0 does not allow (C0 controls other than tab, newline, return) are dropped.
public func escapeXML(_ s: String) -> String {
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
