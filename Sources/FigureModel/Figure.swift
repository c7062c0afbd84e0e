public enum Scale: Sendable, Hashable { case linear, log }

public enum Limits: Sendable, Hashable {
    /// From the data, padded by a fraction of the range on each side (default depends on the marks).
    case auto(padding: Double? = nil)
    case fixed(Double, Double)
}

public enum TickSpec: Sendable, Hashable {
    /// Extended Wilkinson (linear) or decades (log).
    case auto
    case values([Double])
    /// Given positions with given labels.
    case labeled([(Double, String)])
    case none

    public static func == (a: TickSpec, b: TickSpec) -> Bool {
        switch (a, b) {
        case (.auto, .auto), (.none, .none): true
        case let (.values(x), .values(y)): x == y
        case let (.labeled(x), .labeled(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }
    public func hash(into h: inout Hasher) {
        switch self {
        case .auto: h.combine(0)
        case .none: h.combine(1)
        case .values(let v): h.combine(v)
        case .labeled(let v): h.combine(v.map(\.0)); h.combine(v.map(\.1))
        }
    }
}

public struct Axis: Sendable, Hashable {
    public var label: String?
    public var scale: Scale
    public var limits: Limits
    public var ticks: TickSpec
    /// The axis starts above zero on purpose (a zoom onto the part that differs): drawn with a
    /// break mark across its low end, so bars that start at zero are not read as their length.
    public var broken: Bool
    public init(label: String? = nil, scale: Scale = .linear, limits: Limits = .auto(), ticks: TickSpec = .auto,
                broken: Bool = false) {
        self.label = label; self.scale = scale; self.limits = limits; self.ticks = ticks; self.broken = broken
    }
}

public enum LegendPlacement: Sendable, Hashable {
    /// The candidate position covering the least data.
    case auto
    case none
    case upperRight, upperLeft, lowerLeft, lowerRight, upperCenter, lowerCenter, centerLeft, centerRight
    /// Outside the plot area, to the right.
    case outsideRight
}

public enum PanelFrame: Sendable, Hashable {
    /// Left and bottom spines with ticks.
    case axes
    /// All four spines.
    case box
    /// No spines, ticks or grid, equal aspect: diagrams (Venn diagrams, meshes drawn as polygons).
    case none
}

public struct Colorbar: Sendable, Hashable {
    public var label: String?
    public init(label: String? = nil) { self.label = label }
}

/// One plot area with its axes and marks.
public struct Panel: Sendable, Hashable {
    public var title: String?
    public var x: Axis
    public var y: Axis
    public var marks: [Mark]
    public var legend: LegendPlacement
    public var legendTitle: String?
    public var colorbar: Colorbar?
    public var frame: PanelFrame
    /// One data unit is the same length on both axes (always so for `frame: .none`).
    public var equalAspect: Bool
    /// nil follows the theme.
    public var grid: Bool?
    /// Raise the top of the y-axis so a legend along the top edge clears the data below the
    /// axis' top (its limit, or the data's highest point): head-room measured from the legend's
    /// laid-out height at the figure's final size, not guessed per figure.
    public var legendHeadroom = false

    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), marks: [Mark] = [],
                legend: LegendPlacement = .auto, legendTitle: String? = nil, colorbar: Colorbar? = nil,
                frame: PanelFrame = .axes, equalAspect: Bool = false, grid: Bool? = nil) {
        self.title = title; self.x = x; self.y = y; self.marks = marks; self.legend = legend
        self.legendTitle = legendTitle; self.colorbar = colorbar; self.frame = frame
        self.equalAspect = equalAspect; self.grid = grid
    }

    /// A panel without axes for diagrams: equal aspect, no spines, ticks or grid.
    public static func diagram(title: String? = nil, marks: [Mark], legend: LegendPlacement = .none,
                               x: ClosedRange<Double>? = nil, y: ClosedRange<Double>? = nil) -> Panel {
        Panel(title: title,
              x: Axis(limits: x.map { .fixed($0.lowerBound, $0.upperBound) } ?? .auto(padding: 0.04), ticks: .none),
              y: Axis(limits: y.map { .fixed($0.lowerBound, $0.upperBound) } ?? .auto(padding: 0.04), ticks: .none),
              marks: marks, legend: legend, frame: .none, equalAspect: true, grid: false)
    }
}

/// A whole figure: panels in a grid, a size, a theme, and the title and description (alt text)
/// that travel with it into PDF metadata and SVG `<title>`/`<desc>`.
///
/// ```swift
/// let h = Line.function({ p in p <= 0 || p >= 1 ? 0 : -(p * log2(p) + (1 - p) * log2(1 - p)) },
///                       over: 0...1, label: "$H(p)$")
/// let grid = try Grid2D(x: -3...3, y: 0.2...3, nx: 200, ny: 200) { m, s in 0.5 * (s * s + m * m - 1) - log(s) }
/// let figure = Figure(
///     title: "Entropy and a KL surface",
///     description: "Binary entropy, maximum 1 bit at p = 0.5; KL(N(μ,σ²)‖N(0,1)), minimum 0 at (0, 1).",
///     size: .handout, theme: .light,
///     panels: [
///         Panel(title: "Binary entropy", x: Axis(label: "$p$"), y: Axis(label: "bits"), marks: [.line(h)]),
///         Panel(title: "KL surface", x: Axis(label: "$\\mu$"), y: Axis(label: "$\\sigma$"),
///               marks: [.heatmap(Heatmap(grid)), .contour(Contour(grid, levels: .values([0.25, 0.5, 1, 2, 4])))],
///               colorbar: Colorbar(label: "KL [nats]"), frame: .box, grid: false),
///     ])
/// // CairoRender: try writeFigure(figure, format: .svg, to: "out/fig.svg")
/// ```
public struct Figure: Sendable, Hashable {
    public var title: String
    /// One paragraph of alt text describing what the figure shows, with its key numbers.
    public var description: String
    public var size: FigureSize
    public var theme: Theme
    /// Drawn above the panels when set (the title itself is metadata only).
    public var heading: String?
    public var panels: [Panel]
    /// Panels per row; rows follow from the panel count.
    public var columns: Int
    /// Panels in a column share x limits; only the bottom one shows x tick labels and label.
    public var sharedX: Bool
    /// Panels in a row share y limits; only the left one shows y tick labels and label.
    public var sharedY: Bool
    /// Multiplies every font size (1 = the size preset's own).
    public var fontScale: Double

    public init(title: String, description: String, size: FigureSize = .handout, theme: Theme = .light,
                heading: String? = nil, panels: [Panel], columns: Int? = nil, sharedX: Bool = false,
                sharedY: Bool = false, fontScale: Double = 1) {
        self.title = title; self.description = description; self.size = size; self.theme = theme
        self.heading = heading; self.panels = panels; self.columns = columns ?? max(panels.count, 1)
        self.sharedX = sharedX; self.sharedY = sharedY; self.fontScale = fontScale
    }
}
