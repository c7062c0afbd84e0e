import Foundation
import Testing
import MathTypesetting
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
