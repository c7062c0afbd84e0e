import Foundation
import FigureModel
import Frame
import MathTypesetting

/// The visual test sheet laid out: the page, and where each row's topic and formula sit (boxes in
/// page points, y down), so a test can check that no topic runs into its formula.
struct MathTestSheetLayout {
    var frame: Frame
    var rows: [(label: Rect, formula: Rect)]
}

/// Every formula of `MathTestSheet.formulas` on one page, each with its topic in a left column, for
/// comparison by eye with TeX output. The column is as wide as the widest topic plus one em (at
/// least 130 pt), so a long topic ("99. other names (texvc, amssymb, braket)") never runs into its
/// formula; the page grows to the widest formula.
func mathTestSheetLayout(font: MathFont, size: Double = 11) throws -> MathTestSheetLayout {
    let margin = 36.0, gap = 0.9 * size
    var rows: [(label: MathBox, formula: MathBox)] = []
    for (i, entry) in MathTestSheet.formulas.enumerated() {
        let label = try typeset("\\text{\(i + 1). \(entry.topic)}", font: font, size: size * 0.7)
        let formula = try typeset(entry.tex, display: entry.display, font: font, size: size)
        rows.append((label, formula))
    }
    let title = try typeset(#"\text{infoplot math test sheet: "# + font.family + #", }"# + "\(Int(size))" + #"\text{ pt}"#,
                            font: font, size: size)
    let labelColumn = max(130, (rows.map { $0.label.width }.max() ?? 0) + size)
    let contentWidth = rows.map { $0.formula.width }.max() ?? 0
    let width = (2 * margin + labelColumn + contentWidth).rounded(.up)
    let height = (2 * margin + title.height + title.depth + gap
        + rows.reduce(0) { $0 + max($1.formula.height, $1.label.height) + max($1.formula.depth, $1.label.depth) + gap }).rounded(.up)

    var items: [FrameItem] = [.path(FramePath(rectangle(Rect(x: 0, y: 0, width: width, height: height)), fill: .color(.white)))]
    var placed: [(label: Rect, formula: Rect)] = []
    let black = Paint.color(.black), grey = Paint.color(Color(red: 0.45, green: 0.45, blue: 0.45))
    var y = margin + title.height
    items += mathFrameItems(title, x: margin, baseline: y, fill: black, source: "")
    y += title.depth + gap
    for (row, entry) in zip(rows, MathTestSheet.formulas) {
        y += max(row.formula.height, row.label.height)
        items += mathFrameItems(row.label, x: margin, baseline: y, fill: grey, source: "")
        items += mathFrameItems(row.formula, x: margin + labelColumn, baseline: y, fill: black, source: entry.tex)
        func box(_ b: MathBox, _ x: Double) -> Rect { Rect(x: x, y: y - b.height, width: b.width, height: b.height + b.depth) }
        placed.append((box(row.label, margin), box(row.formula, margin + labelColumn)))
        y += max(row.formula.depth, row.label.depth) + gap
    }
    return MathTestSheetLayout(frame: Frame(width: width, height: height, items: items, title: "infoplot math test sheet"),
                               rows: placed)
}

/// The visual test sheet as one PDF page (`mathTestSheetLayout` drawn).
public func renderMathTestSheet(font: MathFont, size: Double = 11) throws -> Data {
    try renderFrame(try mathTestSheetLayout(font: font, size: size).frame, format: .pdf)
}

/// Renders the test sheet in `family` and writes it to `path` (temp file, then rename). Returns the
/// font warning when the family was missing and DejaVu Math TeX Gyre was used instead.
@discardableResult
public func writeMathTestSheet(to path: String, family: String = MathFont.defaultFamily, size: Double = 11) throws -> String? {
    let font = try MathFont.load(family: family)
    try writeAtomically(try renderMathTestSheet(font: font, size: size), to: path)
    return font.warning
}
