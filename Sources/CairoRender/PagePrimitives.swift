import FigureModel
import Frame
import MathTypesetting

/// What a paged document is drawn from: plain values, no knowledge of where they came from.
/// The handout front end turns its laid-out pages into these; this module only draws them.
/// Coordinates are points from the page's top-left corner, y down.

/// A page's colours, rectangles and link targets are the frame's own types (`Color`, `Rect`,
/// `LinkTarget`): one colour type from layout to every exporter.
public typealias PageColor = Color
public typealias PageRect = Rect
public typealias PageLinkTarget = LinkTarget

public struct PageFont: Sendable, Hashable {
    public var family: String
    public var bold: Bool
    public var italic: Bool
    public init(family: String, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.bold = bold; self.italic = italic
    }
}

/// A run of text set in one font, its left end on the baseline at (x, baseline).
public struct PageTextRun: Sendable, Hashable {
    public var text: String
    public var font: PageFont
    public var size: Double
    public var color: PageColor
    public var x: Double
    public var baseline: Double
    /// A word space follows the run (a word on a set line): the run ends in a space glyph, so PDF
    /// text extraction and tagged PDF see the word boundary.
    public var spaceAfter: Bool
    public init(_ text: String, font: PageFont, size: Double, color: PageColor = .black, x: Double, baseline: Double,
                spaceAfter: Bool = false) {
        self.text = text; self.font = font; self.size = size; self.color = color; self.x = x; self.baseline = baseline
        self.spaceAfter = spaceAfter
    }
}

public enum PageItem: Sendable {
    case text(PageTextRun)
    /// A typeset formula with its baseline's left end at (x, baseline).
    case math(MathBox, x: Double, baseline: Double, color: PageColor)
    /// A figure scaled to fill `rect` (its aspect ratio is the caller's business).
    case figure(Figure, PageRect)
    case rect(PageRect, fill: PageColor?, stroke: PageColor?, lineWidth: Double)
    /// A picture (a style's logo) scaled to fill `rect`.
    case image(DecodedPNG, PageRect)
    case line(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: PageColor)
    /// A clickable area (PDF only; SVG pages carry no links).
    case link(PageRect, PageLinkTarget)
    /// A named place a link can jump to (PDF only).
    case destination(String, x: Double, y: Double)
    /// Items drawn scaled by `scale` with their origin at (x, y) and clipped to `clip` (in the
    /// items' own coordinates): a slide's thumbnail on its notes page.
    case group([PageItem], x: Double, y: Double, scale: Double, clip: PageRect)
    /// Items forming one element of the document's logical structure (a tagged PDF's heading,
    /// paragraph, list item, table cell, figure or formula).
    case tagged(PageStructure, [PageItem])
}

public struct PageDrawing: Sendable {
    public var width: Double
    public var height: Double
    public var items: [PageItem]
    public init(width: Double, height: Double, items: [PageItem]) {
        self.width = width; self.height = height; self.items = items
    }
}

/// A PDF bookmark; `level` 1 is top level, deeper levels nest under the last shallower entry.
public struct PageOutlineEntry: Sendable, Hashable {
    public var level: Int
    public var title: String
    public var destination: String
    public init(level: Int, title: String, destination: String) {
        self.level = level; self.title = title; self.destination = destination
    }
}

public struct DocumentDrawing: Sendable {
    public var title: String
    public var author: String?
    public var subject: String?
    public var pages: [PageDrawing]
    public var outline: [PageOutlineEntry]
    /// PDF page labels (ISO 32000-1 §12.4.2), one per page, so viewers show slide numbers; nil: none.
    public var pageLabels: [String]?
    /// The document's language (BCP 47, front matter `lang:`), the PDF catalog's /Lang.
    public var language: String?
    public init(title: String, author: String? = nil, subject: String? = nil, pages: [PageDrawing],
                outline: [PageOutlineEntry] = []) {
        self.title = title; self.author = author; self.subject = subject; self.pages = pages
        self.outline = outline
    }
}

/// A structure element for page items (the frame's, named for the page layer that builds it).
public typealias PageStructure = FrameStructure
