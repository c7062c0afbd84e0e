import CairoRender

/// One kind of document element (as KaTeX registers one entry per command): everything the
/// builder does with it lives in its own file, as a conformance of its value type. The parsed
/// `Block` stays the document's value type (equatable, pattern-matched by tests); `element`
/// is the one place that maps a block to the code of its kind.
///
/// Adding an element is one file and its line in `DocumentElements.registry` (the parse order, as
/// KaTeX's function list imports each function's file): the block it makes is `.element` (the
/// default `block`), and what it puts on a page is `.element` slabs (`ElementSlab`, drawn by the
/// slab itself), so no switch over blocks or slab kinds needs a case for it. The built-in kinds
/// keep cases of their own for the code that pattern-matches them (numbering, slides, floats).
///
/// What each entry says: how the element is read from a node of cmark's tree (`parse`, tried in
/// `DocumentElements.registry` order), numbered and cross-referenced (`number`, `resolve`), laid
/// out as page slabs (`layoutOnPage`), laid out on a slide (`layoutOnSlide`, the page layout at
/// the slide's type scale unless the element differs there) and written as HTML (`html`).
protocol DocumentElement: Sendable, Equatable {
    /// The registry's name for the kind (unique; the coverage test checks it).
    static var name: String { get }
    /// The element back as the document's block.
    var block: Block { get }
    /// The element (or a marker for the tree reader's grouping: a div's open and close lines, a
    /// table's caption) read from `node`; nil when the node is not this element.
    static func parse(_ node: MarkdownNode, _ converter: inout MarkdownConverter) throws -> MarkdownConverter.Item?
    /// Takes the numbers this element (and what it holds) uses; records its reference targets.
    mutating func number(_ numbering: inout Numbering)
    /// Turns its `@label` references into text and anchors.
    mutating func resolve(_ numbering: Numbering) throws
    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws
    func layoutOnSlide(_ column: inout SlideColumnPlanner) throws
    /// What the element puts on a slide, and from which overlay step (`cutter.step`).
    func slideItems(_ cutter: inout StepCutter) throws -> [SlideItem]
    /// `topLevel`: a heading opens a `<section>`; `tight`: a paragraph of a tight list item has no `<p>`.
    func html(_ writer: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws
}

extension DocumentElement {
    var block: Block { .element(AnyElement(self)) }
    static func parse(_ node: MarkdownNode, _ converter: inout MarkdownConverter) throws -> MarkdownConverter.Item? { nil }
    mutating func number(_ numbering: inout Numbering) {}
    mutating func resolve(_ numbering: Numbering) throws {}
    func layoutOnSlide(_ column: inout SlideColumnPlanner) throws { try layoutOnPage(&column.planner, indent: 0) }
    func slideItems(_ cutter: inout StepCutter) throws -> [SlideItem] { [.block(block, step: cutter.step)] }
}

enum DocumentElements {
    /// Every element kind, in the order the tree reader tries them on a node (the first whose
    /// `parse` answers wins: the special paragraphs before the plain one, the figure-like code
    /// blocks before plain code, a deck's `---` before the rule).
    static let registry: [any DocumentElement.Type] = [
        Div.self, Callout.self, Pause.self, Table.self, DisplayMath.self, Paragraph.self,
        Heading.self, Figure.self, CodeBlock.self, SlideBreak.self, ThematicBreak.self,
        BlockQuote.self, ListBlock.self,
    ]
}

/// A block of an element kind without a case in `Block` (see `DocumentElement`).
public struct AnyElement: Sendable, Equatable {
    let base: any DocumentElement
    init(_ base: any DocumentElement) { self.base = base }

    public static func == (a: AnyElement, b: AnyElement) -> Bool { a.base.isEqual(b.base) }
}

extension DocumentElement {
    /// Equal to `other` when it is the same kind with the same value.
    func isEqual(_ other: any DocumentElement) -> Bool { (other as? Self) == self }
}

/// A page slab of an element kind without a case in `SlabContent`: the slab draws itself and says
/// what the page's other passes need (its lines for the word-space statistics, footnote marks and a
/// slide's width check; the anchor it marks; its place in the tagged structure).
protocol ElementSlab: Sendable, Equatable {
    /// The lines it holds (running text, counted in the word-space statistics when `justified`).
    var lines: [TypesetLine] { get }
    var justified: Bool { get }
    /// The id a cross-reference or the outline links to, marked at the slab's top.
    var anchor: String? { get }
    /// How it joins the page's logical structure.
    func structurePart(_ slab: LayoutSlab) -> PageStructureBuilder.Part
    /// What it draws in `box` (the slab's place on the page: text area left plus indent, its top,
    /// the measure left, its height).
    func paint(_ painter: PagePainter, _ slab: LayoutSlab, in box: PageRect) throws -> [PageItem]
}

extension ElementSlab {
    var lines: [TypesetLine] { [] }
    var justified: Bool { false }
    var anchor: String? { nil }
    func structurePart(_ slab: LayoutSlab) -> PageStructureBuilder.Part { .tagged }
    func isEqual(_ other: any ElementSlab) -> Bool { (other as? Self) == self }
}

/// A slab of an element kind without a case in `SlabContent`.
public struct AnySlab: Sendable, Equatable {
    let base: any ElementSlab
    init(_ base: any ElementSlab) { self.base = base }

    public static func == (a: AnySlab, b: AnySlab) -> Bool { a.base.isEqual(b.base) }
}

extension Block {
    /// The element this block is (the one switch over block kinds).
    var element: any DocumentElement {
        switch self {
        case .element(let e): e.base
        case .heading(let h): h
        case .paragraph(let inlines): Paragraph(inlines: inlines)
        case .displayMath(let m): m
        case .figure(let f): f
        case .table(let t): t
        case .callout(let c): c
        case .list(let l): l
        case .codeBlock(let info, let code): CodeBlock(info: info, code: code)
        case .blockQuote(let blocks): BlockQuote(blocks: blocks)
        case .div(let d): d
        case .pause(let p): Pause(position: p)
        case .slideBreak(let p): SlideBreak(position: p)
        }
    }
}

extension Numbering {
    /// A block numbered (with everything inside it).
    mutating func number(_ block: Block) -> Block {
        var element = block.element
        element.number(&self)
        return element.block
    }

    func resolve(_ block: Block) throws -> Block {
        var element = block.element
        try element.resolve(self)
        return element.block
    }
}

/// One column of a slide while its items are set: the page planner at the slide's scale, and
/// the figures whose art height the slide decides once it knows its free space.
struct SlideColumnPlanner {
    var planner: SlabPlanner
    let width: Double
    /// Slab indices of figures (their `height` holds the caption and gap only).
    var figureSlabs: [Int] = []
}
