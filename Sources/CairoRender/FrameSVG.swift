import CCairo
import Foundation
import FigureModel
import Frame

/// Writes a frame as SVG directly (no cairo SVG surface, no repair pass afterwards):
/// - coordinates through `PointFormatter` at 0.01 pt, path data relative after each move, so no
///   rounding error accumulates (deltas are taken between rounded absolute positions);
/// - each glyph outline once per file as a `<path>` in font units in `<defs>`, placed with `<use>`
///   inside a group whose matrix scales font units to the run's size and flips y;
/// - every id starts with a hash of the document, so SVGs inlined side by side in one HTML page never
///   collide and the same drawing is byte-identical wherever and whenever it is drawn;
/// - `role="img"`, `<title>`/`<desc>` and `aria-labelledby` naming exactly those ids (no `<desc>`
///   when the frame has no description, as a formula);
/// - roles resolved in `light`; with a `dark` palette too, every role whose colour differs between
///   the two becomes a CSS custom property (`fill:var(--s0)`), its light value declared on this SVG's
///   root (a class named after the hash) and its dark value in a `@media (prefers-color-scheme: dark)`
///   block. A role's opacity that differs between the palettes is a property of its own
///   (`--gr-a`, multiplied by the paint's strength in `calc()`), the theme's fill opacity is `--fo`.
///   The light value is also the presentation attribute, which renderers without custom properties
///   (librsvg) use. A raster showing the background role is written once per palette, the dark copy
///   shown only in dark mode.
/// With `shared`, glyphs point into that page-wide table instead of this file's own `<defs>` (the
/// SVG is then only complete inside the page that also carries `shared.defsSVG()`).
public func frameSVG(_ frame: Frame, light: Palette = Palette(theme: .light), dark: Palette? = nil,
                     shared: SharedGlyphs? = nil) -> Data {
    var w = SVGWriter(light: light, dark: dark)
    w.shared = shared
    w.items(frame.items)
    return w.document(frame)
}

/// Stands for the document's id prefix until the document is complete and can be hashed; XML text
/// cannot contain U+0001, and the escaper drops it from titles.
private let idMark = UInt8(1)
/// Stands for the bare prefix: the root's class, which the style block is scoped to (a class, not
/// an id, so pages that rename ids when inlining keep the scope).
private let rootMark = UInt8(2)

private struct SVGWriter {
    let light: Palette
    let dark: Palette?
    var body: [UInt8] = []
    var glyphIds: [GlyphKey: Int] = [:]
    var glyphOrder: [GlyphKey] = []
    /// Outline data → its number: two glyphs drawn alike (a hyphen and U+2010, a parenthesis and its
    /// first size variant, one shape in two faces) share one `<path>`, so no outline is stored twice in
    /// a file. Path data is in font units and each run's `<g>` carries its own scale, so sharing
    /// across fonts is exact.
    var outlineIds: [[UInt8]: Int] = [:]
    var clipIds: [Rect: Int] = [:]
    /// Roles whose colour, and whose opacity, differ between the palettes (auto SVG only).
    var colorRoles: Set<ColorRole> = []
    var alphaRoles: Set<ColorRole> = []
    var usesFillOpacity = false
    /// A raster was written in both palettes (see `image`).
    var themedImages = false
    var shared: SharedGlyphs? = nil
    /// CSS declarations of the element being written (see `paint`).
    var style: [UInt8] = []

    struct GlyphKey: Hashable { var font: FontRef; var glyph: UInt32 }

