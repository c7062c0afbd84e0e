/// What a fill or stroke is painted with: a colour the author gave (a literal, the same in every
/// theme), or a role the exporter resolves from the theme it draws in (issue 9: a figure model and
/// its frame carry no colours of a theme, so one laid-out figure is drawn in light, dark, or both
/// at once as an SVG whose roles are CSS custom properties).
///
/// Opacity is part of the paint, never baked into a theme colour:
/// - `.role(r, alpha: k)`: the role's colour with its own alpha multiplied by k (the grid's 0.45 in
///   light and 0.35 in dark both survive a k = 1 stroke; a 0.75 muted line is k = 0.75);
/// - `.fillOpacity(p)`: p with its alpha replaced by the theme's fill opacity (areas and their
///   legend patches: 0.3 in light, 0.35 in dark), whether p is a role or a literal.
/// Colour-map cells (heatmaps, colour bars, colour-map contours) are literals of the map the figure
/// names: a colour map encodes data, not the ground it is drawn on, and every theme's default map is
/// a choice of the figure model (PlotGrammar resolves `colormap:` when a spec compiles).
public enum Paint: Sendable, Hashable {
    case color(Color)
    case role(ColorRole, alpha: Double)
    indirect case fillOpacity(Paint)

    /// A role at full strength (`.role(r, alpha: 1)`).
    public static func role(_ r: ColorRole) -> Paint { .role(r, alpha: 1) }
    public static let foreground = Paint.role(.foreground)
    public static let background = Paint.role(.background)
    public static let muted = Paint.role(.muted)
    public static let grid = Paint.role(.grid)
    public static let accent = Paint.role(.accent)
    /// The i-th colour of the theme's series cycle (wrapping).
    public static func series(_ i: Int) -> Paint { .role(.series(i)) }

    /// The paint at opacity `a`: a literal's alpha replaced, a role's strength set to `a` (theme
    /// roles used as fills are opaque, so both read "this colour at opacity a").
    public func opacity(_ a: Double) -> Paint {
        switch self {
        case .color(let c): .color(c.withAlpha(a))
        case .role(let r, _): .role(r, alpha: a)
        case .fillOpacity(let p): p.opacity(a)
        }
    }

    /// The ink that reads on top of this paint used as a fill (bar values and hatching over bars):
    /// for a literal, chosen now by its luminance; for a role, a role of its own, since the fill
    /// changes with the theme (series 1 is dark blue in light and sky blue in dark).
    public var contrastingInk: Paint {
        switch self {
        case .color(let c): .role(Palette.inkIsLight(over: c) ? .lightInk : .darkInk)
        case .role(let r, _): .role(.ink(on: r))
        case .fillOpacity(let p): p.contrastingInk
        }
    }

    /// The roles this paint refers to.
    public var role: ColorRole? {
        switch self {
        case .color: nil
        case .role(let r, _): r
        case .fillOpacity(let p): p.role
        }
    }
}

/// The colours of a theme by what they mean.
public indirect enum ColorRole: Sendable, Hashable, Comparable {
    /// Text, spines, ticks.
    case foreground
    case background
    /// Leader lines, secondary text.
    case muted
    case grid
    case legendBackground, legendEdge
    /// A figure's emphasis colour: the theme's first series colour (themes have no accent of their own).
    case accent
    /// The i-th colour of the series cycle (wrapping, so a frame laid out for any cycle length
    /// resolves in every theme).
    case series(Int)
    /// Text and lines drawn over dark and light colour-map cells (the theme's `ink`).
    case lightInk, darkInk
    /// `lightInk` or `darkInk`, whichever reads over the role's colour in the theme being drawn.
    case ink(on: ColorRole)

    /// A CSS custom-property name (`--fg`, `--s2`, `--i-s0`, …).
    public var cssName: String {
        switch self {
        case .foreground: "--fg"
        case .background: "--bg"
        case .muted: "--mu"
        case .grid: "--gr"
        case .legendBackground: "--lb"
        case .legendEdge: "--le"
        case .accent: "--ac"
        case .series(let i): "--s\(i)"
        case .lightInk: "--il"
        case .darkInk: "--id"
        case .ink(let r): "--i" + r.cssName.dropFirst(1)
        }
    }
}

/// Role → colour for one theme, plus the theme's fill opacity.
public struct Palette: Sendable, Hashable {
    public var colors: [ColorRole: Color]
    /// The theme's series cycle (`.series(i)` takes entry i modulo its length).
    public var cycle: [Color]
    /// What `.fillOpacity` paints are drawn at.
    public var fillOpacity: Double
    public init(_ colors: [ColorRole: Color] = [:], cycle: [Color] = [], fillOpacity: Double = 1) {
        self.colors = colors; self.cycle = cycle; self.fillOpacity = fillOpacity
    }

    /// The roles of a figure theme.
    public init(theme: Theme) {
        self.init([.foreground: theme.foreground, .background: theme.background, .muted: theme.mutedForeground,
                   .grid: theme.gridColor, .legendBackground: theme.legendBackground, .legendEdge: theme.legendEdge,
                   .lightInk: theme.lightInk, .darkInk: theme.darkInk],
                  cycle: theme.cycle, fillOpacity: theme.fillOpacity)
    }

    /// The colour of a role in this palette; nil when the palette does not know it.
    public func color(_ r: ColorRole) -> Color? {
        if let c = colors[r] { return c }
        switch r {
        case .series(let i): return cycle.isEmpty ? nil : cycle[((i % cycle.count) + cycle.count) % cycle.count]
        case .accent: return color(.series(0))
        case .ink(let on):
            guard let base = color(on) else { return nil }
            return color(Palette.inkIsLight(over: base) ? .lightInk : .darkInk)
        default: return nil
        }
    }

    /// The colour a paint stands for (an unknown role paints black, which a test would see).
    public func resolve(_ paint: Paint) -> Color {
        switch paint {
        case .color(let c): return c
        case .role(let r, let alpha):
            let c = color(r) ?? .black
            return c.withAlpha(c.alpha * alpha)
        case .fillOpacity(let p): return resolve(p).withAlpha(fillOpacity)
        }
    }

    /// Light ink over a fill darker than this luminance (chosen so white text on the light theme's
    /// blue and black text on its orange both pass; the threshold the bar labels always used).
    public static let inkLuminanceThreshold = 0.35
    public static func inkIsLight(over c: Color) -> Bool { c.luminance < inkLuminanceThreshold }
}
