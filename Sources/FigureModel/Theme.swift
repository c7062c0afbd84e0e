/// How a figure looks, as a value: colours, the series cycle, weights (a theme file's content,
/// see Themes/light.yaml). Sizes are in units of the
/// figure's base font size so one theme works for every size preset.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var background: Color
    public var foreground: Color        // text, spines, ticks
    public var mutedForeground: Color   // annotation leader lines, secondary text
    public var gridColor: Color
    public var legendBackground: Color
    public var legendEdge: Color
    /// Series colours, used in order by marks whose colour is not given.
    public var cycle: [Color]
    /// Series dash patterns in the same order; all `.solid` except in print.
    public var lineStyleCycle: [LineStyle]
    /// Markers added along automatically styled lines (print: tells series apart without colour).
    public var markerCycle: [MarkerShape]?
    public var fillOpacity: Double
    public var showGrid: Bool
    /// Text colour chosen for contour labels and colorbar lines over dark/light map colours.
    public var lightInk: Color
    public var darkInk: Color
    /// Hatching of filled series (bars) in order; nil where colour alone tells them apart.
    public var hatchCycle: [Hatch]? = nil

    /// The colour map of heatmaps that name none.
    public var colormap: ColorMap = .viridis

    /// The label fonts: prose in `textFont`, `$…$` in `mathFont` (a math font's companion text face
    /// by default, see `FontPairing`). Plain family names, so a handout's style can set them.
    public var textFont: String
    public var mathFont: String
    /// Each kind of text's size in units of the base font size.
    public var fontSizes: FontSizes

    public init(name: String, background: Color, foreground: Color, mutedForeground: Color, gridColor: Color,
                legendBackground: Color, legendEdge: Color, cycle: [Color], lineStyleCycle: [LineStyle],
                markerCycle: [MarkerShape]?, fillOpacity: Double, showGrid: Bool, lightInk: Color, darkInk: Color,
                hatchCycle: [Hatch]? = nil, colormap: ColorMap = .viridis, textFont: String, mathFont: String,
                fontSizes: FontSizes) {
        self.name = name; self.background = background; self.foreground = foreground
        self.mutedForeground = mutedForeground; self.gridColor = gridColor; self.legendBackground = legendBackground
        self.legendEdge = legendEdge; self.cycle = cycle; self.lineStyleCycle = lineStyleCycle; self.markerCycle = markerCycle
        self.fillOpacity = fillOpacity; self.showGrid = showGrid; self.lightInk = lightInk; self.darkInk = darkInk
        self.hatchCycle = hatchCycle; self.colormap = colormap
        self.textFont = textFont; self.mathFont = mathFont; self.fontSizes = fontSizes
    }

    // `light`, `dark` and `print` are the files in Themes/, compiled into BuiltInThemes.swift.

    /// `light`, `dark` or `print`.
    public static func named(_ name: String) throws -> Theme {
        switch name.lowercased() {
        case "light": return .light
        case "dark": return .dark
        case "print": return .print
        default: throw FigureError("unknown theme '\(name)'; expected light, dark or print")
        }
    }

    /// Series i's colour as a role: the exporter picks it from the theme it draws in.
    func seriesColor(_ i: Int) -> Paint { .series(i) }
    func seriesStyle(_ i: Int) -> LineStyle { lineStyleCycle[i % lineStyleCycle.count] }
    func seriesMarker(_ i: Int) -> MarkerShape? { markerCycle.map { $0[i % $0.count] } }
    func seriesHatch(_ i: Int) -> Hatch { hatchCycle.map { $0[i % $0.count] } ?? .none }
}

/// Errors in a figure description or its parameters; the message says what is wrong and what was expected.
public struct FigureError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
