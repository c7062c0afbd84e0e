import FigureModel
import InfoRequests

extension FigureSize {
    /// The size as names a spec's expressions read, so `when:` and `grid:` can change the layout
    /// for small or portrait presets (issue 8 §4: the catalogue's column and half-slide layouts):
    /// `figure_width` and `figure_height` in inches, `figure_size` the preset's name (`column`,
    /// `half-slide`, …; `WxH` for other sizes) and `font_size` the base font in points
    /// (`size: "0.9 * font_size"`).
    var specNames: [(String, JSONValue)] {
        [("figure_width", .number(widthInches)), ("figure_height", .number(heightInches)),
         ("figure_size", .string(description)), ("font_size", .number(baseFontSize))]
    }
}

extension PlotSpec {
    /// `size_note:`, the sentence saying what the figure leaves out at small sizes (`infoplot
    /// figures` lists it; texts print it as `{{size_note}}`, so it is written once).
    public var sizeNote: String? { root["size_note"]?.string }
}

extension SpecCompiler {
    /// `grid: [rows, columns]`, or an expression giving that list
    /// (`grid: "if(figure_width < figure_height, [2, 1], [1, 2])"`); nil when it is no such pair.
    func gridShape(_ node: YAMLNode) throws -> (rows: Double, columns: Double)? {
        guard case .array(let l) = try value(node), l.count == 2, case .number(let r) = l[0], case .number(let c) = l[1] else { return nil }
        return (r, c)
    }
}
