import Foundation
import InfoRequests
import MathTypesetting
import func FigureModel.typographicMinus
import func FigureModel.escapeXML
import struct FigureModel.Color
import struct FigureModel.Theme

/// Writes a `Document` as one self-contained HTML5 page: semantic elements, one embedded
/// stylesheet, figures and math inlined as SVG, no scripts and no external requests.
/// The markup is also well-formed XML (void elements self-closed, only XML's five entities), so
/// tests and tools can parse it with any XML parser.
public struct HTMLWriter {
    public let assets: any HandoutAssets
    /// Links to the index and the neighbouring handouts (nil for a page built on its own).
    public var navigation: HandoutNavigation?

    public init(assets: any HandoutAssets = FallbackAssets(), navigation: HandoutNavigation? = nil) {
        self.assets = assets
        self.navigation = navigation
    }

    public static func write(_ document: Document, assets: any HandoutAssets = FallbackAssets(),
                             navigation: HandoutNavigation? = nil) throws -> String {
        try HTMLWriter(assets: assets, navigation: navigation).write(document)
    }

    public func write(_ document: Document) throws -> String {
        var state = State(file: document.file, assets: assets)
        return try state.page(document, navigation: navigation)
    }

    struct State {
        let file: String
        let assets: any HandoutAssets
        /// Set by the slide deck (the formula size in pt): formulas are sized in em instead of pt
        /// so they grow with the slide's text, which is sized by the viewport.
        var mathEmSize: Double?
        /// A deck scales each slide as a whole to the screen, so its figures keep one drawing.
        var phoneFigures = true
        /// Set by the slide deck (its body size in pt): figures are sized in em of the body.
        var figureEmSize: Double?
        /// Set by the slide deck: a callout's kind is written as on the PDF slide, with ". " before a
        /// title (`Callout.titleLead`), instead of the handout page's bare small-caps label.
        var calloutTitleLeads = false
        /// A dark or print handout's figures are drawn on their theme's own ground in either colour
        /// scheme: their card takes that ground, so no band of the page's card colour frames them
        /// (a dark figure sat in a white frame in the light scheme). Nil for a light handout, whose
        /// figures follow the scheme with the card.
        var figureGround: Color?
        var out = ""
        var svgCount = 0
        /// Captioned tables so far: an unlabelled one's caption id.
        var tableCount = 0
        var footnoteRefCount: [Int: Int] = [:]
        var openSections: [Int] = []
        /// Viewport widths (CSS px) below which some figure shows its phone drawing: one media rule each.
        var figureSwitches: Set<Int> = []
        /// Inside a link already (the table of contents): links, references and footnote marks
        /// write only their text, since links do not nest.
        var insideLink = false

        init(file: String, assets: any HandoutAssets) {
            self.file = file
            self.assets = assets
        }

        mutating func page(_ doc: Document, navigation: HandoutNavigation?) throws -> String {
            let meta = doc.meta
            if meta.theme != "light", let theme = try? Theme.named(meta.theme) { figureGround = theme.background }
            // The body first: writing it collects the figures' media rules, which go in the head.
            out = ""
            if let navigation { out += pageLinks(navigation, tag: "nav") }
            out += "<header class=\"title-block\">\n" + logoHTML(meta.style)
            let courseLine = [meta.course, meta.lecture.map { "Lecture \($0)" }].compactMap { $0 }
            if !courseLine.isEmpty { out += "<p class=\"course\">\(text(courseLine.joined(separator: " · ")))</p>\n" }
            out += "<h1>"
            try inlines(meta.title)
            out += "</h1>\n"
            if let subtitle = meta.subtitle {
                out += "<p class=\"subtitle\">"
                try inlines(subtitle)
                out += "</p>\n"
            }
            let byline = [meta.author, meta.date].compactMap { $0 }
            if !byline.isEmpty { out += "<p class=\"byline\">\(text(byline.joined(separator: " · ")))</p>\n" }
            out += "</header>\n"
            try tableOfContents(doc.blocks)
            out += "<main>\n"
            for block in doc.blocks { try self.block(block, topLevel: true) }
            closeSections(downTo: 1)
            out += "</main>\n"
            if !doc.footnotes.isEmpty {
                out += "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n"
                for note in doc.footnotes {
                    out += "<li id=\"fn-\(note.number)\">\n"
                    for b in note.blocks { try block(b, topLevel: false) }
                    let back = "<a class=\"backref\" href=\"#fnref-\(note.number)\" aria-label=\"Back to the text\">↩</a>"
                    // The back link ends the note's last paragraph rather than standing on a line of its own.
                    if out.hasSuffix("</p>\n") {
                        out.removeLast("</p>\n".count)
                        out += " \(back)</p>\n</li>\n"
                    } else {
                        out += "<p>\(back)</p>\n</li>\n"
                    }
                }
                out += "</ol>\n</section>\n"
            }
            if let navigation { out += pageLinks(navigation, tag: "footer") }
            out += assets.pageDefinitions()
            let body = out

            // The front matter's `lang:` (the PDF's hyphenation language) tells the browser the language too.
            var page = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(attr(meta.language))\">\n<head>\n"
            page += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            page += "<meta name=\"color-scheme\" content=\"light dark\"/>\n<meta name=\"generator\" content=\"infoplot\"/>\n"
            if let author = meta.author { page += "<meta name=\"author\" content=\"\(attr(author))\"/>\n" }
            if let description = meta.description { page += "<meta name=\"description\" content=\"\(attr(description))\"/>\n" }
            page += "<title>\(text(meta.title.plainText))</title>\n<style>\n\(handoutStylesheet(meta.style, fonts: HandoutFonts(meta.fonts, style: meta.style)))\(figureSwitchRules())</style>\n</head>\n<body>\n"
            return page + body + "</body>\n</html>\n"
        }

