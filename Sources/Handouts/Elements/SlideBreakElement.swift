/// `---` between blank lines in a deck: a new slide without a title (SlideDeck.swift cuts the
/// deck there). Printed as a handout's rule wherever a document holds one outside a deck.
struct SlideBreak: DocumentElement {
    static let name = "slide break"
    var position: SourcePosition
    var block: Block { .slideBreak(position) }

    /// In a deck, a `---` line (exactly, between blank lines) separates slides instead of drawing a rule.
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .thematicBreak, c.slides else { return nil }
        let line = c.sourceLine(node.startLine)
        return line.text == "---" ? .block(.slideBreak(line.position(at: 0))) : nil
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        try ThematicBreak().layoutOnPage(&planner, indent: indent)
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        try ThematicBreak().html(&w, topLevel: topLevel, tight: tight)
    }
}
