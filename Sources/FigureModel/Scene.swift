/// A point in the figure's page space: points (1/72 in), origin top left, y down.
public struct ScenePoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

public struct Rect: Sendable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public func contains(_ p: ScenePoint) -> Bool { p.x >= x && p.x <= maxX && p.y >= y && p.y <= maxY }
    public func intersects(_ r: Rect) -> Bool { x < r.maxX && r.x < maxX && y < r.maxY && r.y < maxY }
    public func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    public func intersectionArea(_ r: Rect) -> Double {
        max(0, min(maxX, r.maxX) - max(x, r.x)) * max(0, min(maxY, r.maxY) - max(y, r.y))
    }
}

public enum PathElement: Sendable, Hashable {
    case move(ScenePoint)
    case line(ScenePoint)
    case curve(ScenePoint, ScenePoint, ScenePoint)
    case close
}

public enum LineCap: Sendable, Hashable { case butt, round, square }
public enum LineJoin: Sendable, Hashable { case miter, round, bevel }

public struct StrokeStyle: Sendable, Hashable {
    /// A role or the author's literal (see `Paint`).
    public var color: Paint
    public var width: Double
    /// Absolute dash lengths in points; empty is solid.
    public var dash: [Double]
    public var cap: LineCap
    public var join: LineJoin
    public init(color: Paint, width: Double, dash: [Double] = [], cap: LineCap = .butt, join: LineJoin = .round) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap; self.join = join
    }
}

public struct PathItem: Sendable, Hashable {
    public var elements: [PathElement]
    public var fill: Paint?
    public var stroke: StrokeStyle?
    public var clip: Rect?
    public init(_ elements: [PathElement], fill: Paint? = nil, stroke: StrokeStyle? = nil, clip: Rect? = nil) {
        self.elements = elements; self.fill = fill; self.stroke = stroke; self.clip = clip
    }
}

/// A run of text. `text` may contain `$…$` math; the renderer typesets it with the same
/// `TextMeasurer` rules that layout used.
public struct TextItem: Sendable, Hashable {
    public var text: String
    /// The anchor point; the text box is placed around it by `horizontal`/`vertical` (in the
    /// text's own rotated frame).
    public var position: ScenePoint
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    public var fontSize: Double
    public var color: Paint
    /// Degrees counter-clockwise.
    public var rotation: Double
    public var bold: Bool
    public init(text: String, position: ScenePoint, horizontal: HorizontalAnchor, vertical: VerticalAnchor,
                fontSize: Double, color: Paint, rotation: Double = 0, bold: Bool = false) {
        self.text = text; self.position = position; self.horizontal = horizontal; self.vertical = vertical
        self.fontSize = fontSize; self.color = color; self.rotation = rotation; self.bold = bold
    }
}

/// An RGB raster drawn into `frame` without smoothing (nearest neighbour).
public struct ImageItem: Sendable, Hashable {
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// Row-major, top row first, 0x00RRGGBB, or `backgroundPixel`.
    public var pixels: [UInt32]
    /// A pixel painted in the theme's background (a heatmap cell without data): the exporter
    /// resolves it, so a raster carries no theme colour either. Its top byte is set, which no
    /// 0x00RRGGBB colour has.
    public static let backgroundPixel: UInt32 = 0xFF00_0000
    public var frame: Rect
    public var clip: Rect?
    public init(pixelWidth: Int, pixelHeight: Int, pixels: [UInt32], frame: Rect, clip: Rect? = nil) {
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight; self.pixels = pixels; self.frame = frame
        self.clip = clip
    }
}

public enum SceneItem: Sendable, Hashable {
    case path(PathItem)
    case text(TextItem)
    case image(ImageItem)
}

/// A laid-out figure: a flat list of primitives in points, back to front (Typst's frame, ready for
/// any exporter).
public struct Scene: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var background: Paint
    public var items: [SceneItem]
    public var title: String
    public var description: String
    /// The families its labels were measured in (the theme's), which drawing must use too.
    public var textFont: String
    public var mathFont: String
    public init(width: Double, height: Double, background: Paint, items: [SceneItem], title: String, description: String,
                textFont: String, mathFont: String) {
        self.width = width; self.height = height; self.background = background; self.items = items
        self.title = title; self.description = description; self.textFont = textFont; self.mathFont = mathFont
    }
}

/// Size of a label as it will be drawn.
public struct TextExtent: Sendable, Hashable {
    public var width: Double
    /// From the top of the (first line's) box to the first baseline.
    public var ascent: Double
    /// From the first baseline to the bottom of the box (includes further lines).
    public var descent: Double
    public var height: Double { ascent + descent }
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
}

/// Measures labels for layout. The renderer supplies one backed by the HarfBuzz text shaper and
/// the TeX typesetter for `$…$`; tests use a fixed-advance fake.
public protocol TextMeasurer {
    func measure(_ text: String, fontSize: Double, bold: Bool) -> TextExtent
}

/// A deterministic stand-in: every character advances 0.6 em; lines are 1.2 em.
public struct FixedAdvanceMeasurer: TextMeasurer, Sendable {
    public init() {}
    public func measure(_ text: String, fontSize: Double, bold: Bool) -> TextExtent {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let longest = lines.map { $0.filter { $0 != "$" }.count }.max() ?? 0
        return TextExtent(width: 0.6 * fontSize * Double(longest), ascent: 0.93 * fontSize,
                          descent: 0.27 * fontSize + 1.2 * fontSize * Double(lines.count - 1))
    }
}
