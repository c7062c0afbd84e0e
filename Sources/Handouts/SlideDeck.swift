/// A deck read from a parsed `Document`: the same blocks a handout has, cut into slides.
/// `#` starts a section slide, `##` a slide with that title, `---` (between blank lines) a slide
/// without one; `. . .` and `::: incremental` lists give a slide its overlay steps (as Beamer's
/// `\pause` and `[<+->]`), and `::: notes` holds what the speaker reads, not the audience.
public enum SlideRole: Sendable, Equatable {
    case title, section, content
}

/// One thing on a slide and the overlay step from which it shows (0 = from the first page).
public enum SlideItem: Sendable, Equatable {
    case block(Block, step: Int)
    /// `:::: columns`: each column's items, left to right.
    case columns([[SlideItem]])
}

public struct Slide: Sendable, Equatable {
    public var role: SlideRole
    public var title: [Inline]
    /// The slide's line in the template (its heading, its `---`, or the front matter's title).
    public var position: SourcePosition
    /// Index into `SlideDeck.sections` of the section the slide belongs to.
    public var section: Int?
    public var items: [SlideItem]
    public var notes: [Block]
    /// Overlay pages: one more than the last step used.
    public var steps: Int
    public var shrink: Bool
}

public struct SlideDeck: Sendable, Equatable {
    public var slides: [Slide]
    public var sections: [[Inline]]

    /// Cuts the document's blocks into slides, the title slide first.
    public init(_ document: Document) throws {
        var slides: [Slide] = [Slide(role: .title, title: document.meta.title, position: SourcePosition(line: 2, column: 1),
                                     section: nil, items: [], notes: [], steps: 1, shrink: false)]
        var sections: [[Inline]] = []
        var body: [Block] = []
        var current: Slide?
        func finish() throws {
            if var s = current {
                var cutter = StepCutter(file: document.file)
                s.items = try cutter.items(body)
                s.notes = cutter.notes
                s.steps = cutter.step + 1
                slides.append(s)
            } else if body.contains(where: { if case .div(let d) = $0, d.kind == .notes { return false } else { return true } }) {
                // Material before the first heading: a slide of its own, untitled.
                current = Slide(role: .content, title: [], position: SourcePosition(line: 1, column: 1), section: nil,
                                items: [], notes: [], steps: 1, shrink: false)
                try finish()
                return
            } else if !body.isEmpty {
                var cutter = StepCutter(file: document.file)
                _ = try cutter.items(body)
                slides[0].notes += cutter.notes
            }
            current = nil
            body = []
        }
        for block in document.blocks {
            switch block {
            case .heading(let h) where h.sourceLevel == 1 || h.sourceLevel == 2:
                try finish()
                if h.sourceLevel == 1 { sections.append(h.inlines) }
                current = Slide(role: h.sourceLevel == 1 ? .section : .content, title: h.inlines,
                                position: h.position ?? SourcePosition(line: 1, column: 1),
                                section: sections.isEmpty ? nil : sections.count - 1, items: [], notes: [], steps: 1,
                                shrink: h.shrink)
            case .slideBreak(let pos):
                try finish()
                current = Slide(role: .content, title: [], position: pos, section: sections.isEmpty ? nil : sections.count - 1,
                                items: [], notes: [], steps: 1, shrink: false)
            default:
                body.append(block)
            }
        }
        try finish()
        self.slides = slides
        self.sections = sections
    }
}

/// Gives every block of a slide its overlay step, in reading order (left column before right).
struct StepCutter {
    let file: String
    var step = 0
    var notes: [Block] = []

    init(file: String) { self.file = file }

    /// Each block's slide items, as its element cuts them (most are one item at the current step).
    mutating func items(_ blocks: [Block]) throws -> [SlideItem] {
        var out: [SlideItem] = []
        for block in blocks { out += try block.element.slideItems(&self) }
        return out
    }
}
