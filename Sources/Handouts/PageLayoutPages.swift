/// Page breaking over a vertical list of slabs (a line of a paragraph, a heading, a whole figure,
/// an equation, a callout header, a table row). Each slab is unbreakable; `keepWithNext` glues it
/// to the following slab, which is how headings stay with what follows, callout headers with
/// their first line, and paragraphs avoid orphan and widow lines (at least two lines on each side
/// of a break, the rule of Bringhurst §2.4.8). Those orphan and widow keeps are `softKeep`: like
/// TeX's finite \clubpenalty/\widowpenalty (150 in plain TeX), they give way when keeping them would
/// leave a page more than `PageBreaker.maxUnderfull` empty; a heading's keep and the line before a
/// display (TeX's \predisplaypenalty = 10000) never do.
public struct LayoutSlab: Sendable, Equatable {
    public var height: Double
    /// Space above the slab; dropped at the top of a page.
    public var spaceBefore: Double
    public var keepWithNext: Bool
    /// The keep is an orphan or widow keep, which an underfull page may break.
    public var softKeep = false
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
    /// A slab of an element kind without a case of its own, which draws itself (`ElementSlab`).
    case element(AnySlab)
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
    /// A float that does not fit moves to the top of the next page only when at least this much of
    /// the current page is left to fill with the text after it (less is a normal page end).
    public static let floatGap = 1.0 / 8
    /// A page that would end emptier than this breaks a soft keep instead (issue 10's target: no
    /// page but the last more than 15 % empty).
    public static let maxUnderfull = 0.15

