/// A catalogue figure (```figure) or a plot-grammar figure (```plot, or the user's spec named in
/// a figure block; both read in FigureBlock.swift and PlotBlock.swift): numbered "Figure n", one
/// slab with its caption on a page, sized to the slide's free area on a slide, an inline SVG
/// (with a phone drawing when the page one would be illegible) in HTML.
extension Figure: DocumentElement {
    static let name = "figure"
    var block: Block { .figure(self) }

    /// A code block whose fence info names a figure-like block (`MarkdownConverter.fencedBlocks`).
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .codeBlock,
              let reader = node.fenceInfo.split(separator: " ").first.flatMap({ MarkdownConverter.fencedBlocks[String($0)] })
        else { return nil }
        let line = c.sourceLine(node.startLine)
        let fence = line.position(at: line.chars.prefix(while: { $0 == " " || $0 == "\t" }).count)
        return .block(try reader(&c, c.resolvingValues(node.literal), fence))
    }

    mutating func number(_ numbering: inout Numbering) {
        let n = numbering.next("figure")
        number = n
        if id.isEmpty { id = "fig-\(n)" }
        if let label { numbering.target(label, text: "Figure \(n)", id: id) }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        caption = try numbering.resolve(caption)
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        let width = planner.width(indent: indent)
        let caption = try planner.setter(size: g.bodySize * 0.9).set([.text("Figure \(number).  ")] + self.caption, width: width)
        let art = try measured(planner.file, position, "figure '\(name)'") { try planner.measurer.figureHeight(self, width: width) }
        // One slab: a figure never parts from its caption.
        planner.slabs.append(LayoutSlab(height: art + g.paragraphSpace + caption.reduce(0) { $0 + $1.height },
                                        spaceBefore: 2 * g.paragraphSpace, content: .figure(self, height: art, caption: caption),
                                        indent: indent))
    }

    func layoutOnSlide(_ column: inout SlideColumnPlanner) throws {
        let page = column.planner.geometry
        let file = column.planner.file
        // The caption under the art; "Figure n." is for handouts, a slide shows one or two.
        let caption = self.caption.isEmpty ? [] :
            try ParagraphSetter(file: file, measurer: column.planner.measurer, size: page.bodySize * 0.8, leading: page.leading * 0.8)
                .set(self.caption, width: column.width)
        for line in caption { try SlideLayout.checkWidth(line, width: column.width, position: position) }
        let captionHeight = caption.reduce(0) { $0 + $1.height }
        column.figureSlabs.append(column.planner.slabs.count)
        column.planner.slabs.append(LayoutSlab(height: caption.isEmpty ? 0 : page.paragraphSpace / 2 + captionHeight,
                                               spaceBefore: page.paragraphSpace, content: .figure(self, height: 0, caption: caption)))
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        let description = try w.figureAlt(self)
        w.out += "<figure id=\"\(attr(id))\">\n"
        var svg: String?, phone: PhoneFigure?
        do {
            svg = try w.assets.figureSVG(self, title: description)
            if let em = w.figureEmSize { svg = svg.map { svgSizeInEm($0, pointsPerEm: em) } }
            phone = svg == nil || !w.phoneFigures ? nil : try w.assets.phoneFigure(self, title: description)
        } catch let e as TemplateError {
            throw e
        } catch {
            throw TemplateError(file: w.file, at: position, "figure '\(name)': \(error)")
        }
        let ground = w.figureGround.map { " style=\"background: \(cssHex($0))\"" } ?? ""
        if let svg, let phone {
            // Two drawings, one shown: the page-width one, and below the width where its
            // smallest text would shrink under the legible minimum, one laid out for a phone.
            let below = Int(phone.below.rounded(.up))
            w.figureSwitches.insert(below)
            w.out += "<div class=\"figure-art switch-\(below)\"\(ground) role=\"img\" aria-label=\"\(attr(description))\">"
            w.out += "<div class=\"figure-wide\">" + w.embed(svg, prefix: "f") + "</div>"
            w.out += "<div class=\"figure-narrow\">" + w.embed(phone.svg, prefix: "f") + "</div>"
            w.out += "</div>\n"
        } else if let svg {
            w.out += "<div class=\"figure-art\"\(ground) role=\"img\" aria-label=\"\(attr(description))\">"
            w.out += w.embed(svg, prefix: "f")
            w.out += "</div>\n"
        } else {
            w.out += "<div class=\"figure-placeholder\" role=\"img\" aria-label=\"\(attr(description))\">"
            w.out += "figure <code>\(text(name))</code> is not in the figure catalogue yet</div>\n"
        }
        w.out += "<figcaption><span class=\"figno\">Figure \(number).</span> "
        try w.inlines(caption)
        w.out += "</figcaption>\n</figure>\n"
    }
}