        /// Index, previous and next handout: a `nav` above the title and the same links in the page's `footer`.
        func pageLinks(_ n: HandoutNavigation, tag: String) -> String {
            var s = tag == "nav" ? "<nav class=\"pages\" aria-label=\"Handouts\">" : "<footer class=\"pages\">"
            if let i = n.index { s += "<a class=\"index\" href=\"\(attr(i.href))\">\(text(i.title))</a>" }
            if let p = n.previous { s += "<a class=\"prev\" rel=\"prev\" href=\"\(attr(p.href))\">← \(text(p.title))</a>" }
            if let x = n.next { s += "<a class=\"next\" rel=\"next\" href=\"\(attr(x.href))\">\(text(x.title)) →</a>" }
            return s + "</\(tag)>\n"
        }

        /// Contents: every numbered-or-not heading of the body down to level 2, nested by level, linking its id.
        mutating func tableOfContents(_ blocks: [Block]) throws {
            let headings = blocks.compactMap { b -> Heading? in
                if case .heading(let h) = b, h.level <= 2 { return h }
                return nil
            }
            guard headings.count >= 2 else { return }
            out += "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ul>\n"
            let base = headings.map(\.level).min() ?? 1
            var depth = base, open = false
            for h in headings {
                while h.level > depth {
                    out += (open ? "" : "<li>") + "\n<ul>\n"
                    depth += 1; open = false
                }
                while h.level < depth {
                    out += (open ? "</li>\n" : "") + "</ul>\n"
                    depth -= 1; open = true
                }
                if open { out += "</li>\n" }
                out += "<li><a href=\"#\(attr(h.id))\">"
                if let n = h.number { out += "<span class=\"secno\">\(text(n))</span>" }
                insideLink = true
                try inlines(h.inlines)
                insideLink = false
                out += "</a>"
                open = true
            }
            if open { out += "</li>\n" }
            while depth > base { out += "</ul>\n</li>\n"; depth -= 1 }
            out += "</ul>\n</nav>\n"
        }

        /// A figure's accessible name: the block's `alt:` when given, else its number and caption
        /// (formulas as text), else its number and catalogue name.
        func figureAlt(_ f: Figure) throws -> String {
            if let alt = f.alt { return alt }
            return "Figure \(f.number): " + (f.caption.isEmpty ? f.name : speakableText(f.caption))
        }

        /// One media rule per breakpoint: below it, the figures marked with it show their phone drawing.
        func figureSwitchRules() -> String {
            figureSwitches.sorted().map { w in
                "@media screen and (max-width: \(w)px) { .switch-\(w) .figure-wide { display: none; } .switch-\(w) .figure-narrow { display: block; } }\n"
            }.joined()
        }

        /// Blocks (or a run of inlines) as an HTML fragment, for writers that build their own page.
        mutating func fragment(_ blocks: [Block]) throws -> String {
            let saved = out
            out = ""
            defer { out = saved }
            for b in blocks { try block(b, topLevel: false) }
            return out
        }

