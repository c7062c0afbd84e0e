import Foundation

/// Drops style declarations that only restate SVG's initial values, which cairo writes on every path
/// (`stroke-opacity:1`, `stroke-linecap:butt`, …): a few dozen bytes per path, a tenth of a typical
/// figure. `stroke-miterlimit` only matters for mitred joins, so it goes where joins are round or
/// bevelled. A glyph outline inside `<symbol>` carries only `stroke:none`, which it would inherit
/// anyway (cairo never strokes the groups that use glyphs), so that attribute goes too.
func dropDefaultStyles(_ b: [UInt8]) -> [UInt8] {
    let styleOpen = Array(" style=\"".utf8), symbolOpen = Array("<symbol".utf8), symbolClose = Array("</symbol>".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var inSymbol = false
    var i = 0
    while i < b.count {
        if starts(b, i, symbolOpen) { inSymbol = true } else if starts(b, i, symbolClose) { inSymbol = false }
        if starts(b, i, styleOpen), let close = b[(i + styleOpen.count)...].firstIndex(of: UInt8(ascii: "\"")) {
            let value = String(decoding: b[(i + styleOpen.count)..<close], as: UTF8.self)
            let kept = simplifiedStyle(value)
            if !(inSymbol && kept == "stroke:none;") && !kept.isEmpty && kept != ";" {
                out += styleOpen + Array(kept.utf8) + [UInt8(ascii: "\"")]
            }
            i = close + 1
            continue
        }
        out.append(b[i])
        i += 1
    }
    return out
}

private let initialValues: Set<String> = ["stroke-opacity:1", "fill-opacity:1", "stroke-linecap:butt",
                                          "stroke-linejoin:miter", "opacity:1"]

private func simplifiedStyle(_ style: String) -> String {
    let declarations = style.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let mitred = !declarations.contains { $0 == "stroke-linejoin:round" || $0 == "stroke-linejoin:bevel" }
    return declarations.filter { d in
        !initialValues.contains(d) && (mitred || !d.hasPrefix("stroke-miterlimit:"))
    }.map(compactDeclaration).joined(separator: ";") + (style.hasSuffix(";") ? ";" : "")
}

/// `rgb(0%,44.705882%,69.803922%)` → `#0072b2` (colours are 8-bit in every output anyway) and widths
/// to a thousandth of a point.
private func compactDeclaration(_ d: String) -> String {
    guard let colon = d.firstIndex(of: ":") else { return d }
    let name = d[..<colon], value = d[d.index(after: colon)...]
    if value.hasPrefix("rgb("), value.hasSuffix("%)") {
        let parts = value.dropFirst(4).dropLast(1).split(separator: ",")
        let bytes = parts.compactMap { Double($0.dropLast()) }.map { Int(($0 * 2.55).rounded()) }
        if parts.count == 3, bytes.count == 3, bytes.allSatisfy({ (0...255).contains($0) }) {
            let hex = "0123456789abcdef".map { $0 }
            return name + ":#" + String(bytes.flatMap { [hex[$0 / 16], hex[$0 % 16]] })
        }
    }
    if name == "stroke-width", let w = Double(value) {
        return name + ":" + shortWidth(w)
    }
    return d
}

private func shortWidth(_ w: Double) -> String {
    let r = (w * 1000).rounded() / 1000
    return r == r.rounded() ? String(Int(r)) : String(r)
}

private func starts(_ b: [UInt8], _ i: Int, _ t: [UInt8]) -> Bool {
    guard i + t.count <= b.count else { return false }
    for k in 0..<t.count where b[i + k] != t[k] { return false }
    return true
}
