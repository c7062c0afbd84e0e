import CairoRender
import Foundation
import Testing
@testable import Handouts

/// The document-element registry (Sources/Handouts/Elements/): every block kind is one entry,
/// and each entry reads its Markdown, writes its HTML and lays out its page and slide slabs.
@Suite struct ElementRegistryTests {
    /// Which element a slab was made by, for the page round trips.
    private static func slabKind(_ content: SlabContent) -> String {
        switch content {
        case .line: return "line"
        case .heading: return "heading"
        case .displayMath: return "equation"
        case .figure: return "figure"
        case .tableCaption: return "table caption"
        case .tableRow: return "table row"
        case .calloutTop: return "callout top"
        case .calloutBottom: return "callout bottom"
        case .title: return "title"
        case .footnoteLine: return "footnote"
        case .codeLine: return "code"
        case .rule: return "rule"
        case .space: return "space"
        case .element(let e): return "\(type(of: e.base))"
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var element: String
        var markdown: String
        var slides = false
        /// Markup the element's HTML holds.
        var html: [String]
        /// The kinds of its page slabs, in order.
        var page: [String]
        var testDescription: String { element }
    }

    static let cases: [Case] = [
        Case(element: "paragraph", markdown: "Plain *words* here.", html: ["<p>Plain <em>words</em> here.</p>"], page: ["line"]),
        Case(element: "heading", markdown: "# Entropy {#sec-h}", html: ["<h2 id=\"sec-h\"><span class=\"secno\">1</span>Entropy</h2>"],
             page: ["heading"]),
        Case(element: "equation", markdown: "$$ H(X) $$ {#eq-h}", html: ["<div class=\"equation\" id=\"eq-h\">", "<span class=\"eqno\">(1)</span>"],
             page: ["equation"]),
        Case(element: "figure", markdown: "```figure\nname: entropy-curve\ncaption: The curve.\nlabel: fig-c\n```",
             html: ["<figure id=\"fig-c\">", "<span class=\"figno\">Figure 1.</span> The curve."], page: ["figure"]),
        Case(element: "table", markdown: "| a | b |\n|--:|---|\n| 1 | 2 |\n\nTable: Two cells. {#tbl-t}",
             html: ["<figure class=\"table\" id=\"tbl-t\">", "<figcaption id=\"tbl-t-caption\"><span class=\"tblno\">Table 1.</span> Two cells.</figcaption>",
                    "<table aria-labelledby=\"tbl-t-caption\">", "<td style=\"text-align: right\">1</td>"],
             page: ["table caption", "table row", "table row"]),
        Case(element: "callout", markdown: "::: definition Entropy\nThe mean surprise.\n:::",
             html: ["<aside class=\"callout callout-definition\" aria-label=\"Definition: Entropy\">", "<p>The mean surprise.</p>"],
             page: ["callout top", "line", "callout bottom"]),
        Case(element: "list", markdown: "1. one\n2. two", html: ["<ol>\n<li>one</li>\n<li>two</li>\n</ol>"], page: ["line", "line"]),
        Case(element: "code", markdown: "```swift\nlet x = 1\nlet y = 2\n```",
             html: ["<pre><code class=\"language-swift\">let x = 1\nlet y = 2\n</code></pre>"], page: ["code", "code"]),
        Case(element: "quote", markdown: "> Quoted.", html: ["<blockquote>\n<p>Quoted.</p>\n</blockquote>"], page: ["line"]),
        Case(element: "rule", markdown: "Above.\n\n***\n\nBelow.", html: ["<hr/>"], page: ["line", "rule", "line"]),
        Case(element: "div", markdown: "::: notes\nSay it slowly.\n:::", slides: true,
             html: ["<aside class=\"notes\" aria-label=\"Speaker notes\">\n<p>Say it slowly.</p>\n</aside>"], page: []),
        Case(element: "pause", markdown: "First.\n\n. . .\n\nThen.", slides: true, html: ["<p>First.</p>\n<p>Then.</p>"],
             page: ["line", "line"]),
        Case(element: "slide break", markdown: "First.\n\n---\n\nThen.", slides: true, html: ["<hr/>"], page: ["line", "rule", "line"]),
    ]

    private static func document(_ c: Case) throws -> Document {
        try parse("---\ntitle: T\n" + (c.slides ? "format: slides\n" : "") + "---\n" + c.markdown + "\n")
    }

    /// All block kinds a document can hold, flattened (containers and what they hold).
    private static func flattened(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { b -> [Block] in
            switch b {
            case .callout(let c): return [b] + flattened(c.blocks)
            case .list(let l): return [b] + flattened(l.items.flatMap { $0 })
            case .blockQuote(let q): return [b] + flattened(q)
            case .div(let d): return [b] + flattened(d.blocks)
            default: return [b]
            }
        }
    }

    @Test func theRegistryCoversEveryElementKindOnce() throws {
        let names = DocumentElements.registry.map { $0.name }
        #expect(Set(names).count == names.count, "duplicate names in \(names)")
        // Every kind a document can hold is made by a registered element, and every registered
        // element is made by some Markdown (the cases below).
        var made: Set<String> = []
        for c in Self.cases {
            for b in Self.flattened(try Self.document(c).blocks) {
                let type = type(of: b.element)
                #expect(DocumentElements.registry.contains { $0 == type }, "\(type) is not registered")
                made.insert(type.name)
            }
        }
        #expect(made == Set(names))
        #expect(Set(Self.cases.map(\.element)) == Set(names))
    }

    @Test(arguments: cases) func parseThenHTMLThenPage(_ c: Case) throws {
        let doc = try Self.document(c)
        let own = doc.blocks.filter { type(of: $0.element).name == c.element }
        #expect(own.count == 1, "\(c.element): \(doc.blocks)")
        guard let block = own.first else { return }
        // The element gives back the block it was made from.
        #expect(block.element.block == block)

        var writer = HTMLWriter.State(file: doc.file, assets: FallbackAssets())
        let html = try writer.fragment(doc.blocks)
        for markup in c.html { #expect(html.contains(markup), "\(c.element) HTML:\n\(html)") }

        var planner = SlabPlanner(file: doc.file, geometry: PageGeometry(paper: .a4), measurer: MonoMeasurer())
        for b in doc.blocks { try planner.add(b, indent: 0) }
        #expect(planner.slabs.map { Self.slabKind($0.content) } == c.page)
    }

    /// On a slide a figure leaves its art height open (the slide sizes it to its free space) and
    /// drops "Figure n."; the other elements set as on a page.
    @Test func slideLayoutOfAFigureAndAParagraph() throws {
        let doc = try parse("---\ntitle: T\n---\nSome text.\n\n```figure\nname: entropy-curve\ncaption: The curve.\n```\n")
        var page = PageGeometry(paper: .a4)
        page.margin = (0, 100, 0, 100)
        var column = SlideColumnPlanner(planner: SlabPlanner(file: doc.file, geometry: page, measurer: MonoMeasurer()), width: page.textWidth)
        for b in doc.blocks { try b.element.layoutOnSlide(&column) }
        #expect(column.planner.slabs.map { Self.slabKind($0.content) } == ["line", "figure"])
        #expect(column.figureSlabs == [1])
        guard case .figure(_, let art, let caption) = column.planner.slabs[1].content else { return }
        #expect(art == 0)
        let words = caption.flatMap(\.fragments).compactMap { f -> String? in
            if case .word(let w, _, _) = f.content { return w } else { return nil }
        }
        #expect(words.joined(separator: " ") == "The curve.")
    }

    /// Adding an element is one file: `Remark` below is defined whole in this file, handed to the
    /// parser with the registry, and goes through parsing, numbering, page layout, PDF drawing
    /// (with its anchor and tags), a slide and HTML without a case for it anywhere in the library.
    @Test func anElementDefinedInOneFileGoesThroughEveryOutput() throws {
        func document(_ front: String) throws -> Document {
            try HandoutParser.parse(file: "Templates/t.md", source: "---\ntitle: T\n\(front)---\nBefore.\n\n!!! A *remark* here.\n\nAfter.\n",
                                    evaluator: fakeEvaluator, solutions: .inline, defaultFormat: .handout, figures: .builtIn,
                                    style: .default, elements: [Remark.self] + DocumentElements.registry)
        }
        let doc = try document("")
        let remark = Remark(inlines: [.text("A "), .emph([.text("remark")]), .text(" here.")])
        #expect(doc.blocks == [.paragraph([.text("Before.")]), remark.block, .paragraph([.text("After.")])])
        #expect(remark.block.element.block == remark.block)
        #expect(type(of: remark.block.element) == Remark.self)

        var writer = HTMLWriter.State(file: doc.file, assets: FallbackAssets())
        #expect(try writer.fragment(doc.blocks).contains("<aside class=\"remark\">A <em>remark</em> here.</aside>"))

        var planner = SlabPlanner(file: doc.file, geometry: PageGeometry(paper: .a4), measurer: MonoMeasurer())
        for b in doc.blocks { try planner.add(b, indent: 0) }
        #expect(planner.slabs.map { Self.slabKind($0.content) } == ["line", "RemarkSlab", "line"])

        let measurer = try HandoutMeasurer(fonts: doc.meta.fonts)
        let (drawing, _) = try paginateHandout(doc, measurer: measurer)
        let items = drawing.pages.flatMap(\.items)
        #expect(items.contains { if case .destination("remark", _, _) = $0 { true } else { false } })
        let pdf = try renderDocumentPDF(drawing, frames: documentFrames(drawing, figures: FigureFrames()))
        let text = try BuildFixtures.tool("pdftotext", [], pdf: pdf)
        #expect(text.contains("Before.") && text.contains("A remark here.") && text.contains("After."), "\(text)")

        let deck = try document("format: slides\n")
        let slides = try paintDeck(deck, measurer: try HandoutMeasurer(fonts: deck.meta.fonts))
        let slideText = try BuildFixtures.tool("pdftotext", [], pdf: try renderDocumentPDF(
            slides.deck, frames: documentFrames(slides.deck, figures: FigureFrames())))
        #expect(slideText.contains("A remark here."), "\(slideText)")
    }
}

/// A paragraph opening with `!!!`: a boxed remark on a page and a slide, `<aside class="remark">` in HTML.
private struct Remark: DocumentElement {
    static let name = "remark"
    var inlines: [Inline]

    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .paragraph, c.sourceLine(node.startLine).text.hasPrefix("!!! ") else { return nil }
        var inlines = try c.inlineOnly(try c.inlinePieces(node), context: "a remark")
        if case .text(let s)? = inlines.first { inlines[0] = .text(String(s.dropFirst(4))) }
        return .block(Remark(inlines: inlines).block)
    }

    mutating func resolve(_ numbering: Numbering) throws { inlines = try numbering.resolve(inlines) }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        let lines = try planner.setter(size: g.bodySize).set(inlines, width: planner.width(indent: indent) - 2 * g.calloutPadding)
        planner.slabs.append(LayoutSlab(height: lines.reduce(0) { $0 + $1.height } + 2 * g.calloutPadding, spaceBefore: g.paragraphSpace,
                                        content: .element(AnySlab(RemarkSlab(lines: lines))), indent: indent))
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        w.out += "<aside class=\"remark\">"
        try w.inlines(inlines)
        w.out += "</aside>\n"
    }
}

private struct RemarkSlab: ElementSlab {
    var lines: [TypesetLine]
    var anchor: String? { "remark" }
    func structurePart(_ slab: LayoutSlab) -> PageStructureBuilder.Part { .element(PageStructure("P")) }

    func paint(_ painter: PagePainter, _ slab: LayoutSlab, in box: PageRect) throws -> [PageItem] {
        let pad = painter.geometry.calloutPadding
        var items: [PageItem] = [.rect(box, fill: nil, stroke: painter.palette.rule, lineWidth: 0.5)]
        var y = box.y + pad
        for line in lines {
            items += try painter.line(line, x: box.x + pad, baseline: y + line.ascent, size: painter.geometry.bodySize)
            y += line.height
        }
        return items
    }
}