        mutating func fragment(_ content: [Inline]) throws -> String {
            let saved = out
            out = ""
            defer { out = saved }
            try inlines(content)
            return out
        }

        mutating func closeSections(downTo level: Int) {
            while let last = openSections.last, last >= level {
                out += "</section>\n"
                openSections.removeLast()
            }
        }

        /// A block as its element writes it (Elements/).
        mutating func block(_ block: Block, topLevel: Bool, tight: Bool = false) throws {
            try block.element.html(&self, topLevel: topLevel, tight: tight)
        }

        mutating func inlines(_ content: [Inline]) throws {
            for piece in gluedToFormulas(content) {
                switch piece {
                case .single(let inline): try self.inline(inline)
                case .unbreakable(let run):
                    // A formula and the characters touching it ("(", ",", "-th") never part at a
                    // line break: a comma never starts a line (issue 13 found four that did).
                    out += "<span class=\"nobreak\">"
                    for inline in run { try self.inline(inline) }
                    out += "</span>"
                }
            }
        }

        mutating func inline(_ inline: Inline) throws {
                switch inline {
                case .text(let s): out += text(typographicMinus(s))
                case .emph(let c): out += "<em>"; try inlines(c); out += "</em>"
                case .strong(let c): out += "<strong>"; try inlines(c); out += "</strong>"
                case .strikethrough(let c): out += "<del>"; try inlines(c); out += "</del>"
                case .code(let s): out += "<code>\(text(s))</code>"
                case .link(_, _, let c) where insideLink: try inlines(c)
                case .ref(let r) where insideLink: out += text(r.text)
                case .footnoteRef where insideLink: break
                case .link(let url, let title, let c):
                    // No script URLs: the page promises to run nothing.
                    let lower = url.lowercased().trimmingCharacters(in: .whitespaces)
                    let safe = !(lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("data:"))
                    out += "<a" + (safe ? " href=\"\(attr(url))\"" : "") + (title.isEmpty ? "" : " title=\"\(attr(title))\"") + ">"
                    try inlines(c)
                    out += "</a>"
                case .math(let m): try math(m.tex, display: false, position: m.position)
                case .ref(let r): out += "<a class=\"xref\" href=\"#\(attr(r.target))\">\(text(r.text))</a>"
                case .footnoteRef(_, let n):
                    let count = (footnoteRefCount[n] ?? 0) + 1
                    footnoteRefCount[n] = count
                    let id = count == 1 ? "fnref-\(n)" : "fnref-\(n)-\(count)"
                    out += "<sup class=\"fnref\"><a id=\"\(id)\" href=\"#fn-\(n)\" aria-label=\"Footnote \(n)\">\(n)</a></sup>"
                case .softBreak: out += "\n"
                case .lineBreak: out += "<br/>\n"
                }
        }