    /// Fills pages in order. When a slab does not fit, the page ends before the chain of
    /// keep-with-next slabs that leads to it, so that chain moves whole to the next page; a chain
    /// taller than a page is cut where it overflows (nothing else can be done).
    ///
    /// Floats (a figure with its caption, a table short enough to stay whole) go where they stand
    /// when they fit, else to the top of the next page, as LaTeX's `tp`: the slabs that follow in
    /// the source fill the rest of the current page (keeps still apply; another float is not
    /// passed, so floats keep their order).
    ///
    /// `footnotes` holds each note's slabs by number: a note goes to the foot of the page whose
    /// slab references it, under `footnoteRule`, and the referencing slab moves on when its notes
    /// do not fit with it.
    /// `footFloats` false keeps floats off the foot of their page (see `paginateTight`).
    public static func paginate(_ source: [LayoutSlab], pageHeight: Double, footnotes: [Int: [LayoutSlab]] = [:],
                                footnoteRule: LayoutSlab = LayoutSlab(height: 0, content: .rule),
                                footFloats: Bool = true) -> [LaidOutPage] {
        var slabs = source
        var queue = Array(slabs.indices)
        var pages: [LaidOutPage] = []
        var current: [Int] = []     // positions in `queue`
        var notes: [Int] = []       // footnote numbers referenced on the current page, in order
        var y = 0.0
        var k = 0
        func notesHeight(_ numbers: [Int]) -> Double {
            guard !numbers.isEmpty else { return 0 }
            return numbers.reduce(footnoteRule.spaceBefore + footnoteRule.height) { sum, n in
                (footnotes[n] ?? []).reduce(sum) { $0 + $1.spaceBefore + $1.height }
            }
        }
        func references(_ position: Int) -> [Int] {
            slabs[queue[position]].content.footnoteReferences.filter { footnotes[$0] != nil }
        }
        /// Slabs of floats placed at the foot of their page (LaTeX's `b`).
        var atFoot: Set<Int> = []
        func close(_ upTo: Int) {
            var placed: [PlacedSlab] = []
            var top = 0.0
            var numbers: [Int] = []
            var foot: [LayoutSlab] = []
            for (n, position) in current.prefix(upTo).enumerated() {
                let s = slabs[queue[position]]
                for r in references(position) where !numbers.contains(r) { numbers.append(r) }
                if atFoot.contains(queue[position]) { foot.append(s); continue }
                top += n == 0 ? 0 : s.spaceBefore
                placed.append(PlacedSlab(slab: s, y: top))
                top += s.height
            }
            if !foot.isEmpty {
                // Stacked up from the footnotes (or the foot of the text area); the first one's
                // space above it is part of the gap between the text and the float.
                var y = pageHeight - notesHeight(numbers) - foot.enumerated().reduce(0) { $0 + $1.element.height + ($1.offset == 0 ? 0 : $1.element.spaceBefore) }
                for (n, s) in foot.enumerated() {
                    y += n == 0 ? 0 : s.spaceBefore
                    placed.append(PlacedSlab(slab: s, y: y))
                    y += s.height
                }
            }
            if !numbers.isEmpty {
                var bottom = pageHeight - notesHeight(numbers) + footnoteRule.spaceBefore
                placed.append(PlacedSlab(slab: footnoteRule, y: bottom))
                bottom += footnoteRule.height
                for n in numbers {
                    for note in footnotes[n] ?? [] {
                        bottom += note.spaceBefore
                        placed.append(PlacedSlab(slab: note, y: bottom))
                        bottom += note.height
                    }
                }
            }
            pages.append(LaidOutPage(slabs: placed))
        }
        /// The last queue position of the float starting at `position`, or nil when it is no float.
        func floatEnd(_ position: Int) -> Int? {
            let s = slabs[queue[position]]
            guard s.callout == nil else { return nil }
            switch s.content {
            case .figure: return position
            case .tableCaption, .tableRow(_, nil, _, _):
                // Only a table kept whole (caption, header and every row chained) floats.
                var e = position
                while slabs[queue[e]].keepWithNext, e + 1 < queue.count, case .tableRow = slabs[queue[e + 1]].content { e += 1 }
                guard case .tableRow(let t, let r?, _, _) = slabs[queue[e]].content, r == t.rows.count - 1 else { return nil }
                return e
            default: return nil
            }
        }
        /// Where the float at `float` could stand at the foot of this page (LaTeX's `b`): the
        /// longest head of the page, ending where a page may end, that leaves it room; the text
        /// after the head moves to the next page (a generalisation of LaTeX, which only uses room
        /// that is left). Returns how many slabs of the page stay, and the height the page then
        /// fills. Nil when a float or a heading is among the slabs that would move (floats keep
        /// their order and stay in their section) or no head leaves room.
        func footPlacement(float: ClosedRange<Int>) -> (cut: Int, fill: Double)? {
            var floatHeight = 0.0
            for p in float { floatHeight += (p == float.lowerBound ? 0 : slabs[queue[p]].spaceBefore) + slabs[queue[p]].height }
            let gap = slabs[queue[float.lowerBound]].spaceBefore
            let floatNotes = float.flatMap(references)
            var tops: [Double] = []
            var top = 0.0
            for (n, position) in current.enumerated() {
                top += (n == 0 ? 0 : slabs[queue[position]].spaceBefore) + slabs[queue[position]].height
                tops.append(top)
            }
            for cut in stride(from: current.count - 1, through: 1, by: -1) {
                // The float never passes another float nor a heading: it stays in its section.
                if floatEnd(current[cut]) != nil { return nil }
                if case .heading = slabs[queue[current[cut]]].content { return nil }
                guard !slabs[queue[current[cut - 1]]].keepWithNext else { continue }
                var numbers: [Int] = []
                for position in current.prefix(cut) { for r in references(position) where !numbers.contains(r) { numbers.append(r) } }
                for r in floatNotes where !numbers.contains(r) { numbers.append(r) }
                let fill = tops[cut - 1] + gap + floatHeight + notesHeight(numbers)
                if fill <= pageHeight { return (cut, fill) }
            }
            return nil
        }
        while k < queue.count {
            let s = slabs[queue[k]]
            let space = current.isEmpty ? 0 : s.spaceBefore
            let withNotes = notes + references(k).filter { !notes.contains($0) }
            // A float (a table is several slabs) fits only whole.
            let float = floatEnd(k)
            var floatHeight = s.height
            if let e = float, e > k {
                for p in (k + 1)...e { floatHeight += slabs[queue[p]].spaceBefore + slabs[queue[p]].height }
            }
            if current.isEmpty || y + space + floatHeight + notesHeight(withNotes) <= pageHeight {
                current.append(k)
                notes = withNotes
                y += space + s.height
                k += 1
                continue
            }
            if let end = float, pageHeight - y - notesHeight(notes) >= pageHeight * floatGap, let last = current.last {
                // What follows the float and fits in the gap, ending where a page may end. Later
                // floats met on the way are deferred too, behind this one.
                var pulled: [Int] = []
                var used: [Double] = []     // the page's height used through each pulled slab
                var yy = y
                var pulledNotes = notes
                var j = end + 1
                while j < queue.count {
                    if let e = floatEnd(j) {
                        j = e + 1
                        continue
                    }
                    let next = slabs[queue[j]]
                    let more = pulledNotes + references(j).filter { !pulledNotes.contains($0) }
                    if yy + next.spaceBefore + next.height + notesHeight(more) > pageHeight { break }
                    yy += next.spaceBefore + next.height
                    pulledNotes = more
                    pulled.append(j)
                    used.append(yy + notesHeight(more))
                    j += 1
                }
                let kept = lastBreak(pulled.map { queue[$0] }, from: y, pageHeight: pageHeight,
                                     used: yy + notesHeight(pulledNotes), slabs: slabs) ?? 0
                pulled.removeLast(pulled.count - kept)
                // A heading right before the float keeps with the text after it instead (LaTeX
                // leaves the heading and floats the figure); with no such text the two move on together.
                let mayLeave = !slabs[queue[last]].keepWithNext || !pulled.isEmpty
                // The top of the next page leaves this one as full as the text that came up; when
                // that is more than `maxUnderfull` empty, the foot of this page may do better.
                let topFill = kept > 0 ? used[kept - 1] : y + notesHeight(notes)
                if footFloats, topFill < pageHeight * (1 - maxUnderfull),
                   let (cut, fill) = footPlacement(float: k...end), fill > topFill {
                    let tail = current[cut]..<k
                    let floatSlabs = (k...end).map { queue[$0] }
                    queue.replaceSubrange(tail.lowerBound...end, with: floatSlabs + tail.map { queue[$0] })
                    atFoot.formUnion(floatSlabs)
                    current = Array(current.prefix(cut)) + Array(tail.lowerBound..<(tail.lowerBound + floatSlabs.count))
                    close(current.count)
                    k = tail.lowerBound + floatSlabs.count
                    current = []
                    notes = []
                    y = 0
                    continue
                }
                if mayLeave, let l = pulled.last {
                    // The pulled slabs come next and fit; the floats among them follow, in order.
                    let kept = Set(pulled)
                    let text = (k...l).filter(kept.contains).map { queue[$0] }
                    let floats = (k...l).filter { !kept.contains($0) }.map { queue[$0] }
                    queue.replaceSubrange(k...l, with: text + floats)
                    // Text resuming under a moved float keeps the float's own distance from it (as
                    // LaTeX's \textfloatsep), even in the middle of a paragraph.
                    if l + 1 < queue.count, let first = floats.first {
                        let next = queue[l + 1]
                        slabs[next].spaceBefore = max(slabs[next].spaceBefore, slabs[first].spaceBefore)
                    }
                    continue
                }
            }
            var cut = lastBreak(current.map { queue[$0] }, from: 0, pageHeight: pageHeight,
                                used: y + notesHeight(notes), slabs: slabs) ?? current.count
            if cut == 0 { cut = current.count }
            close(cut)
            k = cut < current.count ? current[cut] : k
            current = []
            notes = []
            y = 0
        }
        if !current.isEmpty { close(current.count) }
        return pages
    }

