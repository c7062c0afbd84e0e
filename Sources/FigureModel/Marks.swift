/// A point in data coordinates.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

public enum LineStyle: String, Sendable, Hashable, CaseIterable {
    case solid, dashed, dotted, dashDot, longDash
    /// Dash lengths in units of the line width (round caps make dots of the zero-length dashes).
    public var dashPattern: [Double] {
        switch self {
        case .solid: []
        case .dashed: [3.7, 1.8]
        case .dotted: [0.01, 2.0]
        case .dashDot: [3.7, 1.6, 0.01, 1.6]
        case .longDash: [6.5, 2.2]
        }
    }
}

public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    case circle, square, triangle, diamond, cross, plus, star
}

/// Where a text or mark position is measured.
public enum Coordinates: Sendable, Hashable {
    /// Data units of the panel.
    case data
    /// 0…1 across the plot area, (0, 0) bottom left.
    case axesFraction
}

public enum HorizontalAnchor: Sendable, Hashable { case left, center, right }
public enum VerticalAnchor: Sendable, Hashable { case top, middle, baseline, bottom }

/// A polyline through data points. NaN or infinite y values break the line.
public struct Line: Sendable, Hashable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Paint?
    public var style: LineStyle?
    /// Width in points; nil uses the size's default.
    public var width: Double?
    public var marker: MarkerShape?
    public init(x: [Double], y: [Double], label: String? = nil, color: Paint? = nil, style: LineStyle? = nil,
                width: Double? = nil, marker: MarkerShape? = nil) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.style = style; self.width = width
        self.marker = marker
    }
}

extension Line {
    /// Samples f at `samples` evenly spaced points of `domain` (non-finite values break the line).
    public static func function(_ f: (Double) -> Double, over domain: ClosedRange<Double>, samples: Int = 501,
                                label: String? = nil, color: Paint? = nil, style: LineStyle? = nil,
                                width: Double? = nil) -> Line {
        let n = max(samples, 2)
        let xs = (0..<n).map { domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double($0) / Double(n - 1) }
        return Line(x: xs, y: xs.map(f), label: label, color: color, style: style, width: width)
    }
}

/// The region between `lower` (default 0) and `upper`, filled, optionally outlined along `upper`.
public struct Area: Sendable, Hashable {
    public var x: [Double]
    public var upper: [Double]
    public var lower: [Double]?
    public var label: String?
    public var color: Paint?
    public var opacity: Double?
    public var outline: Bool
    public init(x: [Double], upper: [Double], lower: [Double]? = nil, label: String? = nil, color: Paint? = nil,
                opacity: Double? = nil, outline: Bool = false) {
        self.x = x; self.upper = upper; self.lower = lower; self.label = label; self.color = color
        self.opacity = opacity; self.outline = outline
    }
}

public struct Scatter: Sendable, Hashable {
    public var points: [Point]
    public var marker: MarkerShape
    /// Marker size (diameter) in points; nil uses the size's default.
    public var size: Double?
    public var label: String?
    public var color: Paint?
    public var edgeColor: Paint?
    public init(points: [Point], marker: MarkerShape = .circle, size: Double? = nil, label: String? = nil,
                color: Paint? = nil, edgeColor: Paint? = nil) {
        self.points = points; self.marker = marker; self.size = size; self.label = label; self.color = color
        self.edgeColor = edgeColor
    }
}

/// Bars over categories; the x axis shows the category names at 0, 1, 2, ….
public struct Bars: Sendable, Hashable {
    public enum Mode: Sendable, Hashable { case grouped, stacked }
    public struct Series: Sendable, Hashable {
        public var label: String?
        public var values: [Double]
        public var color: Paint?
        public init(label: String? = nil, values: [Double], color: Paint? = nil) {
            self.label = label; self.values = values; self.color = color
        }
    }
    public var categories: [String]
    public var series: [Series]
    public var mode: Mode
    /// Fraction of a category slot the bar group fills.
    public var groupWidth: Double
    /// Print each bar's value above it (stacked: inside each segment).
    public var showValues: Bool
    public init(categories: [String], series: [Series], mode: Mode = .grouped, groupWidth: Double = 0.8,
                showValues: Bool = false) {
        self.categories = categories; self.series = series; self.mode = mode; self.groupWidth = groupWidth
        self.showValues = showValues
    }
}