        mutating func math(_ tex: String, display: Bool, position: SourcePosition) throws {
            func typeset(_ source: String) throws -> (svg: String, baselineOffset: Double, height: Double)? {
                do {
                    return try assets.mathSVG(tex: source, display: display)
                } catch let e as TemplateError {
                    throw e
                } catch {
                    throw TemplateError(file: file, at: position, "bad TeX: \(error)")
                }
            }
            let cls = display ? "math display" : "math"
            guard let whole = try typeset(tex) else {
                out += "<code class=\"\(cls)\" role=\"img\" aria-label=\"\(attr(tex))\">\(text(tex))</code>"
                return
            }
            let markup = try? assets.mathML(tex: tex, display: display)
            // Lengths in CSS px, or in a deck in em of the formula size (pt → em; 4/3 px per pt).
            func length(_ px: Double) -> String {
                guard let em = mathEmSize else { return formatNumber(px, digits: 2) + "px" }
                return formatNumber(px * 0.75 / em, digits: 3) + "em"
            }
            let parts = display ? [(whole, 0.0)] : try inlineParts(tex, whole: whole, typeset: typeset)
            let padding = HandoutHTMLAssets.formulaPaddingPoints * 4 / 3
            var svgs: [String] = []
            for (k, (part, space)) in parts.enumerated() {
                var svg = embed(part.svg, prefix: "m")
                if let em = mathEmSize { svg = svgSizeInEm(svg, pointsPerEm: em) }
                if display, let open = svg.range(of: "<svg "), part.baselineOffset != 0 {
                    // On the <svg>: the display span is a flex item (vertical-align does not apply to it),
                    // and the equation number aligns on the formula's baseline (TeX's \eqno).
                    svg.replaceSubrange(open, with: "<svg style=\"vertical-align: \(length(-part.baselineOffset))\" ")
                } else if !display, let open = svg.range(of: "<svg ") {
                    // Inline: the formula sits on the baseline (its depth below it) inside a margin box of
                    // zero height, so it never pushes its line box and the leading stays even (TeX
                    // likewise sets a line's depth and height from the strut unless boxes collide).
                    // On the replaced <svg> itself: vertical margins of the inline span would be ignored.
                    // The pieces of a broken formula stand apart by the operator's space (ink to ink:
                    // less both paddings), which a break at the line's end hides.
                    let d = part.baselineOffset, h = part.height - d
                    let horizontal = k + 1 < parts.count ? " \(length(space * 4 / 3 - 2 * padding)) " : " 0 "
                    svg.replaceSubrange(open, with: "<svg style=\"vertical-align: 0; margin: \(length(-h))\(horizontal)\(length(-d))\" ")
                }
                svgs.append(markup == nil ? svg : hiddenFromScreenReaders(svg))
            }
            // Between the pieces of a long formula a line may break, even inside a nobreak group
            // (their own span allows it; the group's edges stay unbreakable).
            let drawn = svgs.count == 1 ? svgs[0] : "<span class=\"math-pieces\">" + svgs.joined(separator: "<wbr/>") + "</span>"
            if let markup {
                // The SVG is what the eye sees; the MathML before it (visually hidden, in an HTML span
                // because MathML elements ignore overflow clipping) is what screen readers speak and
                // what copy and search find.
                out += "<span class=\"\(cls)\"><span class=\"mathml\">\(markup)</span>\(drawn)</span>"
            } else {
                out += "<span class=\"\(cls)\" role=\"img\" aria-label=\"\(attr(tex))\">\(drawn)</span>"
            }
        }

        /// An inline formula wider than half a phone's text column, cut where TeX may break it
        /// (after a top-level relation or binary operator, as the PDF's line breaker does), each
        /// piece typeset on its own; otherwise the formula whole. Half the column: a line that
        /// cannot take the formula ends ragged by at most that much.
        /// Each piece with the space (pt) after its final operator, which its cropped drawing lacks.
        func inlineParts(_ tex: String, whole: (svg: String, baselineOffset: Double, height: Double),
                         typeset: (String) throws -> (svg: String, baselineOffset: Double, height: Double)?)
            throws -> [((svg: String, baselineOffset: Double, height: Double), Double)] {
            guard let width = svgWidthPoints(whole.svg), width * 4 / 3 > WebPageMetrics.phoneTextColumnPx / 2,
                  let breaks = try? inlineMathBreaks(tex, size: mathEmSize ?? HandoutHTMLAssets.defaultMathSize), !breaks.isEmpty
            else { return [(whole, 0)] }
            let chars = Array(tex)
            var parts: [((svg: String, baselineOffset: Double, height: Double), Double)] = []
            var start = 0
            for b in breaks.map(Optional.some) + [nil] {
                let end = b?.offset ?? chars.count
                // A piece before a break ends in an empty Ord, so its operator keeps its class (rule 5
                // would make a final Bin an Ord).
                guard let part = try typeset(String(chars[start..<end]) + (b == nil ? "" : "{}")) else { return [(whole, 0)] }
                parts.append((part, b?.space ?? 0))
                start = end
            }
            return parts
        }

        /// Inline SVG: the XML prolog goes, and ids get a per-drawing prefix because every Cairo
        /// SVG names its glyphs `glyph0-1`…, and duplicate ids in one page would make later
        /// drawings reuse the first one's glyphs.
        mutating func embed(_ svg: String, prefix: String) -> String {
            svgCount += 1
            return uniquifySVGIDs(stripProlog(svg), prefix: "\(prefix)\(svgCount)-")
        }
    }
}

/// The root `width="…pt"` of an SVG, in points.
func svgWidthPoints(_ svg: String) -> Double? {
    guard let open = svg.range(of: "<svg"), let close = svg[open.upperBound...].range(of: ">"),
          let a = svg[open.upperBound..<close.lowerBound].range(of: " width=\""),
          let e = svg[a.upperBound..<close.lowerBound].range(of: "\"") else { return nil }
    let raw = svg[a.upperBound..<e.lowerBound]
    return Double(raw.hasSuffix("pt") ? raw.dropLast(2) : raw)
}

