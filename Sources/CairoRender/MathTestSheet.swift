import Foundation
import FigureModel
import Frame
import MathTypesetting

/// The visual test sheet: every formula of `MathTestSheet.formulas` on one PDF page, each with its topic
/// in a narrow left column, for comparison by eye with TeX output.
public func renderMathTestSheet(font: MathFont, size: Double = 11) throws -> Data {
    let margin = 36.0, labelColumn = 130.0, gap = 0.9 * size
    var rows: [(label: MathBox, formula: MathBox)] = []
    for (i, entry) in MathTestSheet.formulas.enumerated() {
        let label = try typeset("\\text{\(i + 1). \(entry.topic)}", font: font, size: size * 0.7)
        let formula = try typeset(entry.tex, display: entry.display, font: font, size: size)
        rows.append((label, formula))
    }
    let title = try typeset(#"\text{infoplot math test sheet: "# + font.family + #", }"# + "\(Int(size))" + #"\text{ pt}"#,
                            font: font, size: size)
    let contentWidth = rows.map { $0.formula.width }.max() ?? 0
    let width = (2 * margin + labelColumn + contentWidth).rounded(.up)
    let height = (2 * margin + title.height + title.depth + gap
        + rows.reduce(0) { $0 + max($1.formula.height, $1.label.height) + max($1.formula.depth, $1.label.depth) + gap }).rounded(.up)

    var items: [FrameItem] = [.path(FramePath(rectangle(Rect(x: 0, y: 0, width: width, height: height)), fill: .color(.white)))]
    let black = Paint.color(.black), grey = Paint.color(Color(red: 0.45, green: 0.45, blue: 0.45))
    var y = margin + title.height
    items += mathFrameItems(title, x: margin, baseline: y, fill: black, source: "")
    y += title.depth + gap
    for (row, entry) in zip(rows, MathTestSheet.formulas) {
        y += max(row.formula.height, row.label.height)
        items += mathFrameItems(row.label, x: margin, baseline: y, fill: grey, source: "")
        items += mathFrameItems(row.formula, x: margin + labelColumn, baseline: y, fill: black, source: entry.tex)
        y += max(row.formula.depth, row.label.depth) + gap
    }
    return try renderFrame(Frame(width: width, height: height, items: items, title: "infoplot math test sheet"), format: .pdf)
}

/// Renders the test sheet in `family` and writes it to `path` (temp file, then rename). Returns the
/// font warning when the family was missing and DejaVu Math TeX Gyre was used instead.
@discardableResult
public func writeMathTestSheet(to path: String, family: String = MathFont.defaultFamily, size: Double = 11) throws -> String? {
    let font = try MathFont.load(family: family)
    try writeAtomically(try renderMathTestSheet(font: font, size: size), to: path)
    return font.warning
}