/// Text placed in the panel. A string containing `$…$` is TeX math; "\n" breaks lines.
public struct TextLabel: Sendable, Hashable {
    public var text: String
    public var at: Point
    public var coordinates: Coordinates
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    /// Relative to the annotation font size.
    public var scale: Double
    public var color: Paint?
    /// Degrees counter-clockwise.
    public var rotation: Double
    /// Draw on a rounded box in the legend's colours.
    public var boxed: Bool
    /// Width in data x units the text must fit in (e.g. the bar it is written on): the font shrinks
    /// to fit, down to 60 % of its size, since white text spilling off a bar onto a white
    /// background is lost. nil: no limit.
    public var fitWidth: Double?
    public init(_ text: String, at: Point, coordinates: Coordinates = .data, horizontal: HorizontalAnchor = .center,
                vertical: VerticalAnchor = .middle, scale: Double = 1, color: Paint? = nil, rotation: Double = 0,
                boxed: Bool = false, fitWidth: Double? = nil) {
        self.text = text; self.at = at; self.coordinates = coordinates; self.horizontal = horizontal
        self.vertical = vertical; self.scale = scale; self.color = color; self.rotation = rotation; self.boxed = boxed
        self.fitWidth = fitWidth
    }
}

/// Text at `textAt` with a leader line and arrowhead pointing at `point` (both in data units).
public struct Annotation: Sendable, Hashable {
    public var text: String
    public var point: Point
    public var textAt: Point
    public var color: Paint?
    public var arrowColor: Paint?
    /// More points the one label's leaders reach, besides `point` (a label that names two points
    /// with one value: "H(0.3) = H(0.7) = 0.881 bits").
    public var alsoPoints: [Point]
    public init(_ text: String, point: Point, textAt: Point, color: Paint? = nil, arrowColor: Paint? = nil, alsoPoints: [Point] = []) {
        self.text = text; self.point = point; self.textAt = textAt; self.color = color; self.arrowColor = arrowColor
        self.alsoPoints = alsoPoints
    }
}

public struct Arrow: Sendable, Hashable {
    public var from: Point
    public var to: Point
    public var color: Paint?
    public var width: Double?
    /// Heads at the end, or at both ends.
    public var doubleHeaded: Bool
    public init(from: Point, to: Point, color: Paint? = nil, width: Double? = nil, doubleHeaded: Bool = false) {
        self.from = from; self.to = to; self.color = color; self.width = width; self.doubleHeaded = doubleHeaded
    }
}

/// A closed shape in data coordinates.
public struct Shape: Sendable, Hashable {
    public enum Geometry: Sendable, Hashable {
        case circle(center: Point, radius: Double)
        /// Rotation in degrees counter-clockwise, in data space.
        case ellipse(center: Point, rx: Double, ry: Double, rotation: Double)
        case polygon([Point])
        case rectangle(from: Point, to: Point)
        /// An open polyline (brackets, braces, mesh edges); `fill` is ignored.
        case polyline([Point])
    }
    public var geometry: Geometry
    public var fill: Paint?
    public var stroke: Paint?
    public var strokeWidth: Double?
    public var style: LineStyle
    public var label: String?
    public init(_ geometry: Geometry, fill: Paint? = nil, stroke: Paint? = nil, strokeWidth: Double? = nil,
                style: LineStyle = .solid, label: String? = nil) {
        self.geometry = geometry; self.fill = fill; self.stroke = stroke; self.strokeWidth = strokeWidth
        self.style = style; self.label = label
    }
}

