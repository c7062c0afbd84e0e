import func FigureModel.fixedDecimal

/// How good a laid-out document is, measured from the layout itself: the loosest line (interword
/// space over its natural width) and how much of each page's text area is left empty. These are
/// the targets issue 10 sets for print pages, reported by `-v` and checked by the tests.
public struct LayoutStatistics: Sendable, Equatable {
    public struct Loosest: Sendable, Equatable {
        /// Interword space over its natural width.
        public var factor: Double
        /// 0-based page.
        public var page: Int
        public var text: String
    }

    /// The loosest line of running text (paragraphs, list items, callouts, captions, footnotes);
    /// nil for a document without one.
    public var loosest: Loosest?
    /// Every line looser than `looseLimit`, in page order.
    public var looseLines: [Loosest]
    /// Issue 10's target for print pages: no interword space above 1.8 times its natural width.
    public static let looseLimit = 1.8
    /// Per page, the fraction of the text area's height below the last slab.
    public var emptyFraction: [Double]

    public var maxSpaceFactor: Double { loosest?.factor ?? 1 }
    /// The emptiest page other than the last (0 for a one-page document).
    public var maxEmptyBeforeLast: Double { emptyFraction.dropLast().max() ?? 0 }

    public init(_ laid: LaidOutDocument, textHeight: Double) {
        var loosest: Loosest?
        emptyFraction = []
        looseLines = []
        for (p, page) in laid.pages.enumerated() {
            for placed in page.slabs {
                for line in placed.slab.content.runningTextLines {
                    let here = Loosest(factor: line.spaceFactor, page: p, text: line.plainText)
                    if line.spaceFactor > (loosest?.factor ?? 0) { loosest = here }
                    if line.spaceFactor > LayoutStatistics.looseLimit { looseLines.append(here) }
                }
            }
            emptyFraction.append(max(0, 1 - page.usedHeight / textHeight))
        }
        self.loosest = loosest
    }

    /// One line for `-v`: "max word space 1.42× (p. 3: "…"), emptiest page 7% (p. 2)".
    public var summary: String {
        var parts: [String] = []
        if let l = loosest {
            parts.append("max word space \(fixedDecimal(l.factor, decimals: 2))× (p. \(l.page + 1): \"\(l.text.prefix(48))\")")
        }
        let before = emptyFraction.dropLast()
        if let m = before.max(), let k = before.firstIndex(of: m) {
            parts.append("emptiest page \(fixedDecimal(100 * m, decimals: 0))% (p. \(k + 1))")
        }
        if let last = emptyFraction.last {
            parts.append("last page \(fixedDecimal(100 * last, decimals: 0))% empty")
        }
        return parts.joined(separator: ", ")
    }
}

extension LaidOutPage {
    /// The height the page's content takes: every slab and the space above it (but the first's,
    /// dropped at the top of a page), wherever it stands. The footnotes' block (with its rule) at
    /// the foot counts as itself, and so does a float at the foot of the page: the gap above it
    /// is the page's empty space, as is what is left below the text on any other page.
    public var usedHeight: Double {
        slabs.enumerated().reduce(0) { $0 + $1.element.slab.height + ($1.offset == 0 ? 0 : $1.element.slab.spaceBefore) }
    }
}

extension SlabContent {
    /// Justified lines of running text in this slab (headings and titles are set ragged).
    var runningTextLines: [TypesetLine] {
        switch self {
        case .line(let l, _), .footnoteLine(let l, _): return [l]
        case .figure(_, _, let caption): return caption
        case .tableCaption(_, let lines): return lines
        case .element(let e): return e.base.justified ? e.base.lines : []
        default: return []
        }
    }
}

extension TypesetLine {
    var plainText: String {
        var out = ""
        for f in fragments {
            if !out.isEmpty { out += " " }
            switch f.content {
            // The hyphen a break inserted (a soft hyphen, see ParagraphSetter) shows as drawn.
            case .word(let w, _, _): out += w.replacingOccurrences(of: "\u{00AD}", with: "-")
            case .math(let m, _):
                // A formula broken into parts shows as its parts, without the joining empty Ord.
                out += "$" + (m.tex.hasSuffix("{}") ? String(m.tex.dropLast(2)) : m.tex) + "$"
            }
        }
        return out
    }
}
