import Foundation
import InfoRequests

/// Writes a `Document` as one self-contained HTML5 page: semantic elements, one embedded
/// stylesheet, figures and math inlined as SVG, no scripts and no external requests.
/// The markup is also well-formed XML (void elements self-closed, only XML's five entities), so
/// tests and tools can parse it with any XML parser.
public struct HTMLWriter {
    public let assets: any HandoutAssets

    public init(assets: any HandoutAssets = FallbackAssets()) {
        self.assets = assets
    }

    public static func write(_ document: Document, assets: any HandoutAssets = FallbackAssets()) throws -> String {
        try HTMLWriter(assets: assets).write(document)
    }

    public func write(_ document: Document) throws -> String {
        var state = State(file: document.file, assets: assets)
        return try state.page(document)
    }

    struct State {
        let file: String
        let assets: any HandoutAssets
        /// Set by the slide deck (the formula size in pt): formulas are sized in em instead of pt
        /// so they grow with the slide's text, which is sized by the viewport.
        var mathEmSize: Double?
        var out = ""
        var svgCount = 0
        var footnoteRefCount: [Int: Int] = [:]
        var openSections: [Int] = []

        init(file: String, assets: any HandoutAssets) {
            self.file = file
            self.assets = assets
        }

        mutating func page(_ doc: Document) throws -> String {
            let meta = doc.meta
            // The front matter's `lang:` (the PDF's hyphenation language) tells the browser the language too.
            out += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(attr(meta.language))\">\n<head>\n"
            out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            out += "<meta name=\"generator\" content=\"infoplot\"/>\n"
            if let author = meta.author { out += "<meta name=\"author\" content=\"\(attr(author))\"/>\n" }
            out += "<title>\(text(meta.title.plainText))</title>\n<style>\n\(handoutStylesheet)</style>\n</head>\n<body>\n"
            out += "<header class=\"title-block\">\n"
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
            out += "</header>\n<main>\n"
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
            out += assets.pageDefinitions()
            out += "</body>\n</html>\n"
            return out
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

        mutating func block(_ block: Block, topLevel: Bool, tight: Bool = false) throws {
            switch block {
            case .heading(let h):
                let tag = "h\(min(h.level + 1, 6))"
                if topLevel {
                    closeSections(downTo: h.level)
                    out += "<section>\n"
                    openSections.append(h.level)
                }
                out += "<\(tag) id=\"\(attr(h.id))\">"
                if let n = h.number { out += "<span class=\"secno\">\(text(n))</span>" }
                try inlines(h.inlines)
                out += "</\(tag)>\n"
            case .paragraph(let content):
                if tight {
                    try inlines(content)
                } else {
                    out += "<p>"
                    try inlines(content)
                    out += "</p>\n"
                }
            case .displayMath(let m):
                out += "<div class=\"equation\"" + (m.label.map { " id=\"\(attr($0))\"" } ?? "") + ">"
                try math(m.tex, display: true, position: m.position)
                if let n = m.number { out += "<span class=\"eqno\">(\(n))</span>" }
                out += "</div>\n"
            case .figure(let f):
                let description = "Figure \(f.number): " + (f.caption.isEmpty ? f.name : f.caption.plainText)
                out += "<figure id=\"\(attr(f.id))\">\n"
                let svg: String?
                do {
                    svg = try assets.figureSVG(f, title: description)
                } catch let e as TemplateError {
                    throw e
                } catch {
                    throw TemplateError(file: file, at: f.position, "figure '\(f.name)': \(error)")
                }
                if let svg {
                    out += "<div class=\"figure-art\" role=\"img\" aria-label=\"\(attr(description))\">"
                    out += embed(svg, prefix: "f")
                    out += "</div>\n"
                } else {
                    out += "<div class=\"figure-placeholder\" role=\"img\" aria-label=\"\(attr(description))\">"
                    out += "figure <code>\(text(f.name))</code> is not in the figure catalogue yet</div>\n"
                }
                out += "<figcaption><span class=\"figno\">Figure \(f.number).</span> "
                try inlines(f.caption)
                out += "</figcaption>\n</figure>\n"
            case .table(let t):
                out += "<table" + (t.id.map { " id=\"\(attr($0))\"" } ?? "") + ">\n"
                if let caption = t.caption {
                    out += "<caption>"
                    if let n = t.number { out += "<span class=\"tblno\">Table \(n).</span> " }
                    try inlines(caption)
                    out += "</caption>\n"
                }
                func align(_ i: Int) -> String {
                    guard t.alignments.indices.contains(i), t.alignments[i] != .none else { return "" }
                    return " style=\"text-align: \(t.alignments[i].rawValue)\""
                }
                if !t.header.isEmpty {
                    out += "<thead>\n<tr>"
                    for (i, cell) in t.header.enumerated() {
                        out += "<th scope=\"col\"\(align(i))>"
                        try inlines(cell)
                        out += "</th>"
                    }
                    out += "</tr>\n</thead>\n"
                }
                out += "<tbody>\n"
                for row in t.rows {
                    out += "<tr>"
                    for (i, cell) in row.enumerated() {
                        out += "<td\(align(i))>"
                        try inlines(cell)
                        out += "</td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            case .callout(let c):
                let kindLabel: String
                switch (c.kind, c.number) {
                case (.exercise, let n?): kindLabel = "Exercise \(n)"
                case (.solution, let n?): kindLabel = "Solution to Exercise \(n)"
                default: kindLabel = c.kind.displayName
                }
                let aria = kindLabel + (c.title.map { ": " + $0.plainText } ?? "")
                out += "<aside class=\"callout callout-\(c.kind.rawValue)\"" + (c.id.map { " id=\"\(attr($0))\"" } ?? "")
                out += " aria-label=\"\(attr(aria))\">\n<p class=\"callout-title\"><span class=\"callout-kind\">\(text(kindLabel))</span>"
                if let title = c.title { try inlines(title) }
                out += "</p>\n"
                for b in c.blocks { try self.block(b, topLevel: false) }
                out += "</aside>\n"
            case .list(let l):
                let tag = l.ordered ? "ol" : "ul"
                out += "<\(tag)" + (l.ordered && l.start != 1 ? " start=\"\(l.start)\"" : "") + ">\n"
                for item in l.items {
                    out += "<li>"
                    for (k, b) in item.enumerated() {
                        if l.tight, k > 0, case .paragraph = b { out += "<br/>" }
                        try self.block(b, topLevel: false, tight: l.tight)
                    }
                    out += "</li>\n"
                }
                out += "</\(tag)>\n"
            case .codeBlock(let info, let code):
                let lang = info.split(separator: " ").first.map { " class=\"language-\(attr(String($0)))\"" } ?? ""
                out += "<pre><code\(lang)>\(text(code))</code></pre>\n"
            case .blockQuote(let blocks):
                out += "<blockquote>\n"
                for b in blocks { try self.block(b, topLevel: false) }
                out += "</blockquote>\n"
            case .thematicBreak, .slideBreak:
                out += "<hr/>\n"
            case .div(let d):
                switch d.kind {
                case .notes:
                    out += "<aside class=\"notes\" aria-label=\"Speaker notes\">\n"
                case .columns, .column, .incremental:
                    out += "<div class=\"\(d.kind.rawValue)\">\n"
                }
                for b in d.blocks { try self.block(b, topLevel: false) }
                out += d.kind == .notes ? "</aside>\n" : "</div>\n"
            case .pause:
                break
            }
        }

        mutating func inlines(_ content: [Inline]) throws {
            for inline in content {
                switch inline {
                case .text(let s): out += text(typographicMinus(s))
                case .emph(let c): out += "<em>"; try inlines(c); out += "</em>"
                case .strong(let c): out += "<strong>"; try inlines(c); out += "</strong>"
                case .strikethrough(let c): out += "<del>"; try inlines(c); out += "</del>"
                case .code(let s): out += "<code>\(text(s))</code>"
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
        }

        mutating func math(_ tex: String, display: Bool, position: SourcePosition) throws {
            let rendered: (svg: String, baselineOffset: Double, height: Double)?
            do {
                rendered = try assets.mathSVG(tex: tex, display: display)
            } catch let e as TemplateError {
                throw e
            } catch {
                throw TemplateError(file: file, at: position, "bad TeX: \(error)")
            }
            let cls = display ? "math display" : "math"
            let markup = try? assets.mathML(tex: tex, display: display)
            if let em = mathEmSize, let rendered, let markup {
                // The SVG is what the eye sees; the MathML beside it (visually hidden) is what screen
                // readers speak and what copy and search find.
                var shift = rendered.baselineOffset == 0 ? "" : " style=\"vertical-align: \(formatNumber(-rendered.baselineOffset, digits: 2))px\""
                var svg = embed(rendered.svg, prefix: "m")
                do {
                    // A deck sizes formulas in em of their own size (pt → em); the offset came in CSS px (4/3 px per pt).
                    shift = rendered.baselineOffset == 0 ? "" : " style=\"vertical-align: \(formatNumber(-rendered.baselineOffset * 0.75 / em, digits: 3))em\""
                    svg = svgSizeInEm(svg, pointsPerEm: em)
                }
                if let open = svg.range(of: "<svg") { svg.replaceSubrange(open, with: "<svg aria-hidden=\"true\"") }
                svg = svg.replacingOccurrences(of: " role=\"img\"", with: "")
                out += "<span class=\"\(cls)\"\(shift)>\(svg)\(markup.replacingOccurrences(of: "<math ", with: "<math class=\"mathml\" "))</span>"
            } else if let rendered {
                // Inline: the formula sits on the baseline (its depth below it) inside a margin box of
                // zero height, so it never pushes its line box and the leading stays even (TeX
                // likewise sets a line's depth and height from the strut unless boxes collide).
                let d = rendered.baselineOffset, h = rendered.height - d
                var svg = embed(rendered.svg, prefix: "m")
                var shift = ""
                if display {
                    if d != 0 { shift = " style=\"vertical-align: \(formatNumber(-d, digits: 2))px\"" }
                } else if let open = svg.range(of: "<svg ") {
                    // On the replaced <svg> itself: vertical margins of the inline span would be ignored.
                    svg.replaceSubrange(open, with: "<svg style=\"vertical-align: 0; margin: \(formatNumber(-h, digits: 2))px 0 \(formatNumber(-d, digits: 2))px\" ")
                }
                if let markup {
                    // The SVG is what the eye sees; the MathML beside it (visually hidden) is what screen
                    // readers speak and what copy and search find.
                    if let open = svg.range(of: "<svg") { svg.replaceSubrange(open, with: "<svg aria-hidden=\"true\"") }
                    svg = svg.replacingOccurrences(of: " role=\"img\"", with: "")
                    out += "<span class=\"\(cls)\"\(shift)>\(svg)\(markup.replacingOccurrences(of: "<math ", with: "<math class=\"mathml\" "))</span>"
                } else {
                    out += "<span class=\"\(cls)\" role=\"img\" aria-label=\"\(attr(tex))\"\(shift)>\(svg)</span>"
                }
            } else {
                out += "<code class=\"\(cls)\" role=\"img\" aria-label=\"\(attr(tex))\">\(text(tex))</code>"
            }
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
    i = 0
    while i < bytes.count {
        var token: [UInt8]? = nil
        for t in [idOpen, hrefOpen, urlOpen] + selectorOpens where matches(i, t) { token = t; break }
        guard let t = token else { out.append(bytes[i]); i += 1; continue }
        let s = i + t.count, e = selectorOpens.contains(t) ? selectorEnd(from: s) : name(from: s)
        out += t
        if ids.contains(bytes[s..<e]) { out += prefixBytes }
        out += bytes[s..<e]
        i = e
    }
    return String(decoding: out, as: UTF8.self)
}

/// Prose shows negative numbers with a true minus sign (U+2212), as typeset text does; values
/// are formatted with ASCII hyphen-minus so they stay valid TeX inside `$…$`. Only a hyphen that
/// starts a word and is followed by a digit changes, so dates and ranges (2026-11-23, 1-2) stay.
func typographicMinus(_ s: String) -> String {
    guard s.contains("-") else { return s }
    let chars = Array(s)
    var out = ""
    for (i, c) in chars.enumerated() {
        let startsWord = i == 0 || chars[i - 1] == " " || chars[i - 1] == "(" || chars[i - 1] == "[" || chars[i - 1] == "\n"
        if c == "-", startsWord, i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
            out.append("\u{2212}")
        } else {
            out.append(c)
        }
    }
    return out
}

/// Escapes text content for HTML and XML alike.
func text(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.append(c)
        }
    }
    return out
}

/// Escapes an attribute value (double-quoted).
func attr(_ s: String) -> String {
    text(s).replacingOccurrences(of: "\"", with: "&quot;")
}
