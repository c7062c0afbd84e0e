/// Which text face goes with which math font: the one declaration of the pairing (issue 14). A
/// label that mixes prose and `$…$` sets the prose in the text face and the math in the math font,
/// so the two must be drawn to match: each OpenType math font here was made as the math companion
/// of one text family (the TeX Gyre math fonts of their TeX Gyre text fonts, GUST 2007–2014; Latin
/// Modern Math of Latin Modern Roman; DejaVu Math TeX Gyre of DejaVu Serif, whose italic its
/// letters follow). A theme's text font defaults to its math font's companion here.
public enum FontPairing {
    /// Math font family → its companion text family.
    public static let companions: [(math: String, text: String)] = [
        ("DejaVu Math TeX Gyre", "DejaVu Serif"),
        ("Latin Modern Math", "Latin Modern Roman"),
        ("TeX Gyre Pagella Math", "TeX Gyre Pagella"),
        ("TeX Gyre Termes Math", "TeX Gyre Termes"),
        ("TeX Gyre Bonum Math", "TeX Gyre Bonum"),
        ("TeX Gyre Schola Math", "TeX Gyre Schola"),
    ]

    /// The text face drawn for `math` (family names compare case-insensitively, as fontconfig's do).
    public static func text(forMath math: String) -> String? {
        companions.first { $0.math.caseInsensitiveCompare(math) == .orderedSame }?.text
    }
}

/// The sizes of a figure's kinds of text, in units of the figure's base font size (which the size
/// preset fixes, see `FigureSize.baseFontSize`), so one theme serves every size preset.
public struct FontSizes: Sendable, Hashable {
    /// The figure's heading (a multi-panel figure's title).
    public var heading: Double
    /// Panel titles.
    public var title: Double
    /// Axis and colour-bar labels (the base size itself by default).
    public var label: Double
    public var tick: Double
    public var legend: Double
    /// Annotations and labels on marks.
    public var annotation: Double
    /// Contour-level labels.
    public var contour: Double

    public init(heading: Double, title: Double, label: Double, tick: Double, legend: Double, annotation: Double,
                contour: Double) {
        self.heading = heading; self.title = title; self.label = label; self.tick = tick
        self.legend = legend; self.annotation = annotation; self.contour = contour
    }

    /// The names theme files use, in the order they print, with the size each names.
    public static let fields: [(name: String, size: any WritableKeyPath<FontSizes, Double> & Sendable)] = [
        ("heading", \.heading), ("title", \.title), ("label", \.label), ("tick", \.tick),
        ("legend", \.legend), ("annotation", \.annotation), ("contour", \.contour),
    ]
    public static var names: [String] { fields.map(\.name) }
}
