import func FigureModel.escapeXML
import func FigureModel.hexColor

/// MathML Core (W3C, 2023) for a parsed formula, with the TeX source as an annotation: what browsers
/// render natively and screen readers speak.
public func mathML(_ list: MathList, source: String, display: Bool) -> String {
    var w = MathMLWriter()
    w.display = display
    let body = w.row(list)
    return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
        + "<semantics>\(body)<annotation encoding=\"application/x-tex\">\(escapeXML(source))</annotation></semantics></math>"
}

struct MathMLWriter {
    /// The formula's style, for \mathchoice (MathML has no choice; the top-level style's list is written).
    var display = false

    mutating func row(_ list: MathList) -> String {
        // `\color{c}` colours the rest of its group (as the typesetter draws it): what follows is
        // one <mstyle mathcolor>; the switch was dropped, so `infoplot math --format mathml` lost it.
        if let k = list.firstIndex(where: { if case .color = $0 { return true } else { return false } }),
           case .color(let c) = list[k] {
            let rest = "<mstyle mathcolor=\"\(hex(c))\">\(row(Array(list[(k + 1)...])))</mstyle>"
            guard k > 0 else { return rest }
            return "<mrow>" + row(Array(list[..<k])) + rest + "</mrow>"
        }
        let parts = numbersJoined(list).compactMap { item -> String? in
            switch item {
            case .atom(let a): return atom(a)
            case .space(let mu): return "<mspace width=\"\(number(mu / 18))em\"/>"
            case .kern(let l): return l.unit == .mu ? "<mspace width=\"\(number(l.value / 18))em\"/>"
                : (l.unit == .em ? "<mspace width=\"\(number(l.value))em\"/>" : "<mspace width=\"\(number(l.value))pt\"/>")
            case .tag(let t, let p): return "<mspace width=\"2em\"/><mtext>\(p ? "(" : "")</mtext>\(row(t))<mtext>\(p ? ")" : "")</mtext>"
            case .style, .sizing, .color: return nil
            case .choice(let lists): return row(lists[display ? 0 : 1])
            }
        }
        return parts.count == 1 ? parts[0] : "<mrow>" + parts.joined() + "</mrow>"
    }

    /// The parser makes each digit an atom of its own (TeX's rule, so spacing and font are per
    /// digit); MathML writes a number as one `<mn>` (MathML Core §3.2.4: "0.12", not four), which is
    /// what a screen reader speaks as a number and what a formula's plain text shows ("x=−0.12", not
    /// "0.1 2"). A run of unscripted digit atoms, with a point only between digits, becomes one atom;
    /// the last digit's scripts stay on the joined number (`10^2`).
    func numbersJoined(_ list: MathList) -> MathList {
        func digit(_ item: MathItem?) -> Atom? {
            guard case .atom(let a)? = item, a.cls == .ord, case .symbol(let s) = a.nucleus,
                  s.count == 1, let c = s.first, c.isASCII, c.isNumber || c == "." else { return nil }
            return a
        }
        func isPoint(_ a: Atom) -> Bool { if case .symbol(let s) = a.nucleus { return s == "." } else { return false } }
        var out: MathList = []
        var i = 0
        while i < list.count {
            guard var first = digit(list[i]), !isPoint(first) || digit(i + 1 < list.count ? list[i + 1] : nil).map({ !isPoint($0) }) == true else {
                out.append(list[i]); i += 1; continue
            }
            var text = ""
            var j = i
            while j < list.count, let a = digit(list[j]) {
                // A point joins only when a digit follows it ("1." ends a sentence).
                if isPoint(a), !(j + 1 < list.count && digit(list[j + 1]).map { !isPoint($0) } == true) { break }
                if case .symbol(let s) = a.nucleus { text += s }
                first.superscript = a.superscript; first.sub = a.sub
                j += 1
                if a.superscript != nil || a.sub != nil { break }
            }
            if j - i == 1 { out.append(list[i]); i += 1; continue }
            first.nucleus = .symbol(text)
            out.append(.atom(first))
            i = j
        }
        return out
    }

