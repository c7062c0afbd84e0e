/// A `::: kind Title` … `:::` callout (note, definition, exercise, …): exercises numbered (in
/// References.swift, with their solutions); on a page a tinted box of slabs kept together at
/// its ends; in HTML an `<aside>` named by its label.
extension Callout: DocumentElement {
    static let name = "callout"
    var block: Block { .callout(self) }

    /// A `:::` line the slide divs before it in the registry left: `::: kind Title` opens a
    /// callout (title as inline Markdown, as in Pandoc), a bare `:::` closes the innermost div.
    static func parse(_ node: MarkdownNode, _ c: inout MarkdownConverter) throws -> MarkdownConverter.Item? {
        guard let fence = FenceLine(node, c) else { return nil }
        let line = fence.line
        if fence.word.isEmpty { return .divClose(line.position(at: 0)) }
        guard let kind = CalloutKind(rawValue: fence.word) else {
            let known = CalloutKind.allCases.map(\.rawValue) + (c.slides ? DivKind.allCases.map(\.rawValue) : [])
            throw TemplateError(file: c.file, at: line.position(at: fence.wordOffset),
                                "unknown callout kind '\(fence.word)' (known: \(known.joined(separator: ", ")))")
        }
        var title = try c.protection.protectRun([line.dropping(fence.wordOffset + fence.word.count)])[0]
        // The title is inline text after the kind, as in Pandoc: a leading mark keeps cmark from
        // reading "1. Intro" or "- x" as a list or "# x" as a heading. The mark is Unicode
        // punctuation (U+2E18, category Po) so that a quote or `*` after it flanks as at the start of
        // a line (CommonMark 0.31 §6.2): a private-use mark made `"Title"` open with a closing quote.
        let mark: Character = "\u{2E18}"
        let lead = title.chars.prefix(while: { $0 == " " || $0 == "\t" }).count
        title.chars.insert(mark, at: lead)
        title.positions.insert(title.position(at: lead), at: lead)
        var inlines = try c.inlineLine(title, context: "a callout title")
        if case .text(let s)? = inlines.first, s.first == mark { inlines[0] = .text(String(s.dropFirst())) }
        return .divOpen(kind, c.trim(inlines), line.position(at: 0))
    }

    /// "Exercise 2", "Solution to Exercise 2", "Definition": what the box's title starts with.
    var label: String {
        switch (kind, number) {
        case (.exercise, let n?): return "Exercise \(n)"
        case (.solution, let n?): return "Solution to Exercise \(n)"
        default: return kind.displayName
        }
    }

    /// What the box's title line starts with, in bold: the label and, before a title, ". "
    /// ("Definition. Entropy"; a callout without a title is "Key idea" alone). The PDF page and
    /// slide and the HTML deck all print this; the handout page's HTML sets the label as a small-caps
    /// eyebrow instead, apart from the title by its spacing.
    var titleLead: String { label + (title == nil ? "" : ". ") }

    mutating func number(_ numbering: inout Numbering) {
        blocks = blocks.map { numbering.number($0) }
    }

    mutating func resolve(_ numbering: Numbering) throws {
        if let title { self.title = try numbering.resolve(title) }
        blocks = try blocks.map { try numbering.resolve($0) }
    }

    func layoutOnPage(_ planner: inout SlabPlanner, indent: Double) throws {
        let g = planner.geometry
        let pad = g.calloutPadding
        let title = try planner.setter(size: g.bodySize).set([.strong([.text(titleLead)] + (self.title ?? []))],
                                                             width: planner.width(indent: indent) - 2 * pad)
        planner.slabs.append(LayoutSlab(height: pad + title.reduce(0) { $0 + $1.height }, spaceBefore: 2 * g.paragraphSpace,
                                        keepWithNext: true, content: .calloutTop(self, title: title), indent: indent))
        let first = planner.slabs.count - 1
        planner.rightInset += pad
        for b in blocks { try planner.add(b, indent: indent + pad) }
        planner.rightInset -= pad
        // The closing padding never starts a page on its own.
        if !planner.slabs.isEmpty { planner.slabs[planner.slabs.count - 1].keepWithNext = true }
        planner.slabs.append(LayoutSlab(height: pad, content: .calloutBottom(self), indent: indent))
        for k in first..<planner.slabs.count { planner.slabs[k].callout = kind }
    }

    func html(_ w: inout HTMLWriter.State, topLevel: Bool, tight: Bool) throws {
        let aria = label + (title.map { ": " + $0.plainText } ?? "")
        w.out += "<aside class=\"callout callout-\(kind.rawValue)\"" + (id.map { " id=\"\(attr($0))\"" } ?? "")
        w.out += " aria-label=\"\(attr(aria))\">\n<p class=\"callout-title\"><span class=\"callout-kind\">\(text(w.calloutTitleLeads ? titleLead : label))</span>"
        if let title { try w.inlines(title) }
        w.out += "</p>\n"
        for b in blocks { try w.block(b, topLevel: false) }
        w.out += "</aside>\n"
    }
}

/// A paragraph that is one `:::` line (callouts and slide divs open and close with one): the
/// word after the colons, where it starts, and what follows it.
struct FenceLine {
    let line: SourcedLine
    /// The kind as written (`note`, `notes`, `{.incremental}`); empty on a closing line.
    let word: String
    let wordOffset: Int
    /// What follows the word on the line, trimmed.
    let rest: String

    init?(_ node: MarkdownNode, _ c: MarkdownConverter) {
        guard node.kind == .paragraph, node.startLine == node.endLine else { return nil }
        line = c.sourceLine(node.startLine)
        let body = line.text
        guard body.hasPrefix(":::") else { return nil }
        let afterColons = String(body.drop(while: { $0 == ":" }))
        let trimmed = afterColons.trimmedSpaces
        wordOffset = body.count - afterColons.count
            + (afterColons.count - afterColons.drop(while: { $0 == " " || $0 == "\t" }).count)
        word = String(trimmed.prefix(while: { $0 != " " && $0 != "\t" }))
        rest = String(trimmed.dropFirst(word.count)).trimmedSpaces
    }
}
