/// `. . .` on its own line: on a slide, what follows appears on the next overlay page
/// (SlideDeck.swift counts the steps). Nothing on a page or in HTML, where the reader sees all.
struct Pause: DocumentElement {
    static let name = "pause"
    var position: SourcePosition
    var block: Block { .pause(position) }

    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .paragraph, node.startLine == node.endLine else { return nil }
        let line = c.sourceLine(node.startLine)
        return line.text.trimmedSpaces == ". . ." ? .block(.pause(line.position(at: 0))) : nil
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {}

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {}

    func slideItems(_ cutter: inout StepCutter) throws -> [SlideItem] {
        cutter.step += 1
        return []
    }
}