/// A formula's SVG beside its MathML: `aria-hidden`, without the accessible name it would otherwise
/// need (role, `aria-labelledby`, `<title>`, `<desc>`: the MathML is what is read).
func hiddenFromScreenReaders(_ svg: String) -> String {
    guard let open = svg.range(of: "<svg"), let headEnd = svg[open.upperBound...].range(of: ">") else { return svg }
    var head = String(svg[open.upperBound..<headEnd.lowerBound])
    head = head.replacingOccurrences(of: " role=\"img\"", with: "")
    if let a = head.range(of: " aria-labelledby=\""), let e = head[a.upperBound...].range(of: "\"") {
        head.removeSubrange(a.lowerBound..<e.upperBound)
    }
    var rest = String(svg[headEnd.upperBound...])
    for element in ["title", "desc"] {
        // Only the root's own (the first child elements); a formula draws no text elements.
        if let a = rest.range(of: "<\(element)"), let e = rest[a.upperBound...].range(of: "</\(element)>") {
            var end = e.upperBound
            if end < rest.endIndex, rest[end] == "\n" { end = rest.index(after: end) }
            rest.removeSubrange(a.lowerBound..<end)
        }
    }
    return String(svg[..<open.lowerBound]) + "<svg aria-hidden=\"true\"" + head + ">" + rest
}

/// Rewrites the root `<svg width="Wpt" height="Hpt"` of a cairo SVG into em (W / pointsPerEm).
func svgSizeInEm(_ svg: String, pointsPerEm: Double) -> String {
    guard let open = svg.range(of: "<svg"), let close = svg[open.upperBound...].range(of: ">") else { return svg }
    var head = String(svg[open.lowerBound..<close.upperBound])
    for name in ["width", "height"] {
        guard let a = head.range(of: " \(name)=\""), let e = head[a.upperBound...].range(of: "\"") else { continue }
        let raw = head[a.upperBound..<e.lowerBound]
        let number = raw.hasSuffix("pt") ? raw.dropLast(2) : raw
        guard let v = Double(number) else { continue }
        head.replaceSubrange(a.upperBound..<e.lowerBound, with: formatNumber(v / pointsPerEm, digits: 3) + "em")
    }
    return String(svg[..<open.lowerBound]) + head + String(svg[close.upperBound...])
}

func stripProlog(_ svg: String) -> String {
    var s = Substring(svg)
    while true {
        s = s.drop(while: { $0.isWhitespace })
        if s.hasPrefix("<?"), let end = s.range(of: "?>") {
            s = s[end.upperBound...]
        } else if s.hasPrefix("<!DOCTYPE"), let end = s.range(of: ">") {
            s = s[end.upperBound...]
        } else if s.hasPrefix("<!--"), let end = s.range(of: "-->") {
            s = s[end.upperBound...]
        } else {
            return String(s)
        }
    }
}

