/// A `>` block quote: its blocks indented 18 pt on a page, `<blockquote>` in HTML.
struct BlockQuote: DocumentElement {
    static let name = "quote"
    var blocks: [Block]
    var block: Block { .blockQuote(blocks) }

    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .blockQuote else { return nil }
        return .block(.blockQuote(try c.blockList(node, context: "a block quote")))
    }

    mutating func number(_ numbering: inout Numbering) {
        blocks = blocks.map { numbering.number($0) }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        blocks = try blocks.map { try numbering.resolve($0) }
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        for b in blocks { try planner.add(b, indent: indent + 18) }
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        w.out += "<blockquote>\n"
        for b in blocks { try w.block(b, topLevel: false) }
        w.out += "</blockquote>\n"
    }
}
