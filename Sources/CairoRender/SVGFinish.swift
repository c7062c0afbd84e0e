import Foundation

/// Makes cairo's SVG fit for inlining in web pages:
/// - ids (`glyph0-1`, `clip1`, `surface3`, `image5`…) come from process-wide counters, so the same
///   figure gets different ids when drawn fifth. They are renumbered in order of appearance, then
///   prefixed with a hash of the renumbered document, so two different figures on one page never
///   collide and the same figure is byte-identical wherever it was drawn;
/// - `role="img"`, `aria-labelledby`, `<title>` and `<desc>` make it accessible;
/// - the viewBox stays, so CSS can scale it; width/height stay in points.
func finishSVG(_ svg: Data, title: String, description: String) -> Data {
    // cairo 1.16 drops the nearest-neighbour filter in SVG; say it with image-rendering (the SVG 1.1
    // attribute for older renderers, the CSS value for browsers) so heatmap cells stay crisp.
    let crisp = replaceAll([UInt8](svg), Array("<image ".utf8),
                           Array("<image image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" ".utf8))
    // cairo writes six decimals; a hundredth of a point (1/7200 in) is below any output's
    // resolution, so path data and glyph positions are rounded to two (about a third smaller).
    let bytes = dropDefaultStyles(roundCoordinates(crisp))
    // Pass 1: ids in order of definition.
    var order: [String: Int] = [:]
    scanIds(bytes) { name in if order[name] == nil { order[name] = order.count + 1 } }
    let canonical = rewriteIds(bytes) { name in order[name].map { "i\($0)" } }
    var hasher = FNV1a()
    hasher.add(canonical)
    hasher.add(Array(title.utf8)); hasher.add([0]); hasher.add(Array(description.utf8))
    let prefix = "f" + String(hasher.value & 0xFFFF_FFFF, radix: 16).leftPadded(to: 8)
    var out = rewriteIds(canonical) { name in name.hasPrefix("i") ? "\(prefix)-\(name.dropFirst())" : nil }
    // Accessibility: attributes on the root element and title/desc as its first children.
    if let start = find(out, Array("<svg".utf8), from: 0), let end = out[start...].firstIndex(of: UInt8(ascii: ">")) {
        let attrs = " role=\"img\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\""
        let head = "\n<title id=\"\(prefix)-title\">\(escapeXML(title))</title>\n<desc id=\"\(prefix)-desc\">\(escapeXML(description))</desc>"
        out.replaceSubrange(end...end, with: Array((attrs + ">" + head).utf8))
    }
    return Data(out)
}

private let coordinateAttributes = [Array(" d=\"".utf8), Array(" x=\"".utf8), Array(" y=\"".utf8)]

/// Rounds every decimal number inside `d`, `x` and `y` attribute values to two decimals. Other
/// attributes (transform matrices, whose scale factors multiply image sizes) are left exact.
func roundCoordinates(_ b: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var i = 0
    let quote = UInt8(ascii: "\""), dot = UInt8(ascii: "."), minus = UInt8(ascii: "-")
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    while i < b.count {
        guard let attr = coordinateAttributes.first(where: { matches(b, i, $0) }) else {
            out.append(b[i]); i += 1; continue
        }
        out.append(contentsOf: attr)
        i += attr.count
        while i < b.count && b[i] != quote {
            let c = b[i]
            if isDigit(c) || (c == minus && i + 1 < b.count && isDigit(b[i + 1])) {
                var j = i + 1
                while j < b.count && isDigit(b[j]) { j += 1 }
                if j < b.count && b[j] == dot {
                    var k = j + 1
                    while k < b.count && isDigit(b[k]) { k += 1 }
                    if k - j - 1 > 2, let v = Double(String(decoding: b[i..<k], as: UTF8.self)) {
                        out.append(contentsOf: Array(shortDecimal(v).utf8))
                    } else {
                        out.append(contentsOf: b[i..<k])
                    }
                    i = k
                } else {
                    out.append(contentsOf: b[i..<j])
                    i = j
                }
            } else {
                out.append(c); i += 1
            }
        }
    }
    return out
}

/// v to two decimals without trailing zeros; never "-0".
func shortDecimal(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == 0 { return "0" }
    var s = String(format: "%.2f", r)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}

private func replaceAll(_ b: [UInt8], _ needle: [UInt8], _ with: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 256)
    var i = 0
    while i < b.count {
        if matches(b, i, needle) { out += with; i += needle.count } else { out.append(b[i]); i += 1 }
    }
    return out
}

private struct FNV1a {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add(_ bytes: [UInt8]) {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    }
}

private extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

/// Escapes text for XML and HTML text and attribute values (and for Pango markup, which is XML).
public func escapeXML(_ s: String) -> String {
    var o = ""
    o.reserveCapacity(s.count)
    for ch in s {
        switch ch {
        case "&": o += "&amp;"
        case "<": o += "&lt;"
        case ">": o += "&gt;"
        case "\"": o += "&quot;"
        case "'": o += "&#39;"
        default: o.append(ch)
        }
    }
    return o
}

private func find(_ hay: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
    guard needle.count <= hay.count else { return nil }
    var i = from
    while i + needle.count <= hay.count {
        if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        i += 1
    }
    return nil
}

private let idToken = Array(" id=\"".utf8)
private let refTokens = [Array("href=\"#".utf8), Array("url(#".utf8)]

private func matches(_ b: [UInt8], _ i: Int, _ t: [UInt8]) -> Bool {
    i + t.count <= b.count && b[i] == t[0] && b[i..<(i + t.count)].elementsEqual(t)
}

private func scanIds(_ b: [UInt8], _ visit: (String) -> Void) {
    var i = 0
    while i < b.count {
        if matches(b, i, idToken) {
            let s = i + idToken.count
            var e = s
            while e < b.count && b[e] != UInt8(ascii: "\"") { e += 1 }
            visit(String(decoding: b[s..<e], as: UTF8.self))
            i = e
        } else { i += 1 }
    }
}

/// Replaces every id definition and every `href="#…"` / `url(#…)` reference for which `map` gives a name.
private func rewriteIds(_ b: [UInt8], _ map: (String) -> String?) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 4096)
    var i = 0
    while i < b.count {
        var token: [UInt8]? = nil
        if matches(b, i, idToken) { token = idToken } else {
            for t in refTokens where matches(b, i, t) { token = t; break }
        }
        guard let t = token else { out.append(b[i]); i += 1; continue }
        out.append(contentsOf: t)
        let s = i + t.count
        var e = s
        while e < b.count && b[e] != UInt8(ascii: "\"") && b[e] != UInt8(ascii: ")") { e += 1 }
        let name = String(decoding: b[s..<e], as: UTF8.self)
        if let n = map(name) { out.append(contentsOf: Array(n.utf8)) } else { out.append(contentsOf: b[s..<e]) }
        i = e
    }
    return out
}
