/// The deck as one self-contained web page: a `<section>` per slide, one 16:9 frame each, CSS
/// scroll snapping so Page Down and the arrow keys move a slide at a time, a print stylesheet
/// that gives one slide per page, speaker notes in the markup but hidden. No script, no fetch.
/// Slide bodies are written by the handout's HTML writer; overlays show their final state.
public struct SlideHTMLWriter {
    public let assets: any HandoutAssets
    /// The formula size the assets typeset at, in pt (formulas are rescaled to em from it).
    public var mathSize: Double

    public init(assets: any HandoutAssets, mathSize: Double = 16.5) {
        self.assets = assets
        self.mathSize = mathSize
    }

    public func write(_ document: Document) throws -> String {
        let deck = try SlideDeck(document)
        let meta = document.meta
        var state = HTMLWriter.State(file: document.file, assets: assets)
        state.mathEmSize = mathSize
        state.phoneFigures = false
        state.calloutTitleLeads = true
        let geometry = SlideGeometry()
        // Figures at the size the PDF slide drew them, in em of the slide's body (a slide pt is
        // `--u` px, and so is the body's em over its size), so they scale with the slide.
        state.figureEmSize = geometry.bodySize
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(attr(meta.language))\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        // A deck has one scheme, its theme's (as the PDF); a meta element, which the HTML checker knows, not CSS color-scheme.
        out += "<meta name=\"color-scheme\" content=\"\(meta.theme == "dark" ? "dark" : "light")\"/>\n"
        out += "<meta name=\"generator\" content=\"infoplot\"/>\n"
        if let author = meta.author { out += "<meta name=\"author\" content=\"\(attr(author))\"/>\n" }
        let fonts = HandoutFonts(meta.fonts, style: meta.style)
        out += "<title>\(text(meta.title.plainText))</title>\n<style>\n"
        out += slideStylesheet(palette: .pages(meta, deck: true), fonts: fonts, logo: meta.style.logo != nil, geometry: geometry)
        out += "</style>\n</head>\n<body>\n"
        let total = deck.slides.count
        for (k, slide) in deck.slides.enumerated() {
            let number = k + 1
            out += "<section class=\"slide \(role(slide.role))\" id=\"slide-\(number)\" aria-label=\"Slide \(number) of \(total)\">\n"
            out += "<div class=\"frame\">\n"
            switch slide.role {
            case .title:
                out += logoHTML(meta.style, dark: meta.theme == "dark")
                let course = [meta.course, meta.lecture.map { "Lecture \($0)" }].compactMap { $0 }
                if !course.isEmpty { out += "<p class=\"course\">\(text(course.joined(separator: " · ")))</p>\n" }
                out += "<h1>\(try state.fragment(slide.title))</h1>\n"
                if let subtitle = meta.subtitle { out += "<p class=\"subtitle\">\(try state.fragment(subtitle))</p>\n" }
                let byline = [meta.author, meta.date].compactMap { $0 }
                if !byline.isEmpty { out += "<p class=\"byline\">\(text(byline.joined(separator: " · ")))</p>\n" }
            case .section:
                out += "<h1>\(try state.fragment(slide.title))</h1>\n"
            case .content:
                if !slide.title.isEmpty { out += "<h2>\(try state.fragment(slide.title))</h2>\n" }
            }
            if !slide.items.isEmpty {
                out += "<div class=\"body\">\n"
                for item in slide.items { out += try html(item, &state) }
                out += "</div>\n"
            }
            if !slide.notes.isEmpty {
                out += "<aside class=\"notes\" aria-label=\"Speaker notes\">\n\(try state.fragment(slide.notes))</aside>\n"
            }
            if slide.role != .title {
                let left = meta.style.running(meta.style.slideFooter, meta: meta, page: number, pages: total)
                out += "<footer><span>\(text(left))</span><span class=\"sections\">"
                for (s, name) in deck.sections.enumerated() {
                    out += s == slide.section ? "<strong>\(text(name.plainText))</strong> " : "<span>\(text(name.plainText))</span> "
                }
                out += "</span><span>\(number) / \(total)</span></footer>\n"
            }
            out += "</div>\n</section>\n"
        }
        // The formulas' and figures' shared glyph outlines (without them every glyph <use> points nowhere).
        out += assets.pageDefinitions()
        out += "</body>\n</html>\n"
        return out
    }

    private func role(_ r: SlideRole) -> String {
        switch r {
        case .title: return "title-slide"
        case .section: return "section-slide"
        case .content: return "content-slide"
        }
    }

    private func html(_ item: SlideItem, _ state: inout HTMLWriter.State) throws -> String {
        switch item {
        case .block(let b, _): return try state.fragment([b])
        case .columns(let columns):
            var out = "<div class=\"columns\">\n"
            for column in columns {
                out += "<div class=\"column\">\n"
                for i in column { out += try html(i, &state) }
                out += "</div>\n"
            }
            return out + "</div>\n"
        }
    }
}