    func number(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    func token(_ s: String, _ cls: AtomClass) -> String {
        let e = escapeXML(s)
        switch cls {
        case .bin, .rel, .open, .close, .punct, .inner: return "<mo>\(e)</mo>"
        case .op: return "<mi>\(e)</mi>"
        case .ord:
            if s.allSatisfy({ $0.isNumber || $0 == "." }) { return "<mn>\(e)</mn>" }
            if s.unicodeScalars.count == 1, let c = s.unicodeScalars.first, c.properties.isAlphabetic { return "<mi>\(e)</mi>" }
            return s.unicodeScalars.count > 1 ? "<mi>\(e)</mi>" : "<mo>\(e)</mo>"
        }
    }

    mutating func atom(_ a: Atom) -> String {
        var base = nucleus(a)
        let limits = a.limits == .limits || (a.cls == .op && a.limits == .automatic)
        if case .largeOperator = a.nucleus, a.limits == .automatic { base = base.replacingOccurrences(of: "<mo>", with: "<mo movablelimits=\"true\">") }
        switch (a.superscript.map { row($0) }, a.sub.map { row($0) }) {
        case (nil, nil): return base
        case (let p?, nil): return limits ? "<mover>\(base)\(p)</mover>" : "<msup>\(base)\(p)</msup>"
        case (nil, let s?): return limits ? "<munder>\(base)\(s)</munder>" : "<msub>\(base)\(s)</msub>"
        case (let p?, let s?): return limits ? "<munderover>\(base)\(s)\(p)</munderover>" : "<msubsup>\(base)\(s)\(p)</msubsup>"
        }
    }

    func fence(_ d: String) -> String { d == "." ? "" : "<mo fence=\"true\" stretchy=\"true\">\(escapeXML(d))</mo>" }

    mutating func nucleus(_ a: Atom) -> String {
        switch a.nucleus {
        case .symbol(let s): return token(s, a.cls)
        case .largeOperator(let s): return "<mo largeop=\"true\">\(escapeXML(s))</mo>"
        case .text(let s): return "<mtext>\(escapeXML(s))</mtext>"
        case .list(let l): return row(l)
        case .fraction(let f):
            let thickness = f.ruleThickness == 0 ? " linethickness=\"0\"" : ""
            var out = "<mfrac\(thickness)>\(row(f.numerator))\(row(f.denominator))</mfrac>"
            if let s = f.style { out = "<mstyle displaystyle=\"\(s == .display)\">\(out)</mstyle>" }
            if f.left != nil || f.right != nil { out = "<mrow>\(fence(f.left ?? "."))\(out)\(fence(f.right ?? "."))</mrow>" }
            return out
        case .radical(let degree, let body):
            if let degree { return "<mroot>\(row(body))\(row(degree))</mroot>" }
            return "<msqrt>\(row(body))</msqrt>"
        case .accent(let mark, let body, _): return "<mover accent=\"true\">\(row(body))<mo>\(escapeXML(mark))</mo></mover>"
        case .underAccent(let mark, let body): return "<munder accentunder=\"true\">\(row(body))<mo>\(escapeXML(mark))</mo></munder>"
        case .overline(let body): return "<mover accent=\"true\">\(row(body))<mo>‾</mo></mover>"
        case .underline(let body): return "<munder accentunder=\"true\">\(row(body))<mo>_</mo></munder>"
        case .brace(let body, let over, let glyph):
            return over ? "<mover>\(row(body))<mo stretchy=\"true\">\(glyph)</mo></mover>"
                        : "<munder>\(row(body))<mo stretchy=\"true\">\(glyph)</mo></munder>"
        case .leftRight(let delimiters, let bodies):
            var out = "<mrow>"
            for (i, d) in delimiters.enumerated() {
                out += fence(d)
                if i < bodies.count { out += row(bodies[i]) }
            }
            return out + "</mrow>"
        case .sizedDelimiter(let d, _): return "<mo>\(escapeXML(d))</mo>"
        case .array(let array):
            var out = "<mtable>"
            for (i, r) in array.rows.enumerated() {
                out += "<mtr>" + r.map { "<mtd>\(row($0))</mtd>" }.joined()
                if i < array.tags.count, let t = array.tags[i] { out += "<mtd>\(row(t))</mtd>" }
                out += "</mtr>"
            }
            return out + "</mtable>"
        case .colored(let body, let c):
            return "<mstyle mathcolor=\"\(hex(c))\">\(row(body))</mstyle>"
        case .framed(let body, let background, let frame, _):
            var style = "padding:3pt;"
            if let background { style += "background-color:\(hex(background));" }
            if let frame { style += "border:0.4pt solid \(hex(frame));" }
            return "<mrow style=\"\(style)\">\(row(body))</mrow>"
        case .phantom(let body, _, _): return "<mphantom>\(row(body))</mphantom>"
        case .smash(let body, let top, let bottom):
            return "<mpadded\(top ? " height=\"0\"" : "")\(bottom ? " depth=\"0\"" : "")>\(row(body))</mpadded>"
        case .rule: return "<mspace/>"
        case .negated(let body): return "<mrow>\(row(body))<mo>\u{0338}</mo></mrow>"
        case .cancel(let body, let stroke):
            let notation = stroke == .rising ? "updiagonalstrike" : (stroke == .falling ? "downdiagonalstrike" : "updiagonalstrike downdiagonalstrike")
            return "<menclose notation=\"\(notation)\">\(row(body))</menclose>"
        case .strikeout(let body): return "<menclose notation=\"horizontalstrike\">\(row(body))</menclose>"
        case .lap(let body, let side):
            let lspace = side == .left ? " lspace=\"-1width\"" : (side == .center ? " lspace=\"-0.5width\"" : "")
            return "<mpadded width=\"0\"\(lspace)>\(row(body))</mpadded>"
        case .vcenter(let body): return row(body)
        case .raised(let body, let raise, _, _):
            return "<mpadded voffset=\"\(number(raise.value))\(raise.unit == .mu ? "em" : raise.unit.rawValue)\">\(row(body))</mpadded>"
        case .logo(let logo): return "<mtext>\(logo == .tex ? "TeX" : (logo == .latex ? "LaTeX" : "KaTeX"))</mtext>"
        case .cdArrow(let arrow):
            switch arrow {
            case .equals: return "<mo>=</mo>"
            case .horizontal(let glyph, let above, let below):
                let mo = "<mo stretchy=\"true\">\(glyph)</mo>"
                return below.isEmpty ? "<mover>\(mo)\(row(above))</mover>" : "<munderover>\(mo)\(row(below))\(row(above))</munderover>"
            }
        case .enclosed(let body, let kind):
            return "<menclose notation=\"\(kind == .phase ? "phasorangle" : "actuarial")\">\(row(body))</menclose>"
        case .lineSegment(let body, let over):
            let mark = "<mo stretchy=\"true\">―</mo>"
            return over ? "<mover accent=\"true\">\(row(body))\(mark)</mover>" : "<munder accentunder=\"true\">\(row(body))\(mark)</munder>"
        case .overArrow(let arrow, let body):
            return "<mover accent=\"true\">\(row(body))<mo stretchy=\"true\">\(escapeXML(arrow))</mo></mover>"
        case .circled(let body): return "<menclose notation=\"circle\">\(row(body))</menclose>"
        case .extensibleArrow(let arrow, let above, let below):
            let mo = "<mo stretchy=\"true\">\(escapeXML(arrow))</mo>"
            switch (above.map { row($0) }, below.map { row($0) }) {
            case (let p?, let s?): return "<munderover>\(mo)\(s)\(p)</munderover>"
            case (let p?, nil): return "<mover>\(mo)\(p)</mover>"
            case (nil, let s?): return "<munder>\(mo)\(s)</munder>"
            case (nil, nil): return mo
            }
        }
    }

    func hex(_ c: MathRGBA) -> String { hexColor(c, alpha: false) }
}