    /// How many of `run` (slabs stacked from height `from`, reaching `used` with all of them) may
    /// stay on the page: the run ends after its last slab that does not keep with the next; if that
    /// leaves the page more than `maxUnderfull` empty, soft keeps give way. Nil when every slab keeps.
    static func lastBreak(_ run: [Int], from: Double, pageHeight: Double, used: Double, slabs: [LayoutSlab]) -> Int? {
        var heights: [Double] = []   // page height used through each slab of the run
        var top = from
        for (n, i) in run.enumerated() {
            top += (n == 0 && from == 0 ? 0 : slabs[i].spaceBefore) + slabs[i].height
            heights.append(top)
        }
        let tail = used - (heights.last ?? from)   // footnotes and the like, below the run
        func lastAllowed(_ breaks: (LayoutSlab) -> Bool) -> Int? {
            run.indices.last(where: { breaks(slabs[run[$0]]) }).map { $0 + 1 }
        }
        let strict = lastAllowed { !$0.keepWithNext }
        let filled = (strict.map { heights[$0 - 1] } ?? from) + tail
        guard filled < pageHeight * (1 - maxUnderfull), let loose = lastAllowed({ !$0.keepWithNext || $0.softKeep }),
              loose > (strict ?? 0) else { return strict }
        return loose
    }
}

