import CairoRender

/// A handout page's slabs as the elements of a tagged PDF's logical structure, in reading order
/// (the order slabs stand on the page), with the standard structure types of ISO 32000-1
/// §14.8.4: the title H1 and headings H2… (the levels the HTML handout uses), consecutive lines
/// one P (a new one where paragraph space opens it), list items L/LI with the marker as Lbl before
/// the LBody (§14.8.4.3.3), a table's caption and
/// rows Table/Caption/TR with TH/TD cells, figures and display equations with their alt text.
/// Elements do not cross pages: a paragraph broken by a page is two P, as the page's running
/// header and number (not tagged: artifacts, §14.8.2.2) stand between its halves.
struct PageStructureBuilder {
    private(set) var elements: [PageItem] = []
    private var paragraph: (role: String, items: [PageItem])?
    private var listItem: [PageItem]?
    private var listLabel: PageItem?
    private var listIndent = 0.0
    private var list: [PageItem]?
    private var table: (model: Table, items: [PageItem])?

    /// How one slab joins the structure.
    enum Part {
        /// A line of running text; `opens` starts a new paragraph of `role` (P, Note, Code).
        case line(role: String, opens: Bool, indent: Double, marker: Bool)
        /// An element of its own.
        case element(PageStructure)
        /// Already tagged by the painter (a figure and its caption, the title block).
        case tagged
        case tableCaption(Table)
        case tableRow(Table)
        /// Decoration: boxes, rules, space.
        case artifact
    }

    mutating func add(_ items: [PageItem], as part: Part) {
        guard !items.isEmpty else { return }
        var items = items
        switch part {
        case .line(let role, let opens, let indent, let marker):
            closeTable()
            if marker {
                closeListItem()
                if list == nil { list = []; listIndent = indent }
                listItem = []
                // The painter puts a marker first, tagged Lbl: it stands before the item's body.
                if case .tagged(let s, _)? = items.first, s.role == "Lbl" { listLabel = items.removeFirst() }
            } else if list != nil, indent < listIndent {
                closeList()
            }
            if opens || marker || paragraph?.role != role { closeParagraph() }
            if paragraph == nil { paragraph = (role, []) }
            paragraph?.items += items
        case .tableCaption(let t), .tableRow(let t):
            closeParagraph(); closeList()
            if let open = table, open.model != t { closeTable() }
            if table == nil { table = (t, []) }
            if case .tableCaption = part {
                table?.items.append(.tagged(PageStructure("Caption"), items))
            } else {
                table?.items.append(.tagged(PageStructure("TR"), items))
            }
        case .element(let s):
            closeAll()
            elements.append(.tagged(s, items))
        case .tagged, .artifact:
            closeAll()
            elements += items
        }
    }

    mutating func finish() -> [PageItem] {
        closeAll()
        return elements
    }

    private mutating func closeAll() { closeParagraph(); closeList(); closeTable() }

    private mutating func closeParagraph() {
        guard let p = paragraph else { return }
        paragraph = nil
        let element = PageItem.tagged(PageStructure(p.role), p.items)
        if listItem != nil { listItem?.append(element) } else { elements.append(element) }
    }

    private mutating func closeListItem() {
        closeParagraph()
        guard let body = listItem else { return }
        listItem = nil
        let label = listLabel.map { [$0] } ?? []
        listLabel = nil
        list?.append(.tagged(PageStructure("LI"), label + [.tagged(PageStructure("LBody"), body)]))
    }

    private mutating func closeList() {
        closeListItem()
        guard let l = list else { return }
        list = nil
        if !l.isEmpty { elements.append(.tagged(PageStructure("L"), l)) }
    }

    private mutating func closeTable() {
        guard let t = table else { return }
        table = nil
        elements.append(.tagged(PageStructure("Table"), t.items))
    }
}

/// The structure role of a heading of `level` (1 = `#`): one below the title's H1, as in the HTML.
func headingRole(_ level: Int) -> String { "H\(min(max(level, 1) + 1, 6))" }
