import Foundation
import FigureModel

extension LayerBuilder {
    /// `fit: true` on an `annotate` with `text_at`: the label is made to fit its panel at the size
    /// the figure is drawn at. Its width is estimated from its characters (an annotation is 0.85 ×
    /// the base font, a DejaVu character about 0.55 em wide); a label wider than 60 % of the plot
    /// breaks at its first " = ", and its text is pulled in from the panel's edges so it never
    /// leaves the plot area (on an x axis with a fixed range). Column-width figures need this;
    /// slides rarely do.
    func fitted(_ text: String, textAt: Point) -> (String, Point) {
        let base = compiler.size.baseFontSize
        // The plot area: the panel's share of the width less the y axis' ticks and label.
        let plotPoints = max(compiler.size.widthPoints / Double(compiler.grid.columns) - 4.5 * base, 1)
        let characters = text.split(separator: "\n").map { plainLength(String($0)) }.max() ?? 0
        var fraction = Double(characters) * 0.55 * 0.85 * base / plotPoints
        var out = text
        if fraction > 0.6, let r = text.range(of: " = ") {
            out = text.replacingCharacters(in: r, with: "\n")
            // The longer part of "name\nvalue" is about 60 % of the whole.
            fraction *= 0.6
        }
        guard case .fixed(let lo, let hi) = xAxis.limits, hi > lo else { return (out, textAt) }
        let half = min(fraction / 2 + 0.02, 0.5)
        let t = min(max((textAt.x - lo) / (hi - lo), half), 1 - half)
        return (out, Point(lo + t * (hi - lo), textAt.y))
    }
}

/// About how many characters wide a label is once typeset: `$` and TeX's grouping and script marks
/// take no room, an operator name such as `\log` is its letters, any other command one symbol.
func plainLength(_ text: String) -> Int {
    var count = 0
    var chars = Array(text)[...]
    while let c = chars.first {
        chars = chars.dropFirst()
        switch c {
        case "$", "{", "}", "^", "_": continue
        case "\\":
            let name = chars.prefix(while: \.isLetter)
            chars = chars.dropFirst(max(name.count, 1))
            count += ["log", "ln", "exp", "min", "max", "sin", "cos", "lim"].contains(String(name)) ? name.count : 1
        default: count += 1
        }
    }
    return count
}