    init(light: Palette, dark: Palette?) {
        self.light = light; self.dark = dark
        body.reserveCapacity(1 << 16)
    }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { body.append(contentsOf: $0) }
    }
    mutating func text(_ s: String) { body.append(contentsOf: s.utf8) }
    mutating func num(_ v: Double) { PointFormatter.append(v, to: &body) }
    mutating func id(_ kind: UInt8, _ n: Int) {
        body.append(idMark); body.append(kind); PointFormatter.appendInt(n, to: &body)
    }

    mutating func items(_ list: [FrameItem]) {
        for item in list {
            switch item {
            case .path(let p): path(p)
            case .glyphs(let g): glyphs(g)
            case .image(let i): image(i)
            case .group(let g): group(g)
            case .link(let r, .url(let u)):
                raw("<a href=\""); text(escapeXML(u))
                raw("\"><rect x=\""); num(r.x); raw("\" y=\""); num(r.y); raw("\" width=\""); num(r.width)
                raw("\" height=\""); num(r.height); raw("\" fill-opacity=\"0\"/></a>\n")
            case .link(_, .destination):
                break   // destinations live in the PDF; a standalone SVG page has none to jump to
            case .destination:
                break   // SVG pages are separate files; links into them go through the HTML
            }
        }
    }

    /// ` fill="#rrggbb"` (+ opacity), and for a role that changes in an auto SVG the custom property as style.
    mutating func paint(_ attribute: StaticString, _ p: Paint) {
        let c = light.resolve(p)
        body.append(UInt8(ascii: " ")); raw(attribute); raw("=\""); text(hexColor(c, alpha: false)); raw("\"")
        if c.alpha < 1 {
            body.append(UInt8(ascii: " ")); raw(attribute); raw("-opacity=\""); PointFormatter.append(c.alpha, scale: 1000, to: &body)
            raw("\"")
        }
        guard let dark else { return }
        func declare(_ css: String) {
            if !style.isEmpty { style.append(UInt8(ascii: ";")) }
            style.append(contentsOf: css.utf8)
        }
        switch p {
        case .color:
            return
        case .role(let r, let alpha):
            if colorDiffers(r, dark) { colorRoles.insert(r); declare("\(attribute):var(\(r.cssName))") }
            // Opacity follows the role only when the role's own alpha differs between the palettes;
            // otherwise the attribute above is already right in both.
            if alphaDiffers(r, dark) {
                alphaRoles.insert(r)
                declare("\(attribute)-opacity:calc(var(\(r.cssName)-a)*")
                PointFormatter.append(alpha, scale: 1000, to: &style)
                style.append(UInt8(ascii: ")"))
            }
        case .fillOpacity(let inner):
            if let r = inner.role, colorDiffers(r, dark) { colorRoles.insert(r); declare("\(attribute):var(\(r.cssName))") }
            if light.fillOpacity != dark.fillOpacity { usesFillOpacity = true; declare("\(attribute)-opacity:var(--fo)") }
        }
    }

    func colorDiffers(_ r: ColorRole, _ dark: Palette) -> Bool {
        (light.color(r) ?? .black).withAlpha(1) != (dark.color(r) ?? .black).withAlpha(1)
    }
    func alphaDiffers(_ r: ColorRole, _ dark: Palette) -> Bool {
        (light.color(r)?.alpha ?? 1) != (dark.color(r)?.alpha ?? 1)
    }

    /// Writes the custom-property declarations the element's paints collected as one style attribute.
    mutating func flushStyle() {
        guard !style.isEmpty else { return }
        raw(" style=\""); body.append(contentsOf: style); raw("\"")
        style.removeAll(keepingCapacity: true)
    }

    mutating func path(_ p: FramePath) {
        raw("<path d=\""); pathData(p.elements); raw("\"")
        if let f = p.fill { paint("fill", f) } else { raw(" fill=\"none\"") }
        if let s = p.stroke {
            paint("stroke", s.paint)
            if s.width != 1 { raw(" stroke-width=\""); num(s.width); raw("\"") }
            if !s.dash.isEmpty {
                raw(" stroke-dasharray=\"")
                for (i, d) in s.dash.enumerated() { if i > 0 { raw(" ") }; num(d) }
                raw("\"")
            }
            switch s.cap { case .butt: break; case .round: raw(" stroke-linecap=\"round\""); case .square: raw(" stroke-linecap=\"square\"") }
            switch s.join { case .miter: break; case .round: raw(" stroke-linejoin=\"round\""); case .bevel: raw(" stroke-linejoin=\"bevel\"") }
        }
        flushStyle()
        raw("/>\n")
    }

    /// Absolute after each move, relative otherwise; all in integer hundredths so the deltas add up
    /// to exactly the rounded absolute positions.
    mutating func pathData(_ elements: [PathElement]) {
        var cx = 0, cy = 0, startX = 0, startY = 0
        var last: UInt8 = 0
        func q(_ v: Double) -> Int { v.isFinite ? Int((v * 100).rounded()) : 0 }
        // A separator is needed only where the next number would run into the last one: not before
        // a minus sign, and not before ".5" when the last number already had its decimal point.
        var lastHadDot = false
        func number(_ n: Int, first: Bool) {
            if !first && n >= 0 && !(lastHadDot && n > 0 && n < 100) { body.append(UInt8(ascii: " ")) }
            appendHundredths(n)
            lastHadDot = n % 100 != 0
        }
        func pair(_ x: Int, _ y: Int, first: Bool) {
            number(x, first: first)
            number(y, first: false)
        }
        func command(_ c: UInt8) -> Bool {
            if c == last { return false }
            body.append(c); last = c
            return true
        }
        for el in elements {
            switch el {
            case .move(let a):
                let x = q(a.x), y = q(a.y)
                body.append(UInt8(ascii: "M")); last = UInt8(ascii: "M")
                pair(x, y, first: true)
                last = 0   // the next segment names its command
                cx = x; cy = y; startX = x; startY = y
            case .line(let a):
                let x = q(a.x), y = q(a.y)
                let fresh = command(UInt8(ascii: "l"))
                pair(x - cx, y - cy, first: fresh)
                cx = x; cy = y
            case .curve(let a, let b, let c):
                let fresh = command(UInt8(ascii: "c"))
                pair(q(a.x) - cx, q(a.y) - cy, first: fresh)
                pair(q(b.x) - cx, q(b.y) - cy, first: false)
                let x = q(c.x), y = q(c.y)
                pair(x - cx, y - cy, first: false)
                cx = x; cy = y
            case .close:
                body.append(UInt8(ascii: "Z")); last = 0
                cx = startX; cy = startY
            }
        }
    }

    mutating func appendHundredths(_ n: Int) {
        PointFormatter.append(Double(n) / 100, to: &body)
    }

    mutating func glyphs(_ g: GlyphRun) {
        guard let upem = GlyphOutlines.shared.unitsPerEm(g.font), upem > 0 else { return }
        let s = g.size / upem
        raw("<g"); paint("fill", g.fill)
        raw(" transform=\"matrix("); PointFormatter.append(s, scale: 10_000_000, to: &body); raw(" 0 0 ")
        PointFormatter.append(-s, scale: 10_000_000, to: &body); raw(" "); num(g.origin.x); raw(" "); num(g.origin.y); raw(")\"")
        flushStyle()
        raw(">")
        for glyph in g.glyphs {
            let x = Int((glyph.x / s).rounded()), y = Int((-glyph.y / s).rounded())
            if let shared {
                guard let name = shared.id(g.font, glyph.id) else { continue }
                raw("<use href=\"#"); text(name); raw("\"")
                if x != 0 { raw(" x=\""); PointFormatter.appendInt(x, to: &body); raw("\"") }
                if y != 0 { raw(" y=\""); PointFormatter.appendInt(y, to: &body); raw("\"") }
                raw("/>")
                continue
            }
            let key = GlyphKey(font: g.font, glyph: glyph.id)
            let n: Int
            if let known = glyphIds[key] { n = known } else {
                // A blank glyph (space) has no outline to place.
                let outline = GlyphOutlines.shared.path(g.font, glyph.id)
                if outline.isEmpty { glyphIds[key] = -1; continue }
                if let same = outlineIds[outline] { n = same } else {
                    n = glyphOrder.count
                    glyphOrder.append(key)
                    outlineIds[outline] = n
                }
                glyphIds[key] = n
            }
            if n < 0 { continue }
            raw("<use href=\"#"); id(UInt8(ascii: "g"), n); raw("\"")
            if x != 0 { raw(" x=\""); PointFormatter.appendInt(x, to: &body); raw("\"") }
            if y != 0 { raw(" y=\""); PointFormatter.appendInt(y, to: &body); raw("\"") }
            raw("/>")
        }
        raw("</g>\n")
    }

    mutating func image(_ img: FrameImage) {
        // Cells showing the background differ between the palettes: a copy per palette, the
        // stylesheet showing one (classes `…-lt` and `…-dk` under this SVG's root class).
        if let dark, img.showsBackground, colorDiffers(.background, dark) {
            themedImages = true
            image(img, pixels: img.pixels(in: light), variant: "lt")
            image(img, pixels: img.pixels(in: dark), variant: "dk")
        } else {
            image(img, pixels: img.pixels(in: light), variant: nil)
        }
    }

    mutating func image(_ img: FrameImage, pixels: [UInt32], variant: String?) {
        guard let png = encodePNG(img, pixels: pixels) else { return }
        raw("<image")
        if let variant { raw(" class=\""); body.append(rootMark); text("-" + variant); raw("\"") }
        raw(" x=\""); num(img.rect.x); raw("\" y=\""); num(img.rect.y); raw("\" width=\""); num(img.rect.width)
        raw("\" height=\""); num(img.rect.height)
        // Nearest neighbour: the SVG 1.1 attribute for older renderers, the CSS value for browsers.
        raw(img.isPicture ? "\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,"
            : "\" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,")
        text(png.base64EncodedString()); raw("\"/>\n")
    }

    mutating func group(_ g: FrameGroup) {
        var opened = 0
        if let c = g.clip {
            let n: Int
            if let known = clipIds[c] { n = known } else { n = clipIds.count; clipIds[c] = n }
            raw("<g clip-path=\"url(#"); id(UInt8(ascii: "c"), n); raw(")\">"); opened += 1
        }
        if !g.transform.isIdentity {
            let t = g.transform
            raw("<g transform=\"matrix(")
            for (i, v) in [t.a, t.b, t.c, t.d].enumerated() {
                if i > 0 { raw(" ") }
                PointFormatter.append(v, scale: 1_000_000, to: &body)
            }
            raw(" "); num(t.tx); raw(" "); num(t.ty); raw(")\">"); opened += 1
        }
        body.append(UInt8(ascii: "\n"))
        items(g.items)
        for _ in 0..<opened { raw("</g>") }
        body.append(UInt8(ascii: "\n"))
    }

    mutating func document(_ frame: Frame) -> Data {
        var doc: [UInt8] = []
        doc.reserveCapacity(body.count + glyphOrder.count * 200 + 1024)
        func put(_ s: String) { doc.append(contentsOf: s.utf8) }
        func mark(_ kind: Character, _ n: Int) { doc.append(idMark); put("\(kind)\(n)") }
        func number(_ v: Double) { PointFormatter.append(v, to: &doc) }
        // The page size to a thousandth of a point, so A4's 595.276 pt keeps its proportions.
        func size(_ v: Double) { PointFormatter.append(v, scale: 1000, to: &doc) }
        put("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        size(frame.width); put("pt\" height=\""); size(frame.height); put("pt\" viewBox=\"0 0 ")
        size(frame.width); put(" "); size(frame.height); put("\" role=\"img\" aria-labelledby=\"")
        // An empty <desc> names nothing (a formula has only its title): it and its id are left out.
        let described = !frame.description.isEmpty
        mark("t", 0); if described { put(" "); mark("d", 0) }; put("\"")
        if dark != nil { put(" class=\""); doc.append(rootMark); put("\"") }
        put(">\n<title id=\""); mark("t", 0); put("\">"); put(escapeXML(frame.title)); put("</title>\n")
        if described { put("<desc id=\""); mark("d", 0); put("\">"); put(escapeXML(frame.description)); put("</desc>\n") }
        if let dark, !colorRoles.isEmpty || !alphaRoles.isEmpty || usesFillOpacity || themedImages {
            func vars(_ palette: Palette) {
                for r in colorRoles.union(alphaRoles).sorted() {
                    let c = palette.color(r) ?? .black
                    if colorRoles.contains(r) { put(r.cssName + ":" + hexColor(c, alpha: false) + ";") }
                    if alphaRoles.contains(r) { put(r.cssName + "-a:"); PointFormatter.append(c.alpha, scale: 1000, to: &doc); put(";") }
                }
                if usesFillOpacity { put("--fo:"); PointFormatter.append(palette.fillOpacity, scale: 1000, to: &doc); put(";") }
            }
            func variant(_ v: String, _ rule: String) { put("."); doc.append(rootMark); put(" ."); doc.append(rootMark); put("-\(v){\(rule)}") }
            put("<style>."); doc.append(rootMark); put("{"); vars(light); put("}")
            if themedImages { variant("dk", "display:none") }
            put("@media (prefers-color-scheme:dark){."); doc.append(rootMark); put("{"); vars(dark); put("}")
            if themedImages { variant("lt", "display:none"); variant("dk", "display:inline") }
            put("}</style>\n")
        }
        if !glyphOrder.isEmpty || !clipIds.isEmpty {
            put("<defs>\n")
            for (n, key) in glyphOrder.enumerated() {
                put("<path id=\""); mark("g", n); put("\" d=\"")
                doc.append(contentsOf: GlyphOutlines.shared.path(key.font, key.glyph)); put("\"/>\n")
            }
            for (rect, n) in clipIds.sorted(by: { $0.value < $1.value }) {
                put("<clipPath id=\""); mark("c", n); put("\"><rect x=\""); number(rect.x); put("\" y=\""); number(rect.y)
                put("\" width=\""); number(rect.width); put("\" height=\""); number(rect.height); put("\"/></clipPath>\n")
            }
            put("</defs>\n")
        }
        doc.append(contentsOf: body)
        put("</svg>\n")
        // FNV-1a over the whole document (ids still unprefixed): the same drawing gets the same ids.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in doc { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h & 0xFFFF_FFFF, radix: 16)
        let bare = Array(("f" + String(repeating: "0", count: 8 - hex.count) + hex).utf8)
        let prefix = bare + [UInt8(ascii: "-")]
        var out = [UInt8]()
        out.reserveCapacity(doc.count + 64 * prefix.count)
        var start = 0
        doc.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count where buf[i] == idMark || buf[i] == rootMark {
                out.append(contentsOf: buf[start..<i])
                out.append(contentsOf: buf[i] == idMark ? prefix : bare)
                start = i + 1
            }
            out.append(contentsOf: buf[start..<buf.count])
        }
        return Data(out)
    }
}

/// The image's pixels as a PNG, through the one PNG encoder (`encodePNG`): RGB for an opaque
/// raster, RGBA for a picture.
private func encodePNG(_ img: FrameImage, pixels: [UInt32]) -> Data? {
    guard img.pixelWidth > 0, img.pixelHeight > 0, img.pixels.count == img.pixelWidth * img.pixelHeight,
          let surface = imageSurface(img)
    else { return nil }
    defer { cairo_surface_destroy(surface) }
    var resolved = img
    resolved.pixels = pixels
    fillImageSurface(surface, resolved, palette: Palette())
    return try? encodePNG(surface, dotsPerInch: nil)
}