/// Sizes are the PDF deck's points times `--u`, one slide point in CSS: the frame is the largest
/// 16:9 box in the viewport on screen and exactly 13.333 × 7.5 in on paper.
/// The colours are the PDF deck's palette (the house style's accent and callout hues on the deck's
/// ground), so a callout is the same colour in both.
func slideStylesheet(palette p: PagePalette, fonts: HandoutFonts, logo: Bool, geometry g: SlideGeometry) -> String {
    let vars = "--bg: \(cssHex(p.background)); --text: \(cssHex(p.text)); --muted: \(cssHex(p.muted)); --accent: \(cssHex(p.accent)); "
        + "--rule: \(cssHex(p.rule)); --ground: \(p.dark ? "#0c0d0f" : "#d8d8d8");\n  \(p.calloutCSSVariables)"
    let calloutRules = CalloutKind.allCases.map {
        ".callout-\($0.rawValue) { --callout: var(--\($0.rawValue)); --box: var(--\($0.rawValue)-tint); }"
    }.joined(separator: "\n")
    return """
        :root { \(vars)
          --u: min(calc(100vw / \(Int(g.width))), calc(100vh / \(Int(g.height)))); }
        html { scroll-snap-type: y mandatory; background: var(--ground); }
        body { margin: 0; }
        section.slide { height: 100vh; display: flex; align-items: center; justify-content: center;
          scroll-snap-align: start; scroll-snap-stop: always; }
        .frame { box-sizing: border-box; position: relative; overflow: hidden; display: flex; flex-direction: column;
          width: calc(\(Int(g.width)) * var(--u)); height: calc(\(Int(g.height)) * var(--u));
          padding: calc(\(Int(g.titleTop)) * var(--u)) calc(\(Int(g.marginX)) * var(--u)) calc(\(Int(g.footerHeight)) * var(--u));
          background: var(--bg); color: var(--text); font-family: \(cssFontList(fonts.text, fallbacks: ["TeX Gyre Heros", "sans-serif"]));
          font-size: calc(\(Int(g.bodySize)) * var(--u)); line-height: 1.27; }
        h1, h2 { color: var(--accent); margin: 0 0 0.45em; line-height: 1.2; }
        h2 { font-size: calc(\(Int(g.titleSize)) * var(--u)); }
        h1 { font-size: calc(\(Int(g.titleSize * 1.4)) * var(--u)); }
        .title-slide .frame, .section-slide .frame { justify-content: center; }
        .course { color: var(--muted); text-transform: uppercase; font-size: 0.65em; letter-spacing: 0.05em; margin: 0; }
        .subtitle { color: var(--muted); font-style: italic; font-size: 1.1em; margin: 0; }
        .byline { color: var(--muted); font-size: 0.75em; margin-top: 1.2em; }
        .body { flex: 1 1 auto; min-height: 0; }
        .body > * + * { margin-top: 0.45em; }
        p { margin: 0; } ul, ol { margin: 0; padding-left: 1.2em; } ul + ul, ol + ol { margin-top: 0.1em; }
        .columns { display: flex; gap: calc(\(Int(g.columnGap)) * var(--u)); }
        .column { flex: 1 1 0; min-width: 0; }
        .column > * + * { margin-top: 0.45em; }
        figure { margin: 0.3em 0 0; text-align: center; }
        .figure-art svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: 0.8em; display: table; margin: 0 auto; text-align: left; }
        figcaption .figno { display: none; }
        .math svg { display: inline; overflow: visible; }
        \(mathColorCSS)
        .math { position: relative; } .math .mathml { position: absolute; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .nobreak { white-space: nowrap; } .math-pieces { white-space: normal; }
        .math.display { display: block; text-align: center; margin: 0.3em 0; }
        .equation { text-align: center; } .eqno { float: right; }
        table { border-collapse: collapse; margin: 0.3em auto; }
        th, td { padding: 0.3em 0.6em; } thead th { border-bottom: 1px solid var(--text); }
        table { border-top: 2px solid var(--text); border-bottom: 2px solid var(--text); }
        figure.table { margin: 0; text-align: start; } figure.table > figcaption { padding-bottom: 0.3em; }
        .callout { background: var(--box); border-left: calc(3 * var(--u)) solid var(--callout); padding: 0.4em 0.6em; }
        .callout-title { font-weight: bold; color: var(--callout); }
        \(calloutRules)
        code { font-family: \(cssFontList(fonts.mono, fallbacks: ["monospace"])); font-size: 0.85em; }
        \(logo ? ".logo { position: absolute; top: calc(\(Int(g.titleTop)) * var(--u)); right: calc(\(Int(g.marginX)) * var(--u)); max-height: calc(\(Int(DeckPainter.logoMaxHeight)) * var(--u)); max-width: calc(\(Int(DeckPainter.logoMaxWidth)) * var(--u)); }" : "")
        a { color: var(--accent); }
        .notes { display: none; }
        footer { position: absolute; left: calc(\(Int(g.marginX)) * var(--u)); right: calc(\(Int(g.marginX)) * var(--u));
          bottom: calc(8 * var(--u)); display: flex; justify-content: space-between; gap: 1em;
          font-size: calc(11 * var(--u)); color: var(--muted); }
        footer strong { color: var(--accent); }
        .sections span, .sections strong { margin: 0 0.6em; }
        @page { size: 13.333in 7.5in; margin: 0; }
        @media print {
          html { scroll-snap-type: none; background: none; }
          section.slide { height: auto; display: block; break-after: page; page-break-after: always; }
          .frame { --u: calc(1in / 72); }
        }

        """
}