func uniquifySVGIDs(_ svg: String, prefix: String) -> String {
    // One pass over the bytes (a string replace per id was quadratic: seconds for a page of
    // formulas). Ids are collected first, so only references to them change ("#fff" stays).
    let bytes = Array(svg.utf8)
    let idOpen = Array(" id=\"".utf8), hrefOpen = Array("\"#".utf8), urlOpen = Array("url(#".utf8)
    func matches(_ i: Int, _ t: [UInt8]) -> Bool {
        i + t.count <= bytes.count && bytes[i] == t[0] && bytes[i..<(i + t.count)].elementsEqual(t)
    }
    func name(from s: Int) -> Int {
        var e = s
        while e < bytes.count, bytes[e] != UInt8(ascii: "\""), bytes[e] != UInt8(ascii: ")") { e += 1 }
        return e
    }
    var ids = Set<ArraySlice<UInt8>>()
    var i = 0
    while i < bytes.count {
        if matches(i, idOpen) {
            let s = i + idOpen.count, e = name(from: s)
            ids.insert(bytes[s..<e])
            i = e
        } else { i += 1 }
    }
    guard !ids.isEmpty else { return svg }
    // An embedded stylesheet scopes its custom properties to the root's id (`#f3a{--fg:…}`), and
    // `>#`, `}#`, `{#` (inside @media) and `,#` start such selectors; they must follow the renamed id or every var() is unset.
    let selectorOpens = [Array(">#".utf8), Array("}#".utf8), Array("{#".utf8), Array(",#".utf8)]
    func selectorEnd(from s: Int) -> Int {
        var e = s
        while e < bytes.count, bytes[e] == UInt8(ascii: "-") || bytes[e] == UInt8(ascii: "_")
            || (bytes[e] >= 48 && bytes[e] <= 57) || (bytes[e] | 0x20 >= 97 && bytes[e] | 0x20 <= 122) { e += 1 }
        return e
    }
    let prefixBytes = Array(prefix.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + ids.count * 2 * prefixBytes.count)
    // `aria-labelledby` and `aria-describedby` hold a space-separated list of ids (WAI-ARIA 1.2, ID reference list).
    let idListOpens = [Array(" aria-labelledby=\"".utf8), Array(" aria-describedby=\"".utf8)]
    let tokens = [idOpen, hrefOpen, urlOpen] + selectorOpens
    // Bytes that start no token are copied as they are (most of a drawing's bytes).
    var starts = [Bool](repeating: false, count: 256)
    for t in tokens + idListOpens { starts[Int(t[0])] = true }
    i = 0
    while i < bytes.count {
        guard starts[Int(bytes[i])] else { out.append(bytes[i]); i += 1; continue }
        if let t = idListOpens.first(where: { matches(i, $0) }) {
            out += t
            var s = i + t.count
            while s < bytes.count, bytes[s] != UInt8(ascii: "\"") {
                var e = s
                while e < bytes.count, bytes[e] != UInt8(ascii: " "), bytes[e] != UInt8(ascii: "\"") { e += 1 }
                if ids.contains(bytes[s..<e]) { out += prefixBytes }
                out += bytes[s..<e]
                if e < bytes.count, bytes[e] == UInt8(ascii: " ") { out.append(bytes[e]); e += 1 }
                s = e
            }
            i = s
            continue
        }
        var token: [UInt8]? = nil
        for t in tokens where matches(i, t) { token = t; break }
        guard let t = token else { out.append(bytes[i]); i += 1; continue }
        let s = i + t.count, e = selectorOpens.contains(t) ? selectorEnd(from: s) : name(from: s)
        out += t
        if ids.contains(bytes[s..<e]) { out += prefixBytes }
        out += bytes[s..<e]
        i = e
    }
    return String(decoding: out, as: UTF8.self)
}

/// A run of inlines to write as is, or a formula with the text touching it on either side (no
/// space between), which must stay on one line.
enum InlinePiece: Equatable {
    case single(Inline)
    case unbreakable([Inline])
}

/// Groups each inline formula with the non-space characters right before and after it: the
/// opening parenthesis before `$x$`, the comma, period or "-th" after it.
func gluedToFormulas(_ content: [Inline]) -> [InlinePiece] {
    func isMath(_ i: Inline) -> Bool { if case .math = i { return true } else { return false } }
    guard content.contains(where: isMath) else { return content.map { .single($0) } }
    // Each part says whether a line may break between it and the part before.
    var parts: [(inline: Inline, joinsPrevious: Bool)] = []
    for (k, item) in content.enumerated() {
        guard case .text(let s) = item else {
            var joins = false
            if isMath(item), k > 0, case .text(let before) = content[k - 1], let last = before.last, !last.isWhitespace { joins = true }
            parts.append((item, joins))
            continue
        }
        var rest = Substring(s)
        if k > 0, isMath(content[k - 1]), let first = rest.first, !first.isWhitespace {
            let lead = rest.prefix(while: { !$0.isWhitespace })
            parts.append((.text(String(lead)), true))
            rest = rest.dropFirst(lead.count)
        }
        var tail = Substring("")
        if k + 1 < content.count, isMath(content[k + 1]), let last = rest.last, !last.isWhitespace {
            tail = Substring(rest.reversed().prefix(while: { !$0.isWhitespace }).reversed())
            rest = rest.dropLast(tail.count)
        }
        if !rest.isEmpty { parts.append((.text(String(rest)), false)) }
        if !tail.isEmpty { parts.append((.text(String(tail)), false)) }
    }
    var groups: [[Inline]] = []
    for part in parts {
        if part.joinsPrevious, !groups.isEmpty { groups[groups.count - 1].append(part.inline) } else { groups.append([part.inline]) }
    }
    return groups.map { $0.count == 1 ? .single($0[0]) : .unbreakable($0) }
}

/// Text content and double-quoted attribute values, through the one escaper (`escapeXML`).
func text(_ s: String) -> String { escapeXML(s) }

func attr(_ s: String) -> String { escapeXML(s) }
