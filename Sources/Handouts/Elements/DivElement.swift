/// Pandoc's fenced divs for slides: `::: notes` (speaker notes), `:::: columns` of `::: column`s
/// and `::: incremental` (SlideDeck.swift turns them into slide items and overlay steps). On a
/// page the notes stay out and columns and reveals read top to bottom; in HTML notes are an
/// `<aside>`, the others a `<div>` of their class.
extension Div: DocumentElement {
    static let name = "div"
    var block: Block { .div(self) }

    /// `::: notes`, `:::: columns`, `::: column`, `::: incremental` (Pandoc's `{.incremental}`
    /// means the same): a div that takes no title.
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard let fence = FenceLine(node, c) else { return nil }
        let word = fence.word
        let bare = word.hasPrefix("{.") && word.hasSuffix("}") ? String(word.dropFirst(2).dropLast()) : word
        guard let kind = DivKind(rawValue: bare) else { return nil }
        if !fence.rest.isEmpty {
            throw TemplateError(file: c.file, at: fence.line.position(at: fence.wordOffset + word.count),
                                "'::: \(bare)' takes no title (got '\(fence.rest)')")
        }
        return .slideDivOpen(kind, fence.line.position(at: 0))
    }

    mutating func number(_ numbering: inout Numbering) {
        blocks = blocks.map { numbering.number($0) }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        blocks = try blocks.map { try numbering.resolve($0) }
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        if kind != .notes { for b in blocks { try planner.add(b, indent: indent) } }
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        switch kind {
        case .notes:
            w.out += "<aside class=\"notes\" aria-label=\"Speaker notes\">\n"
        case .columns, .column, .incremental:
            w.out += "<div class=\"\(kind.rawValue)\">\n"
        }
        for b in blocks { try w.block(b, topLevel: false) }
        w.out += kind == .notes ? "</aside>\n" : "</div>\n"
    }

    func slideItems(_ cutter: inout StepCutter) throws -> [SlideItem] {
        switch kind {
        case .notes:
            cutter.notes += blocks
            return []
        case .incremental:
            // Each list item its own step, the first with what comes before it.
            var out: [SlideItem] = []
            var first = true
            for inner in blocks {
                guard case .list(let l) = inner else {
                    out += try cutter.items([inner])
                    continue
                }
                for (n, item) in l.items.enumerated() {
                    if !first { cutter.step += 1 }
                    first = false
                    var one = l
                    one.items = [item]
                    one.start = l.start + n
                    out.append(.block(.list(one), step: cutter.step))
                }
            }
            return out
        case .columns:
            var columns: [[SlideItem]] = []
            for inner in blocks {
                if case .div(let c) = inner, c.kind == .column {
                    columns.append(try cutter.items(c.blocks))
                } else {
                    throw TemplateError(file: cutter.file, at: position,
                                        "':::: columns' holds only '::: column' divs (each closed with ':::')")
                }
            }
            return columns.isEmpty ? [] : [.columns(columns)]
        case .column:
            throw TemplateError(file: cutter.file, at: position, "'::: column' stands inside ':::: columns'")
        }
    }
}
