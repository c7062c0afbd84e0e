import Expressions
import FigureModel

extension LayerBuilder {
    /// An `annotate` layer without a leader: text at `at:`. `coordinates: axes` reads `at:` as
    /// fractions of the plot area ((0, 0) bottom left, (1, 1) top right), for a summary that stays
    /// in a corner whatever the data; `box: true` draws it on a box in the legend's colours;
    /// `align:` and `valign:` (top, middle, bottom) say which point of the text sits at `at:`;
    /// they are texts, so `{{…}}` can choose (`align: "{{if(left, 'left', 'right')}}"`).
    func textLabel(_ node: YAMLNode, text: String, at: Point, color: Paint?) throws -> TextLabel {
        let align = try node["align"].map { try compiler.choiceText($0, "align", ["left", "center", "right"]) } ?? "center"
        let h: HorizontalAnchor = align == "left" ? .left : align == "right" ? .right : .center
        let valign = try node["valign"].map { try compiler.choiceText($0, "valign", ["top", "middle", "bottom"]) } ?? "middle"
        let v: VerticalAnchor = valign == "top" ? .top : valign == "bottom" ? .bottom : .middle
        let frame = try node["coordinates"].map { try reader.choice($0, "coordinates", ["data", "axes"]) } ?? "data"
        let size = try node["size"].map { try compiler.number($0, "size") } ?? 1
        let boxed = try node["box"].map { try compiler.flag($0, "box") } ?? false
        // `fit_width: 0.6`: the text shrinks to fit that many x units (a bar's width), as a label on a bar must.
        let fit = try node["fit_width"].map { try compiler.number($0, "fit_width") }
        if let fit, fit <= 0 { throw reader.error(node["fit_width"]!, "fit_width must be above 0 (x-axis units)") }
        return TextLabel(text, at: at, coordinates: frame == "axes" ? .axesFraction : .data, horizontal: h, vertical: v,
                         scale: size, color: color, boxed: boxed, fitWidth: fit)
    }
}

extension SpecCompiler {
    /// One of `options`, written as text with `{{…}}` filled in (`"{{if(m > 0.5, 'left', 'right')}}"`).
    func choiceText(_ node: YAMLNode, _ what: String, _ options: [String]) throws -> String {
        let t = try text(node, what)
        guard options.contains(t) else {
            throw reader.error(node, "\(what) '\(t)' is not known\(suggestion(for: t, in: options)); expected one of: \(options.joined(separator: ", "))")
        }
        return t
    }
}
