/// How a figure looks, as a value: colours, the series cycle, weights. Sizes are in units of the
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

    public static let light = Theme(
        name: "light", background: .white, foreground: Color(hex: 0x1A1A1A), mutedForeground: Color(hex: 0x555555),
        gridColor: Color(hex: 0xB0B0B0, alpha: 0.45), legendBackground: Color(hex: 0xFFFFFF, alpha: 0.9),
        legendEdge: Color(hex: 0xCCCCCC),
        cycle: [OkabeIto.blue, OkabeIto.vermillion, OkabeIto.bluishGreen, OkabeIto.orange, OkabeIto.reddishPurple,
                OkabeIto.skyBlue, OkabeIto.black, OkabeIto.yellow],
        lineStyleCycle: [.solid], markerCycle: nil, fillOpacity: 0.3, showGrid: true,
        lightInk: .white, darkInk: .black)

    public static let dark = Theme(
        name: "dark", background: Color(hex: 0x1E2127), foreground: Color(hex: 0xE8E8E8), mutedForeground: Color(hex: 0xB0B0B0),
        gridColor: Color(hex: 0x8A8F98, alpha: 0.35), legendBackground: Color(hex: 0x1E2127, alpha: 0.9),
        legendEdge: Color(hex: 0x5A5F68),
        cycle: [OkabeIto.skyBlue, OkabeIto.orange, OkabeIto.bluishGreen, OkabeIto.reddishPurple, OkabeIto.yellow,
                OkabeIto.vermillion, Color(hex: 0xE8E8E8), OkabeIto.blue],
        lineStyleCycle: [.solid], markerCycle: nil, fillOpacity: 0.35, showGrid: true,
        lightInk: .white, darkInk: .black)

    /// Grey-scale safe: series differ by grey level and by dash pattern and marker (lines) or
    /// hatching (bars), since greys such as #404040 and #333333 look alike on paper.
    public static let print = Theme(
        name: "print", background: .white, foreground: .black, mutedForeground: Color(hex: 0x444444),
        gridColor: Color(hex: 0xB0B0B0, alpha: 0.5), legendBackground: Color(hex: 0xFFFFFF, alpha: 0.92),
        legendEdge: Color(hex: 0x999999),
        cycle: [.black, Color(hex: 0x555555), Color(hex: 0x888888), Color(hex: 0x333333), Color(hex: 0x777777)],
        lineStyleCycle: [.solid, .dashed, .dotted, .dashDot, .longDash], markerCycle: [.circle, .square, .triangle, .diamond, .cross],
        fillOpacity: 0.25, showGrid: true, lightInk: .white, darkInk: .black,
        hatchCycle: [.none, .diagonal, .backDiagonal, .crossed, .horizontal, .vertical])

    /// `light`, `dark` or `print`.
    public static func named(_ name: String) throws -> Theme {
        switch name.lowercased() {
        case "light": return .light
        case "dark": return .dark
        case "print": return .print
        default: throw FigureError("unknown theme '\(name)'; expected light, dark or print")
        }
    }

    func seriesColor(_ i: Int) -> Color { cycle[i % cycle.count] }
    func seriesStyle(_ i: Int) -> LineStyle { lineStyleCycle[i % lineStyleCycle.count] }
    func seriesMarker(_ i: Int) -> MarkerShape? { markerCycle.map { $0[i % $0.count] } }
    func seriesHatch(_ i: Int) -> Hatch { hatchCycle.map { $0[i % $0.count] } ?? .none }
    /// Hatch lines over a fill: white on dark fills, black on light ones.
    func hatchInk(over fill: Color) -> Color { fill.luminance < 0.35 ? lightInk : darkInk }
}

/// Errors in a figure description or its parameters; the message says what is wrong and what was expected.
public struct FigureError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
