import FigureModel

/// What a fill or stroke is painted with: a fixed colour, or a role the exporter resolves from a
/// palette (so one frame can be drawn in the light and dark theme, or in both at once as an SVG
/// with CSS custom properties).
public enum Paint: Sendable, Hashable {
    case color(Color)
    /// A role at an opacity multiplied into the role's own alpha.
    case role(ColorRole, alpha: Double)
}

/// The colours of a theme by what they mean.
public enum ColorRole: Sendable, Hashable, Comparable {
    case foreground, background, muted, grid, legendBackground, legendEdge
    /// The i-th colour of the series cycle.
    case series(Int)
    /// A colour that changes between palettes without a theme role (numbered by first use).
    case other(Int)

    /// A CSS custom-property name (`--fg`, `--s2`, …).
    public var cssName: String {
        switch self {
        case .foreground: "--fg"
        case .background: "--bg"
        case .muted: "--mu"
        case .grid: "--gr"
        case .legendBackground: "--lb"
        case .legendEdge: "--le"
        case .series(let i): "--s\(i)"
        case .other(let i): "--c\(i)"
        }
    }
}

/// Role → colour for one theme.
public struct Palette: Sendable, Hashable {
    public var colors: [ColorRole: Color]
    public init(_ colors: [ColorRole: Color] = [:]) { self.colors = colors }

    /// The colour a paint stands for (an unknown role paints black, which a test would see).
    public func resolve(_ paint: Paint) -> Color {
        switch paint {
        case .color(let c): return c
        case .role(let r, let alpha):
            let c = colors[r] ?? .black
            return c.withAlpha(c.alpha * alpha)
        }
    }

    /// The roles of a figure theme.
    public init(theme: Theme) {
        var c: [ColorRole: Color] = [.foreground: theme.foreground, .background: theme.background, .muted: theme.mutedForeground,
                                     .grid: theme.gridColor, .legendBackground: theme.legendBackground,
                                     .legendEdge: theme.legendEdge]
        for (i, s) in theme.cycle.enumerated() { c[.series(i)] = s }
        self.init(c)
    }
}
