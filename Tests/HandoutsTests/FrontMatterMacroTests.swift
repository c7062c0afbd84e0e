import Foundation
import Testing
@testable import Handouts

/// `macros:` in the front matter: the same NAME → BODY table as `infoplot math --macro`.
@Suite struct FrontMatterMacroTests {
    @Test func macrosAreDecodedWithOrWithoutTheBackslash() throws {
        let doc = try parse("---\ntitle: T\nmacros:\n  R: '\\mathbb{R}'\n  '\\norm': '\\left\\|#1\\right\\|'\n---\nText $\\R^n$.\n")
        #expect(doc.meta.macros == ["R": "\\mathbb{R}", "norm": "\\left\\|#1\\right\\|"])
    }

    @Test func aBadNameOrBodyIsAnErrorAtItsLineAndColumn() {
        let name = templateError { _ = try parse("---\ntitle: T\nmacros:\n  R2: x\n---\n") }
        #expect(name?.line == 4 && name?.column == 3)
        #expect(name?.message.contains("letters only") == true)
        let body = templateError { _ = try parse("---\ntitle: T\nmacros:\n  R: '\\mathbbb{R}'\n---\n") }
        #expect(body?.line == 4 && body?.column == 6)
        #expect(body?.message.contains("unknown command \\mathbbb") == true)
        let shape = templateError { _ = try parse("---\ntitle: T\nmacros: [R]\n---\n") }
        #expect(shape?.line == 3)
    }

    @Test func macrosReachEveryFormulaOfTheBuild() throws {
        let source = "---\ntitle: T\nmacros:\n  KL: 'D_{\\mathrm{KL}}'\n---\n\nInline $\\KL(p \\| q)$.\n\n$$ \\KL(p \\| q) \\ge 0 $$\n"
        let built = try buildHandout(file: "t.md", source: source, formats: [.pdf, .html])
        let text = try BuildFixtures.tool("pdftotext", [], pdf: try #require(built.pdf))
        #expect(text.contains("KL"))
        let html = String(decoding: try #require(built.html), as: UTF8.self)
        #expect(html.contains("KL") && !html.contains("unknown command"))
        // Without the table the same source fails: \KL is unknown.
        #expect(throws: (any Error).self) { _ = try buildHandout(file: "t.md", source: source.replacingOccurrences(of: "macros:\n  KL: 'D_{\\mathrm{KL}}'\n", with: ""), formats: [.pdf]) }
    }
}