/// A horizontal or vertical line across the whole plot area.
public struct ReferenceLine: Sendable, Hashable {
    public enum Orientation: Sendable, Hashable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    public var color: Paint?
    public var style: LineStyle
    public var label: String?
    public init(_ orientation: Orientation, at value: Double, color: Paint? = nil, style: LineStyle = .dashed,
                label: String? = nil) {
        self.orientation = orientation; self.value = value; self.color = color; self.style = style; self.label = label
    }
}

/// Values on a rectangular grid: `values[j * xs.count + i]` is the value at (xs[i], ys[j]).
public struct Grid2D: Sendable, Hashable {
    public var xs: [Double]
    public var ys: [Double]
    public var values: [Double]
    public init(xs: [Double], ys: [Double], values: [Double]) throws {
        guard xs.count >= 2, ys.count >= 2 else { throw FigureError("a grid needs at least 2 x and 2 y positions") }
        guard values.count == xs.count * ys.count else {
            throw FigureError("grid has \(values.count) values; expected xs.count × ys.count = \(xs.count * ys.count)")
        }
        guard zip(xs, xs.dropFirst()).allSatisfy({ $0 < $1 }), zip(ys, ys.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw FigureError("grid positions must be strictly increasing")
        }
        self.xs = xs; self.ys = ys; self.values = values
    }
    /// Samples f on nx × ny evenly spaced points of [x0, x1] × [y0, y1].
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, nx: Int, ny: Int, _ f: (Double, Double) -> Double) throws {
        guard nx >= 2, ny >= 2 else { throw FigureError("a grid needs nx ≥ 2 and ny ≥ 2 (got \(nx)×\(ny))") }
        let xs = (0..<nx).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(nx - 1) }
        let ys = (0..<ny).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(ny - 1) }
        var v = [Double](repeating: 0, count: nx * ny)
        for j in 0..<ny { for i in 0..<nx { v[j * nx + i] = f(xs[i], ys[j]) } }
        try self.init(xs: xs, ys: ys, values: v)
    }
    public func value(_ i: Int, _ j: Int) -> Double { values[j * xs.count + i] }
    /// Finite minimum and maximum.
    public var finiteRange: ClosedRange<Double>? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        return lo <= hi ? lo...hi : nil
    }
}

/// The grid as colour cells centred on the grid positions.
public struct Heatmap: Sendable, Hashable {
    public var grid: Grid2D
    public var colorMap: ColorMap
    /// Values mapped to the ends of the colour map; nil uses the grid's finite range.
    public var range: ClosedRange<Double>?
    public init(_ grid: Grid2D, colorMap: ColorMap = .viridis, range: ClosedRange<Double>? = nil) {
        self.grid = grid; self.colorMap = colorMap; self.range = range
    }
}

/// Iso-lines of a grid by marching squares, optionally labelled inline.
public struct Contour: Sendable, Hashable {
    public enum Levels: Sendable, Hashable {
        case values([Double])
        /// About n nice levels over the grid's range.
        case count(Int)
    }
    public enum Coloring: Sendable, Hashable {
        /// Black or white per level, whichever contrasts with the panel heatmap's colour there.
        case contrasting
        case fixed(Paint)
        case colorMap(ColorMap)
    }
    public var grid: Grid2D
    public var levels: Levels
    public var coloring: Coloring
    public var width: Double?
    public var labels: Bool
    public init(_ grid: Grid2D, levels: Levels = .count(8), coloring: Coloring = .contrasting, width: Double? = nil,
                labels: Bool = true) {
        self.grid = grid; self.levels = levels; self.coloring = coloring; self.width = width; self.labels = labels
    }
}

/// Everything that can be drawn in a panel. Marks are drawn in order; text, annotations and the
/// legend always come last so nothing covers them.
public enum Mark: Sendable, Hashable {
    case line(Line)
    case area(Area)
    case scatter(Scatter)
    case bars(Bars)
    case text(TextLabel)
    case annotation(Annotation)
    case arrow(Arrow)
    case shape(Shape)
    case reference(ReferenceLine)
    case heatmap(Heatmap)
    case contour(Contour)
}
