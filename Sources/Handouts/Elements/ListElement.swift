/// A bullet or numbered list: items indented 18 pt with their marker on the first slab (tight
/// lists closer together); `<ul>`/`<ol>` in HTML.
extension ListBlock: DocumentElement {
    static let name = "list"
    var block: Block { .list(self) }

    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard node.kind == .list else { return nil }
        var items: [[Block]] = []
        for item in node.children { items.append(try c.blockList(item, context: "a list")) }
        return .block(.list(ListBlock(ordered: node.isOrderedList, start: node.listStart, tight: node.isTightList, items: items)))
    }

    mutating func number(_ numbering: inout Numbering) {
        items = items.map { $0.map { numbering.number($0) } }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        items = try items.map { try $0.map { try numbering.resolve($0) } }
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        for (n, item) in items.enumerated() {
            for (k, b) in item.enumerated() {
                let before = planner.slabs.count
                try planner.add(b, indent: indent + 18)
                guard k == 0, before < planner.slabs.count else { continue }
                planner.slabs[before].marker = ordered ? "\(start + n)." : "•"
                if tight { planner.slabs[before].spaceBefore = 2 }
            }
        }
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        let tag = ordered ? "ol" : "ul"
        w.out += "<\(tag)" + (ordered && start != 1 ? " start=\"\(start)\"" : "") + ">\n"
        for item in items {
            w.out += "<li>"
            for (k, b) in item.enumerated() {
                if self.tight, k > 0, case .paragraph = b { w.out += "<br/>" }
                try w.block(b, topLevel: false, tight: self.tight)
            }
            w.out += "</li>\n"
        }
        w.out += "</\(tag)>\n"
    }
}
