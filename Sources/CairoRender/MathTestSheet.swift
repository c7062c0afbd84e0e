import Foundation
import CCairo
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

    let sink = ByteSink()
    guard let surface = cairo_pdf_surface_create_for_stream(sinkWrite, Unmanaged.passUnretained(sink).toOpaque(), width, height),
          let cr = cairo_create(surface) else {
        throw MathRenderError(message: "cairo could not create the test sheet surface")
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdfDate())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, pdfDate())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "infoplot math test sheet")
    var y = margin + title.height
    drawMath(title, on: cr, x: margin, baselineY: y)
    y += title.depth + gap
    for row in rows {
        y += max(row.formula.height, row.label.height)
        drawMath(row.label, on: cr, x: margin, baselineY: y, color: (0.45, 0.45, 0.45, 1))
        drawMath(row.formula, on: cr, x: margin + labelColumn, baselineY: y)
        y += max(row.formula.depth, row.label.depth) + gap
    }
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    cairo_surface_destroy(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
        throw MathRenderError(message: "writing the test sheet failed: \(String(cString: cairo_status_to_string(status)))")
    }
    return withExtendedLifetime(sink) { sink.data }
}

/// Renders the test sheet in `family` and writes it to `path` (temp file, then rename). Returns the
/// font warning when the family was missing and DejaVu Math TeX Gyre was used instead.
@discardableResult
public func writeMathTestSheet(to path: String, family: String = MathFont.defaultFamily, size: Double = 11) throws -> String? {
    let font = try MathFont.load(family: family)
    try writeAtomically(try renderMathTestSheet(font: font, size: size), to: path)
    return font.warning
}
