import Foundation
import Testing
import MathTypesetting
@testable import CairoRender

@Suite struct MathTestSheetTests {
    @Test func sheetIsOnePDFPageWithEveryFormula() throws {
        let font = try MathFont.load(family: MathFont.defaultFamily)
        let pdf = try renderMathTestSheet(font: font)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("infoplot-math-test-sheet.pdf").path
        try writeFileAtomically(pdf, to: path)
        let info = try runTool("/usr/bin/pdfinfo", [path])
        #expect(info.range(of: #"Pages:\s+1\n"#, options: .regularExpression) != nil)
        #expect(MathTestSheet.formulas.count >= 60)
    }
}
