import FigureModel

/// A compact, line-per-item text form of a frame for golden tests: positions to 0.01 pt, colours as
/// hex or role names, fonts by file name; groups indent their children.
public func dumpFrame(_ frame: Frame) -> String {
    var out = "frame \(f2(frame.width))x\(f2(frame.height)) baseline \(f2(frame.baseline))\n"
    dump(frame.items, indent: "  ", into: &out)
    return out
}

private func dump(_ items: [FrameItem], indent: String, into out: inout String) {
    for item in items {
        out += indent
        switch item {
        case .path(let p):
            out += "path"
            if let f = p.fill { out += " fill \(paintName(f))" }
            if let s = p.stroke {
                out += " stroke \(paintName(s.paint)) \(f2(s.width))"
                if !s.dash.isEmpty { out += " dash " + s.dash.map(f2).joined(separator: ",") }
            }
            out += " " + p.elements.map { el -> String in
                switch el {
                case .move(let a): "M\(pt(a))"
                case .line(let a): "L\(pt(a))"
                case .curve(let a, let b, let c): "C\(pt(a)) \(pt(b)) \(pt(c))"
                case .close: "Z"
                }
            }.joined(separator: " ") + "\n"
        case .glyphs(let g):
            out += "glyphs \(g.font.fileName) \(f2(g.size)) \(paintName(g.fill)) at \(pt(g.origin)) \"\(g.text)\" "
            out += g.glyphs.map { "\($0.id)@\(pt(ScenePoint($0.x, $0.y)))" }.joined(separator: " ") + "\n"
        case .image(let i):
            out += "image \(i.pixelWidth)x\(i.pixelHeight) in \(rect(i.rect))\n"
        case .group(let g):
            out += "group"
            if !g.transform.isIdentity {
                let t = g.transform
                out += " matrix(" + [t.a, t.b, t.c, t.d, t.tx, t.ty].map(f2).joined(separator: " ") + ")"
            }
            if let c = g.clip { out += " clip \(rect(c))" }
            if let s = g.structure { out += " <\(s.role)>" + (s.alt.map { " alt \"\($0)\"" } ?? "") }
            out += "\n"
            dump(g.items, indent: indent + "  ", into: &out)
        case .link(let r, let target):
            switch target {
            case .destination(let d): out += "link \(rect(r)) -> #\(d)\n"
            case .url(let u): out += "link \(rect(r)) -> \(u)\n"
            }
        case .destination(let name, let p):
            out += "destination \(name) at \(pt(p))\n"
        }
    }
}

private func pt(_ p: ScenePoint) -> String { "\(f2(p.x)),\(f2(p.y))" }
private func rect(_ r: Rect) -> String { "\(f2(r.x)),\(f2(r.y)) \(f2(r.width))x\(f2(r.height))" }
private func f2(_ v: Double) -> String { PointFormatter.string(v) }

private func paintName(_ p: Paint) -> String {
    switch p {
    case .color(let c): return hexColor(c)
    case .role(let r, let a): return a == 1 ? "\(r)" : "\(r)@\(f2(a))"
    case .fillOpacity(let p): return paintName(p) + "@fill"
    }
}
