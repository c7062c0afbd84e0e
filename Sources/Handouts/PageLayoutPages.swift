/// Page breaking over a vertical list of slabs (a line of a paragraph, a heading, a whole figure,
/// an equation, a callout header, a table row). Each slab is unbreakable; `keepWithNext` glues it
/// to the following slab, which is how headings stay with what follows, callout headers with
/// their first line, and paragraphs avoid orphan and widow lines (at least two lines on each side
/// of a break, the rule of Bringhurst §2.4.8 and TeX's \clubpenalty/\widowpenalty set to 10000).
public struct LayoutSlab: Sendable, Equatable {
    public var height: Double
    /// Space above the slab; dropped at the top of a page.
    public var spaceBefore: Double
    public var keepWithNext: Bool
    public var content: SlabContent
    /// Left indent (lists, callout bodies) in points.
    public var indent: Double
    /// A list item's bullet or number, drawn in the indent before this slab.
    public var marker: String?
    /// Set on every slab inside a callout box, so a box split across pages can be painted
    /// slab by slab.
    public var callout: CalloutKind?

    public init(height: Double, spaceBefore: Double = 0, keepWithNext: Bool = false, content: SlabContent, indent: Double = 0,
                marker: String? = nil) {
        self.height = height
        self.spaceBefore = spaceBefore
        self.keepWithNext = keepWithNext
        self.content = content
        self.indent = indent
        self.marker = marker
    }
}

public enum SlabContent: Sendable, Equatable {
    case line(TypesetLine, justified: Bool)
    case heading(Heading, lines: [TypesetLine])
    case displayMath(DisplayMath, BoxMetrics)
    case figure(Figure, height: Double, caption: [TypesetLine])
    case tableCaption(Table, lines: [TypesetLine])
    /// `row` nil is the header row; `cells` are the row's cells set on one line each, and
    /// `columns` the widths shared by every row of the table.
    case tableRow(Table, row: Int?, cells: [TypesetLine], columns: [Double])
    case calloutTop(Callout, title: [TypesetLine])
    case calloutBottom(Callout)
    case title(DocumentMeta, title: [TypesetLine], subtitle: [TypesetLine])
    /// A footnote, set as an endnote: its number is the slab's marker.
    case footnoteLine(TypesetLine, number: Int)
    case codeLine(String)
    case rule
    /// Vertical space only (in tests and for spacing tweaks).
    case space
}

public struct PlacedSlab: Sendable, Equatable {
    public var slab: LayoutSlab
    /// Top of the slab from the top of the text area.
    public var y: Double
}

public struct LaidOutPage: Sendable, Equatable {
    public var slabs: [PlacedSlab]
}

public enum PageBreaker {
    /// Fills pages in order. When a slab does not fit, the page ends before the chain of
    /// keep-with-next slabs that leads to it, so that chain moves whole to the next page; a chain
    /// taller than a page is cut where it overflows (nothing else can be done).
    ///
    /// Figures float, as LaTeX's do: a figure that does not fit on a page with an eighth or more
    /// left is placed at the top of the next one, and the paragraph lines that follow it in the
    /// source fill the gap instead (whole-line keeps still apply), so pages do not end half empty.
    public static func paginate(_ slabs: [LayoutSlab], pageHeight: Double) -> [LaidOutPage] {
        var queue = Array(slabs.indices)
        var pages: [LaidOutPage] = []
        var current: [Int] = []     // positions in `queue`
        var y = 0.0
        var k = 0
        func close(_ upTo: Int) {
            var placed: [PlacedSlab] = []
            var top = 0.0
            for (n, position) in current.prefix(upTo).enumerated() {
                let s = slabs[queue[position]]
                top += n == 0 ? 0 : s.spaceBefore
                placed.append(PlacedSlab(slab: s, y: top))
                top += s.height
            }
            pages.append(LaidOutPage(slabs: placed))
        }
        while k < queue.count {
            let s = slabs[queue[k]]
            let space = current.isEmpty ? 0 : s.spaceBefore
            if current.isEmpty || y + space + s.height <= pageHeight {
                current.append(k)
                y += space + s.height
                k += 1
                continue
            }
            if case .figure = s.content, pageHeight - y >= pageHeight / 8,
               let last = current.last, !slabs[queue[last]].keepWithNext {
                // Lines after the figure that fit in the gap, ending on a line that may end a page.
                var pulled: [Int] = []
                var yy = y
                var j = k + 1
                while j < queue.count, case .line = slabs[queue[j]].content, slabs[queue[j]].callout == nil {
                    let next = slabs[queue[j]]
                    if yy + next.spaceBefore + next.height > pageHeight { break }
                    yy += next.spaceBefore + next.height
                    pulled.append(j)
                    j += 1
                }
                while let l = pulled.last, slabs[queue[l]].keepWithNext { pulled.removeLast() }
                if let l = pulled.last {
                    // Move the figure after the pulled lines; they now come next and fit.
                    let figure = queue.remove(at: k)
                    queue.insert(figure, at: l)
                    continue
                }
            }
            var cut = current.count
            while cut > 0, slabs[queue[current[cut - 1]]].keepWithNext { cut -= 1 }
            if cut == 0 { cut = current.count }
            close(cut)
            k = cut < current.count ? current[cut] : k
            current = []
            y = 0
        }
        if !current.isEmpty { close(current.count) }
        return pages
    }
}
