import Foundation
import Testing
import MathTypesetting
import FigureModel
@testable import CairoRender

@Suite struct MathTestSheetTests {
    @Test func sheetIsOnePDFPageWithEveryFormula() throws {
        let font = try MathFont.load(family: MathFont.defaultFamily)
        let pdf = try renderMathTestSheet(font: font)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-math-test-sheet.pdf").path
        try writeAtomically(pdf, to: path)
        let info = try runTool("/usr/bin/pdfinfo", [path])
        #expect(info.range(of: #"Pages:\s+1\n"#, options: .regularExpression) != nil)
        #expect(MathTestSheet.formulas.count >= 60)
    }
}

extension MathTestSheetTests {
    /// Renders the sheet in every installed math font for inspection (and checks each is one page).
    @Test(arguments: [MathFont.handoutFamily, MathFont.classicFamily])
    func sheetInOtherFonts(family: String) throws {
        let font = try MathFont.load(family: family)
        let pdf = try renderMathTestSheet(font: font)
        let name = family.replacingOccurrences(of: " ", with: "-")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-math-test-sheet-\(name).pdf").path
        try writeAtomically(pdf, to: path)
        let info = try runTool("/usr/bin/pdfinfo", [path])
        #expect(info.range(of: #"Pages:\s+1\n"#, options: .regularExpression) != nil)
    }
}

extension MathTestSheetTests {
    /// Every glyph of the sheet maps back to a character: pdftotext finds no U+FFFD.
    @Test func sheetTextExtractsWithoutReplacementCharacters() throws {
        let font = try MathFont.load(family: MathFont.defaultFamily)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-math-test-sheet-text-\(getpid()).pdf").path
        try writeAtomically(try renderMathTestSheet(font: font), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try runTool("/usr/bin/pdftotext", [path, "-"])
        #expect(!text.contains("\u{FFFD}"))
        #expect(text.contains("∑") && text.contains("∫") && text.contains("ELBO"))
    }
}

extension MathTestSheetTests {
    /// No topic runs into its formula or into the next row, in every installed math font (row 99's
    /// long topic overlapped its formula when the topic column was a fixed 130 pt).
    @Test(arguments: [MathFont.defaultFamily, MathFont.handoutFamily, MathFont.classicFamily])
    func topicsClearTheirFormulas(family: String) throws {
        let layout = try mathTestSheetLayout(font: try MathFont.load(family: family))
        #expect(layout.rows.count == MathTestSheet.formulas.count)
        for (k, row) in layout.rows.enumerated() {
            #expect(row.label.maxX < row.formula.x, "row \(k + 1): topic ends at \(row.label.maxX), formula starts at \(row.formula.x)")
            #expect(row.formula.maxX <= layout.frame.width, "row \(k + 1) runs off the page")
            if k > 0 {
                let above = layout.rows[k - 1]
                #expect(max(above.label.maxY, above.formula.maxY) <= min(row.label.y, row.formula.y) + 1e-9, "row \(k + 1) overlaps row \(k)")
            }
        }
    }
}