extension PageBreaker {
    /// A last page filled less than this is near-empty (a couple of lines): worth pulling back.
    public static let nearEmptyLastPage = 0.15
    /// How far the space between slabs may shrink to pull a near-empty last page back: up to a
    /// third, the shrink TeX gives the interword space (and about what LaTeX's section skips allow).
    static let spaceShrinkSteps = [0.9, 0.8, 0.67]

    /// `paginate`, then, when the last page is near-empty, the same with the space between slabs
    /// shrunk step by step until the page count drops (kept only if it does); failing that, with
    /// no float at the foot of a page, kept when its last page is not near-empty (a float at the
    /// foot of a page pushes the text under it on, which can leave a line or two on a page of
    /// their own; the issue asks for neither an underfull page nor such a last page, and of the
    /// two the stray lines look worse).
    public static func paginateTight(_ slabs: [LayoutSlab], pageHeight: Double, footnotes: [Int: [LayoutSlab]] = [:],
                                     footnoteRule: LayoutSlab = LayoutSlab(height: 0, content: .rule)) -> [LaidOutPage] {
        let pages = paginate(slabs, pageHeight: pageHeight, footnotes: footnotes, footnoteRule: footnoteRule)
        guard pages.count > 1, let last = pages.last, last.usedHeight < pageHeight * nearEmptyLastPage else { return pages }
        for shrink in spaceShrinkSteps {
            let tighter = slabs.map { s -> LayoutSlab in
                var t = s
                t.spaceBefore *= shrink
                return t
            }
            let candidate = paginate(tighter, pageHeight: pageHeight, footnotes: footnotes, footnoteRule: footnoteRule)
            if candidate.count < pages.count { return candidate }
        }
        let noFoot = paginate(slabs, pageHeight: pageHeight, footnotes: footnotes, footnoteRule: footnoteRule, footFloats: false)
        if noFoot.count <= pages.count, let end = noFoot.last, end.usedHeight >= pageHeight * nearEmptyLastPage { return noFoot }
        return pages
    }
}

extension SlabContent {
    /// Footnote numbers this slab's text refers to (its `#fn-N` links), in reading order.
    var footnoteReferences: [Int] {
        let lines: [TypesetLine]
        switch self {
        case .line(let l, _): lines = [l]
        case .heading(_, let l), .tableCaption(_, let l), .calloutTop(_, let l), .figure(_, _, let l): lines = l
        case .tableRow(_, _, let cells, _): lines = cells
        case .element(let e): lines = e.base.lines
        default: return []
        }
        var out: [Int] = []
        for line in lines {
            for f in line.fragments {
                if case .word(_, _, let link?) = f.content, link.hasPrefix("#fn-"), let n = Int(link.dropFirst(4)), !out.contains(n) {
                    out.append(n)
                }
            }
        }
        return out
    }
}
